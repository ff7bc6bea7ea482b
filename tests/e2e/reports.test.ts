// Issue 5 acceptance in Chromium: the demo centre's 2021 report, computed on the admin's device, shows seed 001's
// figures on screen and in the paragraph, and the Excel file it downloads holds them too (read back here); it still
// opens offline.
import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/build-demo.ts';
import { SEED_001_KINDS } from '../fixtures/seed-001.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { LoginPage } from './pages/login-page.ts';
import { ReportsPage } from './pages/reports-page.ts';
import { RollPage } from './pages/roll-page.ts';

describe('reports in Chromium', () => {
  const suite = useE2eSuite();

  it('the 2021 report shows seed 001 on screen, in the paragraph and in the Excel file, offline too', async () => {
    const context = await suite.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.open(suite.server.url);
    await login.signIn('admin', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Báo cáo kết quả mở lớp' }).click();
    const roll = new RollPage(page);
    await roll.waitAllSynced();
    const report = new ReportsPage(page);
    await report.chooseYears(2021);

    expect(await report.figure('Số lớp đã mở')).toBe('12');
    expect(await report.figure('Lượt học viên')).toBe('522');
    expect(await report.figure('Số lớp theo kế hoạch')).toBe('13');
    const kinds = await report.kinds();
    expect(kinds).toHaveLength(11);
    expect(kinds[0]).toEqual(['Nhận thức về Đảng', '2', '77']);
    expect(kinds.map(([, classes, places]) => [Number(classes), Number(places)])).toEqual(SEED_001_KINDS);
    expect(await report.paragraph()).toContain(
      'đã tổ chức mở được 12 lớp với 522 lượt học viên tham gia học tập, gồm: (1) 02 lớp Nhận thức về Đảng với 77 học viên;',
    );

    const excel = await report.download('Tải tệp Excel');
    expect(excel.name).toBe('bao-cao-2021.xlsx');
    const sheet = await readSheet(new Uint8Array(excel.bytes).buffer);
    expect(sheet.find((r) => r[0] === 'Số lớp đã mở')?.[1]).toBe(12);
    expect(sheet.find((r) => r[0] === 'Tổng cộng')?.slice(3)).toEqual([12, 522]);

    // The figures come from the device: the screen works without the network.
    await roll.waitServiceWorker();
    await context.setOffline(true);
    await page.reload();
    await report.chooseYears(2021);
    expect(await report.figure('Lượt học viên')).toBe('522');
    await context.close();
  });

  it("a class's attendance record: every learner × every session, with rate and standing", async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.open(suite.server.url);
    await login.signIn('admin', DEMO_PASSWORD);
    await new RollPage(page).waitAllSynced();
    const { demo } = suite.server;
    const cls = demo.classes.find((c) => c.year === 2021)!;
    const listed = demo.enrollments.filter((e) => e.classId === cls.id && e.status !== 'withdrawn').length;
    const columns = demo.sessions.filter((s) => s.classId === cls.id && !s.cancelled).length;
    await page.goto(`${suite.server.url}/lop/${cls.id}/diem-danh`);
    const table = page.getByTestId('class-record');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(listed);
    // Number, name, a column per session, rate, standing.
    expect(await table.locator('thead th').count()).toBe(columns + 4);
    const tally = await page.locator('.record-tally strong').allTextContents();
    expect(tally.map(Number).reduce((a, b) => a + b, 0)).toBe(listed);
    expect(await table.locator('tbody tr').first().locator('td.mark').first().textContent()).toMatch(
      /^(x|M|S|P|K)?$/,
    );
    await context.close();
  });
});
