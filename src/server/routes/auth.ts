// Sign-in, sign-out and "who am I" for a device. A device keeps its token while offline; the server can revoke it.
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LoginRequest, LoginResponse, Me } from '../../domain/auth.ts';
import { createAuthenticator } from '../auth/authenticate.ts';
import { deviceNameOf, loadMe, openDeviceSession } from '../auth/device-session.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.ts';
import type { ServerConfig } from '../config.ts';
import type { Db } from '../db/database.ts';
import { deviceSessions, users } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { addRoute } from '../http/route.ts';

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

      return openDeviceSession(
        db,
        user.id,
        deviceNameOf(body.deviceName, req.headers['user-agent']),
        config.sessionTtlDays,
      );
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
