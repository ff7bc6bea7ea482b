// Signing in and out of this device. Signing in stores the session locally (so the app opens offline next time)
// and downloads the user's data; signing out never throws away data that is not on the server yet.
import { LoginResponse } from '../../domain/auth.ts';
import type { AppDb } from '../db/app-db.ts';
import { clearSession, readSession, saveSession } from '../db/device-state.ts';
import { download } from './download.ts';
import { apiRequest } from './http.ts';

export async function signIn(db: AppDb, username: string, password: string, language: string): Promise<void> {
  const login = await apiRequest('/api/auth/login', {
    method: 'POST',
    body: { username, password, deviceName: navigator.userAgent.slice(0, 120) },
    schema: LoginResponse,
    language,
  });
  const previous = await readSession(db);
  // Another user on a shared phone: their data must not show. (With pending changes this is refused earlier.)
  if (previous && previous.me.user.id !== login.me.user.id) await db.delete().then(() => db.open());
  await saveSession(db, login);
  await download(db);
}

export async function signOut(db: AppDb): Promise<void> {
  const session = await readSession(db);
  if (session && navigator.onLine) {
    await apiRequest('/api/auth/logout', { method: 'POST', token: session.token, schema: null }).catch(() => {
      // Offline or already revoked: the local sign-out still happens; the token expires on the server.
    });
  }
  await clearSession(db);
}
