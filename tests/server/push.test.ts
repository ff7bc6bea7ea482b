// The push endpoint's rules (src/sync/SPEC.md), against the real app on each test database.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { markId, mutationId, newId } from '../../src/domain/ids.ts';
import { attachments, changeLog, dossiers, marks, scopeVersions } from '../../src/server/db/schema.ts';
import { encodeHlc } from '../../src/sync/hlc.ts';
import { type Mutation, PROTOCOL_VERSION } from '../../src/sync/protocol.ts';
import { bearer, login, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import { type CentreFixture, seedCentre } from './helpers/fixtures.ts';

describe.each(testDatabases)('push on $name', (target) => {
  let t: TestApp;
  let a: CentreFixture;
  let b: CentreFixture;
  let instructor: string;
  let admin: string;
  let learner: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    a = await seedCentre(t.database.db, 'a');
    b = await seedCentre(t.database.db, 'b');
    instructor = await login(t.app, a.users.instructor.username);
    admin = await login(t.app, a.users.admin.username);
    learner = await login(t.app, a.users.learner.username);
  });
  afterAll(() => t.close());

  const now = () => Date.now();
  function device() {
    const id = newId();
    let seq = 0;
    let counter = 0;
    const device = {
      id,
      mutation(
        entity: Mutation['entity'],
        recordId: string,
        fields: Record<string, unknown>,
        millis = now(),
      ): Mutation {
        seq += 1;
        counter += 1;
        return {
          id: mutationId(id, seq),
          seq,
          entity,
          recordId,
          fields,
          hlc: encodeHlc({ millis, counter, deviceId: id }),
        };
      },
      /** A new mark made by the instructor, with every field; its id derives from session and learner unless given. */
      newMark(sessionId: string, learnerId: string, recordId = markId(sessionId, learnerId), millis = now()) {
        return device.mutation(
          'marks',
          recordId,
          {
            sessionId,
            learnerId,
            status: 'present',
            note: '',
            markedBy: a.users.instructor.id,
            markedAt: new Date().toISOString(),
            deleted: false,
          },
          millis,
        );
      },
    };
    return device;
  }

  async function push(
    token: string,
    deviceId: string,
    mutations: Mutation[],
    extra: Record<string, unknown> = {},
  ) {
    return t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(token),
      payload: {
        protocolVersion: PROTOCOL_VERSION,
        deviceId,
        mutations: mutations.map(({ id: _id, ...m }) => m),
        ...extra,
      },
    });
  }

  const readMark = async (id: string) =>
    (await t.database.db.select().from(marks).where(eq(marks.id, id)))[0];

  it('[PUSH1][PUSH4] applies a new mark and an edit in order, and records the last seq', async () => {
    const d = device();
    const learnerId = a.mine.learner.id;
    const session = await freshSession();
    const id = markId(session, learnerId);
    const create = d.newMark(session, learnerId);
    const edit = d.mutation('marks', id, { status: 'late', note: 'Xe hỏng giữa đường' });
    const res = await push(instructor, d.id, [edit, create]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      lastSeq: 2,
      results: [{ outcome: 'applied' }, { outcome: 'applied' }],
    });
    expect(await readMark(id)).toMatchObject({
      status: 'late',
      note: 'Xe hỏng giữa đường',
      markedBy: a.users.instructor.id,
    });
  });

  it('[PUSH2] a replayed batch is acknowledged as duplicate and not applied again', async () => {
    const d = device();
    const id = a.mine.mark.id;
    const m = d.mutation('marks', id, { note: 'lần 1' });
    await push(instructor, d.id, [m]);
    const logged = async () =>
      (await t.database.db.select().from(changeLog).where(eq(changeLog.mutationId, m.id))).length;
    expect(await logged()).toBe(1);
    const again = await push(instructor, d.id, [m]);
    expect(again.json()).toMatchObject({ lastSeq: 1, results: [{ seq: m.seq, outcome: 'duplicate' }] });
    expect(await logged()).toBe(1);
  });

  it('[PUSH3] a gap stops the batch and says where to resend from; acceptGap continues', async () => {
    const d = device();
    const first = d.mutation('marks', a.mine.mark.id, { note: 'một' });
    d.mutation('marks', a.mine.mark.id, { note: 'hai (lost)' });
    const third = d.mutation('marks', a.mine.mark.id, { note: 'ba' });
    const res = await push(instructor, d.id, [first, third]);
    expect(res.json()).toMatchObject({ lastSeq: 1, results: [{ seq: 1, outcome: 'applied' }] });
    const forced = await push(instructor, d.id, [third], { acceptGap: true });
    expect(forced.json()).toMatchObject({ lastSeq: 3, results: [{ seq: 3, outcome: 'applied' }] });
  });

  it('[MERGE1][LOG1] an older write loses per field, is acknowledged as superseded and kept in the log', async () => {
    const d1 = device();
    const d2 = device();
    const id = await freshMark();
    const newer = d1.mutation('marks', id, { status: 'absent' }, now() + 1000);
    const older = d2.mutation('marks', id, { status: 'excused', note: 'Ốm' }, now() - 60_000);
    await push(instructor, d1.id, [newer]);
    const res = await push(instructor, d2.id, [older]);
    expect(res.json().results[0].outcome).toBe('applied'); // the note won, the status lost
    expect(await readMark(id)).toMatchObject({ status: 'absent', note: 'Ốm' });
    const [entry] = await t.database.db.select().from(changeLog).where(eq(changeLog.mutationId, older.id));
    expect(entry?.lost).toEqual({ status: 'excused' });
    expect(entry?.changes.note?.[1]).toBe('Ốm');

    const older2 = d2.mutation('marks', id, { status: 'present' }, now() - 120_000);
    const res2 = await push(instructor, d2.id, [older2]);
    expect(res2.json().results[0].outcome).toBe('superseded');
  });

  it("[LOG1] staff see a record's history and the conflicts; nobody else does", async () => {
    const d1 = device();
    const d2 = device();
    const id = await freshMark();
    await push(instructor, d1.id, [d1.mutation('marks', id, { status: 'absent' }, now() + 1000)]);
    const loser = d2.mutation('marks', id, { status: 'excused' }, now() - 60_000);
    await push(instructor, d2.id, [loser]);

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/history?recordId=${id}`,
      headers: bearer(admin),
    });
    expect(history.statusCode).toBe(200);
    const entries = history.json();
    expect(entries.map((e: { outcome: string }) => e.outcome)).toEqual(['superseded', 'applied', 'applied']);
    expect(entries[1]).toMatchObject({
      userId: a.users.instructor.id,
      userName: a.users.instructor.displayName,
      deviceId: d1.id,
      changes: { status: ['present', 'absent'] },
    });

    const conflicts = await t.app.inject({
      method: 'GET',
      url: '/api/conflicts?entity=marks',
      headers: bearer(admin),
    });
    expect(conflicts.json()).toContainEqual(
      expect.objectContaining({ mutationId: loser.id, lost: { status: 'excused' } }),
    );

    expect(
      (await t.app.inject({ method: 'GET', url: `/api/history?recordId=${id}`, headers: bearer(instructor) }))
        .statusCode,
    ).toBe(403);
    const otherAdmin = await login(t.app, b.users.admin.username);
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/history?recordId=${id}`,
      headers: bearer(otherAdmin),
    });
    expect(foreign.json()).toEqual([]);
  });

  it('[HLC4] a stamp from a clock years ahead is clamped: an honest later write still wins', async () => {
    const liar = device();
    const honest = device();
    const id = a.mine.mark.id;
    await push(instructor, liar.id, [liar.mutation('marks', id, { status: 'late' }, Date.UTC(2031, 0, 1))]);
    await new Promise((r) => setTimeout(r, 5));
    const later = honest.mutation('marks', id, { status: 'present' }, now() + 6 * 60 * 1000);
    const res = await push(instructor, honest.id, [later]);
    expect(res.json().results[0].outcome).toBe('applied');
    expect((await readMark(id))?.status).toBe('present');
  });

  it('[PUSH4] invalid, forbidden and dangling mutations are rejected with a reason and the queue goes on', async () => {
    const d = device();
    const mine = await freshMark();
    const bad = d.mutation('marks', mine, { status: 'sleeping' });
    const otherClass = d.mutation('marks', a.others.mark.id, { status: 'absent' });
    const otherCentre = d.mutation('marks', b.mine.mark.id, { status: 'absent' });
    const unknownField = d.mutation('marks', mine, { centreId: b.centreId });
    const ghostSession = newId();
    const dangling = d.newMark(ghostSession, a.mine.learner.id);
    const wrongId = d.newMark(a.mine.session.id, a.mine.learner.id, newId());
    const good = d.mutation('marks', mine, { note: 'vẫn chạy tiếp' });
    const res = await push(instructor, d.id, [
      bad,
      otherClass,
      otherCentre,
      unknownField,
      dangling,
      wrongId,
      good,
    ]);
    expect(
      res.json().results.map((r: { outcome: string; reason?: string }) => r.reason ?? r.outcome),
    ).toEqual(['invalid', 'forbidden', 'forbidden', 'invalid', 'badReference', 'invalid', 'applied']);
    expect(res.json().lastSeq).toBe(7);
    expect((await readMark(a.others.mark.id))?.status).toBe('present');
    expect((await readMark(b.mine.mark.id))?.status).toBe('present');
  });

  it('[AUTH1] staff push a recognition dossier and its outcome; an instructor is refused', async () => {
    const id = newId();
    const fresh = {
      fullName: 'Hồ Văn Lực',
      learnerId: a.mine.learner.id,
      unit: 'UBND xã Đăk Kôi',
      level: 'elementary',
      receivedDate: '2026-03-02',
      decisionDate: null,
      outcome: 'pending',
      decisionRef: '',
      note: '',
      deleted: false,
    };
    const staff = device();
    const res = await push(admin, staff.id, [
      staff.mutation('dossiers', id, fresh),
      staff.mutation('dossiers', id, {
        outcome: 'recognised',
        decisionDate: '2026-04-10',
        decisionRef: '08-QĐ/TTCT',
      }),
      staff.mutation('dossiers', newId(), { ...fresh, learnerId: b.mine.learner.id }),
    ]);
    expect(
      res.json().results.map((r: { outcome: string; reason?: string }) => r.reason ?? r.outcome),
    ).toEqual(['applied', 'applied', 'badReference']);
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(row).toMatchObject({ outcome: 'recognised', decisionDate: '2026-04-10', centreId: a.centreId });

    const d = device();
    const refused = await push(instructor, d.id, [
      d.mutation('dossiers', newId(), fresh),
      d.mutation('dossiers', id, { outcome: 'notRecognised' }),
    ]);
    expect(refused.json().results.map((r: { reason?: string }) => r.reason)).toEqual([
      'forbidden',
      'forbidden',
    ]);
    const [after] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(after?.outcome).toBe('recognised');
  });

  it('[AUTH2] a learner cannot write attendance, even their own mark: the push and the import are refused whole', async () => {
    const before = await readMark(a.mine.mark.id);
    const d = device();
    const mutations = [d.mutation('marks', a.mine.mark.id, { status: 'absent', note: 'tự sửa' })];
    const res = await push(learner, d.id, mutations);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('forbidden');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/sync/import',
      headers: bearer(learner),
      payload: {
        protocolVersion: PROTOCOL_VERSION,
        deviceId: d.id,
        mutations: mutations.map(({ id: _id, ...m }) => m),
      },
    });
    expect(imported.statusCode).toBe(403);
    expect(await readMark(a.mine.mark.id)).toEqual(before);
  });

  it('[AUTH1] an admin cannot point a record at another centre', async () => {
    const d2 = device();
    const res2 = await push(admin, d2.id, [
      d2.mutation('sessions', a.mine.session.id, { classId: b.mine.class.id }),
    ]);
    expect(res2.json().results[0]).toMatchObject({ outcome: 'rejected', reason: 'badReference' });
  });

  it('[AUTH1] naming another centre’s record in the same batch does not make it a valid reference', async () => {
    // Found by fuzz.test.ts: the batch loads every record it names, and a loaded record passed for one made here.
    const d = device();
    const photo = newId();
    const res = await push(admin, d.id, [
      d.mutation('attachments', photo, {
        sessionId: b.mine.session.id,
        kind: 'signInSheet',
        mime: 'image/jpeg',
        size: 3,
        takenBy: a.users.admin.id,
        takenAt: new Date().toISOString(),
        deleted: false,
      }),
      d.mutation('sessions', b.mine.session.id, { topic: 'của trung tâm khác' }),
    ]);
    expect(res.json().results).toEqual([
      { seq: 1, outcome: 'rejected', reason: 'badReference', detail: 'sessionId' },
      { seq: 2, outcome: 'rejected', reason: 'forbidden' },
    ]);
    expect(await t.database.db.select().from(attachments).where(eq(attachments.id, photo))).toEqual([]);
  });

  it('[AUTH1] a batch of marks of another class is refused and nothing of it is written; a stray mark among good ones is refused alone', async () => {
    const d = device();
    const counter = async () =>
      (await t.database.db.select().from(scopeVersions).where(eq(scopeVersions.centreId, a.centreId)))[0]
        ?.version;
    const otherSession = await freshSession(a.others.class.id);
    const versionBefore = await counter();
    const outside = [
      d.newMark(otherSession, a.mine.learner.id),
      d.newMark(otherSession, a.others.learner.id),
    ];
    const refused = await push(instructor, d.id, outside);
    expect(refused.json().results.map((r: { reason?: string }) => r.reason)).toEqual([
      'forbidden',
      'forbidden',
    ]);
    for (const m of outside) expect(await readMark(m.recordId)).toBeUndefined();
    expect(await counter()).toBe(versionBefore);

    const mine = await freshMark();
    const inside = d.newMark(await freshSession(), a.mine.learner.id);
    const stray = d.newMark(a.others.session.id, a.mine.learner.id);
    const edit = d.mutation('marks', mine, { status: 'late' });
    const res = await push(instructor, d.id, [inside, stray, edit]);
    expect(
      res.json().results.map((r: { reason?: string; outcome: string }) => r.reason ?? r.outcome),
    ).toEqual(['applied', 'forbidden', 'applied']);
    expect(await readMark(stray.recordId)).toBeUndefined();
    expect((await readMark(mine))?.status).toBe('late');
    // One log line each: the batch's attempt left nothing behind.
    for (const [m, outcome] of [
      [inside, 'applied'],
      [stray, 'rejected'],
      [edit, 'applied'],
    ] as const) {
      const lines = await t.database.db.select().from(changeLog).where(eq(changeLog.mutationId, m.id));
      expect(lines.map((l) => l.outcome)).toEqual([outcome]);
    }
  });

  it('[PUSH5] an app older than the protocol is told to update, and nothing is applied', async () => {
    const d = device();
    const res = await push(instructor, d.id, [d.mutation('marks', a.mine.mark.id, { note: 'cũ' })], {
      protocolVersion: 0,
    });
    expect(res.statusCode).toBe(426);
    expect(res.json().error).toBe('clientTooOld');
    expect((await readMark(a.mine.mark.id))?.note).not.toBe('cũ');
  });

  it('[PUSH6] a device id cannot be used by another account', async () => {
    const d = device();
    await push(instructor, d.id, [d.mutation('marks', a.mine.mark.id, { note: 'x' })]);
    const res = await push(admin, d.id, []);
    expect(res.statusCode).toBe(403);
  });

  it('[PULL1] applied changes reach other users by pull, after their cursor', async () => {
    const pull = async (cursor: number) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${cursor}`, headers: bearer(admin) })
      ).json();
    const id = await freshMark();
    const { cursor } = await pull(0);
    const d = device();
    await push(instructor, d.id, [d.mutation('marks', id, { status: 'leftEarly' })]);
    const page = await pull(cursor);
    expect(page.changes.marks).toEqual([expect.objectContaining({ id, status: 'leftEarly' })]);
    expect(JSON.stringify(page)).not.toContain('clocks');
  });

  /** A mark of the instructor's learner in a new session, written long ago, so any test's write is newer. */
  async function freshMark(): Promise<string> {
    const session = await freshSession();
    const d = device();
    const id = markId(session, a.mine.learner.id);
    const res = await push(instructor, d.id, [
      d.newMark(session, a.mine.learner.id, id, now() - 24 * 3600_000),
    ]);
    expect(res.json().results[0].outcome).toBe('applied');
    return id;
  }

  /** A session (of the instructor's class unless told) with no marks yet. */
  async function freshSession(classId = a.mine.class.id): Promise<string> {
    const d = device();
    const id = newId();
    const res = await push(admin, d.id, [
      d.mutation('sessions', id, {
        classId,
        date: '2026-01-06',
        partOfDay: 'afternoon',
        periods: 5,
        topic: 'Chuyên đề 2',
        instructorId: a.users.instructor.id,
        location: '',
        cancelled: false,
        replacesSessionId: null,
        deleted: false,
      }),
    ]);
    expect(res.json().results[0].outcome).toBe('applied');
    return id;
  }
});
