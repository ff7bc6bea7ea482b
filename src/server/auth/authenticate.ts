// Turns a request's Bearer token into the signed-in user, or refuses it. Every authenticated route goes through here.
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

export function createAuthenticator(db: Db, sessionTtlDays: number) {
  return async function authenticate(req: FastifyRequest): Promise<AuthUser> {
    const token = bearerToken(req);
    if (!token) throw new ApiError(401, 'unauthenticated');
    const now = new Date();
    const [row] = await sessionByToken.run(db, {
      tokenHash: hashToken(token),
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
    return {
      id: row.userId,
      centreId: row.centreId,
      role: row.role,
      learnerId: row.learnerId,
      deviceSessionId: row.sessionId,
    };
  };
}
