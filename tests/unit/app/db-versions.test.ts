// Convention 4: a database created by an older version of the app opens in the current one with its data intact
// (for v2/v3, the outbox, rejected list and sent archive added empty; for v4, marks regrouped into
// rolls; v5 adds attachments and their files empty; v6 the dossiers empty).
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
    expect(current.verno).toBe(6);
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
});
