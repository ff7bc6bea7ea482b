// @vitest-environment jsdom
// A write the browser refuses for lack of space (QuotaExceededError, forced here in fake-indexeddb's store the way a
// browser fails a request) leaves nothing half written: not the record, not its outbox entry, not the clock or seq;
// it fails with StorageFullError and every screen is told. Once there is space, the same write goes through. The
// same holds when the write is made in the write worker (the app's case): the page's caller gets the same error.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { rollMarks } from '../../../src/app/db/local-records.ts';
import { writeChanges } from '../../../src/app/db/local-write.ts';
import { STORAGE_FULL_EVENT, StorageFullError } from '../../../src/app/db/storage-full.ts';
import { attachSheetPhoto } from '../../../src/app/features/roll/evidence.ts';
import type { Session } from '../../../src/domain/entities.ts';
import { newId } from '../../../src/domain/ids.ts';
import { learnerNamed } from '../helpers/records.ts';
import { startWriteWorker, type TestWriteWorker } from '../helpers/write-worker.ts';

const centreId = newId();
const session = { id: newId(), classId: newId() } as Session;

/** What a write may touch, to compare before and after a refused one. */
async function snapshot(db: AppDb) {
  return {
    rolls: await db.rolls.toArray(),
    learners: await db.learners.toArray(),
    attachments: await db.attachments.toArray(),
    files: await db.files.count(),
    outbox: await db.outbox.toArray(),
    meta: await db.meta.toArray(),
  };
}

/**
 * Makes every write to `store` fail as a full disk does: the request errors with QuotaExceededError and the
 * transaction aborts. (fake-indexeddb's store is reached through its internals; a browser gives no such switch.)
 */
function fillUp(db: AppDb, store: string): () => void {
  const raw = (
    db.backendDB().transaction(store).objectStore(store) as unknown as {
      _rawObjectStore: { storeRecord: (...args: unknown[]) => unknown };
    }
  )._rawObjectStore;
  const storeRecord = raw.storeRecord;
  raw.storeRecord = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return () => {
    raw.storeRecord = storeRecord;
  };
}

describe.each([
  ['in the page', false],
  ['in the write worker', true],
])('a write refused for lack of space, %s', (_, inWorker) => {
  let db: AppDb;
  let worker: TestWriteWorker | null = null;
  afterEach(async () => {
    worker?.stop();
    worker = null;
    await db.delete();
  });

  it('stores nothing of the change, says so, and goes through once there is room', async () => {
    db = new AppDb(`test-${newId()}`);
    await db.open();
    if (inWorker) worker = startWriteWorker(db);
    const [first, second] = [newId(), newId()];
    await writeChanges(
      db,
      [{ entity: 'marks', sessionId: session.id, learnerId: first, changes: markFields('present') }],
      centreId,
    );
    const before = await snapshot(db);
    let announced = 0;
    const listener = () => {
      announced += 1;
    };
    window.addEventListener(STORAGE_FULL_EVENT, listener);

    // A walk-in: the new learner and their mark in one change; the disk is full when the outbox entry is written.
    const walkIn = learnerNamed('Hoàng Thị Mỹ Duyên', { centreId, updatedAt: new Date().toISOString() });
    const { id: learnerId, centreId: _c, updatedAt: _u, ...learnerFields } = walkIn;
    const batch = [
      { entity: 'learners' as const, recordId: learnerId, changes: learnerFields },
      { entity: 'marks' as const, sessionId: session.id, learnerId: second, changes: markFields('late') },
    ];
    const room = fillUp(db, 'outbox');
    await expect(writeChanges(db, batch, centreId)).rejects.toBeInstanceOf(StorageFullError);
    expect(await snapshot(db)).toEqual(before);
    expect(announced).toBe(1);

    room();
    await writeChanges(db, batch, centreId);
    expect(Object.keys(await rollMarks(db, session.id)).sort()).toEqual([first, second].sort());
    // The seq continues where it was: the refused write used none.
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2, 3]);
    window.removeEventListener(STORAGE_FULL_EVENT, listener);
  });

  it('a photo that does not fit leaves neither its record nor its outbox entry', async () => {
    db = new AppDb(`test-${newId()}`);
    await db.open();
    const before = await snapshot(db);
    const room = fillUp(db, 'files');
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    await expect(attachSheetPhoto(db, { session, userId: newId(), centreId }, photo)).rejects.toBeInstanceOf(
      StorageFullError,
    );
    expect(await snapshot(db)).toEqual(before);
    room();
  });
});

function markFields(status: 'present' | 'late') {
  return {
    status,
    note: '',
    markedBy: newId(),
    markedAt: new Date().toISOString(),
    deleted: false,
  };
}
