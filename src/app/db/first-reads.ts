// The first screen's data, read in one transaction while the app starts and remembered (remembered.ts), so that the
// first render already shows it instead of a render per live query as each answers, one after the other: the
// session, then the screen's data.
import type { AppDb } from './app-db.ts';
import { sessionQuery } from './device-state.ts';
import { learnerRecordQuery } from './learner-record.ts';
import { readAhead } from './remembered.ts';

/** Whether someone is signed in on this device (main.tsx renders their first screen in one task). */
export async function readFirstScreen(db: AppDb): Promise<boolean> {
  return db.transaction('r', [db.meta, db.enrollments, db.classes, db.sessions, db.rolls], async () => {
    const user = (await readAhead(db, sessionQuery))?.me.user;
    if (user?.role === 'learner') await readAhead(db, learnerRecordQuery(user.learnerId));
    return user !== undefined;
  });
}
