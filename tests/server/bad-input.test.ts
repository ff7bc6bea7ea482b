// Bad input to any route gets a clear 4xx in the request's language, never a 500, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import { type CentreFixture, seedCentre } from './helpers/fixtures.ts';
import { BAD_IDS, HOSTILE_BODIES } from './helpers/hostile-input.ts';
import { fingerprint } from './helpers/snapshot.ts';

describe.each(testDatabases)('bad input on $name', (target) => {
  let t: TestApp;
  let a: CentreFixture;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    a = await seedCentre(t.database.db, 'a');
    adminToken = await login(t.app, a.users.admin.username);
  });
  afterAll(() => t.close());

  function expectClearRefusal(
    res: { statusCode: number; json(): { error: string; message: string } },
    what: string,
  ) {
    expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, what).toBeLessThan(500);
    const body = res.json();
    expect(typeof body.error, what).toBe('string');
    expect(body.message.length, what).toBeGreaterThan(5);
  }

  it('hostile JSON bodies to every route with a body are refused and change nothing', async () => {
    const before = await fingerprint(t.database.db);
    // Logout and revoke-devices take no body: there is nothing to refuse.
    const routes = t.app.routeDocs.filter((r) => r.method !== 'GET' && r.body);
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const r of routes) {
      const url = r.url.replace(':id', a.users.otherInstructor.id);
      for (const body of HOSTILE_BODIES) {
        // An authenticated route must refuse the body even for an admin, who could otherwise change things.
        const res = await t.app.inject({
          method: r.method,
          url,
          headers: { ...bearer(adminToken), 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expectClearRefusal(res, `${r.method} ${r.url} ${JSON.stringify(body).slice(0, 60)}`);
      }
    }
    // Tokens were minted by the logins above; nothing else may differ.
    const after = await fingerprint(t.database.db);
    expect({ ...after, device_sessions: '' }).toEqual({ ...before, device_sessions: '' });
  });

  it('malformed JSON, wrong content types and oversized bodies are 4xx with a code', async () => {
    const cases = [
      { payload: '{"username": "a", ', type: 'application/json', code: 'badRequest', status: 400 },
      {
        payload: 'username=a&password=b',
        type: 'application/x-www-form-urlencoded',
        code: 'unsupportedMediaType',
        status: 415,
      },
      {
        payload: `{"username":"${'a'.repeat(6 * 1024 * 1024)}"}`,
        type: 'application/json',
        code: 'payloadTooLarge',
        status: 413,
      },
      { payload: '', type: 'application/json', code: 'badRequest', status: 400 },
    ];
    for (const c of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': c.type },
        payload: c.payload,
      });
      expect(res.statusCode, c.code).toBe(c.status);
      expect(res.json().error).toBe(c.code);
    }
  });

  it('bad ids and bad queries on every GET route are 4xx', async () => {
    const before = await fingerprint(t.database.db);
    for (const r of t.app.routeDocs.filter((d) => d.method === 'GET' && d.auth)) {
      if (r.url.includes(':id')) {
        for (const id of BAD_IDS) {
          const res = await t.app.inject({
            method: 'GET',
            url: r.url.replace(':id', encodeURIComponent(id)),
            headers: bearer(adminToken),
          });
          expectClearRefusal(res, `${r.url} ${id}`);
        }
      }
    }
    for (const q of ['cursor=-1', 'cursor=abc', 'limit=0', 'limit=999999', 'cursor=1&extra=1']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/sync/pull?${q}`,
        headers: bearer(adminToken),
      });
      expectClearRefusal(res, q);
    }
    expect(await fingerprint(t.database.db)).toEqual(before);
  });

  it('a stray query parameter or body on a route that takes none is refused, not ignored', async () => {
    const token = await login(t.app, a.users.learner.username);
    const before = await fingerprint(t.database.db);
    const stray = [
      { method: 'GET' as const, url: '/api/classes?cursor=0' },
      { method: 'GET' as const, url: '/api/me?x=%3Cscript%3E' },
      { method: 'POST' as const, url: '/api/auth/logout', payload: { everywhere: true } },
      { method: 'POST' as const, url: '/api/auth/logout', payload: null },
    ];
    for (const { method, url, payload } of stray) {
      const res = await t.app.inject({
        method,
        url,
        headers: { ...bearer(token), ...(payload !== undefined && { 'content-type': 'application/json' }) },
        ...(payload !== undefined && { payload: JSON.stringify(payload) }),
      });
      expectClearRefusal(res, `${method} ${url} ${JSON.stringify(payload)}`);
    }
    // The device is still signed in: the logout with a body did nothing.
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode).toBe(
      200,
    );
    expect(await fingerprint(t.database.db)).toEqual(before);
  });

  it('validation messages name the field, in Vietnamese by default and in English on request', async () => {
    const payload = { role: 'instructor', username: 'gv.x', displayName: 'Tên', password: 'ngan' };
    const vi = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(adminToken),
      payload,
    });
    expect(vi.statusCode).toBe(400);
    expect(vi.json().message).toBe('Dữ liệu gửi lên không hợp lệ.');
    const issue = vi.json().issues.find((i: { path: string }) => i.path === 'body.password');
    expect(issue.message).toMatch(/quá nhỏ|ít nhất|8/i);
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...bearer(adminToken), 'accept-language': 'en' },
      payload,
    });
    expect(en.json().message).toBe('The request is not valid.');
    expect(en.json().issues.find((i: { path: string }) => i.path === 'body.password').message).toMatch(
      /too small|8/i,
    );
  });

  it('an unknown API path is a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'notFound', message: 'Không tìm thấy.' });
  });
});
