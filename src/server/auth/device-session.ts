// Opening a device session: a fresh token for the device, its hash and expiry on the server, and the signed-in user
// with their centre. Signing in with a password and through a class invitation both end here.
import { eq } from 'drizzle-orm';
import type { LoginResponse, Me } from '../../domain/auth.ts';
import { newId } from '../../domain/ids.ts';
import type { Db } from '../db/database.ts';
import { toRecord } from '../db/records.ts';
import { centres, deviceSessions, users } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { hashToken, newToken } from './tokens.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function loadMe(db: Db, userId: string, deviceSessionId: string): Promise<Me> {
  const [row] = await db
    .select({ user: users, centre: centres })
    .from(users)
    .innerJoin(centres, eq(centres.id, users.centreId))
    .where(eq(users.id, userId));
  if (!row) throw new ApiError(401, 'unauthenticated');
  return { user: toRecord('users', row.user), centre: toRecord('centres', row.centre), deviceSessionId };
}

export async function openDeviceSession(
  db: Db,
  userId: string,
  deviceName: string,
  ttlDays: number,
): Promise<LoginResponse> {
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlDays * DAY_MS);
  const sessionId = newId();
  await db.insert(deviceSessions).values({
    id: sessionId,
    userId,
    tokenHash: hashToken(token),
    deviceName,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, expiresAt: expiresAt.toISOString(), me: await loadMe(db, userId, sessionId) };
}

/** The name staff see in a user's list of devices: the one the app sent, else the browser's. */
export const deviceNameOf = (sent: string | undefined, userAgent: string | string[] | undefined): string =>
  sent ?? String(userAgent ?? '').slice(0, 120);
