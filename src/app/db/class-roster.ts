// What a roster import checks against: the class, the centre's learners on this device (staff hold the whole
// centre) and who is on the class's list already. Read by the import screen and again just before its write.
import type { Class } from '../../domain/entities.ts';
import type { ExistingRoster } from '../../domain/roster-import.ts';
import { alive } from './alive.ts';
import type { AppDb } from './app-db.ts';

export interface ClassRoster extends ExistingRoster {
  cls: Class;
}

/** `null` when the class is not on this device. */
export async function readClassRoster(db: AppDb, classId: string): Promise<ClassRoster | null> {
  const [cls, learners, enrollments] = await Promise.all([
    db.classes.get(classId),
    db.learners.toArray(),
    db.enrollments.where('classId').equals(classId).toArray(),
  ]);
  if (!cls || cls.deleted) return null;
  return {
    cls,
    learners: alive(learners),
    // A withdrawn learner is still on the list: importing them again does not re-enrol them behind staff's back.
    enrolledLearnerIds: new Set(alive(enrollments).map((e) => e.learnerId)),
  };
}
