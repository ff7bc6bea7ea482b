// Live reads for the screens. Each hook returns `undefined` while loading and `null` (or an empty list) when there
// is nothing, so a screen can tell "still reading" from "not there".
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type {
  AttendanceMark,
  Class,
  ClassType,
  Enrollment,
  Learner,
  Session,
} from '../../domain/entities.ts';
import { compareSessions } from '../../domain/sessions.ts';
import { compareVietnameseNames } from '../../domain/vietnamese-text.ts';
import { alive } from './alive.ts';
import type { AppDb } from './app-db.ts';
import { type ClassRoster, readClassRoster } from './class-roster.ts';
import { useDb } from './DbProvider.tsx';
import { type StoredSession, sessionQuery } from './device-state.ts';
import { type LearnerClassRecord, learnerRecordQuery } from './learner-record.ts';
import { type RememberedQuery, readAhead, useRememberedQuery } from './remembered.ts';
import { writeWorkerOf } from './write-worker-client.ts';

/** The signed-in session; remembered (read before the first render at start), so no screen waits to read it. */
export function useSession(): StoredSession | null | undefined {
  return useRememberedQuery(sessionQuery);
}

/** One class as this device has it; `null` when it is not here (or deleted). */
export function useClass(classId: string): Class | null | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => {
      const cls = await db.classes.get(classId);
      return cls && !cls.deleted ? cls : null;
    },
    [db, classId],
    undefined,
  );
}

export interface ClassSummary {
  cls: Class;
  kind: ClassType | undefined;
  learners: number;
  sessions: number;
}

async function summarise(db: AppDb, classes: Class[]): Promise<ClassSummary[]> {
  const kinds = new Map((await db.classTypes.toArray()).map((k) => [k.id, k]));
  return Promise.all(
    alive(classes).map(async (cls) => ({
      cls,
      kind: kinds.get(cls.classTypeId),
      learners: alive(await db.enrollments.where('classId').equals(cls.id).toArray()).filter(
        (e) => e.status !== 'withdrawn',
      ).length,
      sessions: alive(await db.sessions.where('classId').equals(cls.id).toArray()).filter((s) => !s.cancelled)
        .length,
    })),
  );
}

/** Years that have classes, newest first. */
export function useClassYears(): number[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const years = (await db.classes.orderBy('year').uniqueKeys()) as number[];
    return years.reverse();
  }, [db]);
}

export function useClassesOfYear(year: number | null): ClassSummary[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (year === null) return [];
    const classes = await db.classes.where('year').equals(year).toArray();
    const summaries = await summarise(db, classes);
    return summaries.sort((a, b) => (a.cls.startDate ?? '').localeCompare(b.cls.startDate ?? ''));
  }, [db, year]);
}

export function useInstructorClasses(userId: string): ClassSummary[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const classes = await db.classes.where('instructorIds').equals(userId).toArray();
    const summaries = await summarise(db, classes);
    return summaries.sort((a, b) => (b.cls.startDate ?? '').localeCompare(a.cls.startDate ?? ''));
  }, [db, userId]);
}

/** A class with the centre's learners and its list, for importing a roster; `null` when not on this device. */
export function useClassRoster(classId: string): ClassRoster | null | undefined {
  const db = useDb();
  return useLiveQuery(() => readClassRoster(db, classId), [db, classId], undefined);
}

export interface SessionWithClass {
  session: Session;
  cls: Class;
}

/** Sessions of the given classes on or after `fromDate`, soonest first (cancelled ones included, flagged). */
export function useUpcomingSessions(
  classIds: string[] | undefined,
  fromDate: string,
): SessionWithClass[] | undefined {
  const db = useDb();
  const key = classIds?.join(',');
  return useLiveQuery(async () => {
    if (!classIds) return undefined;
    const classes = new Map((await db.classes.bulkGet(classIds)).filter((c) => c).map((c) => [c!.id, c!]));
    const sessions = alive(await db.sessions.where('classId').anyOf(classIds).toArray()).filter(
      (s) => s.date >= fromDate,
    );
    return sessions.sort(compareSessions).map((session) => ({ session, cls: classes.get(session.classId)! }));
  }, [db, key, fromDate]);
}

/** A learner's classes with their sessions and the learner's own marks (read before the first render at start). */
export function useLearnerRecord(learnerId: string | null): LearnerClassRecord[] | undefined {
  return useRememberedQuery(learnerRecordQuery(learnerId));
}

export interface RollRoster {
  session: Session;
  cls: Class;
  /** Enrolled (not withdrawn) learners in the Vietnamese order: given name, middle name, family name. */
  learners: Learner[];
  /** Each learner's enrolment in the class, by learner id (walk-ins are flagged there). */
  enrollments: Map<string, Enrollment>;
}

