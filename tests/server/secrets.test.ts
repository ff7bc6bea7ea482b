// No secret leaves the server: over sign-ins (right and wrong), account creation, password resets, pushes, pulls
// and writes the database refuses half-way, the log (at its most verbose) never holds a password, a password hash,
// a token or a token's hash, and no answer carries a hash or a password (a token only in its own sign-in answer).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markId, newId } from '../../src/domain/ids.ts';
import { deviceSessions, users } from '../../src/server/db/schema.ts';
import { encodeHlc } from '../../src/sync/hlc.ts';
import { PROTOCOL_VERSION } from '../../src/sync/protocol.ts';
import { bearer, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import { type CentreFixture, PASSWORD, seedCentre } from './helpers/fixtures.ts';

/** Any key that names a secret, anywhere in a JSON answer. */
function secretKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => secretKeys(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(/hash|password|secret|salt/i.test(k) ? [`${path}.${k}`] : []),
      ...secretKeys(v, `${path}.${k}`),
    ]);
  }
  return [];
}

describe.each(testDatabases)('secrets on $name', (target) => {
  let t: TestApp;
  let a: CentreFixture;
  const log: string[] = [];
  const answers: { url: string; headers: string; body: string }[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(target, { logLevel: 'trace' }, { write: (line) => log.push(line) });
    a = await seedCentre(t.database.db, 'a');
  });
  afterAll(() => t.close());

  async function call(options: {
    method: 'GET' | 'POST' | 'PUT';
    url: string;
    token?: string;
    payload?: object;
  }) {
    const res = await t.app.inject({
      method: options.method,
      url: options.url,
      headers: options.token ? bearer(options.token) : {},
      ...(options.payload && { payload: options.payload }),
    });
    answers.push({ url: options.url, headers: JSON.stringify(res.headers), body: res.body });
    return res;
  }

  async function signIn(username: string, password: string, deviceName?: string) {
    const res = await call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password, ...(deviceName && { deviceName }) },
    });
    if (res.statusCode === 200) tokens.push(res.json().token);
    return res;
  }

  /** Makes the database refuse rows carrying `marker`, so a write fails after its secrets were bound. */
  async function refuse(table: 'users' | 'device_sessions', column: string, marker: string) {
    await t.database.db.execute(
      sql.raw(`alter table ${table} add constraint probe_refuse check (${column} <> '${marker}')`),
    );
    return () => t.database.db.execute(sql.raw(`alter table ${table} drop constraint probe_refuse`));
  }

  it('the log and the answers hold no password, hash or token', async () => {
    const passwords = [PASSWORD, 'sai-mat-khau-bi-mat', 'cay-da-dau-lang', 'song-lo-chay-mai'];
    const admin = await signIn(a.users.admin.username, PASSWORD);
    expect(admin.statusCode).toBe(200);
    const adminToken = admin.json().token as string;
    expect((await signIn(a.users.instructor.username, 'sai-mat-khau-bi-mat')).statusCode).toBe(401);
    expect((await signIn('khong-co-ai', 'sai-mat-khau-bi-mat')).statusCode).toBe(401);

    const created = await call({
      method: 'POST',
      url: '/api/users',
      token: adminToken,
      payload: {
        role: 'instructor',
        username: 'gv.moi',
        displayName: 'Giảng viên mới',
        password: passwords[2],
      },
    });
    expect(created.statusCode).toBe(201);
    const reset = await call({
      method: 'PUT',
      url: `/api/users/${created.json().id}/password`,
      token: adminToken,
      payload: { password: passwords[3] },
    });
    expect(reset.statusCode).toBe(204);
    const teacher = await signIn('gv.moi', passwords[3]!);
    expect(teacher.statusCode).toBe(200);
    const instructorToken = (await signIn(a.users.instructor.username, PASSWORD)).json().token as string;

    const deviceId = newId();
    const pushed = await call({
      method: 'POST',
      url: '/api/sync/push',
      token: instructorToken,
      payload: {
        protocolVersion: PROTOCOL_VERSION,
        deviceId,
        mutations: [
          {
            seq: 1,
            entity: 'marks',
            recordId: markId(a.mine.session.id, a.mine.learner.id),
            fields: { status: 'late' },
            hlc: encodeHlc({ millis: Date.now(), counter: 0, deviceId }),
          },
        ],
      },
    });
    expect(pushed.json().results[0].outcome).toBe('applied');
    for (const url of ['/api/sync/pull?cursor=0', '/api/me', '/api/auth/devices', '/api/users']) {
      expect((await call({ method: 'GET', url, token: adminToken })).statusCode, url).toBe(200);
    }

    // Writes the database refuses after the hash is bound: a sign-in (token hash) and an account (password hash).
    const allowSessions = await refuse('device_sessions', 'device_name', 'probe-fail');
    expect((await signIn(a.users.learner.username, PASSWORD, 'probe-fail')).statusCode).toBe(500);
    await allowSessions();
    const allowUsers = await refuse('users', 'display_name', 'probe-fail');
    const failed = await call({
      method: 'POST',
      url: '/api/users',
      token: adminToken,
      payload: { role: 'instructor', username: 'gv.hong', displayName: 'probe-fail', password: passwords[2] },
    });
    expect(failed.statusCode).toBe(500);
    await allowUsers();

    const passwordHashes = (await t.database.db.select({ h: users.passwordHash }).from(users)).map(
      (r) => r.h,
    );
    const tokenHashes = (
      await t.database.db.select({ h: deviceSessions.tokenHash }).from(deviceSessions)
    ).map((r) => r.h);
    const text = log.join('');
    expect(log.length).toBeGreaterThan(20);
    expect(text).toContain('"msg":"incoming request"');
    expect(text).toContain('"level":50'); // the two failures were logged as errors
    for (const secret of [...passwords, ...tokens, ...passwordHashes, ...tokenHashes]) {
      expect(text.includes(secret), secret.slice(0, 12)).toBe(false);
    }
    // Hashes that were bound to a failed write are stored nowhere to compare with; no hash shape may appear at all.
    expect(text).not.toMatch(/scrypt\$|[0-9a-f]{64}/);

    expect(answers.length).toBeGreaterThan(10);
    for (const { url, headers, body } of answers) {
      for (const secret of [...passwords, ...passwordHashes, ...tokenHashes]) {
        expect(body.includes(secret) || headers.includes(secret), url).toBe(false);
      }
      expect(body, url).not.toMatch(/scrypt\$/);
      // A token appears only in the answer to the sign-in that made it, never in a header (no cookie).
      if (url !== '/api/auth/login')
        for (const token of tokens) expect(body.includes(token), url).toBe(false);
      for (const token of tokens) expect(headers.includes(token), url).toBe(false);
      if (body.startsWith('{') || body.startsWith('[')) expect(secretKeys(JSON.parse(body)), url).toEqual([]);
    }
  });
});
