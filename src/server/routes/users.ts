// Staff manage accounts: create instructor and learner accounts, reset a password, cut off a lost device.
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NewPassword } from '../../domain/auth.ts';
import { requiredText } from '../../domain/common.ts';
import { Role, User } from '../../domain/entities.ts';
import { newId } from '../../domain/ids.ts';
import { type AuthUser, requireAdmin } from '../auth/authenticate.ts';
import { hashPassword } from '../auth/passwords.ts';
import { visibleRows } from '../auth/scope.ts';
import type { Db } from '../db/database.ts';
import { insertRecords } from '../db/records.ts';
import { deviceSessions, learners, users } from '../db/schema.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { addRoute } from '../http/route.ts';

const CreateUser = z
  .strictObject({
    role: Role,
    username: User.shape.username,
    displayName: requiredText(120),
    password: NewPassword,
    learnerId: z.uuid().nullable().default(null),
  })
  .refine((u) => (u.role === 'learner') === (u.learnerId !== null), {
    path: ['learnerId'],
    message: 'A learner account needs learnerId; other roles must not have one.',
  });

const IdParams = z.strictObject({ id: z.uuid() });

export function registerUserRoutes(app: FastifyInstance, db: Db): void {
  /** A user of the admin's own centre, or 404 (another centre's users are not revealed). */
  async function findManagedUser(admin: AuthUser, id: string) {
    const [row] = await db
      .select()
      .from(users)
      .where(and(eq(users.id, id), visibleRows(db, admin, 'users', 'write')));
    if (!row) throw notFound();
    return row;
  }

  addRoute(app, {
    method: 'POST',
    url: '/api/users',
    summary: 'Create an instructor, learner or admin account in the centre (admin)',
    tag: 'users',
    auth: true,
    body: CreateUser,
    response: User,
    status: 201,
    handler: async ({ user: admin, body }) => {
      requireAdmin(admin);
      if (body.learnerId) {
        const [learner] = await db
          .select({ id: learners.id })
          .from(learners)
          .where(and(eq(learners.id, body.learnerId), visibleRows(db, admin, 'learners', 'write')));
        if (!learner)
          throw new ApiError(400, 'badRequest', {
            issues: [{ path: 'body.learnerId', message: 'unknown learner' }],
          });
      }
      const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, body.username));
      if (taken)
        throw new ApiError(409, 'conflict', { issues: [{ path: 'body.username', message: 'taken' }] });
      const record: User = {
        id: newId(),
        centreId: admin.centreId,
        updatedAt: new Date().toISOString(),
        deleted: false,
        role: body.role,
        username: body.username,
        displayName: body.displayName,
        learnerId: body.learnerId,
      };
      const passwordHash = await hashPassword(body.password);
      await db.transaction((tx) =>
        insertRecords(tx, 'users', admin.centreId, [record], () => ({ passwordHash })),
      );
      return record;
    },
  });

  addRoute(app, {
    method: 'PUT',
    url: '/api/users/:id/password',
    summary: "Reset a user's password (admin); their devices are signed out",
    tag: 'users',
    auth: true,
    params: IdParams,
    body: z.strictObject({ password: NewPassword }),
    status: 204,
    handler: async ({ user: admin, params, body }) => {
      requireAdmin(admin);
      const target = await findManagedUser(admin, params.id);
      const passwordHash = await hashPassword(body.password);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, target.id));
        await tx
          .update(deviceSessions)
          .set({ revokedAt: new Date() })
          .where(and(eq(deviceSessions.userId, target.id), isNull(deviceSessions.revokedAt)));
      });
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/users/:id/revoke-devices',
    summary:
      "Sign out every device of a user (admin), e.g. a lost phone; the device's unsynced changes stay on it",
    tag: 'users',
    auth: true,
    params: IdParams,
    response: z.object({ revoked: z.int() }),
    handler: async ({ user: admin, params }) => {
      requireAdmin(admin);
      const target = await findManagedUser(admin, params.id);
      const revoked = await db
        .update(deviceSessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(deviceSessions.userId, target.id), isNull(deviceSessions.revokedAt)))
        .returning({ id: deviceSessions.id });
      return { revoked: revoked.length };
    },
  });
}
