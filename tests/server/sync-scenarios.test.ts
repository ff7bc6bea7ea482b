// Targeted sync scenarios with real devices (app code on fake-indexeddb) against the real server on PGlite:
// a mutation that can never apply, delete versus edit, tombstone expiry, a server restored from a backup, a wiped
// device database.
import 'fake-indexeddb/auto';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCursor } from '../../src/app/db/device-state.ts';
import { writeChange } from '../../src/app/db/local-write.ts';
import { exportPending } from '../../src/app/sync/pending-file.ts';
import type { LoginResponse } from '../../src/domain/auth.ts';
import { markId, mutationId } from '../../src/domain/ids.ts';
import { createApp } from '../../src/server/app.ts';
import { testConfig } from '../../src/server/config.ts';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { changeLog, marks } from '../../src/server/db/schema.ts';
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

  const serverMark = async (id: string) =>
    (await database.db.select().from(marks).where(eq(marks.id, id)))[0];

  it('[PUSH4][DEV3] a change that can never apply is listed with its reason, and later changes still go up', async () => {
    const d = await phone(a.users.instructor.username);
    expect(await d.sync()).toBeNull();
    // The instructor's phone marks a learner of a class that is not theirs (its data came from elsewhere).
    const foreign = markId(a.others.session.id, a.others.learner.id);
    await writeChange(
      d.db,
      'marks',
      foreign,
      {
        sessionId: a.others.session.id,
        learnerId: a.others.learner.id,
        status: 'absent',
        note: '',
        markedBy: a.users.instructor.id,
        markedAt: new Date().toISOString(),
        deleted: false,
      },
      a.centreId,
    );
    await writeChange(d.db, 'marks', a.mine.mark.id, { status: 'late' }, a.centreId);
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
    await writeChange(admin.db, 'marks', a.mine.mark.id, { deleted: true }, a.centreId);
    await writeChange(teacher.db, 'marks', a.mine.mark.id, { note: 'Có đến muộn' }, a.centreId);
    for (const d of [teacher, admin, teacher]) expect(await d.sync()).toBeNull();
    const server = await serverMark(a.mine.mark.id);
    expect(server).toMatchObject({ deleted: true, note: 'Có đến muộn' });
    for (const d of [admin, teacher]) {
      expect(await d.db.marks.get(a.mine.mark.id)).toMatchObject({ deleted: true, note: 'Có đến muộn' });
    }
  });

  it('[PULL4] a device offline past the tombstone retention downloads again and keeps its pending change', async () => {
    const away = await phone(a.users.admin.username);
    const other = await phone(a.users.admin.username);
    await away.sync();
    await other.sync();
    // While `away` is offline: `other` deletes a mark; 91 days later the tombstone is purged.
    await writeChange(other.db, 'marks', a.others.mark.id, { deleted: true }, a.centreId);
    await other.sync();
    await writeChange(away.db, 'marks', a.mine.mark.id, { note: 'ghi chú ngoại tuyến' }, a.centreId);
    const purged = await purgeTombstones(database.db, new Date(Date.now() + 91 * 24 * 3600 * 1000));
    expect(purged).toBe(1);

    expect(await away.sync()).toBeNull();
    expect(await away.db.marks.get(a.others.mark.id)).toBeUndefined(); // gone, as on the server
    expect((await serverMark(a.mine.mark.id))?.note).toBe('ghi chú ngoại tuyến');
    expect((await away.db.marks.get(a.mine.mark.id))?.note).toBe('ghi chú ngoại tuyến');
    expect(await away.db.classes.count()).toBe(2);
  });

  it('[PUSH3][PULL4] a server restored from an older backup gets back what devices had already sent', async () => {
    const d = await phone(a.users.instructor.username);
    await d.sync();
    const backup = await client.dumpDataDir('none');

    await writeChange(d.db, 'marks', a.mine.mark.id, { status: 'absent' }, a.centreId);
    await writeChange(d.db, 'marks', a.mine.mark.id, { note: 'Ốm' }, a.centreId);
    expect(await d.sync()).toBeNull();
    expect(await d.db.outbox.count()).toBe(0);

    // Disaster: the server comes back from the backup, without those two changes.
    await app.close();
    await database.close();
    client = new PGlite({ loadDataDir: backup });
    database = await openDatabase({ pglite: client });
    app = await createApp({ database, config: testConfig() });
    expect((await serverMark(a.mine.mark.id))?.status).toBe('present');

    await writeChange(d.db, 'marks', a.mine.mark.id, { status: 'late' }, a.centreId);
    expect(await d.sync()).toBeNull();
    expect(await serverMark(a.mine.mark.id)).toMatchObject({ status: 'late', note: 'Ốm' });
    expect(await d.db.marks.get(a.mine.mark.id)).toMatchObject({ status: 'late', note: 'Ốm' });
  });

  it('a wiped device database downloads everything again after signing in', async () => {
    const login = await signInOnServer(app, a.users.instructor.username, PASSWORD);
    const d = await phone(a.users.instructor.username, login);
    await d.sync();
    const before = await d.db.marks.count();
    await d.db.delete(); // the browser evicted the site's storage
    await d.reload();
    await d.adoptSession(await signInOnServer(app, a.users.instructor.username, PASSWORD));
    expect(await readCursor(d.db)).toBe(0);
    expect(await d.sync()).toBeNull();
    expect(await d.db.marks.count()).toBe(before);
  });

  it('[PUSH7] pending changes exported from a phone are applied once, by import and then by the phone itself', async () => {
    const lost = await phone(a.users.instructor.username);
    await lost.sync();
    await writeChange(
      lost.db,
      'marks',
      a.mine.mark.id,
      { status: 'excused', note: 'Giấy phép của xã' },
      a.centreId,
    );
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

  it('an expired or revoked token keeps the pending changes; after signing in again they go up', async () => {
    const d = await phone(a.users.instructor.username);
    await d.sync();
    await writeChange(d.db, 'marks', a.mine.mark.id, { status: 'absent' }, a.centreId);
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
});
