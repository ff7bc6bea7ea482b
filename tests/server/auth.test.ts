// Sign-in, throttling, sessions and revocation, against the real app on each test database.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceSessions, users } from '../../src/server/db/schema.ts';
import { bearer, login, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import { type CentreFixture, PASSWORD, seedCentre } from './helpers/fixtures.ts';

describe.each(testDatabases)('accounts on $name', (target) => {
  let t: TestApp;
  let a: CentreFixture;

  beforeAll(async () => {
    t = await startTestApp(target, { login: { maxFailures: 3, windowSeconds: 60 } });
    a = await seedCentre(t.database.db, 'a');
  });
  afterAll(() => t.close());

  it('signs in with the right password and returns the user, centre and a token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        username: a.users.instructor.username,
        password: PASSWORD,
        deviceName: 'Điện thoại Android',
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.me.user).toEqual(a.users.instructor);
    expect(body.me.centre.name).toBe('Trung tâm Chính trị a');
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body).not.toContain('scrypt$');

    // Only the token's hash is stored.
    const rows = await t.database.db
      .select()
      .from(deviceSessions)
      .where(eq(deviceSessions.id, body.me.deviceSessionId));
    expect(rows[0]?.tokenHash).not.toBe(body.token);
    expect(rows[0]?.deviceName).toBe('Điện thoại Android');

    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(body.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(a.users.instructor.id);
  });

  it('accepts the username in any case and with spaces around it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `  ${a.users.admin.username.toUpperCase()} `, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same answer, in the request language', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: a.users.learner.username, password: 'sai' },
      remoteAddress: '10.0.0.1',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: 'invalidCredentials', message: 'Wrong username or password.' });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'khong-ton-tai', password: 'sai' },
      remoteAddress: '10.0.0.2',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual({
      error: 'invalidCredentials',
      message: 'Sai tên đăng nhập hoặc mật khẩu.',
    });
  });

  it('blocks an account after repeated failures, even with the right password, and says when to retry', async () => {
    const username = a.users.otherInstructor.username;
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: `sai-${i}` },
        remoteAddress: `10.1.0.${i}`,
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
      remoteAddress: '10.1.0.9',
    });
    expect(blocked.statusCode).toBe(429);
    const body = blocked.json();
    expect(body.error).toBe('tooManyAttempts');
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(body.message).toContain(`${body.retryAfterSeconds} giây`);
    expect(blocked.headers['retry-after']).toBe(String(body.retryAfterSeconds));
  });

  it('blocks an address that guesses across many accounts', async () => {
    for (let i = 0; i < 3; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `doan-${i}`, password: 'x' },
        remoteAddress: '10.2.0.1',
      });
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: a.users.admin.username, password: PASSWORD },
      remoteAddress: '10.2.0.1',
    });
    expect(res.statusCode).toBe(429);
  });

  it('refuses requests without a token, with a malformed one, or with an unknown one', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, bearer('x'.repeat(43))]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/me', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('unauthenticated');
    }
  });

  it('logout revokes only that device token', async () => {
    const phone = await login(t.app, a.users.learner.username);
    const tablet = await login(t.app, a.users.learner.username);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(phone) });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(phone) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toBe('sessionRevoked');
    const other = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(tablet) });
    expect(other.statusCode).toBe(200);
  });

  it('an admin can cut off every device of a user (a lost phone)', async () => {
    const token = await login(t.app, a.users.instructor.username);
    const adminToken = await login(t.app, a.users.admin.username);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/users/${a.users.instructor.id}/revoke-devices`,
      headers: bearer(adminToken),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().revoked).toBeGreaterThanOrEqual(1);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
    expect(after.json().error).toBe('sessionRevoked');
  });

  it('a password reset signs the user out everywhere and the new password works', async () => {
    const old = await login(t.app, a.users.learner.username);
    const adminToken = await login(t.app, a.users.admin.username);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${a.users.learner.id}/password`,
      headers: bearer(adminToken),
      payload: { password: 'mat-khau-moi-2026' },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(old) })).statusCode).toBe(
      401,
    );
    await login(t.app, a.users.learner.username, 'mat-khau-moi-2026');
    await t.app.inject({
      method: 'PUT',
      url: `/api/users/${a.users.learner.id}/password`,
      headers: bearer(adminToken),
      payload: { password: PASSWORD },
    });
  });

  it('an expired session is refused', async () => {
    const token = await login(t.app, a.users.admin.username);
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json();
    await t.database.db
      .update(deviceSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(deviceSessions.id, me.deviceSessionId));
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('sessionRevoked');
  });

  it('refuses a guessable new password, on creation and on reset, in the request language', async () => {
    const adminToken = await login(t.app, a.users.admin.username);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(adminToken),
      payload: { role: 'instructor', username: 'gv.hoa', displayName: 'Hoà', password: 'GV.Hoa-2026' },
    });
    expect(create.statusCode).toBe(400);
    expect(create.json()).toMatchObject({
      error: 'weakPassword',
      message: expect.stringContaining('Mật khẩu quá dễ đoán'),
      issues: [{ path: 'body.password' }],
    });
    for (const password of ['12345678', 'aaaaaaaaa', 'Mat Khau 123']) {
      const reset = await t.app.inject({
        method: 'PUT',
        url: `/api/users/${a.users.learner.id}/password`,
        headers: { ...bearer(adminToken), 'accept-language': 'en' },
        payload: { password },
      });
      expect(reset.statusCode, password).toBe(400);
      expect(reset.json().message).toContain('too easy to guess');
    }
    const stored = await t.database.db.select().from(users).where(eq(users.username, 'gv.hoa'));
    expect(stored).toHaveLength(0);
    await login(t.app, a.users.learner.username); // the old password still works
  });

  it('an admin creates an instructor account that can sign in; duplicates are refused', async () => {
    const adminToken = await login(t.app, a.users.admin.username);
    const payload = {
      role: 'instructor',
      username: 'gv.moi',
      displayName: 'Lê Văn Mới',
      password: 'song-hong-1975',
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(adminToken),
      payload,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'instructor', username: 'gv.moi', centreId: a.centreId });
    expect(res.body).not.toContain('scrypt');
    await login(t.app, 'gv.moi', 'song-hong-1975');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(adminToken),
      payload,
    });
    expect(again.statusCode).toBe(409);
    const stored = await t.database.db.select().from(users).where(eq(users.username, 'gv.moi'));
    expect(stored).toHaveLength(1);
  });
});
