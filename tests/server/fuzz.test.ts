// Fuzzing every route and the sync endpoints with fast-check (a fixed seed): thousands of malformed or hostile
// requests — no or forged tokens, roles the policy refuses, ids that are not ids or belong to another centre, stray or
// wrong-typed parameters, bodies with unknown fields, wrong types, SQL and script in names, huge strings, deep JSON,
// bad UTF-8 — and pushes and imports of mutations the user may not make (others' records, another centre's, wrong
// types, forged server fields, replayed and foreign mutation ids). Every answer is a 4xx with a code and a message
// (a push answers 200 with every such mutation rejected or recognised as a replay), nothing is ever 5xx, the server
// still answers afterwards, and the data is unchanged: the change log only gains the refused attempts (LOG1).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type EntityName, entitySchemas, type Role } from '../../src/domain/entities.ts';
import { ErrorCodes } from '../../src/domain/errors.ts';
import { newId } from '../../src/domain/ids.ts';
import { allows } from '../../src/domain/permissions.ts';
import { deviceSessions } from '../../src/server/db/schema.ts';
import type { RouteDoc } from '../../src/server/http/route.ts';
import { encodeHlc } from '../../src/sync/hlc.ts';
import { PROTOCOL_VERSION, PushResponse } from '../../src/sync/protocol.ts';
import { bearer, login, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import {
  attachmentOn,
  type CentreFixture,
  type ClassBundle,
  enrollmentOf,
  learnerNamed,
  PASSWORD,
  seedCentre,
  sessionOf,
} from './helpers/fixtures.ts';
import { hostileString, hostileValue, INJECTIONS, notAString, rawBody } from './helpers/hostile-input.ts';
import { fingerprint } from './helpers/snapshot.ts';

const SEED = 20_261_125;
/** Requests per family, on each engine: 5,200 in all. */
const RUNS = { routes: 4_000, sync: 1_200 } as const;
const ROLES: Role[] = ['admin', 'instructor', 'learner'];

type Defect = 'auth' | 'role' | 'params' | 'query' | 'body';
type Request = InjectOptions & { method: RouteDoc['method']; url: string };

/** A value of another type than `value`, so a field that held it cannot accept it. */
function wrongTypeFor(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'number')
    return fc.oneof(hostileString, fc.constant(null), fc.boolean(), fc.array(hostileValue));
  if (typeof value === 'boolean')
    return fc.oneof(
      hostileString,
      fc.constant(null),
      fc.integer(),
      fc.dictionary(hostileString, hostileValue),
    );
  if (Array.isArray(value))
    return fc.oneof(
      hostileString,
      fc.integer(),
      fc.constant(null),
      fc.dictionary(hostileString, hostileValue),
    );
  if (value && typeof value === 'object')
    return fc.oneof(hostileString, fc.integer(), fc.constant(null), fc.array(hostileValue));
  // Strings, and nullable fields that hold null.
  return value === null
    ? fc.oneof(fc.boolean(), fc.integer(), fc.array(hostileValue, { minLength: 1 }))
    : notAString;
}

