// Class invitations: the centre's staff (or the class's instructor) make a link per class; a learner who opens it
// and gives the full name and birth date the class list has for them gets this device signed in to their learner
// account, made for them if they had none. A wrong answer changes nothing and is throttled like a wrong password.
import { and, desc, eq, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LoginResponse } from '../../domain/auth.ts';
import type { User } from '../../domain/entities.ts';
import { newId } from '../../domain/ids.ts';
import {
  CreateInvitation,
  Invitation,
  InvitationAnswer,
  InvitationLookup,
  InvitedClass,
  NewInvitation,
} from '../../domain/invitations.ts';
import type { Access } from '../../domain/permissions.ts';
import { identityKey } from '../../domain/roster-import.ts';
import { searchKey } from '../../domain/vietnamese-text.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { deviceNameOf, openDeviceSession } from '../auth/device-session.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { hashPassword } from '../auth/passwords.ts';
import { visibleRows } from '../auth/scope.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { ServerConfig } from '../config.ts';
import type { Db, Tx } from '../db/database.ts';
import { insertRecords } from '../db/records.ts';
import { centres, classes, classInvitations, enrollments, learners, users } from '../db/schema.ts';
import { ApiError, forbidden, notFound } from '../http/api-error.ts';
import { addRoute } from '../http/route.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const ClassParams = z.strictObject({ classId: z.uuid() });
const IdParams = z.strictObject({ id: z.uuid() });

const invalid = () => new ApiError(404, 'invitationInvalid');

type InvitationRow = typeof classInvitations.$inferSelect;

const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  classId: row.classId,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** A learner's account name, fixed by the learner record so that two devices answering at once make one account. */
export const invitedUsername = (learnerId: string): string =>
  `hv.${learnerId.replaceAll('-', '').slice(-12)}`;

/** Inviting learners to a class is enrolling them: the policy table's enrolment writes (staff, the class's instructors). */
const ENROL: Access = { entity: 'enrollments', action: 'write' };

