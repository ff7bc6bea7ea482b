// A pulled page lands atomically: its records and the cursor together; later pages update and tombstone.
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { applyPullPage } from '../../../src/app/db/apply-pull.ts';
import { readCursor } from '../../../src/app/db/device-state.ts';
import { rollMarks } from '../../../src/app/db/local-records.ts';
import { writeChange } from '../../../src/app/db/local-write.ts';
import type { AttendanceMark, Class } from '../../../src/domain/entities.ts';
import { markId, newId } from '../../../src/domain/ids.ts';
import { PROTOCOL_VERSION, type PullResponse } from '../../../src/sync/protocol.ts';
import { classRecord } from '../helpers/records.ts';

const centreId = newId();
const cls = classRecord({
  centreId,
  updatedAt: '2026-11-20T01:00:00.000Z',
  code: 'NTVĐ-01/2026',
  name: 'Lớp Nhận thức về Đảng khóa 1',
  commune: 'Đăk Ruồng',
  location: 'Hội trường',
});

describe('applyPullPage', () => {
  let db: AppDb;
  afterEach(async () => {
    await db.delete();
  });

  it('stores records and the cursor together; a later page updates and tombstones', async () => {
    db = new AppDb(`test-${newId()}`);
    await applyPullPage(db, {
      protocolVersion: PROTOCOL_VERSION,
      cursor: 7,
      hasMore: false,
      changes: { classes: [cls] },
    });
    expect(await db.classes.get(cls.id)).toEqual(cls);
    expect(await readCursor(db)).toBe(7);

    await applyPullPage(db, {
      protocolVersion: PROTOCOL_VERSION,
      cursor: 9,
      hasMore: false,
      changes: { classes: [{ ...cls, deleted: true, updatedAt: '2026-11-21T01:00:00.000Z' }] },
    });
    expect((await db.classes.get(cls.id))?.deleted).toBe(true);
    expect(await readCursor(db)).toBe(9);
  });

  it('leaves neither records nor cursor behind when the page cannot be stored', async () => {
    db = new AppDb(`test-${newId()}`);
    const broken = { ...cls, id: undefined } as unknown as Class; // no key: IndexedDB refuses the put
    await expect(
      applyPullPage(db, {
        protocolVersion: PROTOCOL_VERSION,
        cursor: 3,
        hasMore: false,
        changes: { classes: [cls, broken] },
      }),
    ).rejects.toThrow();
    expect(await db.classes.count()).toBe(0);
    expect(await readCursor(db)).toBe(0);
  });

  it('[DEV2] files pulled marks into their session rolls, by learner, with pending local fields on top', async () => {
    db = new AppDb(`test-${newId()}`);
    const sessionId = newId();
    const [a, b, instructor] = [newId(), newId(), newId()];
    const mark = (learnerId: string, status: AttendanceMark['status']): AttendanceMark => ({
      id: markId(sessionId, learnerId),
      centreId,
      updatedAt: '2026-11-20T01:00:00.000Z',
      deleted: false,
      sessionId,
      learnerId,
      status,
      note: '',
      markedBy: instructor,
      markedAt: '2026-11-20T01:00:00.000Z',
    });
    const page = (cursor: number, marks: AttendanceMark[]): PullResponse => ({
      protocolVersion: PROTOCOL_VERSION,
      cursor,
      hasMore: false,
      changes: { marks },
    });
    await applyPullPage(db, page(1, [mark(a, 'present')]));
    await writeChange(
      db,
      { entity: 'marks', sessionId, learnerId: a, changes: { note: 'Đến muộn 10 phút' } },
      centreId,
    );
    // A later page changes A's status on the server and adds B: A keeps its pending note, B joins the same roll.
    await applyPullPage(db, page(2, [mark(a, 'late'), mark(b, 'absent')]));
    const roll = await rollMarks(db, sessionId);
    expect(Object.keys(roll).sort()).toEqual([a, b].sort());
    expect(roll[a]).toMatchObject({ status: 'late', note: 'Đến muộn 10 phút' });
    expect(roll[b]).toEqual(mark(b, 'absent'));
    expect(await db.rolls.count()).toBe(1);
  });
});
