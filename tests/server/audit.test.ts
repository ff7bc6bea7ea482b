// The audit log: every change on the server — synced mutations and the REST API's (accounts, passwords, signed-out
// devices, uploaded files) — is logged with who, when, which device and old → new, never a password or its hash;
// staff filter it per class, session, learner, user, kind of record and days, page by page, within their centre.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/domain/audit.ts';
import { SECRET_SET } from '../../src/domain/audit.ts';
import { newId } from '../../src/domain/ids.ts';
import { bearer, login, pushChanges, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import { type CentreFixture, seedCentre } from './helpers/fixtures.ts';

const NEW_PASSWORD = 'mat-khau-rat-bi-mat-42';

describe.each(testDatabases)('audit log on $name', (target) => {
  let t: TestApp;
  let a: CentreFixture;
  let b: CentreFixture;
  const tokens: Record<string, string> = {};
  const instructorDevice = newId();
  const adminDevice = newId();
  let createdUserId = '';

  const push = async (token: string, deviceId: string, mutations: [string, string, object][]) => {
    const res = await pushChanges(
      t.app,
      token,
      deviceId,
      mutations.map(([entity, recordId, fields]) => ({ entity, recordId, fields })),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.every((r: { outcome: string }) => r.outcome === 'applied')).toBe(true);
  };

  const audit = (query: string, token = tokens.admin!) =>
    t.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: bearer(token) });

  /** Every entry of a query, following the cursor a small page at a time. */
  async function all(query: string, limit = 2): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const join = query ? '&' : '?';
      const res = await audit(`${query}${join}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      entries.push(...page.entries);
      cursor = page.nextCursor;
    } while (cursor);
    return entries;
  }
  const records = (entries: AuditEntry[]) => new Set(entries.map((e) => e.recordId));

  beforeAll(async () => {
    t = await startTestApp(target);
    a = await seedCentre(t.database.db, 'a');
    b = await seedCentre(t.database.db, 'b');
    for (const role of ['admin', 'instructor', 'otherInstructor', 'learner'] as const)
      tokens[role] = await login(t.app, a.users[role].username);
    tokens.otherAdmin = await login(t.app, b.users.admin.username);

    // Synced changes: the instructor marks and uploads the sheet of their class; staff edit records around it.
    await push(tokens.instructor!, instructorDevice, [
      ['marks', a.mine.mark.id, { status: 'absent', note: 'Ốm' }],
    ]);
    await push(tokens.admin!, adminDevice, [
      ['classes', a.mine.class.id, { name: 'Lớp Nhận thức về Đảng khoá 1' }],
      ['enrollments', a.mine.enrollment.id, { status: 'withdrawn' }],
      ['learners', a.mine.learner.id, { phone: '0905000111' }],
      ['sessions', a.mine.session.id, { topic: 'Chuyên đề 2' }],
      ['marks', a.others.mark.id, { status: 'late' }],
      ['dossiers', a.dossierId, { note: 'Đã bổ sung bằng' }],
    ]);
    // REST changes: a photo's bytes, a new account, a reset password, a lost phone signed out.
    const upload = () =>
      t.app.inject({
        method: 'PUT',
        url: `/api/files/${a.mine.attachment.id}`,
        headers: { ...bearer(tokens.instructor!), 'content-type': 'image/jpeg' },
        payload: Buffer.from([0xff, 0xd8, 0xff]),
      });
    expect((await upload()).statusCode).toBe(204);
    expect((await upload()).statusCode).toBe(204); // the same bytes again: nothing changes, nothing logged
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(tokens.admin!),
      payload: {
        role: 'instructor',
        username: 'gv.moi.a',
        displayName: 'Giảng viên mới',
        password: NEW_PASSWORD,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    createdUserId = created.json().id;
    const reset = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${a.users.otherInstructor.id}/password`,
      headers: bearer(tokens.admin!),
      payload: { password: NEW_PASSWORD },
    });
    expect(reset.statusCode).toBe(204);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/users/${a.users.learner.id}/revoke-devices`,
      headers: bearer(tokens.admin!),
    });
    expect(revoked.json()).toEqual({ revoked: 1 });
  });
  afterAll(() => t.close());

  it('logs every REST change with who, when, which device session and old → new', async () => {
    const entries = await all('?entity=users');
    const about = (id: string) => entries.filter((e) => e.recordId === id);
    expect(about(createdUserId)).toEqual([
      expect.objectContaining({
        outcome: 'applied',
        userId: a.users.admin.id,
        userName: a.users.admin.displayName,
        changes: {
          role: [null, 'instructor'],
          username: [null, 'gv.moi.a'],
          displayName: [null, 'Giảng viên mới'],
          learnerId: [null, null],
          password: [null, SECRET_SET],
        },
      }),
    ]);
    expect(about(a.users.otherInstructor.id)).toEqual([
      expect.objectContaining({ changes: { password: [SECRET_SET, SECRET_SET], signedInDevices: [1, 0] } }),
    ]);
    expect(about(a.users.learner.id)).toEqual([
      expect.objectContaining({ changes: { signedInDevices: [1, 0] } }),
    ]);
    const [upload, ...again] = (await all('?entity=attachments')).filter(
      (e) => e.userId === a.users.instructor.id,
    );
    expect(again).toEqual([]);
    expect(upload).toMatchObject({ recordId: a.mine.attachment.id, changes: { file: [null, 3] } });
    // The device of a REST change is the signed-in device session, named as it signed in.
    const [session] = (
      (await t.database.db.execute(
        sql`select id from device_sessions where user_id = ${a.users.instructor.id}`,
      )) as unknown as { rows: { id: string }[] }
    ).rows;
    expect(upload?.deviceId).toBe(session?.id);
    expect(upload?.deviceName).toEqual(expect.any(String));
    const age = Date.now() - Date.parse(upload!.at);
    expect(age).toBeGreaterThanOrEqual(0);
  });

  it('never writes a password or its hash to the log', async () => {
    const text = (q: ReturnType<typeof sql>) =>
      t.database.db
        .execute(q)
        .then((r) => (r as unknown as { rows: { v: string }[] }).rows.map((row) => row.v));
    const log = (
      await text(sql`select changes::text || lost::text || coalesce(reason, '') as v from change_log`)
    ).join('\n');
    const hashes = await text(sql`select password_hash as v from users`);
    expect(log).toContain(SECRET_SET);
    expect(log).not.toContain(NEW_PASSWORD);
    for (const hash of hashes) expect(log).not.toContain(hash);
    const answers = (await all('')).map((e) => JSON.stringify(e)).join('\n');
    expect(answers).not.toContain(NEW_PASSWORD);
    for (const hash of hashes) expect(answers).not.toContain(hash);
  });

  it('per class: the class, its sessions, enrolments, marks and attachments — nothing of another class', async () => {
    const entries = await all(`?classId=${a.mine.class.id}`);
    expect(records(entries)).toEqual(
      new Set([
        a.mine.class.id,
        a.mine.session.id,
        a.mine.enrollment.id,
        a.mine.mark.id,
        a.mine.attachment.id,
      ]),
    );
    for (const e of entries) expect(e.classId).toBe(a.mine.class.id);
    expect(entries.find((e) => e.entity === 'marks')).toMatchObject({
      userId: a.users.instructor.id,
      deviceId: instructorDevice,
      deviceName: null,
      sessionId: a.mine.session.id,
      learnerId: a.mine.learner.id,
      changes: { status: ['present', 'absent'], note: ['', 'Ốm'] },
    });
  });

  it('per session: the session, its marks and attachments', async () => {
    expect(records(await all(`?sessionId=${a.mine.session.id}`))).toEqual(
      new Set([a.mine.session.id, a.mine.mark.id, a.mine.attachment.id]),
    );
  });

  it('per learner: the learner, their enrolments, marks and dossiers', async () => {
    const entries = await all(`?learnerId=${a.mine.learner.id}`);
    expect(records(entries)).toEqual(
      new Set([a.mine.learner.id, a.mine.enrollment.id, a.mine.mark.id, a.dossierId]),
    );
    for (const e of entries) expect(e.learnerId).toBe(a.mine.learner.id);
  });

  it('per user, per kind of record, by days, and combined', async () => {
    expect(records(await all(`?userId=${a.users.instructor.id}`))).toEqual(
      new Set([a.mine.mark.id, a.mine.attachment.id]),
    );
    expect(records(await all(`?userId=${a.users.admin.id}&entity=marks`))).toEqual(
      new Set([a.others.mark.id]),
    );
    expect(records(await all(`?classId=${a.mine.class.id}&userId=${a.users.admin.id}`))).toEqual(
      new Set([a.mine.class.id, a.mine.session.id, a.mine.enrollment.id]),
    );
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // Vietnam's day
    expect((await all(`?from=${today}&to=${today}`)).length).toBe((await all('')).length);
    expect(await all('?from=2020-01-01&to=2020-12-31')).toEqual([]);
  });

  it('pages newest first without repeating or skipping an entry', async () => {
    const one = await audit('?limit=200');
    const whole = one.json().entries as AuditEntry[];
    expect(one.json().nextCursor).toBeNull();
    const paged = await all('', 3);
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    const times = whole.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('is for staff of the centre only', async () => {
    for (const role of ['instructor', 'learner'] as const) {
      const res = await audit('', tokens[role]);
      expect(res.statusCode, role).toBe(role === 'learner' ? 401 : 403); // the learner's devices were signed out
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
    const foreign = await audit(`?classId=${a.mine.class.id}`, tokens.otherAdmin);
    expect(foreign.json()).toEqual({ entries: [], nextCursor: null });
    const theirs = (await audit('?limit=200', tokens.otherAdmin)).json().entries as AuditEntry[];
    expect(theirs.filter((e) => records([e]).has(a.mine.mark.id))).toEqual([]);
    expect(theirs.every((e) => e.userId !== a.users.admin.id)).toBe(true);
  });

  it('refuses bad filters with a clear message and the fields named', async () => {
    const bad = [
      '?classId=1 or 1=1',
      '?learnerId=<script>',
      '?entity=passwords',
      '?from=2026-02-30',
      '?from=2026-03-01&to=2026-02-01',
      '?limit=0',
      '?limit=100000',
      '?cursor=abc',
      "?cursor=2026-01-01T00:00:00.000Z~1'--",
      '?recordId=00000000-0000-0000-0000-000000000000',
    ];
    for (const query of bad) {
      const res = await audit(query);
      expect(res.statusCode, query).toBe(400);
      const body = res.json();
      expect(body.error).toBe('badRequest');
      expect(body.message).toEqual(expect.any(String));
      expect(body.issues[0].path, query).toMatch(/^query/);
    }
  });
});
