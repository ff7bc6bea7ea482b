// The parts of a report the centres state apart from their own classes: conferences in lượt, and classes run with
// another body ("Ngoài ra, phối hợp với Phòng Giáo dục mở 08 lớp chính trị hè … 1.546/1.607 … đạt 96,2%", seed 002),
// each with participation against summoned; the plan compares only the centre's own classes.
import { describe, expect, it } from 'vitest';
import type { ClassCategory, MarkStatus } from '../../../src/domain/entities.ts';
import { newId } from '../../../src/domain/ids.ts';
import { reportParagraph } from '../../../src/domain/report-paragraph.ts';
import { type ReportRecords, summaryReport } from '../../../src/domain/reports.ts';

const year = { from: '2017-01-01', to: '2017-12-31' };
const options = { today: '2026-11-25', excusedCounts: false };

type Rows<K extends Exclude<keyof ReportRecords, 'marks'>> = ReportRecords[K][number][];

/** A centre's records: one kind per entry, one class each with one session, `came` of `summoned` present. */
function centre(
  kinds: { name: string; category: ClassCategory; summoned: number; came: number; planned: number }[],
): ReportRecords {
  const live = { deleted: false };
  const [classTypes, planItems, classes, enrollments, sessions]: [
    Rows<'classTypes'>,
    Rows<'planItems'>,
    Rows<'classes'>,
    Rows<'enrollments'>,
    Rows<'sessions'>,
  ] = [[], [], [], [], []];
  const marks: { sessionId: string; learnerId: string; status: MarkStatus; deleted: boolean }[] = [];
  for (const kind of kinds) {
    const [classTypeId, classId, sessionId] = [newId(), newId(), newId()];
    classTypes.push({ id: classTypeId, nameVi: kind.name, category: kind.category, ...live });
    planItems.push({ year: 2017, classTypeId, plannedClasses: kind.planned, ...live });
    classes.push({ id: classId, classTypeId, ...live });
    sessions.push({ id: sessionId, classId, date: '2017-07-10', cancelled: false, ...live });
    for (let i = 0; i < kind.summoned; i++) {
      const learnerId = newId();
      enrollments.push({ classId, learnerId, status: 'summoned', ...live });
      marks.push({ sessionId, learnerId, status: i < kind.came ? 'present' : 'absent', ...live });
    }
  }
  return { classTypes, planItems, classes, enrollments, sessions, marks };
}

describe('parts reported apart', () => {
  const records = centre([
    { name: 'Nhận thức về Đảng', category: 'party', summoned: 40, came: 30, planned: 2 },
    { name: 'Bồi dưỡng chính trị hè', category: 'coordinated', summoned: 20, came: 19, planned: 1 },
    { name: 'Hội nghị học tập, quán triệt', category: 'conference', summoned: 100, came: 100, planned: 3 },
  ]);
  const summary = summaryReport(records, year, options);

  it('counts coordinated classes apart from the centre own, each part with its participation', () => {
    expect(summary).toMatchObject({
      classesOpened: 1,
      learnerPlaces: 40,
      classesPlanned: 2,
      coordinated: 1,
      conferences: 1,
      conferencePlaces: 100,
      summoned: 160,
      participated: 149,
      turnout: {
        classes: { summoned: 40, participated: 30 },
        coordinated: { summoned: 20, participated: 19 },
        conferences: { summoned: 100, participated: 100 },
      },
    });
    expect(summary.byKind.map((k) => k.name)).toEqual(['Nhận thức về Đảng']);
    expect(summary.coordinatedByKind).toMatchObject([
      { name: 'Bồi dưỡng chính trị hè', classes: 1, learnerPlaces: 20, participated: 19 },
    ]);
  });

  it('writes each part in its sentence, the participation of the classes against their own summoned', () => {
    expect(reportParagraph(summary)).toBe(
      'Năm 2017, Trung tâm đã tổ chức mở được 01 lớp với 40 lượt học viên tham gia học tập, gồm: ' +
        '(1) 01 lớp Nhận thức về Đảng với 40 học viên. So với kế hoạch, đạt 1/2 lớp (tỷ lệ 50%). ' +
        'Số học viên tham gia so với triệu tập: 30/40, đạt 75%; tỷ lệ chuyên cần 75%. ' +
        'Tổ chức 01 hội nghị học tập, quán triệt với 100 lượt người tham dự. ' +
        'Ngoài ra, phối hợp mở 01 lớp Bồi dưỡng chính trị hè với 19/20 học viên tham dự, đạt 95%.',
    );
  });

  it('names the period in the first part when the centre opened no class of its own (one system asked for)', () => {
    const coordinated = summaryReport(records, year, { ...options, system: 'coordinated' });
    expect(coordinated.classesOpened).toBe(0);
    expect(reportParagraph(coordinated)).toBe(
      'Năm 2017, Trung tâm phối hợp mở 01 lớp Bồi dưỡng chính trị hè với 19/20 học viên tham dự, đạt 95%.',
    );
  });
});
