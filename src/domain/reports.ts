// The figures a centre files for a period (shared/domain.md, "Report conventions"), computed from its records by pure
// functions, so a device offline and the server's API give the same answer. A class counts in a period when it
// "opened" there: at least one held session in the period. Conferences and classes run with another body (the
// provincial school, the education office) are counted apart from the centre's own classes, as every seed does.
import { countsAsAttended } from './attendance.ts';
import type {
  AttendanceMark,
  Class,
  ClassCategory,
  ClassType,
  Enrollment,
  PlanItem,
  Session,
} from './entities.ts';
import { byCreation } from './ids.ts';
import { isHeld } from './sessions.ts';

export interface ReportPeriod {
  /** yyyy-mm-dd, both ends included. */
  from: string;
  to: string;
}

/** The period of whole years, 1 January of `from` to 31 December of `to`. */
export const wholeYears = (from: number, to = from): ReportPeriod => ({
  from: `${from}-01-01`,
  to: `${to}-12-31`,
});

export interface ReportRecords {
  classTypes: readonly Pick<ClassType, 'id' | 'nameVi' | 'category' | 'deleted'>[];
  planItems: readonly Pick<PlanItem, 'year' | 'classTypeId' | 'plannedClasses' | 'deleted'>[];
  classes: readonly Pick<Class, 'id' | 'classTypeId' | 'deleted'>[];
  enrollments: readonly Pick<Enrollment, 'classId' | 'learnerId' | 'status' | 'deleted'>[];
  sessions: readonly Pick<Session, 'id' | 'classId' | 'date' | 'cancelled' | 'deleted'>[];
  marks: Iterable<Pick<AttendanceMark, 'sessionId' | 'learnerId' | 'status' | 'deleted'>>;
}

export interface ReportOptions {
  /** yyyy-mm-dd: sessions after it have not been held yet. */
  today: string;
  /** Whether an excused absence counts as attended (the centre's setting). */
  excusedCounts: boolean;
  /** Only class kinds of this system (hệ Đảng, Nhà nước, Đoàn thể…). */
  system?: ClassCategory;
}

export interface KindFigures {
  classTypeId: string;
  name: string;
  category: ClassCategory;
  classes: number;
  learnerPlaces: number;
  /** Of the learner places, those who attended at least one held session (seed 002's "1.546/1.607"). */
  participated: number;
}

/** Summoned learner places, and of them those who attended at least one held session. */
export interface Turnout {
  summoned: number;
  participated: number;
}

export interface ReportSummary {
  period: ReportPeriod;
  system: ClassCategory | null;
  /** The centre's own classes in the plans of the years the period touches (conferences and coordinated apart). */
  classesPlanned: number;
  /** The centre's own classes: neither conferences nor coordinated with another body. */
  classesOpened: number;
  /** Learners on the lists of the classes opened (lượt: one learner in two classes counts twice). */
  learnerPlaces: number;
  distinctLearners: number;
  conferences: number;
  conferencePlaces: number;
  /** Classes opened with another body (the seeds' "Ngoài ra, phối hợp với …"); their places are in `turnout`. */
  coordinated: number;
  /** Summoned to everything opened (classes, coordinated classes, conferences), and of them who attended. */
  summoned: number;
  participated: number;
  /** The same for each part of the report, which the centres state apart (seed 000's classes, seed 002's). */
  turnout: { classes: Turnout; coordinated: Turnout; conferences: Turnout };
  /** Attended marks ÷ (held sessions × learners on the list), over the classes opened; null without a session. */
  attendanceRate: number | null;
  /** The centre's own class kinds with at least one class opened, in the order the centre created its kinds. */
  byKind: KindFigures[];
  /** The same for conferences (classes: conferences held; learnerPlaces: their lượt). */
  conferencesByKind: KindFigures[];
  /** The same for the kinds of coordinated classes. */
  coordinatedByKind: KindFigures[];
}

/** Categories the centres report apart from their own classes ("Ngoài ra, …"). */
const APART = new Set<ClassCategory>(['conference', 'coordinated']);

const onList = (e: Pick<Enrollment, 'status' | 'deleted'>) => !e.deleted && e.status !== 'withdrawn';

