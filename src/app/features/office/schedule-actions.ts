// Scheduling a class's sessions: many at once in one write (all or none), and a session cancelled, brought back or
// moved (cancelled and replaced). Each is a local write; learners and instructors see it after their next sync.
import type { Class, PartOfDay, Session } from '../../../domain/entities.ts';
import { newId } from '../../../domain/ids.ts';
import type { PlannedSession } from '../../../domain/schedule.ts';
import type { AppDb } from '../../db/app-db.ts';
import { type Change, writeChange, writeChanges } from '../../db/local-write.ts';

export interface SessionDefaults {
  instructorId: string | null;
  location: string;
  periods: number;
}

/** Adds the planned sessions a class does not have yet (same day and part); returns how many were already there. */
export async function addSessions(
  db: AppDb,
  cls: Class,
  existing: readonly Session[],
  planned: readonly PlannedSession[],
  defaults: SessionDefaults,
): Promise<{ added: number; skipped: number }> {
  const taken = new Set(existing.filter((s) => !s.cancelled).map((s) => `${s.date}/${s.partOfDay}`));
  const fresh = planned.filter((p) => !taken.has(`${p.date}/${p.partOfDay}`));
  const batch: Change[] = fresh.map((p) => ({
    entity: 'sessions',
    recordId: newId(),
    changes: {
      classId: cls.id,
      date: p.date,
      partOfDay: p.partOfDay,
      periods: defaults.periods,
      topic: p.topic,
      instructorId: defaults.instructorId,
      location: defaults.location,
      cancelled: false,
      replacesSessionId: null,
    },
  }));
  await writeChanges(db, batch, cls.centreId);
  return { added: fresh.length, skipped: planned.length - fresh.length };
}

export const setCancelled = (db: AppDb, session: Session, cancelled: boolean) =>
  writeChange(db, { entity: 'sessions', recordId: session.id, changes: { cancelled } }, session.centreId);

/**
 * Moves a session not held yet: it is cancelled and a session replacing it is added on the new day, in one write,
 * so that learners and instructors see both the cancellation and the new day, linked (as a make-up session is).
 */
export async function moveSession(
  db: AppDb,
  session: Session,
  date: string,
  partOfDay: PartOfDay,
): Promise<string> {
  const id = newId();
  const { id: _old, centreId, updatedAt: _stamp, deleted: _deleted, ...fields } = session;
  await writeChanges(
    db,
    [
      { entity: 'sessions', recordId: session.id, changes: { cancelled: true } },
      {
        entity: 'sessions',
        recordId: id,
        changes: { ...fields, date, partOfDay, cancelled: false, replacesSessionId: session.id },
      },
    ],
    centreId,
  );
  return id;
}
