// The first screen's data, read in one transaction while the app starts, so that the first render already shows it
// (instead of a render per live query as each answers, one after the other: the session, then the screen's data).
// The hooks start from these reads; they hold only until anything is written to the device database, after which a
// screen mounted later waits for its live query as usual.
import Dexie from 'dexie';
import type { AppDb } from './app-db.ts';
import { readSession, type StoredSession } from './device-state.ts';
import { type LearnerClassRecord, readLearnerRecord } from './learner-record.ts';

export interface FirstReads {
  session?: StoredSession | null;
  learnerRecord?: LearnerClassRecord[];
}

export async function readFirstScreen(db: AppDb): Promise<FirstReads> {
  const reads: FirstReads = await db.transaction(
    'r',
    [db.meta, db.enrollments, db.classes, db.sessions, db.rolls],
    async () => {
      const session = await readSession(db);
      const user = session?.me.user;
      return user?.role === 'learner'
        ? { session, learnerRecord: await readLearnerRecord(db, user.learnerId) }
        : { session };
    },
  );
  const forget = () => {
    delete reads.session;
    delete reads.learnerRecord;
    Dexie.on.storagemutated.unsubscribe(forget);
  };
  Dexie.on.storagemutated.subscribe(forget);
  return reads;
}

/**
 * A live query's answer as the first read when it holds the same data: the screen keeps the object it rendered and
 * does not render again for nothing.
 */
export function sameAsFirst<T>(first: T | undefined, live: T): T {
  return first !== undefined && JSON.stringify(first) === JSON.stringify(live) ? first : live;
}
