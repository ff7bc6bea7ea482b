// What the server promises every browser: security headers (HSTS over TLS only), tokens that travel only as a
// bearer header (never a cookie, so a cross-site request carries nothing), caching rules for the PWA shell and
// hashed assets, compression, a real robots.txt, the SPA fallback, health and the OpenAPI description.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import { type CentreFixture, PASSWORD, seedCentre } from './helpers/fixtures.ts';

describe('HTTP behaviour', () => {
  let t: TestApp;
  let clientDir: string;

  beforeAll(async () => {
    clientDir = mkdtempSync(path.join(tmpdir(), 'dd-client-'));
    mkdirSync(path.join(clientDir, 'assets'));
    writeFileSync(
      path.join(clientDir, 'index.html'),
      '<!doctype html><html lang="vi"><title>Điểm Danh</title></html>',
    );
    writeFileSync(path.join(clientDir, 'sw.js'), 'self.addEventListener("install", () => {});');
    writeFileSync(path.join(clientDir, 'manifest.webmanifest'), '{"name":"Điểm Danh"}');
    writeFileSync(
      path.join(clientDir, 'assets', 'index-abc123.js'),
      `console.log(${JSON.stringify('x'.repeat(5000))});`,
    );
    t = await startTestApp(testDatabases[0]!, { clientDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(clientDir, { recursive: true });
  });

  it('sends a strict Content-Security-Policy and other security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined(); // plain HTTP here: HSTS only behind TLS
  });

  it('never sets a cookie, allows no other origin, and takes the token only from the Authorization header', async () => {
    const a = await seedCentre(t.database.db, 'a');
    const crossSite = { origin: 'https://ke-gian.example', referer: 'https://ke-gian.example/' };
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: crossSite,
      payload: { username: a.users.admin.username, password: PASSWORD },
    });
    const token = login.json().token as string;
    const answers = [login];
    for (const r of t.app.routeDocs) {
      const url = r.url.replace(':id', a.mine.class.id);
      // A cross-site page can make the browser send a request, but has no token to put in it: every route that
      // needs one refuses, even when a cookie named like a token comes along.
      const res = await t.app.inject({
        method: r.method,
        url,
        headers: { ...crossSite, cookie: `token=${token}; session=${token}` },
        ...(r.method !== 'GET' && { payload: {} }),
      });
      if (r.auth) expect(res.statusCode, `${r.method} ${url}`).toBe(401);
      answers.push(res);
    }
    // What a plain HTML form could send cross-site (no preflight) is not even parsed.
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...crossSite, ...bearer(token), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'protocolVersion=1',
    });
    expect(form.statusCode).toBe(415);
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/sync/push',
      headers: { ...crossSite, 'access-control-request-method': 'POST' },
    });
    answers.push(
      form,
      preflight,
      await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) }),
    );
    for (const res of answers) {
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('revalidates the app shell and caches hashed assets for a year', async () => {
    for (const url of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('compresses text', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBeLessThan(1000);
  });

  it('answers client-side routes with the app shell, but unknown API paths with JSON 404', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/lop/123/diem-danh' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    const api = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toBe('notFound');
  });

  it('serves a real robots.txt', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('Disallow: /api/');
  });

  it('reports health and its database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: 'pglite', protocolVersion: 1 });
  });

  it('describes every API route in OpenAPI 3.1', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const r of t.app.routeDocs) {
      const p = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[p]?.[r.method.toLowerCase()], `${r.method} ${p}`).toBeDefined();
    }
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect(doc.paths['/api/sync/pull'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'cursor',
      'limit',
    ]);
  });
});

describe('behind a TLS-terminating proxy (TRUST_PROXY=true)', () => {
  let t: TestApp;
  let a: CentreFixture;
  const HSTS = 'max-age=31536000; includeSubDomains';

  beforeAll(async () => {
    t = await startTestApp(testDatabases[0]!, {
      trustProxy: true,
      login: { maxFailures: 2, windowSeconds: 60 },
    });
    a = await seedCentre(t.database.db, 'a');
  });
  afterAll(() => t.close());

  it('sends HSTS on answers that came over TLS, and only on those', async () => {
    const tls = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers['strict-transport-security']).toBe(HSTS);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['strict-transport-security']).toBe(HSTS);
    const plain = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('without TRUST_PROXY a forged X-Forwarded-Proto earns no HSTS', async () => {
    const direct = await startTestApp(testDatabases[0]!);
    const res = await direct.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    await direct.close();
  });

  it('throttles the address the proxy saw, whatever a client writes before it in X-Forwarded-For', async () => {
    const attempt = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.2', // the proxy
        headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7`, 'x-forwarded-proto': 'https' },
        payload: { username: `doan-${i}`, password: 'sai-mat-khau' },
      });
    expect((await attempt(1)).statusCode).toBe(401);
    expect((await attempt(2)).statusCode).toBe(401);
    expect((await attempt(3)).statusCode).toBe(429);
    // Another client behind the same proxy is not blocked.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.2',
      headers: { 'x-forwarded-for': '198.51.100.8' },
      payload: { username: a.users.admin.username, password: PASSWORD },
    });
    expect(other.statusCode).toBe(200);
  });
});
