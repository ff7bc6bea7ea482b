// Signing in on this device: the session is stored locally (so the app opens offline next time) and the user's data
// downloaded. Loaded when someone signs in, with the schemas the answers are checked against, so the first load of
// the app carries neither.
import { LoginResponse } from '../../domain/auth.ts';
import type { AppDb } from '../db/app-db.ts';
import { readSession, saveSession, unsavedPendingCount } from '../db/device-state.ts';
import { forgetRemembered } from '../db/remembered.ts';
import { PendingChangesError } from './account.ts';
import { syncOnce } from './engine.ts';
import { apiRequest } from './http.ts';
import { fetchTransport } from './transport.ts';

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
    forgetRemembered(db);
    await db.delete();
    await db.open();
  }
  await saveSession(db, login);
  await syncOnce(db, fetchTransport).catch(() => {
    // Signed in; the first download is retried by the scheduler.
  });
}
