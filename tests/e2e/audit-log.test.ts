// The change log in Chromium: an instructor's mark and a password staff reset show up for staff with who, when
// (day first), which device and old → new in words, narrowed per class, learner, user and kind of data; in English
// too; and the screen passes axe.
import { describe, expect, it } from 'vitest';
import { runAxe } from './helpers/axe.ts';
import { signedIn } from './helpers/signed-in.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { RollPage } from './pages/roll-page.ts';

describe('the change log in Chromium', () => {
  const suite = useE2eSuite();

  it('shows who changed what, when and from which device, per class, learner, user and kind', async () => {
    const { demo } = suite.server;
    const lan = demo.users.find((u) => u.username === 'gv.lan')!;
    const admin = demo.users.find((u) => u.username === 'admin')!;
    const minh = demo.users.find((u) => u.username === 'gv.minh')!;
    const marked = new Set(demo.marks.map((m) => m.sessionId));
    const cls = demo.classes.find((c) => c.instructorIds.includes(lan.id) && c.status === 'open')!;
    const session = demo.sessions
      .filter((s) => s.classId === cls.id && !marked.has(s.id) && !s.cancelled)
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;
    const learnerId = demo.enrollments.find((e) => e.classId === cls.id)!.learnerId;
    const learner = demo.learners.find((l) => l.id === learnerId)!;

    // The instructor takes the roll: everyone present, then one learner absent.
    const instructor = await signedIn(suite, 'gv.lan');
    const roll = new RollPage(instructor.page);
    await roll.open(suite.server.url, session.id);
    await roll.allRemainingPresent();
    await roll.mark(learnerId, 'Vắng không phép');
    await roll.waitAllSynced();
    await instructor.context.close();

    // Staff reset another instructor's password.
    const { context, page } = await signedIn(suite, 'admin');
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    const row = page.getByTestId('accounts').getByRole('row').filter({ hasText: 'gv.minh' });
    await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await row.getByLabel(`Mật khẩu mới cho ${minh.displayName}`).fill('mat-khau-moi-99');
    await row.getByRole('button', { name: 'Lưu' }).click();
    await row.getByRole('status').waitFor();
    await page.getByRole('link', { name: /Về/ }).first().click();

    await page.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi' }).waitFor();
    const log = page.getByTestId('audit-log');
    const WORDS = {
      vi: { form: 'Lọc nhật ký', show: 'Xem nhật ký', empty: 'Không có thay đổi nào khớp với bộ lọc.' },
      en: { form: 'Filter the log', show: 'Show the log', empty: 'No change matches the filters.' },
    };
    /** Sets every filter (the ones not given to "all"), shows the log and waits for its first page. */
    const show = async (choices: Record<string, string>, language: 'vi' | 'en' = 'vi') => {
      const words = WORDS[language];
      const filters = page.getByRole('form', { name: words.form });
      for (const select of await filters.getByRole('combobox').all()) {
        const label = (await select.evaluate((s) => s.parentElement?.firstChild?.textContent)) ?? '';
        if (!(await select.isDisabled())) await select.selectOption(choices[label] ?? '');
      }
      const before = page.url();
      await filters.getByRole('button', { name: words.show }).click();
      if (Object.keys(choices).length > 0) await page.waitForURL((url) => url.toString() !== before);
      await page
        .getByRole('status')
        .filter({ hasText: /Đang tải nhật ký|Loading the log/ })
        .waitFor({ state: 'detached' });
      await log.or(page.getByText(words.empty)).first().waitFor();
    };

    // Per class: the instructor's mark, named by learner and session, with its old → new in words.
    await show({ Lớp: cls.id });
    const markRow = log
      .getByRole('row')
      .filter({ hasText: learner.fullName })
      .filter({ hasText: 'Vắng không phép' });
    await markRow.first().waitFor();
    const cells = await markRow.first().getByRole('cell').allTextContents();
    expect(cells[0]).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(cells[1]).toBe(lan.displayName);
    expect(cells[2]).toMatch(/^Máy [0-9a-f]{8}$/);
    expect(await markRow.first().textContent()).toContain('Trạng thái: Có mặt → Vắng không phép');
    expect(await markRow.first().getByRole('rowheader').textContent()).toContain(cls.code);
    expect(await log.getByRole('row').filter({ hasText: minh.displayName }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('classId')).toBe(cls.id);

    // Per learner, reached from the learner's history (the filter travels in the address), and per user: staff
    // made no mark, so the instructor's is gone.
    await page.goto(`${suite.server.url}/hoc-vien/${learnerId}`);
    await page.getByRole('link', { name: 'Nhật ký thay đổi của học viên' }).click();
    await markRow.first().waitFor();
    // A label's name includes the chosen option, so the select is found by how its name starts.
    expect(await page.getByRole('combobox', { name: /^Học viên/ }).inputValue()).toBe(learnerId);
    expect(await log.getByRole('row').filter({ hasNotText: learner.fullName }).count()).toBe(1); // the header
    await show({ Lớp: cls.id, 'Người thực hiện': admin.id });
    await page.getByText('Không có thay đổi nào khớp với bộ lọc.').waitFor();

    // Per kind: the reset password, from the staff's signed-in device, its value never shown.
    await show({ 'Người thực hiện': admin.id, 'Loại dữ liệu': 'users' });
    const resetRow = log.getByRole('row').filter({ hasText: minh.displayName });
    await resetRow.waitFor();
    expect(await resetRow.textContent()).toContain('Mật khẩu: đã đặt (không ghi lại mật khẩu) → đã đặt');
    expect(await resetRow.textContent()).not.toContain('mat-khau-moi-99');
    expect((await resetRow.getByRole('cell').allTextContents())[2]).not.toMatch(/^Máy /);

    expect(await runAxe(page)).toEqual([]);

    // In English, the same entry in English words.
    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Change log' }).waitFor();
    await show({ Class: cls.id, Learner: learnerId }, 'en');
    expect(await log.getByRole('row').filter({ hasText: learner.fullName }).first().textContent()).toContain(
      'Status: Present → Absent',
    );
    await context.close();
  });
});
