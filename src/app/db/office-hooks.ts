// What the centre office's screens read from the device, so they work offline: the records a period's report is
// computed from (src/domain/reports.ts, as the server's API computes it), a class's attendance record, the accounts,
// the recognition register.
import { useLiveQuery } from 'dexie-react-hooks';
import type {
  AttendanceMark,
  Centre,
  Class,
  ClassType,
  Dossier,
  Enrollment,
  Learner,
  PlanItem,
  Session,
  User,
} from '../../domain/entities.ts';
import { byCreation } from '../../domain/ids.ts';
import type { ReportPeriod } from '../../domain/reports.ts';
import { compareVietnameseNames } from '../../domain/vietnamese-text.ts';
import { alive } from './alive.ts';
import { useDb } from './DbProvider.tsx';

export interface ReportData {
  /**
   * The period the records were read for. Until the read for a newly chosen period answers, a screen still has the
   * last one's: it must compute and label its figures with this period, not the one just chosen.
   */
  period: ReportPeriod;
  /** Whole records (the report reads some fields, the plan screen more). */
  records: {
    classTypes: ClassType[];
    planItems: PlanItem[];
    classes: Class[];
    enrollments: Enrollment[];
    sessions: Session[];
    marks: AttendanceMark[];
  };
  /** The centre's setting: whether an excused absence counts as attended. */
  excusedCounts: boolean;
}

export function useReportData(centreId: string, period: ReportPeriod): ReportData | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [centre, classTypes, planItems, classes, enrollments, sessions] = await Promise.all([
      db.centres.get(centreId),
      db.classTypes.toArray(),
      db.planItems.toArray(),
      db.classes.toArray(),
      db.enrollments.toArray(),
      db.sessions.where('date').between(period.from, period.to, true, true).toArray(),
    ]);
    // Only the rolls of the period's sessions: a centre's whole history of marks is not needed for one year.
    const rolls = await db.rolls.bulkGet(sessions.map((s) => s.id));
    const marks = rolls.flatMap((r) => (r ? Object.values(r.marks) : []));
    return {
      period,
      records: { classTypes, planItems, classes, enrollments, sessions, marks },
      excusedCounts: centre?.settings.excusedCounts ?? false,
    };
  }, [db, centreId, period.from, period.to]);
}

export interface ClassRecord {
  cls: Class;
  kind: ClassType | undefined;
  /** On the class's list (withdrawn learners left out), in the Vietnamese order. */
  learners: Learner[];
  /** The class's sessions, cancelled ones included (they are not columns), and every mark of them. */
  sessions: Session[];
  marks: AttendanceMark[];
  excusedCounts: boolean;
}

/** A class's whole attendance record; `null` when the class is not on this device. */
export function useClassRecord(classId: string): ClassRecord | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deleted) return null;
    const [kind, centre, enrolments, sessions] = await Promise.all([
      db.classTypes.get(cls.classTypeId),
      db.centres.get(cls.centreId),
      db.enrollments.where('classId').equals(classId).toArray(),
      db.sessions.where('classId').equals(classId).toArray(),
    ]);
    const listed = enrolments.filter((e) => !e.deleted && e.status !== 'withdrawn');
    const [learners, rolls] = await Promise.all([
      db.learners.bulkGet(listed.map((e) => e.learnerId)),
      db.rolls.bulkGet(sessions.map((s) => s.id)),
    ]);
    return {
      cls,
      kind,
      learners: learners.filter((l): l is Learner => Boolean(l && !l.deleted)).sort(compareVietnameseNames),
      sessions: alive(sessions),
      marks: rolls.flatMap((r) => (r ? Object.values(r.marks) : [])),
      excusedCounts: centre?.settings.excusedCounts ?? false,
    };
  }, [db, classId]);
}

export interface Accounts {
  /** The centre's accounts: staff first, then instructors, then learners, each in the Vietnamese order. */
  users: User[];
  /** Learners who have no account yet (a learner account belongs to one learner). */
  learnersWithoutAccount: Learner[];
}

const ROLE_ORDER: Record<User['role'], number> = { admin: 0, instructor: 1, learner: 2 };
const byName = new Intl.Collator('vi');

export function useAccounts(): Accounts | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [users, learners] = await Promise.all([db.users.toArray(), db.learners.toArray()]);
    const current = alive(users);
    const linked = new Set(current.map((u) => u.learnerId));
    return {
      users: current.sort(
        (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || byName.compare(a.displayName, b.displayName),
      ),
      learnersWithoutAccount: learners
        .filter((l) => !l.deleted && !linked.has(l.id))
        .sort(compareVietnameseNames),
    };
  }, [db]);
}

/** The centre's class kinds, in the order it created them (the order its reports list them in). */
export function useClassKinds(): ClassType[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => alive(await db.classTypes.toArray()).sort(byCreation), [db]);
}

/** One learner; `null` when not on this device. */
export function useLearner(learnerId: string): Learner | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const learner = await db.learners.get(learnerId);
    return learner && !learner.deleted ? learner : null;
  }, [db, learnerId]);
}

/** Every recognition dossier of the centre (a few hundred a year): the register filters them by period. */
export function useDossiers(): Dossier[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.dossiers.toArray(), [db]);
}

/** The centre's records an audit log names (deleted ones too: the log speaks of them), by id. */
export interface CentreDirectory {
  centre: Centre | undefined;
  classes: Map<string, Class>;
  sessions: Map<string, Session>;
  learners: Map<string, Learner>;
  enrollments: Enrollment[];
  users: Map<string, User>;
  classTypes: Map<string, ClassType>;
  planItems: Map<string, PlanItem>;
  dossiers: Map<string, Dossier>;
}

const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((r) => [r.id, r]));

export function useCentreDirectory(centreId: string): CentreDirectory | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [centre, classes, sessions, learners, enrollments, users, classTypes, planItems, dossiers] =
      await Promise.all([
        db.centres.get(centreId),
        db.classes.toArray(),
        db.sessions.toArray(),
        db.learners.toArray(),
        db.enrollments.toArray(),
        db.users.toArray(),
        db.classTypes.toArray(),
        db.planItems.toArray(),
        db.dossiers.toArray(),
      ]);
    return {
      centre,
      classes: byId(classes),
      sessions: byId(sessions),
      learners: byId(learners),
      enrollments,
      users: byId(users),
      classTypes: byId(classTypes),
      planItems: byId(planItems),
      dossiers: byId(dossiers),
    };
  }, [db, centreId]);
}