export function registerInvitationRoutes(app: FastifyInstance, db: Db, config: ServerConfig): void {
  const throttle = new LoginThrottle(config.login);

  /** A class the user may invite learners to: any of the admin's centre, or one an instructor teaches. */
  async function invitableClass(user: AuthUser, classId: string) {
    const [row] = await db
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.id, classId), eq(classes.deleted, false), visibleRows(db, user, 'classes')));
    if (!row) throw notFound();
    return row;
  }

  /** The invitation of a token while it works (not revoked, not expired, its class not deleted), else null. */
  async function workingInvitation(token: string) {
    const [row] = await db
      .select({ invitation: classInvitations, cls: classes, centreName: centres.name })
      .from(classInvitations)
      .innerJoin(classes, eq(classes.id, classInvitations.classId))
      .innerJoin(centres, eq(centres.id, classInvitations.centreId))
      .where(eq(classInvitations.tokenHash, hashToken(token)));
    if (!row || row.invitation.revokedAt || row.invitation.expiresAt <= new Date() || row.cls.deleted)
      return null;
    return row;
  }

  function refuseWhileThrottled(keys: string[]): void {
    const wait = throttle.retryAfter(keys);
    if (wait > 0) throw new ApiError(429, 'tooManyAttempts', { retryAfterSeconds: wait });
  }

  addRoute(app, {
    method: 'POST',
    url: '/api/classes/:classId/invitations',
    summary:
      'Make an invitation link for a class (staff, or the class instructor); the token is shown this once',
    tag: 'invitations',
    auth: true,
    allow: ENROL,
    params: ClassParams,
    body: CreateInvitation,
    response: NewInvitation,
    status: 201,
    handler: async ({ user, params, body }) => {
      const cls = await invitableClass(user, params.classId);
      const token = newToken();
      const now = new Date();
      const [row] = await db
        .insert(classInvitations)
        .values({
          id: newId(),
          centreId: user.centreId,
          classId: cls.id,
          tokenHash: hashToken(token),
          createdBy: user.id,
          createdAt: now,
          expiresAt: new Date(now.getTime() + body.days * DAY_MS),
        })
        .returning();
      return { ...toInvitation(row!), token };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/classes/:classId/invitations',
    summary: "A class's invitation links, newest first (without their tokens)",
    tag: 'invitations',
    auth: true,
    allow: ENROL,
    params: ClassParams,
    response: z.array(Invitation),
    handler: async ({ user, params }) => {
      const cls = await invitableClass(user, params.classId);
      const rows = await db
        .select()
        .from(classInvitations)
        .where(eq(classInvitations.classId, cls.id))
        .orderBy(desc(classInvitations.createdAt));
      return rows.map(toInvitation);
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/invitations/:id/revoke',
    summary: 'Stop an invitation link working at once; devices already signed in through it stay signed in',
    tag: 'invitations',
    auth: true,
    allow: ENROL,
    params: IdParams,
    response: Invitation,
    handler: async ({ user, params }) => {
      const [row] = await db.select().from(classInvitations).where(eq(classInvitations.id, params.id));
      if (!row || row.centreId !== user.centreId) throw notFound();
      await invitableClass(user, row.classId);
      const [revoked] = await db
        .update(classInvitations)
        .set({ revokedAt: row.revokedAt ?? new Date() })
        .where(eq(classInvitations.id, row.id))
        .returning();
      return toInvitation(revoked!);
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/invitations/lookup',
    summary: 'Which centre and class an invitation link is for, while it works (no sign-in needed)',
    tag: 'invitations',
    auth: false,
    body: InvitationLookup,
    response: InvitedClass,
    handler: async ({ body, req }) => {
      const keys = [`ip:${req.ip}`];
      refuseWhileThrottled(keys);
      const found = await workingInvitation(body.token);
      if (!found) {
        throttle.recordFailure(keys);
        throw invalid();
      }
      return {
        centreName: found.centreName,
        classCode: found.cls.code,
        className: found.cls.name,
        expiresAt: found.invitation.expiresAt.toISOString(),
      };
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/invitations/accept',
    summary:
      "A learner on the invited class's list names themselves (full name and birth date): this device is signed in to their learner account, made if they had none",
    tag: 'invitations',
    auth: false,
    body: InvitationAnswer,
    response: LoginResponse,
    handler: async ({ body, req }) => {
      const ipKey = `ip:${req.ip}`;
      refuseWhileThrottled([ipKey]);
      const found = await workingInvitation(body.token);
      if (!found) {
        throttle.recordFailure([ipKey]);
        throw invalid();
      }
      // Guesses at one person's birth date are counted per invitation and name, wherever they come from.
      const keys = [ipKey, `invitation:${found.invitation.id}:${searchKey(body.fullName)}`];
      refuseWhileThrottled(keys);

      const wanted = identityKey(body.fullName, body.birthDate);
      const onList = await db
        .select({ id: learners.id, fullName: learners.fullName, birthDate: learners.birthDate })
        .from(enrollments)
        .innerJoin(learners, eq(learners.id, enrollments.learnerId))
        .where(
          and(
            eq(enrollments.classId, found.cls.id),
            eq(enrollments.deleted, false),
            ne(enrollments.status, 'withdrawn'),
            eq(learners.deleted, false),
          ),
        );
      const matches = [
        ...new Map(
          onList.filter((l) => identityKey(l.fullName, l.birthDate) === wanted).map((l) => [l.id, l]),
        ).values(),
      ];
      if (matches.length === 0) {
        throttle.recordFailure(keys);
        throw new ApiError(401, 'invitationNoMatch');
      }
      if (matches.length > 1) throw new ApiError(409, 'invitationAmbiguous');
      // Only this person's count is forgiven: a right answer for oneself must not reset the address's guesses.
      throttle.recordSuccess(keys.slice(1));

      const learner = matches[0]!;
      const userId = await db.transaction((tx) =>
        learnerAccount(tx, found.invitation.centreId, learner.id, learner.fullName),
      );
      return openDeviceSession(
        db,
        userId,
        deviceNameOf(body.deviceName, req.headers['user-agent']),
        config.sessionTtlDays,
      );
    },
  });
}

/**
 * The learner's account, made now if they have none; its password is random and never shown (staff can set one
 * later). The learner's row is locked first, so two devices answering at once end with one account.
 */
async function learnerAccount(
  tx: Tx,
  centreId: string,
  learnerId: string,
  fullName: string,
): Promise<string> {
  await tx.select({ id: learners.id }).from(learners).where(eq(learners.id, learnerId)).for('update');
  const [existing] = await tx
    .select({ id: users.id, deleted: users.deleted })
    .from(users)
    .where(and(eq(users.learnerId, learnerId), eq(users.role, 'learner')))
    .orderBy(users.deleted)
    .limit(1);
  // An account the centre closed stays closed.
  if (existing?.deleted) throw forbidden();
  if (existing) return existing.id;
  const account: User = {
    id: newId(),
    centreId,
    updatedAt: new Date().toISOString(),
    deleted: false,
    role: 'learner',
    username: invitedUsername(learnerId),
    displayName: fullName.slice(0, 120),
    learnerId,
  };
  const passwordHash = await hashPassword(newToken());
  await insertRecords(tx, 'users', centreId, [account], () => ({ passwordHash }));
  return account.id;
}
