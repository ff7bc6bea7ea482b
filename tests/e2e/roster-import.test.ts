// Issue 5, the centre office: staff import a class roster from Excel with no connection. A renamed photo and a row
// with an impossible date are refused with the reason; the good file adds new learners and reuses one the centre
// already has, in one save; once back online it reaches the server and another device sees the learners.

import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { TEMPLATE_HEADERS } from '../../src/domain/roster-import.ts';
import { viDate } from '../../src/domain/vietnamese-format.ts';
import { searchKey } from '../../src/domain/vietnamese-text.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { HomePage } from './pages/home-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { RollPage } from './pages/roll-page.ts';
import { RosterImportPage } from './pages/roster-import-page.ts';

const HEADERS = Object.values(TEMPLATE_HEADERS);
const xlsx = async (rows: (string | number | null)[][]) => Buffer.from(await writeExcelFile(rows).toBuffer());

describe('roster import in Chromium', () => {
  const suite = useE2eSuite();

  it('the admin imports a small .xlsx into a class offline and sees the learners', async () => {
    const { url, demo } = suite.server;
    const year = Math.max(...demo.classes.map((c) => c.year));
    const cls = demo.classes.find((c) => c.year === year)!;
    const enrolledHere = new Set(
      demo.enrollments.filter((e) => e.classId === cls.id).map((e) => e.learnerId),
    );
    const known = demo.learners.find((l) => l.birthDate && !enrolledHere.has(l.id))!;
    const countBefore = demo.enrollments.filter(
      (e) => e.classId === cls.id && e.status !== 'withdrawn',
    ).length;
    const learnerCount = (page: import('playwright-core').Page, n: number) =>
      page.locator('.card', { hasText: cls.code }).getByText(`${n} học viên`, { exact: true }).waitFor();

    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await new LoginPage(page).open(url);
    await new LoginPage(page).signIn('admin', 'diemdanh');
    await new HomePage(page).title.filter({ hasText: String(year) }).waitFor();
    const device = new RollPage(page);
    await device.waitServiceWorker();
    await device.waitAllSynced();
    await learnerCount(page, countBefore);

    await context.setOffline(true);
    const roster = new RosterImportPage(page);
    await roster.openFromHome(cls.code);

    await roster.choose(
      'danh-sach.xlsx',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
    );
    expect(await roster.fileProblem.textContent()).toContain('không phải bảng tính');

    const good: (string | number | null)[][] = [
      HEADERS,
      ['Hoàng Thị Mỹ Duyên', '07/09/1992', 'Nữ', 'Chi hội trưởng', 'Hội Phụ nữ xã', '0905111222', 'dự bị'],
      [null, null, null, null, null, null, null],
      ['A Lưu', 33604, 'Nam', null, 'Thôn Kon Skôi', null, null],
      // The centre's own learner, typed without diacritics: reused, not created again.
      [searchKey(known.fullName), viDate(known.birthDate!), null, null, null, null, null],
    ];
    await roster.choose('danh-sach.xlsx', await xlsx([...good, ['Trần Văn Bình', '31/02/1990']]));
    await roster.summary.waitFor();
    expect(await roster.rows()).toContain('6 · Trần Văn Bình · Có lỗi');
    expect(await page.locator('.import-problems').textContent()).toContain('Ngày sinh: ngày không có thật');
    expect(await roster.saveButton.isDisabled()).toBe(true);

    await roster.choose('danh-sach.xlsx', await xlsx(good));
    // Polled: the previous file's preview (four rows) is on screen until this one's replaces it.
    await expect
      .poll(() => roster.rows())
      .toEqual([
        '2 · Hoàng Thị Mỹ Duyên · Học viên mới',
        '4 · A Lưu · Học viên mới',
        `5 · ${searchKey(known.fullName)} · Đã có trong trung tâm`,
      ]);
    expect(await roster.save()).toBe('Đã thêm 3 học viên vào lớp, trong đó 2 học viên mới.');
    await page.locator('.import-table tbody tr', { hasText: 'Đã có trong lớp' }).nth(2).waitFor();

    await page.getByRole('link', { name: /Về trang chính/ }).click();
    await learnerCount(page, countBefore + 3);

    await context.setOffline(false);
    await device.syncNow();
    await device.waitAllSynced();
    await context.close();

    // Another device of the centre gets the new list from the server.
    const other = await suite.browser.newContext();
    const otherPage = await other.newPage();
    await new LoginPage(otherPage).open(url);
    await new LoginPage(otherPage).signIn('admin', 'diemdanh');
    await new RollPage(otherPage).waitAllSynced();
    await learnerCount(otherPage, countBefore + 3);
    await other.close();
  });
});
