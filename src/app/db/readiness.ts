// What an instructor needs on the device before travelling to a class with no connection: the roster with
// each learner's details, the sessions, what the QR check-in looks up, how old the data is, what is unsent.
// Read live from the device database only, so the screen tells the truth when offline.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Class } from '../../domain/entities.ts';
import { useDb } from './DbProvider.tsx';
import { readLastSynced } from './device-state.ts';
import { pendingCount } from './outbox.ts';

export interface ClassReadiness {
  cls: Class;
  /** Enrolments on the roster: not withdrawn, not deleted. */
  roster: number;
  /** Of those, learners whose own record (name, unit) is on the device. */
  learnersOnDevice: number;
  /** Sessions that will be held: not cancelled, not deleted. */
  sessions: number;
  /** Of those, on or after `today`. */
  upcoming: number;
  /** Roster learners a QR scan can check in offline: the scan looks up their enrolment, then their record. */
  qrReady: number;
  /** Changes not on the server yet, counted as the sync indicator counts them (photos included). */
  unsynced: number;
  lastSyncedAt: string | null;
}

/** The readiness of one class on this device; `null` when the class is not on it. */
export function useClassReadiness(classId: string, today: string): ClassReadiness | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const cls = await db.classes.get(classId);
    if (!cls || cls.deleted) return null;
    const enrolled = (await db.enrollments.where('classId').equals(classId).toArray()).filter(
      (e) => !e.deleted && e.status !== 'withdrawn',
    );
    const learners = await db.learners.bulkGet(enrolled.map((e) => e.learnerId));
    const present = enrolled.filter((_, i) => learners[i] && !learners[i].deleted);
    const sessions = (await db.sessions.where('classId').equals(classId).toArray()).filter(
      (s) => !s.deleted && !s.cancelled,
    );
    return {
      cls,
      roster: enrolled.length,
      learnersOnDevice: present.length,
      sessions: sessions.length,
      upcoming: sessions.filter((s) => s.date >= today).length,
      qrReady: present.length,
      unsynced: await pendingCount(db),
      lastSyncedAt: await readLastSynced(db),
    };
  }, [db, classId, today]);
}
