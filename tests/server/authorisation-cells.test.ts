// Every cell of the policy table, generated from it: role × record kind × action (read, create, update, delete) ×
// whose record (the user's own or assigned, someone else's in the same centre, another centre's), exercised through
// the real sync push and pull and through REST wherever REST reads or writes that kind. The expected outcome comes
// from POLICY (src/domain/permissions.ts); authorisation.test.ts keeps a hand-written table of reads as the
// independent check of the policy itself.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Class, type EntityName, entityNames, type Role, type User } from '../../src/domain/entities.ts';
import { newId } from '../../src/domain/ids.ts';
import { allows, POLICY, writesNothing } from '../../src/domain/permissions.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { insertRecords } from '../../src/server/db/records.ts';
import { entityTables, files, users } from '../../src/server/db/schema.ts';
import { entityPath } from '../../src/server/routes/records.ts';
import type { PushResult } from '../../src/sync/protocol.ts';
import { bearer, login, pushChanges, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import {
  attachmentOn,
  type CentreFixture,
  type ClassBundle,
  classTypeIn,
  classWith,
  dossierOf,
  enrollmentOf,
  learnerNamed,
  markOf,
  PASSWORD,
  planItemFor,
  seedCentre,
  sessionOf,
  userIn,
} from './helpers/fixtures.ts';

type Action = 'read' | 'create' | 'update' | 'delete';
type Whose = 'own' | 'sameCentre' | 'otherCentre';

const ROLES: Role[] = ['admin', 'instructor', 'learner'];
const ACTIONS: Action[] = ['read', 'create', 'update', 'delete'];

/** What the table says: the role's scope for the action reaches the record, and another centre's never. */
function policyAllows(role: Role, entity: EntityName, action: Action, whose: Whose): boolean {
  if (whose === 'otherCentre') return false;
  const scope = POLICY[role][entity][action === 'read' ? 'read' : 'write'];
  return scope === 'centre' || (scope !== 'none' && whose === 'own');
}

/**
 * The cells that exist: a centre-wide record (the centre, its class kinds, plan, dossiers) is nobody's in particular,
 * so it has no "someone else's in the same centre"; a new centre is never one's own; nobody creates their own account;
 * a walk-in learner being created belongs to no class yet.
 */
function whoseFor(entity: EntityName, action: Action): Whose[] {
  if (entity === 'centres') return action === 'create' ? ['otherCentre'] : ['own', 'otherCentre'];
  if (entity === 'users' && action === 'create') return ['sameCentre', 'otherCentre'];
  const centreWide = ['classTypes', 'planItems', 'dossiers'].includes(entity);
  if (centreWide || (entity === 'learners' && action === 'create')) return ['own', 'otherCentre'];
  return ['own', 'sameCentre', 'otherCentre'];
}

/** A field each kind may change without moving the record out of anyone's scope. */
const HARMLESS_CHANGE: Record<EntityName, Record<string, unknown>> = {
  centres: { name: 'Trung tâm đổi tên' },
  users: { displayName: 'Tên hiển thị mới' },
  classTypes: { nameEn: 'Renamed kind' },
  planItems: { plannedLearners: 99 },
  classes: { location: 'Nhà văn hoá thôn 3' },
  learners: { unit: 'Chi bộ thôn 9' },
  enrollments: { status: 'withdrawn' },
  sessions: { topic: 'Chuyên đề đổi' },
  marks: { note: 'Ghi chú mới' },
  attachments: { takenAt: '2026-01-06T09:00:00.000Z' },
  dossiers: { note: 'Bổ sung hồ sơ' },
};

const cells = ROLES.flatMap((role) =>
  entityNames.flatMap((entity) =>
    ACTIONS.flatMap((action) =>
      whoseFor(entity, action).map((whose) => ({
        role,
        entity,
        action,
        whose,
        allowed: policyAllows(role, entity, action, whose),
      })),
    ),
  ),
);

describe.each(testDatabases)('authorisation cells on $name', (target) => {
  let t: TestApp;
  let a: CentreFixture;
  let b: CentreFixture;
  let passwordHash: string;
  const tokens = {} as Record<Role, string>;
  const pulled = {} as Record<Role, Set<string>>;

  beforeAll(async () => {
    t = await startTestApp(target);
    a = await seedCentre(t.database.db, 'a');
    b = await seedCentre(t.database.db, 'b');
    passwordHash = await hashPassword(PASSWORD);
    for (const role of ROLES) {
      tokens[role] = await login(t.app, a.users[role].username);
      // Read cells are judged against a full pull taken before any write cell runs.
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/sync/pull?cursor=0&limit=5000',
        headers: bearer(tokens[role]),
      });
      const changes = res.json().changes as Record<string, { id: string }[]>;
      pulled[role] = new Set(Object.values(changes).flatMap((records) => records.map((r) => r.id)));
    }
  });
  afterAll(() => t.close());

  const db = () => t.database.db;

  /** The centre, class and instructor a cell's record belongs to. */
  function place(whose: Whose): { centre: CentreFixture; bundle: ClassBundle; instructorId: string } {
    if (whose === 'own') return { centre: a, bundle: a.mine, instructorId: a.users.instructor.id };
    if (whose === 'sameCentre')
      return { centre: a, bundle: a.others, instructorId: a.users.otherInstructor.id };
    return { centre: b, bundle: b.mine, instructorId: b.users.instructor.id };
  }

  async function insert(centreId: string, entity: EntityName, records: object[]) {
    await db().transaction((tx) =>
      insertRecords(tx, entity, centreId, records as never[], () =>
        entity === 'users' ? { passwordHash } : {},
      ),
    );
  }

  /** A new user of `role` in centre A, signed in: the actor of cells about one's own account. */
  async function freshActor(role: Role): Promise<{ user: User; token: string }> {
    const user = userIn(
      a.centreId,
      role,
      `u${newId().slice(-12)}`,
      role === 'learner' ? a.mine.learner.id : null,
    );
    await insert(a.centreId, 'users', [user]);
    return { user, token: await login(t.app, user.username) };
  }

  /** A class of the place, taught by its instructor and attended by its learner, for records hanging off a class. */
  async function freshClass(whose: Whose): Promise<Class> {
    const { centre, bundle, instructorId } = place(whose);
    const cls = classWith(centre.centreId, centre.classTypeId, `M-${newId().slice(-6)}`, [instructorId]);
    await insert(centre.centreId, 'classes', [cls]);
    await insert(centre.centreId, 'enrollments', [enrollmentOf(cls, bundle.learner)]);
    return cls;
  }

  /** An existing record of the cell's kind, made for this cell alone so no cell depends on another's writes. */
  async function freshTarget(entity: EntityName, whose: Whose, role: Role, actor: User): Promise<string> {
    const { centre, bundle, instructorId } = place(whose);
    const c = centre.centreId;
    const one = async (e: EntityName, record: { id: string }) => {
      await insert(c, e, [record]);
      return record.id;
    };
    switch (entity) {
      case 'centres':
        return c;
      case 'users':
        return whose === 'own' ? actor.id : one('users', userIn(c, 'instructor', `u${newId().slice(-12)}`));
      case 'classTypes':
        return one('classTypes', classTypeIn(c));
      case 'planItems':
        return one('planItems', planItemFor(c, centre.classTypeId));
      case 'dossiers':
        return one('dossiers', dossierOf(bundle.learner));
      case 'classes':
        return (await freshClass(whose)).id;
      case 'enrollments': {
        const cls = classWith(c, centre.classTypeId, `E-${newId().slice(-6)}`, [instructorId]);
        await insert(c, 'classes', [cls]);
        return one('enrollments', enrollmentOf(cls, bundle.learner));
      }
      case 'learners': {
        // A learner's own learner record is the one their account belongs to.
        if (role === 'learner' && whose === 'own') return bundle.learner.id;
        const learner = learnerNamed(c, 'Phạm Văn Mới');
        await insert(c, 'learners', [learner]);
        await insert(c, 'enrollments', [enrollmentOf(bundle.class, learner)]);
        return learner.id;
      }
      case 'sessions':
        return one('sessions', sessionOf(bundle.class, instructorId));
      case 'marks': {
        const session = sessionOf(bundle.class, instructorId);
        await insert(c, 'sessions', [session]);
        return one('marks', markOf(session, bundle.learner, instructorId));
      }
      case 'attachments':
        return one('attachments', attachmentOn(bundle.session, instructorId));
    }
  }

  /** A new record of the cell's kind as a creating mutation, placed as the cell says. */
  async function creation(entity: EntityName, whose: Whose) {
    const {
      id,
      centreId: _c,
      updatedAt: _u,
      ...fields
    } = (await newRecord(entity, whose)) as Record<string, unknown> & { id: string };
    // Kinds without a reference can only be aimed at another centre by naming it, which is a server field.
    const centreWithoutReference = ['classTypes', 'learners'].includes(entity);
    const aimed = whose === 'otherCentre' && centreWithoutReference ? { centreId: b.centreId } : {};
    return { id, fields: { ...fields, ...aimed } };
  }

  /** A new record of the kind, in another centre through its references when the cell says so. */
  async function newRecord(
    entity: EntityName,
    whose: Whose,
  ): Promise<{ id: string; [field: string]: unknown }> {
    const { centre, bundle, instructorId } = place(whose);
    const c = centre.centreId;
    switch (entity) {
      case 'centres':
        return {
          id: newId(),
          deleted: false,
          name: 'Trung tâm lạ',
          level: 'commune',
          province: 'Kon Tum',
          settings: { defaultThreshold: 0.8, excusedCounts: false },
        };
      case 'users':
        return userIn(c, 'instructor', `u${newId().slice(-12)}`);
      case 'classTypes':
        return classTypeIn(a.centreId);
      case 'learners':
        return learnerNamed(a.centreId, 'Vãng Lai Mới');
      case 'planItems':
        return planItemFor(c, centre.classTypeId);
      case 'dossiers':
        return dossierOf(bundle.learner);
      case 'classes':
        return classWith(c, centre.classTypeId, `N-${newId().slice(-6)}`, [instructorId]);
      case 'enrollments':
        return enrollmentOf(await freshClass(whose), bundle.learner);
      case 'sessions':
        return sessionOf(bundle.class, instructorId);
      case 'marks': {
        const session = sessionOf(bundle.class, instructorId);
        await insert(c, 'sessions', [session]);
        return markOf(session, bundle.learner, instructorId);
      }
      case 'attachments':
        return attachmentOn(bundle.session, instructorId);
    }
  }

  /** The record as stored (every column, the password hash included), or undefined. */
  async function stored(entity: EntityName, id: string) {
    const table = entityTables[entity];
    const [row] = await db().select().from(table).where(eq(table.id, id));
    return row as Record<string, unknown> | undefined;
  }

  /**
   * One mutation from a new device of the actor, and what became of it. A role that may write nothing has the whole
   * push refused (AUTH2): its mutation counts as rejected as forbidden.
   */
  async function push(
    role: Role,
    token: string,
    entity: EntityName,
    recordId: string,
    fields: Record<string, unknown>,
  ): Promise<Pick<PushResult, 'outcome' | 'reason'>> {
    const res = await pushChanges(t.app, token, newId(), [{ entity, recordId, fields }]);
    if (writesNothing(role)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('forbidden');
      return { outcome: 'rejected', reason: 'forbidden' };
    }
    expect(res.statusCode).toBe(200);
    return (res.json().results as PushResult[])[0]!;
  }

  /** REST writes exist for accounts and for an attachment's bytes; the rest is written through sync only. */
  async function restWrite(cell: (typeof cells)[number], actor: User, token: string, id: string) {
    const { role, entity, action, whose, allowed } = cell;
    // Refused by the route's declared access (the kind) → 403; by the record's scope → 404 (or 400 when a new
    // account would point at another centre's learner).
    const kindRefusal = !allows(role, { entity, action: 'write', wholeCentre: entity === 'users' });
    const expectStatus = (status: number, ok: number, what: string) => {
      if (allowed) expect(status, what).toBe(ok);
      else if (kindRefusal) expect(status, what).toBe(403);
      else expect([400, 404], what).toContain(status);
    };
    if (entity === 'users' && action === 'create') {
      const username = `r${newId().slice(-12)}`;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: bearer(token),
        payload:
          whose === 'otherCentre'
            ? {
                role: 'learner',
                username,
                displayName: 'Học viên',
                password: 'tre-xanh-bon-mua',
                learnerId: b.mine.learner.id,
              }
            : { role: 'instructor', username, displayName: 'Giảng viên', password: 'tre-xanh-bon-mua' },
      });
      expectStatus(res.statusCode, 201, 'POST /api/users');
      expect(await db().select().from(users).where(eq(users.username, username))).toHaveLength(
        allowed ? 1 : 0,
      );
    }
    if (entity === 'users' && action === 'update') {
      const before = await stored('users', id);
      const reset = await t.app.inject({
        method: 'PUT',
        url: `/api/users/${id}/password`,
        headers: bearer(token),
        payload: { password: 'mat-khau-doi-1' },
      });
      expectStatus(reset.statusCode, 204, 'PUT /api/users/:id/password');
      if (!allowed) expect(await stored('users', id)).toEqual(before);
      // Resetting one's own password signs oneself out too: sign in again with the new one.
      const revoker =
        allowed && id === actor.id ? await login(t.app, actor.username, 'mat-khau-doi-1') : token;
      const revoke = await t.app.inject({
        method: 'POST',
        url: `/api/users/${id}/revoke-devices`,
        headers: bearer(revoker),
      });
      expectStatus(revoke.statusCode, 200, 'POST /api/users/:id/revoke-devices');
    }
    if (entity === 'attachments' && action === 'update') {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/files/${id}`,
        headers: { ...bearer(token), 'content-type': 'image/jpeg' },
        payload: Buffer.from([0xff, 0xd8, 0xff]),
      });
      expectStatus(res.statusCode, 204, 'PUT /api/files/:id');
      expect(await db().select().from(files).where(eq(files.attachmentId, id))).toHaveLength(allowed ? 1 : 0);
    }
  }

  /** An existing record for read cells: the shared fixture, never written by a cell. */
  function fixtureRecord(entity: EntityName, whose: Whose, role: Role): string {
    const { centre, bundle } = place(whose);
    switch (entity) {
      case 'centres':
        return centre.centreId;
      case 'users':
        return whose === 'own'
          ? a.users[role].id
          : whose === 'sameCentre'
            ? a.users.otherInstructor.id
            : b.users.admin.id;
      case 'classTypes':
        return centre.classTypeId;
      case 'planItems':
        return centre.planItemId;
      case 'dossiers':
        return centre.dossierId;
      case 'classes':
        return bundle.class.id;
      case 'learners':
        return bundle.learner.id;
      case 'enrollments':
        return bundle.enrollment.id;
      case 'sessions':
        return bundle.session.id;
      case 'marks':
        return bundle.mark.id;
      case 'attachments':
        return bundle.attachment.id;
    }
  }

  it('covers every role, kind and action, with another centre and a learner trying to write', () => {
    expect(new Set(cells.map((c) => `${c.role} ${c.entity} ${c.action}`)).size).toBe(
      ROLES.length * entityNames.length * ACTIONS.length,
    );
    expect(cells.filter((c) => c.whose === 'otherCentre' && c.allowed)).toEqual([]);
    expect(cells.filter((c) => c.role === 'learner' && c.action !== 'read' && c.allowed)).toEqual([]);
    // The table is not trivially all-or-nothing: both answers occur for every action.
    for (const action of ACTIONS) {
      expect(new Set(cells.filter((c) => c.action === action).map((c) => c.allowed)), action).toEqual(
        new Set([true, false]),
      );
    }
  });

  it.each(cells.filter((c) => c.action === 'read'))(
    '$role reads $entity ($whose): allowed $allowed',
    async ({ role, entity, whose, allowed }) => {
      const id = fixtureRecord(entity, whose, role);
      expect(pulled[role].has(id), 'in the pull').toBe(allowed);
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/${entityPath(entity)}/${id}`,
        headers: bearer(tokens[role]),
      });
      const kindRefused = !allows(role, { entity, action: 'read' });
      expect(res.statusCode).toBe(allowed ? 200 : kindRefused ? 403 : 404);
    },
  );

  it.each(cells.filter((c) => c.action !== 'read'))(
    '$role $action $entity ($whose): allowed $allowed',
    async (cell) => {
      const { role, entity, action, whose, allowed } = cell;
      const ownAccount = entity === 'users' && whose === 'own';
      const actor = ownAccount ? await freshActor(role) : { user: a.users[role], token: tokens[role] };

      if (action === 'create') {
        const { id, fields } = await creation(entity, whose);
        const result = await push(role, actor.token, entity, id, fields);
        // Accounts need a password, so they are made over REST only; a synced one is never applied.
        const appliedBySync = allowed && entity !== 'users';
        expect(result.outcome, JSON.stringify(result)).toBe(appliedBySync ? 'applied' : 'rejected');
        expect(Boolean(await stored(entity, id))).toBe(appliedBySync);
        if (!allowed) expect(['forbidden', 'badReference', 'invalid']).toContain(result.reason);
        if (entity === 'users') await restWrite(cell, actor.user, actor.token, id);
        return;
      }

      const id = await freshTarget(entity, whose, role, actor.user);
      const before = await stored(entity, id);
      const change = action === 'delete' ? { deleted: true } : HARMLESS_CHANGE[entity];
      const result = await push(role, actor.token, entity, id, change);
      expect(result.outcome, JSON.stringify(result)).toBe(allowed ? 'applied' : 'rejected');
      const after = await stored(entity, id);
      if (allowed) {
        // The change, and nothing else but the bookkeeping (the password hash of an account stays as it was).
        const moved = new Set([...Object.keys(change), 'version', 'clocks', 'updatedAt']);
        const rest = (row: Record<string, unknown> | undefined) =>
          Object.fromEntries(Object.entries(row ?? {}).filter(([k]) => !moved.has(k)));
        expect(rest(after)).toEqual(rest(before));
        expect(after).toMatchObject(
          Object.fromEntries(
            Object.entries(change).map(([k, v]) => [k, k === 'takenAt' ? new Date(v as string) : v]),
          ),
        );
      } else {
        expect(result.reason).toBe('forbidden');
        expect(after).toEqual(before);
      }
      if (action === 'update') await restWrite(cell, actor.user, actor.token, id);
    },
  );

  it('every route that declares an access refuses exactly the roles the table refuses', async () => {
    const gated = t.app.routeDocs.filter((r) => r.allow);
    expect(gated.length).toBeGreaterThanOrEqual(entityNames.length * 2 + 5);
    for (const r of gated) {
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: r.method,
          url: r.url.replace(':id', newId()),
          headers: bearer(tokens[role]),
          ...(r.method !== 'GET' && { payload: {} }),
        });
        const what = `${role} ${r.method} ${r.url}`;
        if (allows(role, r.allow!)) expect(res.statusCode, what).not.toBe(403);
        else expect(res.statusCode, what).toBe(403);
      }
    }
  });
});
