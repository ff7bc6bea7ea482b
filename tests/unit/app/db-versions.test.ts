// Convention 4: a database created by an older version of the app opens in the current one with its data intact
// (for v2/v3, the outbox, rejected list and sent archive added empty; for v4, marks regrouped into rolls; v5 adds
// attachments and their files empty; v6 the dossiers empty; v7 the disk flush's row; v8 the write stamp's own row).
// app-db.ts declares only v4 and v8, so databases at v1, v3, v6 and v7 show that the versions folded into those still
// apply. Changes not yet synced
// survive every upgrade, including the next one: an app update never loses the outbox.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { readSession, readWriteStamp } from '../../../src/app/db/device-state.ts';
import { FLUSH_TABLE } from '../../../src/app/db/durability.ts';
import { rollMarks } from '../../../src/app/db/local-records.ts';
import { type Change, writeChanges } from '../../../src/app/db/local-write.ts';
import { guessOutcomes, readRollForWrites } from '../../../src/app/db/write-guess.ts';
import { markId, newId } from '../../../src/domain/ids.ts';
import { encodeHlc } from '../../../src/sync/hlc.ts';
import { learnerNamed } from '../helpers/records.ts';

/** The current app with one more version, as the next release will add one (an index on the outbox's entities). */
class NextAppDb extends AppDb {
  constructor(name: string) {
    super(name);
    this.version(this.verno + 1).stores({ outbox: 'seq, recordId, entity' });
  }
}

/**
 * The schemas as they shipped, v1 to v7, written out here so that a later change to app-db.ts (which declares only
 * some of them) cannot rewrite history.
 */
const SHIPPED: Record<string, string | null>[] = [
  {
    centres: 'id',
    users: 'id',
    classTypes: 'id',
    planItems: 'id, year',
    classes: 'id, year, *instructorIds',
    learners: 'id',
    enrollments: 'id, classId, learnerId',
    sessions: 'id, classId, date',
    marks: 'id, sessionId, learnerId',
    meta: 'key',
  },
  { outbox: 'seq, recordId', rejected: 'id, rejectedAt' },
  { sent: 'seq, createdAt' },
  { rolls: 'sessionId', marks: null },
  { attachments: 'id, sessionId', files: 'id, uploaded' },
  { dossiers: 'id' },
  { diskFlush: 'key' },
];

/** A database as the app of version `version` left it (with no upgrade run: the tests write each version's data). */
function shippedDatabase(name: string, version: number): Dexie {
  const db = new Dexie(name);
  SHIPPED.slice(0, version).forEach((stores, i) => {
    db.version(i + 1).stores(stores);
  });
  return db;
}

/** A new mark, present, as a tap on the roll writes it. */
const presentMark = (sessionId: string, learnerId: string): Change => ({
  entity: 'marks',
  sessionId,
  learnerId,
  changes: {
    status: 'present',
    note: '',
    markedBy: newId(),
    markedAt: new Date().toISOString(),
    deleted: false,
  },
});

