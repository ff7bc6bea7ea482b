// Roll-call actions: each is one local write (records + outbox in one transaction) and returns how to undo it.
import { parseCheckInCode } from '../../../domain/check-in-code.ts';
import type { AttendanceMark, Learner, MarkStatus, Session } from '../../../domain/entities.ts';
import { newId } from '../../../domain/ids.ts';
import { nfc, splitFullName } from '../../../domain/vietnamese-text.ts';
import type { AppDb } from '../../db/app-db.ts';
import { serverNowIso } from '../../db/clock-offset.ts';
import { type Change, writeChanges } from '../../db/local-write.ts';

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
  const markedAt = serverNowIso();
  const undo = undoOf(learnerIds, marks, ctx);
  const batch: Change[] = learnerIds.map((learnerId) => ({
    entity: 'marks',
    sessionId: ctx.session.id,
    learnerId,
    changes: { status, markedBy: ctx.userId, markedAt, deleted: false },
    whenNew: { note: '' },
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
  const change: Change = {
    entity: 'marks',
    sessionId: ctx.session.id,
    learnerId,
    changes: { note, deleted: false },
    whenNew: { status: 'present', markedBy: ctx.userId, markedAt: serverNowIso() },
  };
  await writeChanges(db, [change], ctx.centreId);
  return undoNote;
}

export interface WalkIn {
  fullName: string;
  unit: string;
  position: string;
  phone: string;
}

/**
 * A learner who came without being summoned: the learner, an enrolment flagged as a walk-in for the centre to review
 * (and perhaps merge with an existing record), and a "present" mark, in one write. Undo removes all three, the mark
 * and learner first, while the enrolment still puts them in the instructor's scope.
 */
export async function addWalkIn(
  db: AppDb,
  ctx: RollContext,
  walkIn: WalkIn,
): Promise<{ learnerId: string; undo: Change[] }> {
  const fullName = nfc(walkIn.fullName);
  const learnerId = newId();
  const enrollmentId = newId();
  await writeChanges(
    db,
    [
      {
        entity: 'learners',
        recordId: learnerId,
        changes: {
          fullName,
          ...splitFullName(fullName),
          birthDate: null,
          gender: null,
          position: nfc(walkIn.position),
          unit: nfc(walkIn.unit),
          phone: nfc(walkIn.phone),
          partyStatus: 'none',
        },
      },
      {
        entity: 'enrollments',
        recordId: enrollmentId,
        changes: { classId: ctx.session.classId, learnerId, status: 'enrolled', walkIn: true },
      },
      {
        entity: 'marks',
        sessionId: ctx.session.id,
        learnerId,
        changes: {
          status: 'present',
          note: '',
          markedBy: ctx.userId,
          markedAt: serverNowIso(),
          deleted: false,
        },
      },
    ],
    ctx.centreId,
  );
  return {
    learnerId,
    undo: [
      { entity: 'marks', sessionId: ctx.session.id, learnerId, changes: { deleted: true } },
      { entity: 'learners', recordId: learnerId, changes: { deleted: true } },
      { entity: 'enrollments', recordId: enrollmentId, changes: { deleted: true } },
    ],
  };
}

export type ScanOutcome =
  | { kind: 'marked'; learner: Learner; undo: Change[] }
  | { kind: 'already'; learner: Learner }
  | { kind: 'withdrawn'; learner: Learner }
  /** An enrolment of another class (the learner's name when this device has it). */
  | { kind: 'otherClass'; learner: Learner | null }
  /** Well formed, but no enrolment this device knows: made up, or from a class not on this device. */
  | { kind: 'unknown' }
  | { kind: 'notACode' };

/** A scanned QR code at the roll: marks its learner present, or says why not. */
export async function checkIn(
  db: AppDb,
  ctx: RollContext,
  text: string,
  marks: Map<string, AttendanceMark>,
): Promise<ScanOutcome> {
  const enrollmentId = parseCheckInCode(text);
  if (!enrollmentId) return { kind: 'notACode' };
  const enrollment = await db.enrollments.get(enrollmentId);
  if (!enrollment || enrollment.deleted) return { kind: 'unknown' };
  const learner = (await db.learners.get(enrollment.learnerId)) ?? null;
  if (enrollment.classId !== ctx.session.classId) return { kind: 'otherClass', learner };
  if (!learner) return { kind: 'unknown' };
  if (enrollment.status === 'withdrawn') return { kind: 'withdrawn', learner };
  const current = marks.get(learner.id);
  if (current && !current.deleted && (current.status === 'present' || current.status === 'late')) {
    return { kind: 'already', learner };
  }
  return { kind: 'marked', learner, undo: await markLearners(db, ctx, [learner.id], 'present', marks) };
}

export function undo(db: AppDb, changes: Change[], centreId: string): Promise<void> {
  return writeChanges(db, changes, centreId);
}
