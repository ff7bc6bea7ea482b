// Turns a request's Bearer token into the signed-in user, or refuses it. Every authenticated route goes through here.
// Push and pull may take the identity from a cache of the last minute, because their first statement confirms it.
import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../domain/entities.ts';
import type { Db } from '../db/database.ts';
import { prepare } from '../db/prepared.ts';
import { deviceSessions, users } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { hashToken } from './tokens.ts';

export interface AuthUser {
  id: string;
  centreId: string;
  role: Role;
  learnerId: string | null;
  deviceSessionId: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// Sliding expiry is written at most this often, so a busy device does not write on every request.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;
// How long a verified identity is reused, for routes that confirm it in a statement they send anyway
// (identityConfirmed): the cache saves the token's lookup, never delays a revocation. Sliding expiry is written at
// the next lookup, at most this much later.
const CACHE_MS = 60 * 1000;
// One entry per device that synced in the last minute; past this many, the oldest go.
const CACHE_MAX = 20_000;

export function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const match = header?.match(/^Bearer ([A-Za-z0-9_-]{20,100})$/);
  return match?.[1] ?? null;
}

/**
 * The session of a token hash, read on every request (hence prepared). Whether it has ended is decided against the
 * server's clock, passed in, as is whether its sliding expiry is due to be written.
 */
const sessionByToken = prepare<{
  sessionId: string;
  ended: boolean;
  stale: boolean;
  userId: string;
  centreId: string;
  role: Role;
  learnerId: string | null;
}>(sql`select ${deviceSessions.id} as "sessionId",
    (${deviceSessions.revokedAt} is not null or ${deviceSessions.expiresAt} <= ${sql.placeholder('now')}::timestamptz
      or ${users.deleted}) as "ended",
    ${deviceSessions.lastSeenAt} < ${sql.placeholder('touchBefore')}::timestamptz as "stale",
    ${users.id} as "userId", ${users.centreId} as "centreId", ${users.role} as "role", ${users.learnerId} as "learnerId"
  from ${deviceSessions} join ${users} on ${users.id} = ${deviceSessions.userId}
  where ${deviceSessions.tokenHash} = ${sql.placeholder('tokenHash')}`);

/**
 * True while a signed-in identity still holds: its session neither revoked nor expired, its user not deleted and
 * still of the same role, centre and learner record. A route that took the identity from the cache asks this in
 * its first statement and throws IdentityChanged when it is false. Placeholders: `identityValues`.
 */
export const identityConfirmed = sql`exists (select 1 from ${deviceSessions} join ${users} on ${users.id} = ${deviceSessions.userId}
  where ${deviceSessions.id} = ${sql.placeholder('sessionId')} and ${deviceSessions.revokedAt} is null
    and ${deviceSessions.expiresAt} > ${sql.placeholder('now')}::timestamptz and not ${users.deleted}
    and ${users.role} = ${sql.placeholder('role')} and ${users.centreId} = ${sql.placeholder('centreId')}
    and ${users.learnerId} is not distinct from ${sql.placeholder('learnerId')}::uuid)`;

export const identityValues = (user: AuthUser, now: Date) => ({
  sessionId: user.deviceSessionId,
  role: user.role,
  centreId: user.centreId,
  learnerId: user.learnerId,
  now: now.toISOString(),
});

/** The identity a route was given no longer holds: the request runs again, its token looked up afresh (route.ts). */
export class IdentityChanged extends Error {}

const confirmStatement = prepare<{ confirmed: boolean }>(sql`select ${identityConfirmed} as confirmed`);

/** For a route about to act on the identity before any statement of its own (a refusal by role). */
export async function confirmIdentity(db: Db, user: AuthUser): Promise<void> {
  const [row] = await confirmStatement.run(db, identityValues(user, new Date()));
  if (!row?.confirmed) throw new IdentityChanged();
}

export type Authenticate = (req: FastifyRequest, options?: { cached?: boolean }) => Promise<AuthUser>;

/** `cached`: the identity may come from the last minute's lookups, for a route that confirms it (identityConfirmed). */
export function createAuthenticator(db: Db, sessionTtlDays: number): Authenticate {
  const recent = new Map<string, { user: AuthUser; until: number }>();
  return async function authenticate(req, { cached = false } = {}) {
    const token = bearerToken(req);
    if (!token) throw new ApiError(401, 'unauthenticated');
    const tokenHash = hashToken(token);
    const now = new Date();
    const hit = recent.get(tokenHash);
    if (cached && hit && hit.until > now.getTime()) return hit.user;
    recent.delete(tokenHash);
    const [row] = await sessionByToken.run(db, {
      tokenHash,
      now: now.toISOString(),
      touchBefore: new Date(now.getTime() - TOUCH_INTERVAL_MS).toISOString(),
    });
    if (!row) throw new ApiError(401, 'unauthenticated');
    if (row.ended) throw new ApiError(401, 'sessionRevoked');
    if (row.stale) {
      await db
        .update(deviceSessions)
        .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionTtlDays * DAY_MS) })
        .where(eq(deviceSessions.id, row.sessionId));
    }
    const user: AuthUser = {
      id: row.userId,
      centreId: row.centreId,
      role: row.role,
      learnerId: row.learnerId,
      deviceSessionId: row.sessionId,
    };
    if (recent.size >= CACHE_MAX) recent.delete(recent.keys().next().value!);
    recent.set(tokenHash, { user, until: now.getTime() + CACHE_MS });
    return user;
  };
}
