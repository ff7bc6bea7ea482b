// The authorisation matrix: every role × every route × own record / same-centre record / other centre's record.
// Expectations are written out by hand here (not derived from the policy table) so the test can catch a wrong policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityName, Role } from '../../src/domain/entities.ts';
import { entityPath } from '../../src/server/routes/records.ts';
import { bearer, login, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import { type CentreFixture, seedCentre } from './helpers/fixtures.ts';

type Reach = 'all' | 'mine' | 'self' | 'forbidden';

/** What each role reaches of each kind: all of the centre, only its classes' ("mine"), only itself, or nothing. */
const EXPECTED: Record<Role, Record<EntityName, Reach>> = {
  admin: {
    centres: 'all',
    users: 'all',
    classTypes: 'all',
    planItems: 'all',
    classes: 'all',
    learners: 'all',
    enrollments: 'all',
    sessions: 'all',
    marks: 'all',
    attachments: 'all',
    dossiers: 'all',
  },
  instructor: {
    centres: 'all',
    users: 'self',
    classTypes: 'all',
    planItems: 'forbidden',
    classes: 'mine',
    learners: 'mine',
    enrollments: 'mine',
    sessions: 'mine',
    marks: 'mine',
    attachments: 'mine',
    dossiers: 'forbidden',
  },
  learner: {
    centres: 'all',
    users: 'self',
    classTypes: 'all',
    planItems: 'forbidden',
    classes: 'mine',
    learners: 'mine',
    enrollments: 'mine',
    sessions: 'mine',
    marks: 'mine',
    attachments: 'forbidden',
    dossiers: 'forbidden',
  },
};

const ROLES: Role[] = ['admin', 'instructor', 'learner'];

/** Ids of the records of `entity` in a centre fixture: those of the user's own class, and the rest. */
function idsOf(f: CentreFixture, entity: EntityName, role: Role): { mine: string[]; rest: string[] } {
  const bundleKey = {
    classes: 'class',
    learners: 'learner',
    enrollments: 'enrollment',
    sessions: 'session',
    marks: 'mark',
    attachments: 'attachment',
  } as const;
  if (entity in bundleKey) {
    const key = bundleKey[entity as keyof typeof bundleKey];
    return { mine: [f.mine[key].id], rest: [f.others[key].id] };
  }
  if (entity === 'users') {
    const self = f.users[role].id;
    return {
      mine: [self],
      rest: Object.values(f.users)
        .map((u) => u.id)
        .filter((id) => id !== self),
    };
  }
  const only = {
    centres: f.centreId,
    classTypes: f.classTypeId,
    planItems: f.planItemId,
    dossiers: f.dossierId,
  }[entity as 'centres'];
  return { mine: [only], rest: [] };
}

function expectedVisible(f: CentreFixture, entity: EntityName, role: Role): string[] {
  const reach = EXPECTED[role][entity];
  const { mine, rest } = idsOf(f, entity, role);
  if (reach === 'forbidden') return [];
  if (reach === 'all') return [...mine, ...rest].sort();
  return mine.sort();
}

describe.each(testDatabases)('authorisation on $name', (target) => {
  let t: TestApp;
  let a: CentreFixture;
  let b: CentreFixture;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await startTestApp(target);
    a = await seedCentre(t.database.db, 'a');
    b = await seedCentre(t.database.db, 'b');
    for (const role of ROLES) tokens[role] = await login(t.app, a.users[role].username);
  });
  afterAll(() => t.close());

  const entities = Object.keys(EXPECTED.admin) as EntityName[];
  const cells = ROLES.flatMap((role) => entities.map((entity) => ({ role, entity })));

  describe.each(cells)('$role × $entity', ({ role, entity }) => {
    it('GET list returns exactly what the role may see, never another centre', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/${entityPath(entity)}`,
        headers: bearer(tokens[role]),
      });
      if (EXPECTED[role][entity] === 'forbidden') {
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toBe('forbidden');
        return;
      }
      expect(res.statusCode).toBe(200);
      const ids = (res.json() as { id: string }[]).map((r) => r.id).sort();
      expect(ids).toEqual(expectedVisible(a, entity, role));
      expect(res.body).not.toContain(b.centreId);
    });

    it('GET by id: visible → 200; same centre but not theirs → 404; other centre → 404', async () => {
      const { mine, rest } = idsOf(a, entity, role);
      const visible = new Set(expectedVisible(a, entity, role));
      const forbiddenRole = EXPECTED[role][entity] === 'forbidden';
      for (const id of [...mine, ...rest]) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/${entityPath(entity)}/${id}`,
          headers: bearer(tokens[role]),
        });
        expect(res.statusCode, id).toBe(forbiddenRole ? 403 : visible.has(id) ? 200 : 404);
        if (res.statusCode === 200) expect(res.json().id).toBe(id);
      }
      for (const id of [...idsOf(b, entity, role).mine, ...idsOf(b, entity, role).rest]) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/${entityPath(entity)}/${id}`,
          headers: bearer(tokens[role]),
        });
        expect(res.statusCode, id).toBe(forbiddenRole ? 403 : 404);
      }
    });
  });

  describe.each(ROLES)('%s pulling', (role) => {
    it('a full pull holds exactly the visible records of every kind', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/sync/pull?cursor=0',
        headers: bearer(tokens[role]),
      });
      expect(res.statusCode).toBe(200);
      const { changes, hasMore } = res.json();
      expect(hasMore).toBe(false);
      for (const entity of entities) {
        const ids = ((changes[entity] ?? []) as { id: string }[]).map((r) => r.id).sort();
        expect(ids, entity).toEqual(expectedVisible(a, entity, role));
      }
      expect(res.body).not.toContain(b.centreId);
      expect(res.body).not.toContain('scrypt');
    });
  });

  describe.each(ROLES)('%s managing accounts', (role) => {
    const isAdmin = role === 'admin';
    it(`create user → ${isAdmin ? '201' : '403'}`, async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: bearer(tokens[role]),
        payload: {
          role: 'instructor',
          username: `moi.${role}`,
          displayName: 'Giảng viên mới',
          password: 'tre-xanh-bon-mua',
        },
      });
      expect(res.statusCode).toBe(isAdmin ? 201 : 403);
    });

    it(`reset a password and revoke devices: own centre → ${isAdmin ? '2xx' : '403'}, other centre → ${isAdmin ? '404' : '403'}`, async () => {
      for (const [fixture, own] of [
        [a, true],
        [b, false],
      ] as const) {
        const target = fixture.users.otherInstructor.id;
        const reset = await t.app.inject({
          method: 'PUT',
          url: `/api/users/${target}/password`,
          headers: bearer(tokens[role]),
          payload: { password: 'mat-khau-moi-1' },
        });
        const revoke = await t.app.inject({
          method: 'POST',
          url: `/api/users/${target}/revoke-devices`,
          headers: bearer(tokens[role]),
        });
        expect(reset.statusCode).toBe(!isAdmin ? 403 : own ? 204 : 404);
        expect(revoke.statusCode).toBe(!isAdmin ? 403 : own ? 200 : 404);
      }
    });

    it('cannot create a learner account for a learner of another centre', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: bearer(tokens[role]),
        payload: {
          role: 'learner',
          username: `hv.x.${role}`,
          displayName: 'Học viên',
          password: 'tre-xanh-bon-mua',
          learnerId: b.mine.learner.id,
        },
      });
      expect(res.statusCode).toBe(isAdmin ? 400 : 403);
    });
  });

  it('every authenticated route refuses an anonymous request', async () => {
    const anonymous = t.app.routeDocs.filter((r) => r.auth);
    expect(anonymous.length).toBeGreaterThan(20);
    for (const r of anonymous) {
      const url = r.url.replace(':id', a.mine.class.id);
      const res = await t.app.inject({ method: r.method, url, payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${url}`).toBe(401);
    }
  });
});
