// Issue 6, the class invitation: staff make the class's link and QR code from its card; a learner opens the link on
// their own phone, is refused with a wrong birth date, then names themselves as the class list has them (typed
// without diacritics) and lands on their schedule; a revoked link is refused in words. axe-core checks both screens.
import { describe, expect, it } from 'vitest';
import { searchKey } from '../../src/domain/vietnamese-text.ts';
import { runAxe } from './helpers/axe.ts';
import { signedIn } from './helpers/signed-in.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { RollPage } from './pages/roll-page.ts';

describe('a class invitation link', () => {
  const suite = useE2eSuite();

  it("signs a learner's phone in to their account after they name themselves, until it is revoked", async () => {
    const { demo, url } = suite.server;
    const withAccount = new Set(demo.users.map((u) => u.learnerId));
    const cls = demo.classes.find((c) => c.status === 'open')!;
    const enrolment = demo.enrollments.find((e) => {
      const learner = demo.learners.find((l) => l.id === e.learnerId)!;
      return (
        e.classId === cls.id && e.status !== 'withdrawn' && learner.birthDate && !withAccount.has(learner.id)
      );
    })!;
    const learner = demo.learners.find((l) => l.id === enrolment.learnerId)!;

    const office = await signedIn(suite, 'admin');
    await office.page.goto(`${url}/lop/${cls.id}/moi-hoc-vien`);
    await office.page.getByRole('heading', { name: `Mời học viên vào lớp ${cls.code}` }).waitFor();
    await office.page.getByRole('button', { name: 'Tạo đường dẫn mời' }).click();
    const link = await office.page.getByLabel('Đường dẫn mời', { exact: true }).inputValue();
    expect(link).toMatch(new RegExp(`^${url}/moi#[A-Za-z0-9_-]{43}$`));
    await office.page
      .getByRole('img', { name: `Mã QR mời vào lớp ${cls.code}` })
      .locator('path')
      .waitFor();
    await office.page.getByTestId('invitations').getByText('Đang dùng được').waitFor();
    expect(await runAxe(office.page)).toEqual([]);

    const phone = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(link);
    expect(await page.getByTestId('invited-class').textContent()).toContain(cls.code);
    expect(await runAxe(page)).toEqual([]);
    await page.getByLabel('Họ và tên').fill(searchKey(learner.fullName));
    await page.getByLabel('Ngày sinh').fill('1901-01-01');
    await page.getByRole('button', { name: 'Vào lớp' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(
      'Họ tên và ngày sinh không khớp với ai trong danh sách lớp. Hãy nhập đúng như trong danh sách học viên.',
    );
    await page.getByLabel('Ngày sinh').fill(learner.birthDate!);
    await page.getByRole('button', { name: 'Vào lớp' }).click();
    await page.getByRole('heading', { name: 'Lịch học của tôi' }).waitFor();
    await new RollPage(page).waitAllSynced();
    expect(await page.locator('.who-line .who').textContent()).toBe(`${learner.fullName} · Học viên`);
    const classes = demo.enrollments.filter((e) => e.learnerId === learner.id).length;
    await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, classes);

    await office.page.getByRole('button', { name: 'Thu hồi' }).click();
    await office.page.getByTestId('invitations').getByText('Đã thu hồi').waitFor();
    const late = await (await suite.browser.newContext()).newPage();
    await late.goto(link);
    expect(await late.getByRole('alert').textContent()).toBe(
      'Đường dẫn mời này không còn dùng được (đã hết hạn hoặc bị thu hồi). Hãy xin trung tâm đường dẫn mới.',
    );
    await late.context().close();
    await phone.close();
    await office.context.close();
  });
});
