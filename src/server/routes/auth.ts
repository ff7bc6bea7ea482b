// Sign-in, sign-out and "who am I" for a device. A device keeps its token while offline; the server can revoke it.
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LoginRequest, LoginResponse, Me } from '../../domain/auth.ts';
import { newId } from '../../domain/ids.ts';
import { createAuthenticator } from '../auth/authenticate.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { ServerConfig } from '../config.ts';
import type { Db } from '../db/database.ts';
import { toRecord } from '../db/records.ts';
import { centres, deviceSessions, users } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { addRoute } from '../http/route.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

async function loadMe(db: Db, userId: string, deviceSessionId: string): Promise<Me> {
  const [row] = await db
    .select({ user: users, centre: centres })
    .from(users)
    .innerJoin(centres, eq(centres.id, users.centreId))
    .where(eq(users.id, userId));
  if (!row) throw new ApiError(401, 'unauthenticated');
  return { user: toRecord('users', row.user), centre: toRecord('centres', row.centre), deviceSessionId };
}

export function registerAuthRoutes(app: FastifyInstance, db: Db, config: ServerConfig): void {
  app.decorate('authenticate', createAuthenticator(db, config.sessionTtlDays));
  const throttle = new LoginThrottle(config.login);

  addRoute(app, {
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in a device; returns a token to send as "Authorization: Bearer …"',
    tag: 'auth',
    auth: false,
    body: LoginRequest,
    response: LoginResponse,
    handler: async ({ body, req }) => {
      const keys = [`user:${body.username}`, `ip:${req.ip}`];
      const wait = throttle.retryAfter(keys);
      if (wait > 0) throw new ApiError(429, 'tooManyAttempts', { retryAfterSeconds: wait });

      const [user] = await db.select().from(users).where(eq(users.username, body.username)).limit(1);
      const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok || user.deleted) {
        throttle.recordFailure(keys);
        throw new ApiError(401, 'invalidCredentials');
      }
      throttle.recordSuccess(keys);

      const token = newToken();
      const now = new Date();
      const expiresAt = new Date(now.getTime() + config.sessionTtlDays * DAY_MS);
      const sessionId = newId();
      await db.insert(deviceSessions).values({
        id: sessionId,
        userId: user.id,
        tokenHash: hashToken(token),
        deviceName: body.deviceName ?? String(req.headers['user-agent'] ?? '').slice(0, 120),
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
      });
      return { token, expiresAt: expiresAt.toISOString(), me: await loadMe(db, user.id, sessionId) };
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Sign this device out: its token stops working at once',
    tag: 'auth',
    auth: true,
    status: 204,
    handler: async ({ user }) => {
      await db
        .update(deviceSessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(deviceSessions.id, user.deviceSessionId), isNull(deviceSessions.revokedAt)));
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/me',
    summary: 'The signed-in user, their centre and this device session',
    tag: 'auth',
    auth: true,
    response: Me,
    handler: ({ user }) => loadMe(db, user.id, user.deviceSessionId),
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/auth/devices',
    summary: "The signed-in user's devices",
    tag: 'auth',
    auth: true,
    response: z.array(
      z.object({ id: z.uuid(), deviceName: z.string(), lastSeenAt: z.string(), current: z.boolean() }),
    ),
    handler: async ({ user }) => {
      const rows = await db
        .select()
        .from(deviceSessions)
        .where(and(eq(deviceSessions.userId, user.id), isNull(deviceSessions.revokedAt)));
      return rows.map((r) => ({
        id: r.id,
        deviceName: r.deviceName,
        lastSeenAt: r.lastSeenAt.toISOString(),
        current: r.id === user.deviceSessionId,
      }));
    },
  });
}
