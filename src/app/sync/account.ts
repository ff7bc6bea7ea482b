// Signing out of this device, which never throws away changes that are not on the server yet (signing in is in
// sign-in.ts, loaded only when someone signs in).
import type { AppDb } from '../db/app-db.ts';
import { clearSession, readSession, unsavedPendingCount } from '../db/device-state.ts';
import { dropAllNoteDrafts } from '../db/note-drafts.ts';
import { forgetRemembered } from '../db/remembered.ts';
import { apiRequest } from './http.ts';

export class PendingChangesError extends Error {
  constructor(readonly pending: number) {
    super('pendingChanges');
  }
}

/**
 * Signs out, unless changes are waiting to be sent and were not saved to a file (they would be stranded on a
 * signed-out device). Saved ones stay in the outbox and still go up if the same person signs in again.
 */
export async function signOut(db: AppDb): Promise<void> {
  const pending = await unsavedPendingCount(db);
  if (pending > 0) throw new PendingChangesError(pending);
  const session = await readSession(db);
  if (session && navigator.onLine) {
    await apiRequest('/api/auth/logout', { method: 'POST', token: session.token, schema: null }).catch(() => {
      // Offline or already revoked: the local sign-out still happens; the token expires on the server.
    });
  }
  await clearSession(db);
  forgetRemembered(db);
  dropAllNoteDrafts();
}
