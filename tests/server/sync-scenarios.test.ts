// Targeted sync scenarios with real devices (app code on fake-indexeddb) against the real server on PGlite:
// a mutation that can never apply, delete versus edit, tombstone expiry, a server restored from a backup, a wiped
// device database.
import 'fake-indexeddb/auto';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCursor } from '../../src/app/db/device-state.ts';
import { allMarks, rollMarks } from '../../src/app/db/local-records.ts';
import { type Changes, writeChange } from '../../src/app/db/local-write.ts';
import { attachSheetPhoto } from '../../src/app/features/roll/evidence.ts';
import { exportPending } from '../../src/app/sync/pending-file.ts';
import type { LoginResponse } from '../../src/domain/auth.ts';
import type { AttendanceMark } from '../../src/domain/entities.ts';
import { markId, mutationId } from '../../src/domain/ids.ts';
import { createApp } from '../../src/server/app.ts';
import { testConfig } from '../../src/server/config.ts';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { changeLog, files, marks } from '../../src/server/db/schema.ts';
import { purgeTombstones } from '../../src/server/sync/purge-tombstones.ts';
import { inProcessTransport, SimulatedDevice, signInOnServer } from './helpers/devices.ts';
import { type CentreFixture, PASSWORD, seedCentre } from './helpers/fixtures.ts';

