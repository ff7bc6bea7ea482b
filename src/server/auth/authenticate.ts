// Turns a request's Bearer token into the signed-in user, or refuses it. Every authenticated route goes through here.
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../domain/entities.ts';
import type { Db } from '../db/database.ts';
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

export function createAuthenticator(db: Db, sessionTtlDays: number) {
  return async function authenticate(req: FastifyRequest): Promise<AuthUser> {
    const token = bearerToken(req);
    if (!token) throw new ApiError(401, 'unauthenticated');
    const [row] = await db
      .select({ session: deviceSessions, user: users })
      .from(deviceSessions)
      .innerJoin(users, eq(users.id, deviceSessions.userId))
      .where(eq(deviceSessions.tokenHash, hashToken(token)))
      .limit(1);
    if (!row) throw new ApiError(401, 'unauthenticated');
    const now = new Date();
    if (row.session.revokedAt || row.session.expiresAt <= now || row.user.deleted) {
      throw new ApiError(401, 'sessionRevoked');
    }
    if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await db
        .update(deviceSessions)
        .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionTtlDays * DAY_MS) })
        .where(eq(deviceSessions.id, row.session.id));
    }
    return {
      id: row.user.id,
      centreId: row.user.centreId,
      role: row.user.role as Role,
      learnerId: row.user.learnerId,
      deviceSessionId: row.session.id,
    };
  };
}
