// Convention 4: a database created by an older version of the app opens in the current one with its data intact
// (and, for v2/v3, the outbox, rejected list and sent archive added empty).
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { newId } from '../../../src/domain/ids.ts';

describe('AppDb versions', () => {
  let name: string;
  afterEach(() => Dexie.delete(name));

  it('opens a version-1 database and keeps its records, session and cursor', async () => {
    name = `old-${newId()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
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
    });
    const mark = { id: newId(), sessionId: newId(), learnerId: newId(), status: 'late', note: 'Xe hỏng' };
    await v1.table('marks').put(mark);
    await v1.table('meta').bulkPut([
      { key: 'pullCursor', value: 42 },
      { key: 'session', value: { token: 't', needsSignIn: false } },
    ]);
    v1.close();

    const current = new AppDb(name);
    await current.open();
    expect(current.verno).toBe(3);
    expect(await current.marks.get(mark.id)).toEqual(mark);
    expect((await current.meta.get('pullCursor'))?.value).toBe(42);
    expect(await current.outbox.count()).toBe(0);
    expect(await current.rejected.count()).toBe(0);
    expect(await current.sent.count()).toBe(0);
    current.close();
  });
});