describe('sync scenarios', () => {
  let client: PGlite;
  let database: Database;
  let app: FastifyInstance;
  let a: CentreFixture;
  let devices: SimulatedDevice[];

  beforeEach(async () => {
    client = new PGlite();
    database = await openDatabase({ pglite: client });
    app = await createApp({ database, config: testConfig() });
    a = await seedCentre(database.db, 'a');
    devices = [];
  });
  afterEach(async () => {
    for (const d of devices) await d.destroy();
    await app.close();
    await database.close();
  });

  async function phone(username: string, login?: LoginResponse): Promise<SimulatedDevice> {
    const d = new SimulatedDevice(
      username,
      inProcessTransport(() => app),
    );
    await d.adoptSession(login ?? (await signInOnServer(app, username, PASSWORD)));
    devices.push(d);
    return d;
  }

  const editMark = (d: SimulatedDevice, mark: AttendanceMark, changes: Changes<'marks'>) =>
    writeChange(
      d.db,
      { entity: 'marks', sessionId: mark.sessionId, learnerId: mark.learnerId, changes },
      a.centreId,
    );
  const localMark = async (d: SimulatedDevice, mark: AttendanceMark) =>
    (await rollMarks(d.db, mark.sessionId))[mark.learnerId];

  const serverMark = async (id: string) =>
    (await database.db.select().from(marks).where(eq(marks.id, id)))[0];

  it('[PUSH4][DEV3] a change that can never apply is listed with its reason, and later changes still go up', async () => {
    const d = await phone(a.users.instructor.username);
    expect(await d.sync()).toBeNull();
    // The instructor's phone marks a learner of a class that is not theirs (its data came from elsewhere).
    const foreign = markId(a.others.session.id, a.others.learner.id);
    await editMark(d, a.others.mark, {
      status: 'absent',
      note: '',
      markedBy: a.users.instructor.id,
      markedAt: new Date().toISOString(),
      deleted: false,
    });
    await editMark(d, a.mine.mark, { status: 'late' });
    expect(await d.sync()).toBeNull();
    expect(await d.db.outbox.count()).toBe(0);
    const rejected = await d.db.rejected.toArray();
    expect(rejected).toEqual([expect.objectContaining({ recordId: foreign, reason: 'forbidden' })]);
    expect((await serverMark(a.mine.mark.id))?.status).toBe('late');
    expect((await serverMark(a.others.mark.id))?.status).toBe('present');
  });

  it('a delete on one device and an edit on another converge: the record stays deleted, the edit is kept', async () => {
    const admin = await phone(a.users.admin.username);
    const teacher = await phone(a.users.instructor.username);
    await admin.sync();
    await teacher.sync();
    await editMark(admin, a.mine.mark, { deleted: true });
    await editMark(teacher, a.mine.mark, { note: 'Có đến muộn' });
    for (const d of [teacher, admin, teacher]) expect(await d.sync()).toBeNull();
    const server = await serverMark(a.mine.mark.id);
    expect(server).toMatchObject({ deleted: true, note: 'Có đến muộn' });
    for (const d of [admin, teacher]) {
      expect(await localMark(d, a.mine.mark)).toMatchObject({ deleted: true, note: 'Có đến muộn' });
    }
  });

  it('[PULL4] a device offline past the tombstone retention downloads again and keeps its pending change', async () => {
    const away = await phone(a.users.admin.username);
    const other = await phone(a.users.admin.username);
    await away.sync();
    await other.sync();
    // While `away` is offline: `other` deletes a mark; 91 days later the tombstone is purged.
    await editMark(other, a.others.mark, { deleted: true });
    await other.sync();
    await editMark(away, a.mine.mark, { note: 'ghi chú ngoại tuyến' });
    const purged = await purgeTombstones(database.db, new Date(Date.now() + 91 * 24 * 3600 * 1000));
    expect(purged).toBe(1);

    expect(await away.sync()).toBeNull();
    expect(await localMark(away, a.others.mark)).toBeUndefined(); // gone, as on the server
    expect((await serverMark(a.mine.mark.id))?.note).toBe('ghi chú ngoại tuyến');
    expect((await localMark(away, a.mine.mark))?.note).toBe('ghi chú ngoại tuyến');
    expect(await away.db.classes.count()).toBe(2);
  });

  it('[PUSH3][PULL4] a server restored from an older backup gets back what devices had already sent', async () => {
    const d = await phone(a.users.instructor.username);
    await d.sync();
    const backup = await client.dumpDataDir('none');

    await editMark(d, a.mine.mark, { status: 'absent' });
    await editMark(d, a.mine.mark, { note: 'Ốm' });
    expect(await d.sync()).toBeNull();
    expect(await d.db.outbox.count()).toBe(0);

    // Disaster: the server comes back from the backup, without those two changes.
    await app.close();
    await database.close();
    client = new PGlite({ loadDataDir: backup });
    database = await openDatabase({ pglite: client });
    app = await createApp({ database, config: testConfig() });
    expect((await serverMark(a.mine.mark.id))?.status).toBe('present');

    await editMark(d, a.mine.mark, { status: 'late' });
    expect(await d.sync()).toBeNull();
    expect(await serverMark(a.mine.mark.id)).toMatchObject({ status: 'late', note: 'Ốm' });
    expect(await localMark(d, a.mine.mark)).toMatchObject({ status: 'late', note: 'Ốm' });
  });

  it('a wiped device database downloads everything again after signing in', async () => {
    const login = await signInOnServer(app, a.users.instructor.username, PASSWORD);
    const d = await phone(a.users.instructor.username, login);
    await d.sync();
    const before = (await allMarks(d.db)).length;
    await d.db.delete(); // the browser evicted the site's storage
    await d.reload();
    await d.adoptSession(await signInOnServer(app, a.users.instructor.username, PASSWORD));
    expect(await readCursor(d.db)).toBe(0);
    expect(await d.sync()).toBeNull();
    expect((await allMarks(d.db)).length).toBe(before);
  });

  it('[PUSH7] pending changes exported from a phone are applied once, by import and then by the phone itself', async () => {
    const lost = await phone(a.users.instructor.username);
    await lost.sync();
    await editMark(lost, a.mine.mark, { status: 'excused', note: 'Giấy phép của xã' });
    const { file } = await exportPending(lost.db);

    const staff = await signInOnServer(app, a.users.admin.username, PASSWORD);
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/sync/import',
        headers: { authorization: `Bearer ${staff.token}` },
        payload: {
          protocolVersion: file.protocolVersion,
          deviceId: file.deviceId,
          mutations: file.mutations,
        },
      });
    expect((await send()).json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['applied']);
    expect((await send()).json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['duplicate']);
    expect(await serverMark(a.mine.mark.id)).toMatchObject({ status: 'excused', note: 'Giấy phép của xã' });

    // The phone turns up again and syncs: its change is recognised, not applied a second time.
    const logged = async () =>
      (
        await database.db
          .select()
          .from(changeLog)
          .where(eq(changeLog.mutationId, mutationId(file.deviceId, file.mutations[0]!.seq)))
      ).length;
    expect(await logged()).toBe(1);
    expect(await lost.sync()).toBeNull();
    expect(await lost.db.outbox.count()).toBe(0);
    expect(await logged()).toBe(1);
  });

  it('[PUSH7] a lost phone cut off by staff keeps its changes: its exported file is imported by staff, once', async () => {
    const lost = await phone(a.users.instructor.username);
    await lost.sync();
    await editMark(lost, a.mine.mark, { status: 'absent', note: 'Vắng không phép' });
    const staff = await signInOnServer(app, a.users.admin.username, PASSWORD);
    const revoked = await app.inject({
      method: 'POST',
      url: `/api/users/${a.users.instructor.id}/revoke-devices`,
      headers: { authorization: `Bearer ${staff.token}` },
    });
    expect(revoked.json().revoked).toBeGreaterThanOrEqual(1);

    // The phone can no longer sync, and nothing of its outbox is lost; it can still save it to a file.
    expect((await lost.sync())?.failure).toBe('signedOut');
    expect(await lost.db.outbox.count()).toBe(1);
    const { file } = await exportPending(lost.db);
    const phoneToken = ((await lost.db.meta.get('session'))!.value as LoginResponse).token;
    const payload = {
      protocolVersion: file.protocolVersion,
      deviceId: file.deviceId,
      mutations: file.mutations,
    };
    const byPhone = await app.inject({
      method: 'POST',
      url: '/api/sync/import',
      headers: { authorization: `Bearer ${phoneToken}` },
      payload,
    });
    expect(byPhone.statusCode).toBe(401);
    expect((await serverMark(a.mine.mark.id))?.status).toBe('present');

    const imported = await app.inject({
      method: 'POST',
      url: '/api/sync/import',
      headers: { authorization: `Bearer ${staff.token}` },
      payload,
    });
    expect(imported.json().results).toEqual([{ seq: 1, outcome: 'applied' }]);
    expect(await serverMark(a.mine.mark.id)).toMatchObject({ status: 'absent', note: 'Vắng không phép' });
    const logged = await database.db
      .select()
      .from(changeLog)
      .where(eq(changeLog.mutationId, mutationId(file.deviceId, 1)));
    expect(logged).toEqual([
      expect.objectContaining({ outcome: 'applied', deviceId: file.deviceId, userId: a.users.admin.id }),
    ]);

    // The phone is found and signed in again: its change is recognised, not applied a second time.
    await lost.adoptSession(await signInOnServer(app, a.users.instructor.username, PASSWORD));
    expect(await lost.sync()).toBeNull();
    expect(await lost.db.outbox.count()).toBe(0);
    expect(
      await database.db
        .select()
        .from(changeLog)
        .where(eq(changeLog.mutationId, mutationId(file.deviceId, 1))),
    ).toHaveLength(1);
  });

  it('an expired or revoked token keeps the pending changes; after signing in again they go up', async () => {
    const d = await phone(a.users.instructor.username);
    await d.sync();
    await editMark(d, a.mine.mark, { status: 'absent' });
    const me = (await d.db.meta.get('session'))!.value as LoginResponse;
    await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${me.token}` },
    });
    expect((await d.sync())?.failure).toBe('signedOut');
    expect(await d.db.outbox.count()).toBe(1);
    expect((await d.db.meta.get('session'))?.value).toMatchObject({ needsSignIn: true });
    await d.adoptSession(await signInOnServer(app, a.users.instructor.username, PASSWORD));
    expect(await d.sync()).toBeNull();
    expect(await d.db.outbox.count()).toBe(0);
    expect((await serverMark(a.mine.mark.id))?.status).toBe('absent');
  });

  it('a photo of the signed sheet taken offline goes up after its record, once, and staff can read it', async () => {
    const d = await phone(a.users.instructor.username);
    await d.sync();
    d.online = false;
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const ctx = { session: a.mine.session, userId: a.users.instructor.id, centreId: a.centreId };
    const id = await attachSheetPhoto(d.db, ctx, new Blob([bytes], { type: 'image/jpeg' }));
    expect(await d.sync()).not.toBeNull(); // offline: nothing leaves, nothing is lost
    expect(await d.db.files.get(id)).toMatchObject({ uploaded: 0 });

    d.online = true;
    expect(await d.sync()).toBeNull();
    expect(await d.db.outbox.count()).toBe(0);
    expect(await d.db.files.get(id)).toMatchObject({ uploaded: 1 });
    const stored = await database.db.select().from(files).where(eq(files.attachmentId, id));
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]!.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(await d.sync()).toBeNull(); // a later round does not send it again
    expect(await database.db.select().from(files)).toHaveLength(1);

    const staff = await phone(a.users.admin.username);
    expect(await staff.sync()).toBeNull();
    expect(await staff.db.attachments.get(id)).toMatchObject({
      sessionId: a.mine.session.id,
      size: bytes.length,
    });
    const me = (await staff.db.meta.get('session'))!.value as LoginResponse;
    const res = await app.inject({
      method: 'GET',
      url: `/api/files/${id}`,
      headers: { authorization: `Bearer ${me.token}` },
    });
    expect(res.rawPayload.equals(Buffer.from(bytes))).toBe(true);
  });
});