/** Any text as it can travel in a URL: every byte percent-encoded (a lone surrogate becomes U+FFFD first). */
const percentEncoded = (s: string) =>
  [...Buffer.from(s)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** What a route accepts as its body: its schema, or nothing at all. */
const accepts = (route: RouteDoc, value: unknown) =>
  (route.body ?? z.strictObject({})).safeParse(value).success;

/** A JSON object made invalid for a strict schema: a field removed, retyped, or an unknown one added. */
function brokenObject(template: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(template);
  const unknownKey = hostileString.filter((k) => !(k in template) && k.length > 0 && k.length < 100);
  return fc.oneof(
    fc.tuple(unknownKey, hostileValue).map(([k, v]) => ({ ...template, [k]: v })),
    ...(keys.length > 0
      ? [
          fc.constantFrom(...keys).map((k) => {
            const { [k]: _gone, ...rest } = template;
            return rest;
          }),
          fc
            .constantFrom(...keys)
            .chain((k) => wrongTypeFor(template[k]).map((v) => ({ ...template, [k]: v }))),
        ]
      : []),
  );
}

describe.each(testDatabases)('fuzzing on $name', (target) => {
  let t: TestApp;
  let a: CentreFixture;
  let b: CentreFixture;
  const tokens = {} as Record<Role, string>;
  let revokedToken: string;
  let expiredToken: string;
  /** A device of A's instructor whose first mutations the server has applied: their replays must change nothing. */
  const replayDevice = newId();
  const REPLAYABLE = 3;
  let sent = 0;
  /** Answers by status, printed at the end: which refusals the fuzzing reached. */
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await startTestApp(target);
    a = await seedCentre(t.database.db, 'a');
    b = await seedCentre(t.database.db, 'b');
    for (const role of ROLES) tokens[role] = await login(t.app, a.users[role].username);
    revokedToken = await login(t.app, a.users.admin.username);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(revokedToken) });
    expiredToken = await login(t.app, a.users.instructor.username);
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(expiredToken) })).json();
    await t.database.db
      .update(deviceSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(sql`${deviceSessions.id} = ${me.deviceSessionId}`);
    const applied = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(tokens.instructor),
      payload: {
        protocolVersion: PROTOCOL_VERSION,
        deviceId: replayDevice,
        mutations: Array.from({ length: REPLAYABLE }, (_, i) => ({
          seq: i + 1,
          entity: 'marks',
          recordId: a.mine.mark.id,
          fields: { note: `Ghi chú ${i + 1}` },
          hlc: encodeHlc({ millis: Date.now(), counter: i, deviceId: replayDevice }),
        })),
      },
    });
    expect(applied.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(
      Array(REPLAYABLE).fill('applied'),
    );
  });
  afterAll(() => t.close());

  async function send(request: Request) {
    sent++;
    const res = await t.app.inject(request);
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    return res;
  }

  function expectClearRefusal(res: { statusCode: number; body: string }, what: string) {
    expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, what).toBeLessThan(500);
    const body = JSON.parse(res.body) as { error: string; message: string };
    expect(Object.values(ErrorCodes), what).toContain(body.error);
    expect(body.message.length, what).toBeGreaterThan(5);
  }

  /** Records of each bundle, by kind, for ids in URLs and targets of mutations. */
  const bundleIds = (f: CentreFixture, bundle: ClassBundle) => [
    bundle.class.id,
    bundle.session.id,
    bundle.learner.id,
    bundle.enrollment.id,
    bundle.mark.id,
    bundle.attachment.id,
    f.users.admin.id,
    f.users.otherInstructor.id,
    f.classTypeId,
    f.planItemId,
    f.dossierId,
    f.centreId,
  ];

  /** The valid form of each part of a route's request, so that the one defect planted is what refuses it. */
  function templates(route: RouteDoc) {
    const queries: Record<string, string> = {
      '/api/sync/pull': 'cursor=0',
      '/api/reports/summary': 'from=2021-01-01&to=2021-12-31',
      '/api/history': `recordId=${a.mine.mark.id}`,
    };
    const bodies: Record<string, Record<string, unknown>> = {
      '/api/auth/login': { username: a.users.admin.username, password: PASSWORD },
      '/api/users': {
        role: 'instructor',
        username: 'gv.fuzz',
        displayName: '<script>alert(1)</script>',
        password: 'tre-xanh-bon-mua',
      },
      '/api/users/:id/password': { password: 'tre-xanh-bon-mua' },
      '/api/sync/push': pushTemplate(),
      '/api/sync/import': pushTemplate(),
    };
    return { query: queries[route.url] ?? '', body: bodies[route.url] ?? {} };
  }

  function pushTemplate() {
    const deviceId = newId();
    return {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      mutations: [
        {
          seq: 1,
          entity: 'marks',
          recordId: a.mine.mark.id,
          fields: { note: 'Robert"); DROP TABLE marks;--' },
          hlc: encodeHlc({ millis: Date.now(), counter: 0, deviceId }),
        },
      ],
    };
  }

  /** One request to `route` with `defect` planted and every other part valid or hostile at random. */
  function request(route: RouteDoc, defect: Defect): fc.Arbitrary<Request> {
    const template = templates(route);
    const allowed = ROLES.filter((r) => !route.allow || allows(r, route.allow));
    const refused = ROLES.filter((r) => !allowed.includes(r));
    const validAuth = fc.constantFrom(...allowed).map((r) => bearer(tokens[r]) as Record<string, string>);
    const auth =
      defect === 'auth'
        ? fc.oneof(
            fc.constant({}),
            hostileString.map((s) => ({
              authorization: `Bearer ${s.slice(0, 200).replace(/[^\x20-\x7e]/g, '')}`,
            })),
            fc.constantFrom(revokedToken, expiredToken).map((tk) => bearer(tk)),
            fc.constantFrom(tokens.admin, revokedToken).map((tk) => ({ authorization: `bearer ${tk}` })),
            fc.constantFrom(...Object.values(tokens)).map((tk) => ({ cookie: `token=${tk}` })),
          )
        : defect === 'role'
          ? fc.constantFrom(...refused).map((r) => bearer(tokens[r]))
          : route.auth
            ? validAuth
            : fc.constant({});
    const goodIds = [...bundleIds(a, a.mine), ...bundleIds(a, a.others)];
    const elsewhere = [...bundleIds(b, b.mine), ...bundleIds(b, b.others), b.users.instructor.id];
    const id =
      defect === 'params'
        ? fc.oneof(
            hostileString.filter((s) => s.length > 0 && s.length < 2_000).map(percentEncoded),
            // Bytes that are not UTF-8 at all.
            fc.constantFrom('%FF', '%C0%AF', '%ED%A0%80', '%E0%80', 'a%'),
            fc.constantFrom(...elsewhere),
            fc.uuid(),
          )
        : fc.oneof(fc.constantFrom(...goodIds), fc.constantFrom(...elsewhere), fc.uuid());
    const queryKeys = new Set(new URLSearchParams(template.query).keys());
    const query =
      defect === 'query'
        ? fc.oneof(
            fc
              .tuple(
                hostileString.filter((k) => k.length > 0 && k.length < 100 && !queryKeys.has(k)),
                hostileString.map((v) => v.slice(0, 5_000)),
              )
              .map(([k, v]) => `${template.query}&${percentEncoded(k)}=${percentEncoded(v)}`),
            ...(queryKeys.size > 0
              ? [
                  fc
                    .tuple(
                      fc.constantFrom(...queryKeys),
                      fc.constantFrom('', '-1', 'abc', '1.5', '9'.repeat(30), '2021-02-30'),
                    )
                    .map(([k, v]) => {
                      const q = new URLSearchParams(template.query);
                      q.set(k, v);
                      // A valid cursor or date stays valid: the defect is then a repeated key of the other kind.
                      return `${q}&${k}=${encodeURIComponent(JSON.stringify({}))}`;
                    }),
                ]
              : []),
          )
        : fc.constant(template.query);
    const hasBody = route.method !== 'GET';
    const body: fc.Arbitrary<{ payload?: string | Buffer; headers?: Record<string, string> }> = !hasBody
      ? fc.constant({})
      : defect === 'body'
        ? fc.oneof(
            (route.body
              ? brokenObject(template.body)
              : fc.dictionary(hostileString, hostileValue, { minKeys: 1, maxKeys: 3 })
            )
              .filter((v) => !accepts(route, v))
              .map((v) => ({ payload: JSON.stringify(v), headers: { 'content-type': 'application/json' } })),
            hostileValue
              .filter((v) => !accepts(route, v))
              .map((v) => ({
                payload: JSON.stringify(v) ?? 'null',
                headers: { 'content-type': 'application/json' },
              })),
            rawBody.map((bytes) => ({
              payload: bytes,
              headers: { 'content-type': 'application/json; charset=utf-8' },
            })),
            fc
              .constantFrom(
                'text/plain',
                'application/x-www-form-urlencoded',
                'multipart/form-data; boundary=x',
                'application/xml',
              )
              .map((type) => ({ payload: 'username=a&password=b', headers: { 'content-type': type } })),
          )
        : route.bytes
          ? fc.constant({
              payload: Buffer.from([0xff, 0xd8, 0xff]),
              headers: { 'content-type': 'image/jpeg' },
            })
          : route.body
            ? fc.constant({
                payload: JSON.stringify(template.body),
                headers: { 'content-type': 'application/json' },
              })
            : fc.constant({});
    return fc.tuple(auth, id, query, body).map(([headers, idValue, q, b]) => ({
      method: route.method,
      url: `${route.url.replace(':id', idValue)}${q ? `?${q}` : ''}`,
      headers: { ...headers, ...b.headers },
      ...(b.payload !== undefined && { payload: b.payload }),
    }));
  }

  function defectsOf(route: RouteDoc): Defect[] {
    const refusedSomeone = route.allow && ROLES.some((r) => !allows(r, route.allow!));
    return [
      ...(route.auth ? (['auth'] as const) : []),
      ...(refusedSomeone ? (['role'] as const) : []),
      ...(route.url.includes(':id') ? (['params'] as const) : []),
      'query' as const,
      ...(route.method !== 'GET' ? (['body'] as const) : []),
    ];
  }

  it('every route refuses malformed and hostile requests with a clear 4xx and changes nothing', async () => {
    const routes = t.app.routeDocs;
    expect(routes.length).toBeGreaterThan(25);
    const before = await fingerprint(t.database.db);
    const start = sent;
    const seen = new Set<string>();
    const arbitrary = fc
      .constantFrom(...routes)
      .chain((route) =>
        fc
          .constantFrom(...defectsOf(route))
          .chain((defect) => request(route, defect).map((r) => ({ route, defect, r }))),
      );
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ route, defect, r }) => {
        seen.add(`${route.method} ${route.url}`);
        const res = await send(r);
        expectClearRefusal(
          res,
          `${defect}: ${r.method} ${r.url.slice(0, 200)} ${String(r.payload).slice(0, 200)}`,
        );
      }),
      { seed: SEED, numRuns: RUNS.routes },
    );
    expect(sent - start).toBeGreaterThanOrEqual(RUNS.routes);
    expect(seen.size).toBe(routes.length);
    expect(await fingerprint(t.database.db)).toEqual(before);
  });

  /** Records a role may not write at all, as (kind, id): the other centre's always, and the policy's refusals. */
  function untouchable(role: Role): [EntityName, string][] {
    const kinds = (f: CentreFixture, bundle: ClassBundle): [EntityName, string][] => [
      ['classes', bundle.class.id],
      ['sessions', bundle.session.id],
      ['learners', bundle.learner.id],
      ['enrollments', bundle.enrollment.id],
      ['marks', bundle.mark.id],
      ['attachments', bundle.attachment.id],
      ['users', f.users.otherInstructor.id],
      ['classTypes', f.classTypeId],
      ['planItems', f.planItemId],
      ['dossiers', f.dossierId],
      ['centres', f.centreId],
    ];
    const mine = kinds(a, a.mine).filter(([entity]) => !allows(role, { entity, action: 'write' }));
    const ownCentre = role === 'admin' ? [] : [...mine, ...kinds(a, a.others)];
    return [...kinds(b, b.mine), ...kinds(b, b.others), ...ownCentre];
  }

  /** Records a role may write, with their current values: only values of the wrong type are sent to them. */
  function writable(role: Role): [EntityName, { id: string } & Record<string, unknown>][] {
    const records: [EntityName, { id: string } & Record<string, unknown>][] = [
      ['marks', a.mine.mark],
      ['sessions', a.mine.session],
      ['learners', a.mine.learner],
      ['enrollments', a.mine.enrollment],
      ['attachments', a.mine.attachment],
      ['classes', a.mine.class],
      ['users', a.users.otherInstructor],
    ];
    return records.filter(([entity]) => allows(role, { entity, action: 'write' }));
  }

  /** New records hanging off a class, session or learner the role may not write to (another centre's for staff). */
  function creationsUnder(role: Role): [EntityName, Record<string, unknown>][] {
    const places = role === 'admin' ? [b.mine] : [a.others, b.mine];
    return places.flatMap((p) => {
      const walkIn = learnerNamed(a.centreId, "Robert'); DROP TABLE learners;--");
      return [
        ['sessions', { ...sessionOf(p.class, a.users.instructor.id), topic: '<script>alert(1)</script>' }],
        ['enrollments', enrollmentOf(p.class, walkIn)],
        ['enrollments', enrollmentOf(p.class, p.learner)],
        ['attachments', attachmentOn(p.session, a.users.instructor.id)],
      ] as [EntityName, Record<string, unknown>][];
    });
  }

  function hostileMutation(
    role: Role,
  ): fc.Arbitrary<{ entity: EntityName; recordId: string; fields: Record<string, unknown> }> {
    const fieldsOf = (entity: EntityName) =>
      Object.keys(entitySchemas[entity].shape).filter((f) => !['id', 'centreId', 'updatedAt'].includes(f));
    // Who took a mark or a photo is the signed-in user whatever the device sends, so no value there is refused.
    const checkedFieldsOf = (entity: EntityName) =>
      fieldsOf(entity).filter((f) => f !== 'markedBy' && f !== 'takenBy');
    const shapeOf = (entity: EntityName) => entitySchemas[entity].shape as Record<string, z.ZodType>;
    const serverField = fc.constantFrom('id', 'centreId', 'updatedAt');
    const own = writable(role);
    return fc.oneof(
      // Someone else's record, another centre's, or a kind the role may not write: plausible or hostile values.
      fc
        .constantFrom(...untouchable(role))
        .chain(([entity, recordId]) =>
          fc
            .dictionary(
              fc.constantFrom(...fieldsOf(entity)),
              fc.oneof(fc.constantFrom(...INJECTIONS), hostileValue, fc.boolean()),
              { minKeys: 1, maxKeys: 3 },
            )
            .map((fields) => ({ entity, recordId, fields })),
        ),
      // A new record under a class or session that is not theirs, or with a reference into another centre.
      fc.constantFrom(...creationsUnder(role)).map(([entity, record]) => {
        const { id, centreId: _c, updatedAt: _u, ...fields } = record;
        return { entity, recordId: role === 'learner' ? String(id) : newId(), fields };
      }),
      // Server fields forged on any record, even one the role may write.
      fc
        .tuple(
          fc.constantFrom(...untouchable(role), ...own.map(([e, r]) => [e, r.id] as [EntityName, string])),
          serverField,
          hostileValue,
        )
        .map(([[entity, recordId], field, value]) => ({ entity, recordId, fields: { [field]: value } })),
      // A record the role may write, with a value of the wrong type, or a field that does not exist.
      ...(own.length > 0
        ? [
            fc.constantFrom(...own).chain(([entity, record]) =>
              fc.oneof(
                fc.constantFrom(...checkedFieldsOf(entity)).chain((field) =>
                  wrongTypeFor(record[field])
                    .filter((value) => !shapeOf(entity)[field]!.safeParse(value).success)
                    .map((value) => ({ entity, recordId: record.id, fields: { [field]: value } })),
                ),
                hostileString
                  .filter(
                    (k) =>
                      k.length > 0 &&
                      k.length <= 40 &&
                      !(k in entitySchemas[entity].shape) &&
                      k !== '__proto__',
                  )
                  .map((k) => ({ entity, recordId: record.id, fields: { [k]: 'x' } })),
              ),
            ),
          ]
        : []),
    );
  }

  it('pushes and imports of hostile mutations apply nothing: refused, or recognised as replays', async () => {
    const dataTables = (f: Record<string, string>) => {
      const { change_log: _log, device_cursors: _cursors, ...data } = f;
      return data;
    };
    const before = await fingerprint(t.database.db);
    const logged = async () =>
      (await t.database.db.execute<{ outcome: string; n: number }>(
        sql`select outcome, count(*)::int as n from change_log group by outcome`,
      )) as unknown as {
        rows: { outcome: string; n: number }[];
      };
    const appliedBefore = (await logged()).rows.find((r) => r.outcome === 'applied')?.n;
    const start = sent;
    const outcomes = new Map<string, number>();

    const arbitrary = fc.constantFrom(...ROLES).chain((role) =>
      fc.record({
        role: fc.constant(role),
        endpoint: fc.constantFrom('/api/sync/push', '/api/sync/import'),
        device: fc.oneof(
          { arbitrary: fc.uuid(), weight: 3 },
          { arbitrary: fc.constant(replayDevice), weight: 2 },
        ),
        mutations: fc.array(hostileMutation(role), { minLength: 1, maxLength: 5 }),
        replays: fc.array(fc.integer({ min: 1, max: REPLAYABLE }), { maxLength: 3 }),
        firstSeq: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: Number.MAX_SAFE_INTEGER - 10 })),
        acceptGap: fc.option(fc.boolean(), { nil: undefined }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        arbitrary,
        async ({ role, endpoint, device, mutations, replays, firstSeq, acceptGap }) => {
          const replaying = device === replayDevice;
          const wire = [
            // Replays of mutations already applied, with other contents than the first time (forged under that id).
            ...(replaying ? replays : []).map((seq) => ({
              seq,
              entity: 'marks',
              recordId: a.mine.mark.id,
              fields: { status: 'absent' },
            })),
            ...mutations.map((m, i) => ({ ...m, seq: (replaying ? 1_000_000 : firstSeq) + i })),
          ].map((m, i) => ({ ...m, hlc: encodeHlc({ millis: Date.now(), counter: i, deviceId: device }) }));
          const res = await send({
            method: 'POST',
            url: endpoint,
            headers: bearer(tokens[role]),
            payload: {
              protocolVersion: PROTOCOL_VERSION,
              deviceId: device,
              mutations: wire,
              ...(endpoint === '/api/sync/push' && acceptGap !== undefined && { acceptGap }),
            },
          });
          const what = `${role} ${endpoint} ${res.body.slice(0, 300)} ${JSON.stringify(wire).slice(0, 600)}`;
          if (res.statusCode !== 200) {
            expectClearRefusal(res, what);
            return;
          }
          const answer = PushResponse.parse(res.json());
          for (const result of answer.results) {
            outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
            expect(['rejected', 'duplicate', 'superseded'], what).toContain(result.outcome);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS.sync },
    );
    expect(sent - start).toBe(RUNS.sync);
    // Both refusals and recognised replays were exercised, and nothing was applied.
    expect(outcomes.get('rejected')).toBeGreaterThan(RUNS.sync / 2);
    expect(outcomes.get('duplicate')).toBeGreaterThan(0);
    expect(dataTables(await fingerprint(t.database.db))).toEqual(dataTables(before));
    expect((await logged()).rows.find((r) => r.outcome === 'applied')?.n).toBe(appliedBefore);
  });

  it('still answers afterwards, and the total is counted', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json().status).toBe('ok');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(tokens.learner) });
    expect(me.statusCode).toBe(200);
    expect(sent).toBeGreaterThanOrEqual(5_000);
    const byStatus = [...statuses].sort(([x], [y]) => x - y).map(([status, n]) => `${status}: ${n}`);
    console.log(`fuzz on ${target.name}: ${sent} hostile requests (${byStatus.join(', ')})`);
  });
});
