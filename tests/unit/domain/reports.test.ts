// Seed 001 (Kon Rẫy, 2021) as the demo centre holds it: the report's figures and its paragraph come out as the
// centre wrote them. The rules are those of shared/domain.md: a class opened in a period when one of its sessions
// was held there; learner places count a learner once per class; participation is against the number summoned.
import { describe, expect, it } from 'vitest';
import { equivalenceFigures } from '../../../src/domain/equivalence.ts';
import { reportParagraph } from '../../../src/domain/report-paragraph.ts';
import { summaryReport } from '../../../src/domain/reports.ts';
import { buildDemoCentre } from '../../../src/server/demo/build-demo.ts';
import { SEED_001_KINDS } from '../../fixtures/seed-001.ts';

const demo = buildDemoCentre({ today: '2026-11-25' });
const year2021 = { from: '2021-01-01', to: '2021-12-31' };
const options = { today: '2026-11-25', excusedCounts: false };

describe('the year report', () => {
  const summary = summaryReport(demo, year2021, options);

  it('reproduces seed 001: 12 classes, 522 learner places, eleven kinds with their counts', () => {
    expect(summary.classesOpened).toBe(12);
    expect(summary.learnerPlaces).toBe(522);
    expect(summary.byKind.map((k) => [k.classes, k.learnerPlaces])).toEqual(SEED_001_KINDS);
    // Six Nhận thức về Đảng learners came back as new party members, four Bồi dưỡng bí thư learners for Sơ cấp.
    expect(summary.distinctLearners).toBe(512);
    expect(summary.classesPlanned).toBe(13);
    expect(summary.conferences).toBe(0);
  });

  it('writes the paragraph the way the seed does', () => {
    expect(reportParagraph(summary)).toContain(
      'Năm 2021, Trung tâm đã tổ chức mở được 12 lớp với 522 lượt học viên tham gia học tập, gồm: ' +
        '(1) 02 lớp Nhận thức về Đảng với 77 học viên; ' +
        '(2) 01 lớp Bồi dưỡng công tác Đảng cho Bí thư chi bộ và cấp uỷ viên cơ sở với 42 học viên; ',
    );
    expect(reportParagraph(summary)).toContain('(11) 01 lớp Sơ cấp lý luận chính trị với 35 học viên.');
    expect(reportParagraph(summary)).toContain('So với kế hoạch, đạt 12/13 lớp (tỷ lệ 92%).');
  });

  it('counts participation and attendance from the marks of held sessions only', () => {
    expect(summary.summoned).toBe(522);
    expect(summary.participated).toBeGreaterThan(500);
    expect(summary.participated).toBeLessThanOrEqual(522);
    expect(summary.attendanceRate).toBeGreaterThan(0.8);
    expect(summary.attendanceRate).toBeLessThan(1);
  });

  it('leaves out classes with no session held in the period, and kinds of another system', () => {
    expect(summaryReport(demo, { from: '2021-01-01', to: '2021-03-31' }, options).classesOpened).toBe(1);
    const party = summaryReport(demo, year2021, { ...options, system: 'party' });
    expect(party.byKind.every((k) => k.category === 'party')).toBe(true);
    expect(party.classesOpened).toBe(party.byKind.reduce((n, k) => n + k.classes, 0));
  });

  it('states the recognition of equivalent training last, in the seed’s words', () => {
    const equivalence = equivalenceFigures(demo.dossiers, year2021);
    expect(reportParagraph(summary, equivalence)).toMatch(
      /\. Bên cạnh đó, tổ chức xét công nhận trình độ lý luận chính trị tương đương Sơ cấp lý luận chính trị với tổng số hồ sơ được xét là 196 bộ \(trong đó có 151 hồ sơ được công nhận đạt, 45 hồ sơ không được công nhận đạt\)\.$/,
    );
    expect(reportParagraph(summary)).not.toContain('công nhận');
  });
});