describe('AppDb versions', () => {
  let name: string;
  afterEach(() => Dexie.delete(name));

  it('opens a version-1 database and keeps its records, session and cursor', async () => {
    name = `old-${newId()}`;
    const v1 = shippedDatabase(name, 1);
    const mark = { id: newId(), sessionId: newId(), learnerId: newId(), status: 'late', note: 'Xe hỏng' };
    const sameSession = { ...mark, id: newId(), learnerId: newId(), status: 'present', note: '' };
    const otherSession = { ...mark, id: newId(), sessionId: newId() };
    await v1.table('marks').bulkPut([mark, sameSession, otherSession]);
    await v1.table('meta').bulkPut([
      { key: 'pullCursor', value: 42 },
      { key: 'session', value: { token: 't', needsSignIn: false } },
    ]);
    v1.close();

    const current = new AppDb(name);
    await current.open();
    expect(current.verno).toBe(8);
    // v4: the marks moved into one roll per session, keyed by learner, and the old table is gone.
    expect(await current.rolls.get(mark.sessionId)).toEqual({
      sessionId: mark.sessionId,
      marks: { [mark.learnerId]: mark, [sameSession.learnerId]: sameSession },
    });
    expect((await current.rolls.get(otherSession.sessionId))?.marks).toEqual({
      [otherSession.learnerId]: otherSession,
    });
    expect(current.tables.map((t) => t.name)).not.toContain('marks');
    expect(await current.attachments.count()).toBe(0);
    expect(await current.files.count()).toBe(0);
    expect(await current.dossiers.count()).toBe(0);
    expect((await current.meta.get('pullCursor'))?.value).toBe(42);
    expect(await current.outbox.count()).toBe(0);
    expect(await current.rejected.count()).toBe(0);
    expect(await current.sent.count()).toBe(0);
    current.close();
  });

  it('opens a version-3 database with unsynced changes, refused ones and the sent archive, all intact', async () => {
    name = `old-${newId()}`;
    const v3 = shippedDatabase(name, 3);
    const sessionId = newId();
    const learnerId = newId();
    const deviceId = newId();
    const mark = { id: markId(sessionId, learnerId), sessionId, learnerId, status: 'absent', note: '' };
    const entry = (seq: number, fields: Record<string, unknown>) => ({
      seq,
      id: newId(),
      entity: 'marks',
      recordId: mark.id,
      fields,
      hlc: encodeHlc({ millis: Date.parse('2026-11-25T02:00:00Z'), counter: seq, deviceId }),
      createdAt: '2026-11-25T02:00:00.000Z',
    });
    const pending = [entry(2, { status: 'late' }), entry(3, { note: 'Xe hỏng' })];
    const rejected = {
      ...entry(1, { status: 'present' }),
      reason: 'forbidden',
      rejectedAt: '2026-11-25T02:01:00Z',
    };
    const sent = entry(1, { status: 'absent' });
    await v3.table('marks').put(mark);
    await v3.table('outbox').bulkPut(pending);
    await v3.table('rejected').put(rejected);
    await v3.table('sent').put(sent);
    await v3.table('meta').bulkPut([
      { key: 'nextSeq', value: 4 },
      { key: 'session', value: { token: 't', needsSignIn: false } },
    ]);
    v3.close();

    const current = new AppDb(name);
    await current.open();
    expect(await current.outbox.orderBy('seq').toArray()).toEqual(pending);
    expect(await current.rejected.toArray()).toEqual([rejected]);
    expect(await current.sent.toArray()).toEqual([sent]);
    expect(await rollMarks(current, sessionId)).toEqual({ [learnerId]: mark });
    expect((await current.meta.get('nextSeq'))?.value).toBe(4);
    current.close();
  });

  it('opens a version-6 database with its photos, their bytes and the dossiers intact (v5 to v7 are folded into v8)', async () => {
    name = `old-${newId()}`;
    const v6 = shippedDatabase(name, 6);
    const sessionId = newId();
    const attachment = { id: newId(), sessionId, fileId: newId() };
    const file = { id: attachment.fileId, blob: new Blob([new Uint8Array([1, 2, 3])]), uploaded: 0 };
    const dossier = { id: newId(), fullName: 'Trần Văn Bình' };
    await v6.table('attachments').put(attachment);
    await v6.table('files').put(file);
    await v6.table('dossiers').put(dossier);
    v6.close();

    const current = new AppDb(name);
    await current.open();
    expect(current.verno).toBe(8);
    expect(await current.attachments.where('sessionId').equals(sessionId).toArray()).toEqual([attachment]);
    expect(await current.files.where('uploaded').equals(0).count()).toBe(1);
    expect((await current.files.get(file.id))?.blob.size).toBe(3);
    expect(await current.dossiers.toArray()).toEqual([dossier]);
    expect(current.tables.map((t) => t.name)).toContain(FLUSH_TABLE);
    current.close();
  });

  it('opens a version-7 database without its old write stamp, and the next tap from a guess checks the new one', async () => {
    name = `old-${newId()}`;
    const v7 = shippedDatabase(name, 7);
    const deviceId = newId();
    await v7.table('meta').bulkPut([
      { key: 'writeStamp', value: newId() },
      { key: 'deviceId', value: deviceId },
      { key: 'nextSeq', value: 5 },
      { key: 'hlc', value: { millis: Date.parse('2026-11-25T02:00:00Z'), counter: 0 } },
    ]);
    v7.close();

    const current = new AppDb(name);
    await current.open();
    expect(current.verno).toBe(8);
    expect(await current.meta.get('writeStamp')).toBeUndefined();
    expect(await readWriteStamp(current)).toBeUndefined();
    const centreId = newId();
    const sessionId = newId();
    const tap = (learnerId: string) => writeChanges(current, [presentMark(sessionId, learnerId)], centreId);
    await tap(newId());
    const stamp = await readWriteStamp(current);
    expect(stamp).toBeDefined();
    await readRollForWrites(current, sessionId);
    const held = guessOutcomes.held;
    await tap(newId());
    expect(guessOutcomes.held).toBe(held + 1);
    expect(await readWriteStamp(current)).not.toBe(stamp);
    expect(await current.meta.where('slot').equals('writeStamp').count()).toBe(1);
    expect((await current.outbox.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([5, 6]);
    current.close();
  });

  it('keeps pending changes, records, photos and the session through the next version bump, and goes on from them', async () => {
    name = `current-${newId()}`;
    const centreId = newId();
    const sessionId = newId();
    const today = new AppDb(name);
    await today.open();
    const walkIn = learnerNamed('Hoàng Thị Mỹ Duyên', { centreId, updatedAt: new Date().toISOString() });
    const { id: learnerId, centreId: _c, updatedAt: _u, ...fields } = walkIn;
    await writeChanges(
      today,
      [{ entity: 'learners', recordId: learnerId, changes: fields }, presentMark(sessionId, learnerId)],
      centreId,
    );
    const photo = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    await today.files.put({ id: newId(), blob: photo, uploaded: 0 });
    await today.meta.put({ key: 'session', value: { token: 't', needsSignIn: false } });
    const before = {
      outbox: await today.outbox.orderBy('seq').toArray(),
      learners: await today.learners.toArray(),
      rolls: await today.rolls.toArray(),
      meta: await today.meta.toArray(),
    };
    const version = today.verno;
    today.close();

    const next = new NextAppDb(name);
    await next.open();
    expect(next.verno).toBe(version + 1);
    expect(await next.outbox.orderBy('seq').toArray()).toEqual(before.outbox);
    expect(await next.outbox.where('entity').equals('marks').count()).toBe(1);
    expect(await next.learners.toArray()).toEqual(before.learners);
    expect(await next.rolls.toArray()).toEqual(before.rolls);
    expect(await next.meta.toArray()).toEqual(before.meta);
    expect(await readSession(next)).toMatchObject({ token: 't' });
    const [kept] = await next.files.toArray();
    expect(kept?.uploaded).toBe(0);
    expect(kept?.blob.size).toBe(3);
    // The next change continues the outbox where it was: no seq reused, none skipped.
    await writeChanges(
      next,
      [{ entity: 'marks', sessionId, learnerId, changes: { status: 'late' } }],
      centreId,
    );
    expect((await next.outbox.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2, 3]);
    next.close();
  });
});
