// Issue 5 acceptance in Chromium: the demo centre's 2021 report, computed on the admin's device, shows seed 001's
// figures on screen and in the paragraph, and the Excel file it downloads holds them too (read back here); it still
// opens offline.
import { and, eq } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { planItems } from '../../src/server/db/schema.ts';
import { vietnamToday } from '../../src/server/demo/seed-demo.ts';
import { SEED_001_KINDS } from '../fixtures/seed-001.ts';
import { signedIn } from './helpers/signed-in.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { ReportsPage } from './pages/reports-page.ts';

describe('reports in Chromium', () => {
  const suite = useE2eSuite();

  it('the 2021 report shows seed 001 on screen, in the paragraph and in the Excel file, offline too', async () => {
    const { context, page, roll } = await signedIn(suite, 'admin');
    await page.getByRole('link', { name: 'Báo cáo kết quả mở lớp' }).click();
    const report = new ReportsPage(page);
    await report.chooseYears(2021);

    expect(await report.figure('Số lớp đã mở')).toBe('12');
    expect(await report.figure('Lượt học viên')).toBe('522');
    expect(await report.figure('Số lớp theo kế hoạch')).toBe('13');
    expect(await report.figure('Hồ sơ tương đương đã xét')).toBe('196');
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
    const { context, page } = await signedIn(suite, 'admin');
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

    // On a phone the grid scrolls sideways under the learners' names and its header, which stay in view.
    await page.setViewportSize({ width: 360, height: 740 });
    const grid = page.locator('.record-scroll');
    const scrolledBy = await grid.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      return el.scrollLeft;
    });
    expect(scrolledBy).toBeGreaterThan(100);
    const left = async (cell: ReturnType<typeof table.locator>) => (await cell.boundingBox())!.x;
    const gridLeft = (await grid.boundingBox())!.x;
    expect(await left(table.locator('tbody tr').first().locator('th.name'))).toBeCloseTo(gridLeft, 0);
    expect(await left(table.locator('thead th').nth(1))).toBeCloseTo(gridLeft, 0);
    await page.setViewportSize({ width: 1280, height: 720 });

    // A learner's whole history at the centre, one click away.
    const first = table.locator('tbody tr').first().getByRole('link');
    const name = await first.textContent();
    await first.click();
    await page.getByRole('heading', { name: name! }).waitFor();
    const history = page.getByTestId('learner-history');
    expect(await history.getByRole('link', { name: cls.code }).count()).toBe(1);
    await context.close();
  });

  it('the plan: a bad number is refused and saves nothing, a good one reaches the server', async () => {
    const { context, page, roll } = await signedIn(suite, 'admin');
    // This year's plan, so that the 2021 figures the other tests check stay as seed 001 has them.
    await page.getByRole('link', { name: 'Kế hoạch mở lớp' }).click();
    const year = Number(vietnamToday().slice(0, 4));
    await page.getByRole('heading', { name: `Kế hoạch mở lớp năm ${year}` }).waitFor();
    const progress = page.getByTestId('plan-progress');
    await progress.filter({ hasText: 'Đã mở 2/15 lớp theo kế hoạch' }).waitFor();

    // On a phone the table scrolls within the page, its kinds' names whole words to a line, not a word to a line.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const kindName = page.locator('.plan-table tbody th.name').first();
    expect((await kindName.boundingBox())!.width).toBeGreaterThanOrEqual(170);
    await page.setViewportSize({ width: 1280, height: 720 });

    const planned = page.getByLabel('Số lớp dự kiến: Nhận thức về Đảng', { exact: true });
    await planned.fill('ba');
    await planned.press('Enter');
    expect(await page.getByRole('alert').first().textContent()).toContain('Chưa lưu.');
    expect(await progress.textContent()).toContain('2/15');

    await planned.fill('1');
    await planned.press('Enter');
    await progress.filter({ hasText: 'Đã mở 2/13 lớp theo kế hoạch (tỷ lệ 15,4%).' }).waitFor();
    await roll.waitAllSynced();
    const { db } = suite.server.database;
    const ntvd = suite.server.demo.classTypes.find((k) => k.nameVi === 'Nhận thức về Đảng')!;
    const rows = await db
      .select()
      .from(planItems)
      .where(and(eq(planItems.classTypeId, ntvd.id), eq(planItems.year, year)));
    expect(rows.map((r) => r.plannedClasses)).toEqual([1]);
    await context.close();
  });
});
