// A pulled page lands atomically: its records and the cursor together; later pages update and tombstone.
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { applyPullPage } from '../../../src/app/db/apply-pull.ts';
import { readCursor } from '../../../src/app/db/device-state.ts';
import type { Class } from '../../../src/domain/entities.ts';
import { newId } from '../../../src/domain/ids.ts';
import { PROTOCOL_VERSION } from '../../../src/sync/protocol.ts';

const centreId = newId();
const cls: Class = {
  id: newId(),
  centreId,
  updatedAt: '2026-11-20T01:00:00.000Z',
  deleted: false,
  code: 'NTVĐ-01/2026',
  name: 'Lớp Nhận thức về Đảng khóa 1',
  classTypeId: newId(),
  year: 2026,
  commune: 'Đăk Ruồng',
  location: 'Hội trường',
  startDate: '2026-11-23',
  endDate: '2026-11-27',
  status: 'open',
  threshold: 0.8,
  coordinatingBody: '',
  instructorIds: [],
};

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
});