export interface RollData extends RollRoster, RollMarks {}

/**
 * Who is on a session's roll; `null` when the session is not on this device. Kept apart from the marks: a tap
 * writes only the roll record, so this query (and the sorted list the screen renders from) is not redone per tap.
 */
export function useRollRoster(sessionId: string): RollRoster | null | undefined {
  return useRememberedQuery(rollRosterQuery(sessionId));
}

const rollRosterQuery = (sessionId: string): RememberedQuery<RollRoster | null> => ({
  key: `roster:${sessionId}`,
  tables: ['sessions', 'classes', 'enrollments', 'learners'],
  keepEqual: true,
  async read(db) {
    const session = await db.sessions.get(sessionId);
    const cls = session && (await db.classes.get(session.classId));
    if (!session || !cls || session.deleted) return null;
    const enrolled = alive(await db.enrollments.where('classId').equals(cls.id).toArray()).filter(
      (e) => e.status !== 'withdrawn',
    );
    const learners = alive(
      (await db.learners.bulkGet(enrolled.map((e) => e.learnerId))).filter((l): l is Learner => Boolean(l)),
    ).sort(compareVietnameseNames);
    return { session, cls, learners, enrollments: new Map(enrolled.map((e) => [e.learnerId, e])) };
  },
});

export interface RollMarks {
  /** The current mark of each learner, by learner id (deleted marks left out). */
  marks: Map<string, AttendanceMark>;
  /** Learners whose mark has changes not on the server yet. */
  unsent: Set<string>;
}

/** A session's marks and which of them are not on the server yet, in one query: a tap re-renders the roll once. */
export function useRollMarks(sessionId: string): RollMarks | undefined {
  return useRememberedQuery(rollMarksQuery(sessionId));
}

const rollMarksQuery = (sessionId: string): RememberedQuery<RollMarks> => ({
  key: `marks:${sessionId}`,
  // The write head in meta is read for the next tap's guess only, which checks it against its stamp (write-guess.ts).
  tables: ['rolls', 'outbox'],
  keepEqual: false,
  async read(db) {
    // Both read at once (one round trip, not two): the outbox's distinct record ids are few next to the roll.
    // The next tap's write needs the roll with the write head and stamp, to start without reading (write-guess.ts):
    // the write worker reads them when it makes the writes, this page only when it makes them itself.
    const worker = writeWorkerOf(db);
    worker?.watch(sessionId);
    const [marks, pending] = await Promise.all([
      // (Not local-records.ts's rollMarks: that module brings zod's schemas into the first load.)
      worker
        ? db.rolls.get(sessionId).then((roll) => roll?.marks ?? {})
        : // Loaded on demand: with a worker, which is the usual case, the first load does without it.
          import('./write-guess.ts')
            .then(({ readRollForWrites }) => readRollForWrites(db, sessionId))
            .then((roll) => roll.marks),
      db.outbox.orderBy('recordId').uniqueKeys(),
    ]);
    const all = Object.values(marks);
    const waiting = new Set(pending as string[]);
    return {
      marks: new Map(alive(all).map((m) => [m.learnerId, m])),
      unsent: new Set(all.filter((m) => waiting.has(m.id)).map((m) => m.learnerId)),
    };
  },
});

/** Reads a session's roll ahead of time, so that its screen opens with it (see remembered.ts). */
export async function readRollAhead(db: AppDb, sessionId: string): Promise<void> {
  await Promise.all([readAhead(db, rollRosterQuery(sessionId)), readAhead(db, rollMarksQuery(sessionId))]);
}

/** Everything the roll screen of one session needs; `null` when the session is not on this device. */
export function useRoll(sessionId: string): RollData | null | undefined {
  const roster = useRollRoster(sessionId);
  const marks = useRollMarks(sessionId);
  return useMemo(() => {
    if (roster === null) return null;
    return roster && marks ? { ...roster, ...marks } : undefined;
  }, [roster, marks]);
}

export interface ClassMarks {
  /** The class's sessions, cancelled ones included (flagged), earliest first. */
  sessions: Session[];
  /** Every mark of those sessions (deleted marks left out). */
  marks: AttendanceMark[];
}

/** A class's whole attendance record, for the standing of its learners against the threshold. */
export function useClassMarks(classId: string): ClassMarks | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const sessions = alive(await db.sessions.where('classId').equals(classId).toArray()).sort(
      compareSessions,
    );
    const rolls = await db.rolls.bulkGet(sessions.map((s) => s.id));
    return { sessions, marks: alive(rolls.flatMap((r) => (r ? Object.values(r.marks) : []))) };
  }, [db, classId]);
}
