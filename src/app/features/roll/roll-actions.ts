// Roll-call actions: each is one local write (records + outbox in one transaction) and returns how to undo it.
import type { AttendanceMark, MarkStatus, Session } from '../../../domain/entities.ts';
import type { AppDb } from '../../db/app-db.ts';
import { rollMarks } from '../../db/local-records.ts';
import { type Change, type Changes, writeChanges } from '../../db/local-write.ts';

export interface RollContext {
  session: Session;
  userId: string;
  centreId: string;
}

/** The changes that put these learners' marks back as they were (a missing mark is deleted again). */
function undoOf(learnerIds: string[], marks: Map<string, AttendanceMark>, ctx: RollContext): Change[] {
  return learnerIds.map((learnerId) => {
    const before = marks.get(learnerId);
    return {
      entity: 'marks',
      sessionId: ctx.session.id,
      learnerId,
      changes: before ? { status: before.status, note: before.note, deleted: false } : { deleted: true },
    };
  });
}

/** Marks learners with a status; returns the changes that undo it. */
export async function markLearners(
  db: AppDb,
  ctx: RollContext,
  learnerIds: string[],
  status: MarkStatus,
  marks: Map<string, AttendanceMark>,
): Promise<Change[]> {
  const markedAt = new Date().toISOString();
  const undo = undoOf(learnerIds, marks, ctx);
  const existing = await rollMarks(db, ctx.session.id);
  const batch: Change[] = learnerIds.map((learnerId) => ({
    entity: 'marks',
    sessionId: ctx.session.id,
    learnerId,
    changes: existing[learnerId]
      ? { status, markedBy: ctx.userId, markedAt, deleted: false }
      : {
          status,
          note: '',
          markedBy: ctx.userId,
          markedAt,
          deleted: false,
        },
  }));
  await writeChanges(db, batch, ctx.centreId);
  return undo;
}

/** Sets a learner's note (a reason for being late or excused, or anything else); the mark is created if needed. */
export async function noteLearner(
  db: AppDb,
  ctx: RollContext,
  learnerId: string,
  note: string,
  marks: Map<string, AttendanceMark>,
): Promise<Change[]> {
  const undoNote = undoOf([learnerId], marks, ctx);
  const changes: Changes<'marks'> = (await rollMarks(db, ctx.session.id))[learnerId]
    ? { note, deleted: false }
    : {
        status: 'present',
        note,
        markedBy: ctx.userId,
        markedAt: new Date().toISOString(),
        deleted: false,
      };
  await writeChanges(db, [{ entity: 'marks', sessionId: ctx.session.id, learnerId, changes }], ctx.centreId);
  return undoNote;
}

export function undo(db: AppDb, changes: Change[], centreId: string): Promise<void> {
  return writeChanges(db, changes, centreId);
}
