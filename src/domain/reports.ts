// The figures a centre files for a period (shared/domain.md, "Report conventions"), computed from its records by pure
// functions, so a device offline and the server's API give the same answer. A class counts in a period when it
// "opened" there: at least one held session in the period.
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
import { isHeld } from './sessions.ts';

export interface ReportPeriod {
  /** yyyy-mm-dd, both ends included. */
  from: string;
  to: string;
}

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
}

export interface ReportSummary {
  period: ReportPeriod;
  system: ClassCategory | null;
  /** Classes in the plans of the years the period touches (conferences apart). */
  classesPlanned: number;
  classesOpened: number;
  /** Learners on the lists of the classes opened (lượt: one learner in two classes counts twice). */
  learnerPlaces: number;
  distinctLearners: number;
  conferences: number;
  conferencePlaces: number;
  /** Summoned to the classes and conferences opened, and of them who attended at least one held session. */
  summoned: number;
  participated: number;
  /** Attended marks ÷ (held sessions × learners on the list), over the classes opened; null without a session. */
  attendanceRate: number | null;
  /** Class kinds with at least one class opened, in the order the centre created its kinds. */
  byKind: KindFigures[];
  /** The same for conferences (classes: conferences held; learnerPlaces: their lượt). */
  conferencesByKind: KindFigures[];
}

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
  // Record ids are UUIDv7, so sorting them gives the order the centre created its kinds in.
  const kinds = records.classTypes
    .filter((k) => !k.deleted && (!system || k.category === system))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

  const isConference = (c: Pick<Class, 'classTypeId'>) =>
    kindById.get(c.classTypeId)?.category === 'conference';
  const classes = opened.filter((c) => !isConference(c));
  const conferences = opened.filter(isConference);
  const placesOf = (cs: typeof opened) => cs.reduce((n, c) => n + (lists.get(c.id)?.length ?? 0), 0);

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
      return kind && kind.category !== 'conference';
    })
    .reduce((n, p) => n + p.plannedClasses, 0);

  const figuresByKind = (held: typeof opened): KindFigures[] => {
    const byKind = groupBy(held, (c) => c.classTypeId);
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
            },
          ]
        : [];
    });
  };
  return {
    period,
    system: system ?? null,
    classesPlanned,
    classesOpened: classes.length,
    learnerPlaces: placesOf(classes),
    distinctLearners: new Set(classes.flatMap((c) => (lists.get(c.id) ?? []).map((e) => e.learnerId))).size,
    conferences: conferences.length,
    conferencePlaces: placesOf(conferences),
    summoned: placesOf(opened),
    participated: attendedOnce.size,
    attendanceRate: expected > 0 ? attended / expected : null,
    byKind: figuresByKind(classes),
    conferencesByKind: figuresByKind(conferences),
  };
}
