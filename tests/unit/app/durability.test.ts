// [DEV1] A local change commits relaxed and is followed by a strict flush of its own (durability.ts): the durability
// each transaction asks IndexedDB for, in order, is what decides when a tap is on disk, so that is what is checked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { FLUSH_TABLE, writesOnDisk } from '../../../src/app/db/durability.ts';
import { rollMarks } from '../../../src/app/db/local-records.ts';
import { writeChange } from '../../../src/app/db/local-write.ts';
import { newId } from '../../../src/domain/ids.ts';

interface Opened {
  stores: string[];
  mode: IDBTransactionMode | undefined;
  durability: IDBTransactionDurability | undefined;
}

describe('disk flush', () => {
  let db: AppDb;
  let opened: Opened[];

  beforeEach(async () => {
    opened = [];
    // On the prototype, before opening: Dexie binds the connection's method when it opens.
    const transaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      stores,
      mode,
      options,
    ) {
      opened.push({
        stores: typeof stores === 'string' ? [stores] : [...stores],
        mode,
        durability: options?.durability,
      });
      return transaction.call(this, stores, mode, options);
    });
    db = new AppDb(`flush-${newId()}`);
    await db.open();
    opened = [];
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await db.delete();
  });

  const tap = (sessionId: string, learnerId: string, status: 'present' | 'absent') =>
    writeChange(
      db,
      {
        entity: 'marks',
        sessionId,
        learnerId,
        changes: { status, note: '', markedBy: newId(), markedAt: new Date().toISOString(), deleted: false },
      },
      newId(),
    );

  it('commits a tap relaxed, then flushes it with a strict transaction of its own', async () => {
    const sessionId = newId();
    const learnerId = newId();
    await tap(sessionId, learnerId, 'present');
    await writesOnDisk(db);

    const writes = opened.filter((t) => t.mode === 'readwrite');
    expect(writes).toHaveLength(2);
    expect(writes[0]).toMatchObject({ durability: 'relaxed' });
    expect(writes[0]!.stores).toEqual(expect.arrayContaining(['rolls', 'outbox', 'meta']));
    expect(writes[1]).toEqual({ stores: [FLUSH_TABLE], mode: 'readwrite', durability: 'strict' });
    expect((await rollMarks(db, sessionId))[learnerId]?.status).toBe('present');
    expect(await db.table(FLUSH_TABLE).count()).toBe(1);
  });

  it('ends a run of writes with a flush, never more flushes than writes', async () => {
    const sessionId = newId();
    const learners = Array.from({ length: 5 }, () => newId());
    await Promise.all(learners.map((l) => tap(sessionId, l, 'absent')));
    await writesOnDisk(db);

    const writes = opened.filter((t) => t.mode === 'readwrite');
    const flushes = writes.filter((t) => t.stores.includes(FLUSH_TABLE));
    expect(writes.length - flushes.length).toBe(5);
    expect(flushes.length).toBeGreaterThanOrEqual(1);
    expect(flushes.length).toBeLessThanOrEqual(5);
    // The last transaction is a flush: nothing was committed after the last disk flush.
    expect(writes.at(-1)!.stores).toEqual([FLUSH_TABLE]);
    expect(Object.keys(await rollMarks(db, sessionId))).toHaveLength(5);
  });

  it('flushes nothing after a read', async () => {
    await db.rolls.get(newId());
    await writesOnDisk(db);
    expect(opened.filter((t) => t.mode === 'readwrite')).toEqual([]);
    expect(opened.every((t) => t.durability === 'relaxed')).toBe(true);
  });

  it('stops quietly when the database closes under a pending flush', async () => {
    await tap(newId(), newId(), 'present');
    db.close();
    await expect(writesOnDisk(db)).resolves.toBeUndefined();
  });
});
