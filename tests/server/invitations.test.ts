// Class invitations against the real app on each test database: who may make and revoke them, the learner's check
// (full name folded as the roster import folds it, and birth date), the account made on first use, throttling,
// and that a wrong, expired or revoked attempt changes nothing.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classInvitations, deviceSessions, enrollments, users } from '../../src/server/db/schema.ts';
import { invitedUsername } from '../../src/server/routes/invitations.ts';
import { bearer, login, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import { type CentreFixture, seedCentre } from './helpers/fixtures.ts';

describe.each(testDatabases)('class invitations on $name', (target) => {
  let t: TestApp;
  let a: CentreFixture;
  let b: CentreFixture;
  const tokens: Record<'admin' | 'instructor' | 'otherInstructor' | 'learner' | 'adminB', string> = {
    admin: '',
    instructor: '',
    otherInstructor: '',
    learner: '',
    adminB: '',
  };
  let address = 0;
  /** Each request its own address unless said, so the address throttle only counts what a test means it to. */
  const nextAddress = () => `10.9.${Math.floor(++address / 250)}.${address % 250}`;

  beforeAll(async () => {
    t = await startTestApp(target, { login: { maxFailures: 3, windowSeconds: 60 } });
    a = await seedCentre(t.database.db, 'a');
    b = await seedCentre(t.database.db, 'b');
    tokens.admin = await login(t.app, a.users.admin.username);
    tokens.instructor = await login(t.app, a.users.instructor.username);
    tokens.otherInstructor = await login(t.app, a.users.otherInstructor.username);
    tokens.learner = await login(t.app, a.users.learner.username);
    tokens.adminB = await login(t.app, b.users.admin.username);
  });
  afterAll(() => t.close());

  const invite = (token: string, classId: string, days?: number) =>
    t.app.inject({
      method: 'POST',
      url: `/api/classes/${classId}/invitations`,
      headers: bearer(token),
      payload: days === undefined ? {} : { days },
    });

  const accept = (payload: Record<string, unknown>, remoteAddress = nextAddress(), lang = 'vi') =>
    t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: { 'accept-language': lang },
      payload,
      remoteAddress,
    });

  const lookup = (token: string, remoteAddress = nextAddress()) =>
    t.app.inject({ method: 'POST', url: '/api/invitations/lookup', payload: { token }, remoteAddress });

  async function newInvitation(classId: string, by = tokens.admin): Promise<string> {
    const res = await invite(by, classId);
    expect(res.statusCode).toBe(201);
    return res.json().token as string;
  }

  const accountsOf = async (learnerId: string) =>
    t.database.db.select().from(users).where(eq(users.learnerId, learnerId));
  const sessionCount = async () => (await t.database.db.select({ n: count() }).from(deviceSessions))[0]!.n;

  it('the admin makes a link for a class: its token is shown once and only its hash is kept', async () => {
    const res = await invite(tokens.admin, a.mine.class.id, 7);
    expect(res.statusCode).toBe(201);
    const made = res.json();
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(made.expiresAt) - Date.parse(made.createdAt)).toBe(7 * 24 * 60 * 60 * 1000);
    const [row] = await t.database.db.select().from(classInvitations).where(eq(classInvitations.id, made.id));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.tokenHash).not.toContain(made.token);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/classes/${a.mine.class.id}/invitations`,
      headers: bearer(tokens.admin),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()[0]).toEqual({
      id: made.id,
      classId: a.mine.class.id,
      createdAt: made.createdAt,
      expiresAt: made.expiresAt,
      revokedAt: null,
    });
    expect(list.body).not.toContain(made.token);
  });

  it("the class's instructor may invite to it; other instructors, learners and other centres may not", async () => {
    expect((await invite(tokens.instructor, a.mine.class.id)).statusCode).toBe(201);
    expect((await invite(tokens.otherInstructor, a.mine.class.id)).statusCode).toBe(404);
    expect((await invite(tokens.learner, a.mine.class.id)).statusCode).toBe(403);
    expect((await invite(tokens.adminB, a.mine.class.id)).statusCode).toBe(404);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/classes/${a.mine.class.id}/invitations`,
      headers: bearer(tokens.adminB),
    });
    expect(list.statusCode).toBe(404);
    expect((await invite(tokens.admin, a.mine.class.id, 0)).statusCode).toBe(400);
    expect((await invite(tokens.admin, a.mine.class.id, 91)).statusCode).toBe(400);
  });

  it('the link names its centre and class; an unknown one is refused in words', async () => {
    const token = await newInvitation(a.mine.class.id);
    const res = await lookup(token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      centreName: 'Trung tâm Chính trị a',
      classCode: a.mine.class.code,
      className: a.mine.class.name,
    });
    const unknown = await lookup('x'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({
      error: 'invitationInvalid',
      message:
        'Đường dẫn mời này không còn dùng được (đã hết hạn hoặc bị thu hồi). Hãy xin trung tâm đường dẫn mới.',
    });
    expect((await lookup('ngan-qua')).statusCode).toBe(400);
  });

  it('a learner with an account names themselves without diacritics, in any case and tone style, and is signed in to it', async () => {
    const token = await newInvitation(a.mine.class.id);
    const before = await sessionCount();
    // The list has "Nguyễn Thị Hoà"; a phone keyboard without Vietnamese gives this.
    const res = await accept({
      token,
      fullName: '  nguyen THI hoa ',
      birthDate: a.mine.learner.birthDate,
      deviceName: 'Điện thoại của Hoà',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.me.user).toEqual(a.users.learner);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sessionCount()).toBe(before + 1);
    const [device] = await t.database.db
      .select()
      .from(deviceSessions)
      .where(eq(deviceSessions.id, body.me.deviceSessionId));
    expect(device?.deviceName).toBe('Điện thoại của Hoà');
    expect(await accountsOf(a.mine.learner.id)).toHaveLength(1);

    // The device now reads as that learner, and only what a learner may.
    const pull = await t.app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(body.token) });
    expect(pull.statusCode).toBe(200);
    expect(pull.json().changes.learners.map((l: { id: string }) => l.id)).toEqual([a.mine.learner.id]);
  });

  it('a learner without an account gets one on first use, and the same one from a second device', async () => {
    const learner = a.others.learner; // "Trần Văn Đức", no account in the fixture
    expect(await accountsOf(learner.id)).toHaveLength(0);
    const token = await newInvitation(a.others.class.id);
    // Two phones answering at once still make one account.
    const [first, second] = await Promise.all([
      accept({ token, fullName: 'Tran Van Duc', birthDate: learner.birthDate }),
      accept({ token, fullName: 'Trần Văn Đức', birthDate: learner.birthDate }),
    ]);
    expect([first!.statusCode, second!.statusCode]).toEqual([200, 200]);
    const accounts = await accountsOf(learner.id);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      role: 'learner',
      centreId: a.centreId,
      username: invitedUsername(learner.id),
      displayName: 'Trần Văn Đức',
      deleted: false,
    });
    expect(first!.json().me.user.id).toBe(accounts[0]!.id);
    expect(second!.json().me.user.id).toBe(accounts[0]!.id);
    // The new account syncs to staff devices like any record.
    const pull = await t.app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(tokens.admin) });
    expect(pull.json().changes.users.map((u: { id: string }) => u.id)).toContain(accounts[0]!.id);
  });

  it('a wrong birth date, or a name not on this class list, is refused in words and changes nothing', async () => {
    const token = await newInvitation(a.mine.class.id);
    const usersBefore = (await t.database.db.select({ n: count() }).from(users))[0]!.n;
    const sessionsBefore = await sessionCount();
    const wrongDate = await accept(
      { token, fullName: 'Nguyễn Thị Hoà', birthDate: '1990-03-16' },
      nextAddress(),
      'en',
    );
    expect(wrongDate.statusCode).toBe(401);
    expect(wrongDate.json()).toEqual({
      error: 'invitationNoMatch',
      message:
        'The full name and birth date match no one on the class list. Enter them as the class list has them.',
    });
    // Trần Văn Đức is a learner of the centre, but not on this class's list.
    const otherClass = await accept({
      token,
      fullName: a.others.learner.fullName,
      birthDate: a.others.learner.birthDate,
    });
    expect(otherClass.json().error).toBe('invitationNoMatch');
    const badDate = await accept({ token, fullName: 'Nguyễn Thị Hoà', birthDate: '15/03/1990' });
    expect(badDate.statusCode).toBe(400);
    expect((await t.database.db.select({ n: count() }).from(users))[0]!.n).toBe(usersBefore);
    expect(await sessionCount()).toBe(sessionsBefore);
  });

  it("guessing one person's birth date is stopped, from any address, and so is one address guessing many", async () => {
    const token = await newInvitation(a.mine.class.id);
    const name = 'Nguyễn Thị Hoà';
    for (const day of ['01', '02', '03']) {
      const res = await accept({ token, fullName: name, birthDate: `1990-03-${day}` });
      expect(res.statusCode).toBe(401);
    }
    // Even the right answer waits now, and a name spelt another way is the same name.
    const blocked = await accept({ token, fullName: 'nguyen thi hoa', birthDate: a.mine.learner.birthDate });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toBe('tooManyAttempts');
    expect(blocked.json().retryAfterSeconds).toBeGreaterThan(0);

    const guesser = nextAddress();
    for (const n of [1, 2, 3])
      await accept({ token, fullName: `Người ${n}`, birthDate: '2000-01-01' }, guesser);
    const fromGuesser = await accept(
      { token, fullName: a.others.learner.fullName, birthDate: '2000-01-01' },
      guesser,
    );
    expect(fromGuesser.statusCode).toBe(429);
    const probing = nextAddress();
    for (let i = 0; i < 3; i++) expect((await lookup(`${'y'.repeat(42)}${i}`, probing)).statusCode).toBe(404);
    expect((await lookup(token, probing)).statusCode).toBe(429);
  });

  it('a revoked or expired link stops working at once; devices already in stay in', async () => {
    const made = (await invite(tokens.admin, a.mine.class.id)).json();
    const answer = { token: made.token, fullName: 'Nguyễn Thị Hoà', birthDate: a.mine.learner.birthDate };
    const signedIn = (await accept(answer)).json().token as string;

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/invitations/${made.id}/revoke`,
          headers: bearer(tokens.otherInstructor),
        })
      ).statusCode,
    ).toBe(404);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${made.id}/revoke`,
      headers: bearer(tokens.instructor),
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await lookup(made.token)).json().error).toBe('invitationInvalid');
    expect((await accept(answer)).json().error).toBe('invitationInvalid');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(signedIn) })).statusCode,
    ).toBe(200);

    const expiring = (await invite(tokens.admin, a.mine.class.id, 1)).json();
    await t.database.db
      .update(classInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(classInvitations.id, expiring.id));
    const late = await accept({ ...answer, token: expiring.token });
    expect(late.statusCode).toBe(404);
    expect(late.json().error).toBe('invitationInvalid');
  });

  it('a learner withdrawn from the class, or whose account the centre closed, is not signed in', async () => {
    const token = await newInvitation(b.mine.class.id, tokens.adminB);
    const answer = { token, fullName: b.mine.learner.fullName, birthDate: b.mine.learner.birthDate };
    await t.database.db.update(users).set({ deleted: true }).where(eq(users.id, b.users.learner.id));
    const closed = await accept(answer);
    expect(closed.statusCode).toBe(403);
    expect(await accountsOf(b.mine.learner.id)).toHaveLength(1);

    await t.database.db
      .update(enrollments)
      .set({ status: 'withdrawn' })
      .where(eq(enrollments.id, b.mine.enrollment.id));
    expect((await accept(answer)).json().error).toBe('invitationNoMatch');
  });
});
