// Signing in and out of this device. Signing in stores the session locally (so the app opens offline next time)
// and downloads the user's data; signing out never throws away changes that are not on the server yet.
import { LoginResponse } from '../../domain/auth.ts';
import type { AppDb } from '../db/app-db.ts';
import { clearSession, readSession, saveSession, unsavedPendingCount } from '../db/device-state.ts';
import { syncOnce } from './engine.ts';
import { apiRequest } from './http.ts';
import { fetchTransport } from './transport.ts';

export class PendingChangesError extends Error {
  constructor(readonly pending: number) {
    super('pendingChanges');
  }
}

export async function signIn(db: AppDb, username: string, password: string, language: string): Promise<void> {
  const login = await apiRequest('/api/auth/login', {
    method: 'POST',
    body: { username, password, deviceName: navigator.userAgent.slice(0, 120) },
    schema: LoginResponse,
    language,
  });
  await beginSession(db, login);
}

/**
 * Keeps a session the server opened (by password or by a class invitation) and downloads the user's data. Another
 * person on a shared phone: the previous user's data must not show, and their unsent changes must not be lost or
 * sent under the new account, so those stop the switch.
 */
export async function beginSession(db: AppDb, login: LoginResponse): Promise<void> {
  const previous = await readSession(db);
  if (previous && previous.me.user.id !== login.me.user.id) {
    const pending = await unsavedPendingCount(db);
    if (pending > 0) throw new PendingChangesError(pending);
    await db.delete();
    await db.open();
  }
  await saveSession(db, login);
  await syncOnce(db, fetchTransport).catch(() => {
    // Signed in; the first download is retried by the scheduler.
  });
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
}
