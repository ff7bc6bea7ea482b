// A learner's own record as the device has it: read by the learner's home, and before the first render at start.
import type { AttendanceMark, Class, Enrollment, Session } from '../../domain/entities.ts';
import { compareSessions } from '../../domain/sessions.ts';
import { alive } from './alive.ts';
import type { AppDb } from './app-db.ts';
import type { RememberedQuery } from './remembered.ts';

export interface LearnerClassRecord {
  cls: Class;
  enrollment: Enrollment;
  sessions: Session[];
  marks: AttendanceMark[];
}

/** A learner's classes with their sessions and the learner's own marks, the latest class first. */
async function readLearnerRecord(db: AppDb, learnerId: string | null): Promise<LearnerClassRecord[]> {
  if (!learnerId) return [];
  const enrollments = alive(await db.enrollments.where('learnerId').equals(learnerId).toArray());
  const records = await Promise.all(
    enrollments.map(async (enrollment) => {
      const cls = await db.classes.get(enrollment.classId);
      const sessions = alive(await db.sessions.where('classId').equals(enrollment.classId).toArray());
      const rolls = await db.rolls.bulkGet(sessions.map((s) => s.id));
      const marks = rolls.map((r) => r?.marks[learnerId]).filter((m): m is AttendanceMark => Boolean(m));
      return cls && !cls.deleted
        ? { cls, enrollment, sessions: sessions.sort(compareSessions), marks: alive(marks) }
        : null;
    }),
  );
  return records
    .filter((r): r is LearnerClassRecord => r !== null)
    .sort((a, b) => (b.cls.startDate ?? '').localeCompare(a.cls.startDate ?? ''));
}

/** The learner's record as a remembered query (remembered.ts), read before the first render at start. */
export const learnerRecordQuery = (learnerId: string | null): RememberedQuery<LearnerClassRecord[]> => ({
  key: `learnerRecord:${learnerId}`,
  tables: ['enrollments', 'classes', 'sessions', 'rolls'],
  keepEqual: true,
  read: (db) => readLearnerRecord(db, learnerId),
});
