// @vitest-environment node
// The report's Excel and CSV files, read back: seed 001's figures (the demo centre's 2021) are in them as the screen
// shows them, numbers as numbers and rates as ratios formatted as percentages.
import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { reportRows, type TableWords } from '../../../src/app/features/reports/report-table.ts';
import { csvFile, xlsxFile } from '../../../src/app/features/reports/table-files.ts';
import { formatPercent } from '../../../src/app/i18n/format.ts';
import { viScreens as vi } from '../../../src/app/i18n/vi-screens.ts';
import { reportParagraph } from '../../../src/domain/report-paragraph.ts';
import { summaryReport } from '../../../src/domain/reports.ts';
import { buildDemoCentre } from '../../../src/server/demo/build-demo.ts';

const demo = buildDemoCentre({ today: '2026-11-25' });
const summary = summaryReport(
  demo,
  { from: '2021-01-01', to: '2021-12-31' },
  { today: '2026-11-25', excusedCounts: false },
);
const paragraph = reportParagraph(summary);
const words: TableWords = {
  title: 'Báo cáo kết quả mở lớp',
  period: 'Từ 01/01/2021 đến 31/12/2021',
  figures: vi.reports.figure,
  kindColumns: ['STT', 'Loại lớp', 'Hệ', 'Số lớp', 'Lượt học viên'],
  system: (c) => vi.category[c],
  total: 'Tổng cộng',
  coordinated: vi.reports.coordinatedByKind,
  conferences: vi.reports.conferencesByKind,
};
const rows = reportRows(summary, paragraph, words);

describe('report files', () => {
  it('the Excel file holds the figures, the eleven kinds with a total, and the paragraph', async () => {
    const sheet = await readSheet(await xlsxFile(rows, 'Báo cáo', [40, 50, 18, 10, 14]));
    const row = (label: string) => sheet.find((r) => r[0] === label);
    expect(row('Số lớp đã mở')?.[1]).toBe(12);
    expect(row('Lượt học viên')?.[1]).toBe(522);
    expect(row('Số lớp theo kế hoạch')?.[1]).toBe(13);
    expect(row('Tỷ lệ chuyên cần')?.[1]).toBeCloseTo(summary.attendanceRate!, 10);
    const kinds = sheet.filter((r) => typeof r[0] === 'number');
    expect(kinds.map((r) => [r[3], r[4]])).toEqual(summary.byKind.map((k) => [k.classes, k.learnerPlaces]));
    expect(kinds[0]?.[1]).toBe('Nhận thức về Đảng');
    expect(row('Tổng cộng')?.slice(3)).toEqual([12, 522]);
    expect(sheet.some((r) => r[0] === paragraph)).toBe(true);
  });

  it('the CSV file is UTF-8 with a byte-order mark and Vietnamese rates', async () => {
    const bytes = new Uint8Array(await (await csvFile(rows, (r) => formatPercent(r, 'vi'))).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('Số lớp đã mở,12');
    expect(text).toContain('Tỷ lệ chuyên cần,"96,3%"');
    expect(text).toContain('1,Nhận thức về Đảng,Hệ Đảng,2,77');
  });

  it('adds the classes coordinated with another body apart, under their heading, with their total', () => {
    const coordinated = {
      ...summary.byKind[0]!,
      name: 'Trung cấp lý luận chính trị - hành chính',
      classes: 2,
    };
    const withApart = reportRows({ ...summary, coordinatedByKind: [coordinated] }, paragraph, words);
    const at = withApart.findIndex((r) => r[0] === vi.reports.coordinatedByKind);
    expect(at).toBeGreaterThan(0);
    expect(withApart[at + 1]?.slice(1, 4)).toEqual([
      'Trung cấp lý luận chính trị - hành chính',
      'Hệ Đảng',
      2,
    ]);
    expect(withApart[at + 2]?.[0]).toBe('Tổng cộng');
    // The year of seed 001 has none: no heading.
    expect(rows.some((r) => r[0] === vi.reports.coordinatedByKind)).toBe(false);
  });
});