/** Groups items by a key, keeping their order. */
function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function summaryReport(
  records: ReportRecords,
  period: ReportPeriod,
  { today, excusedCounts, system }: ReportOptions,
): ReportSummary {
  // In the order the centre created its kinds, the order it lists them in.
  const kinds = records.classTypes
    .filter((k) => !k.deleted && (!system || k.category === system))
    .sort(byCreation);
  const kindById = new Map(kinds.map((k) => [k.id, k]));

  const heldInPeriod = groupBy(
    records.sessions.filter((s) => isHeld(s, today) && s.date >= period.from && s.date <= period.to),
    (s) => s.classId,
  );
  const opened = records.classes.filter(
    (c) => !c.deleted && kindById.has(c.classTypeId) && heldInPeriod.has(c.id),
  );
  const openedIds = new Set(opened.map((c) => c.id));
  const lists = groupBy(
    records.enrollments.filter((e) => onList(e) && openedIds.has(e.classId)),
    (e) => e.classId,
  );
  const heldSessionClass = new Map(
    [...heldInPeriod.values()].flat().flatMap((s) => (openedIds.has(s.classId) ? [[s.id, s.classId]] : [])),
  );
  // Who attended which class at least once, and how many attended marks each class has, from its learners on the list.
  const attendedMarks = new Map<string, number>();
  const attendedOnce = new Set<string>();
  const listed = new Set([...lists.values()].flat().map((e) => `${e.classId}/${e.learnerId}`));
  for (const m of records.marks) {
    const classId = heldSessionClass.get(m.sessionId);
    if (!classId || m.deleted || !countsAsAttended(m.status, excusedCounts)) continue;
    const place = `${classId}/${m.learnerId}`;
    if (!listed.has(place)) continue;
    attendedOnce.add(place);
    attendedMarks.set(classId, (attendedMarks.get(classId) ?? 0) + 1);
  }

  const categoryOf = (c: Pick<Class, 'classTypeId'>) => kindById.get(c.classTypeId)?.category;
  const conferences = opened.filter((c) => categoryOf(c) === 'conference');
  const coordinated = opened.filter((c) => categoryOf(c) === 'coordinated');
  const classes = opened.filter((c) => !APART.has(categoryOf(c)!));
  const placesOf = (cs: typeof opened) => cs.reduce((n, c) => n + (lists.get(c.id)?.length ?? 0), 0);
  const participatedIn = (cs: typeof opened) =>
    cs.reduce(
      (n, c) => n + (lists.get(c.id) ?? []).filter((e) => attendedOnce.has(`${c.id}/${e.learnerId}`)).length,
      0,
    );
  const turnoutOf = (cs: typeof opened): Turnout => ({
    summoned: placesOf(cs),
    participated: participatedIn(cs),
  });
  const figuresByKind = (cs: typeof opened): KindFigures[] => {
    const byKind = groupBy(cs, (c) => c.classTypeId);
    return kinds.flatMap((k) => {
      const of = byKind.get(k.id);
      return of
        ? [
            {
              classTypeId: k.id,
              name: k.nameVi,
              category: k.category,
              classes: of.length,
              learnerPlaces: placesOf(of),
              participated: participatedIn(of),
            },
          ]
        : [];
    });
  };

  let expected = 0;
  let attended = 0;
  for (const c of classes) {
    expected += (heldInPeriod.get(c.id)?.length ?? 0) * (lists.get(c.id)?.length ?? 0);
    attended += attendedMarks.get(c.id) ?? 0;
  }

  const years = new Set<number>();
  for (let y = Number(period.from.slice(0, 4)); y <= Number(period.to.slice(0, 4)); y++) years.add(y);
  const classesPlanned = records.planItems
    .filter((p) => !p.deleted && years.has(p.year))
    .filter((p) => {
      const kind = kindById.get(p.classTypeId);
      return kind && !APART.has(kind.category);
    })
    .reduce((n, p) => n + p.plannedClasses, 0);

  return {
    period,
    system: system ?? null,
    classesPlanned,
    classesOpened: classes.length,
    learnerPlaces: placesOf(classes),
    distinctLearners: new Set(classes.flatMap((c) => (lists.get(c.id) ?? []).map((e) => e.learnerId))).size,
    conferences: conferences.length,
    conferencePlaces: placesOf(conferences),
    coordinated: coordinated.length,
    summoned: placesOf(opened),
    participated: attendedOnce.size,
    turnout: {
      classes: turnoutOf(classes),
      coordinated: turnoutOf(coordinated),
      conferences: turnoutOf(conferences),
    },
    attendanceRate: expected > 0 ? attended / expected : null,
    byKind: figuresByKind(classes),
    conferencesByKind: figuresByKind(conferences),
    coordinatedByKind: figuresByKind(coordinated),
  };
}
