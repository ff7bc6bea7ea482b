// The unsynced count that every screen shows and the sync scheduler watches: one live query serves every watcher, and
// each sees every change (outbox entries and photos still to upload).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { writeChanges } from '../../../src/app/db/local-write.ts';
import { observePendingCount } from '../../../src/app/db/outbox.ts';
import { newId } from '../../../src/domain/ids.ts';

const centreId = newId();
const sessionId = newId();

const mark = (db: AppDb) =>
  writeChanges(
    db,
    [
      {
        entity: 'marks',
        sessionId,
        learnerId: newId(),
        changes: {
          status: 'present',
          note: '',
          markedBy: centreId,
          markedAt: '2026-12-06T01:00:00.000Z',
          deleted: false,
        },
      },
    ],
    centreId,
  );

describe('the unsynced count', () => {
  const opened: AppDb[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });

  it('reaches every watcher at each change, and starts afresh once nobody watches', async () => {
    const db = new AppDb(`test-${newId()}`);
    opened.push(db);
    const first: number[] = [];
    const second: number[] = [];
    const stopFirst = observePendingCount(db, (n) => first.push(n));
    await vi.waitFor(() => expect(first).toEqual([0]));
    // A second watcher is told the count at once, from the query already running.
    const stopSecond = observePendingCount(db, (n) => second.push(n));
    expect(second).toEqual([0]);

    await mark(db);
    await vi.waitFor(() => expect(first.at(-1)).toBe(1));
    await vi.waitFor(() => expect(second.at(-1)).toBe(1));
    await db.files.add({ id: newId(), blob: new Blob(['ảnh']), uploaded: 0 });
    await vi.waitFor(() => expect(second.at(-1)).toBe(2));
    expect(first.at(-1)).toBe(2);

    stopFirst();
    stopSecond();
    await mark(db);
    const later: number[] = [];
    const stopLater = observePendingCount(db, (n) => later.push(n));
    // Nothing kept from before: the count is read again, with the write made while nobody watched.
    expect(later).toEqual([]);
    await vi.waitFor(() => expect(later).toEqual([3]));
    stopLater();
  });
});
