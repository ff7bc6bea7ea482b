// Applies one page of pulled changes: every record and the new cursor in one transaction, so a crash between
// pages never leaves the cursor ahead of the data (or behind it), with pending local changes kept on top.
import type { AttendanceMark, EntityName } from '../../domain/entities.ts';
import type { PullResponse } from '../../sync/protocol.ts';
import { type AppDb, plainTable } from './app-db.ts';
import { META_KEYS } from './device-state.ts';
import { LocalRecords, plainEntities, recordTables } from './local-records.ts';
import { guardStorage } from './storage-full.ts';

type PulledRecord = Record<string, unknown> & { id: string };

/** A device out of space stores nothing of the page, and says why (storage-full.ts); the next round retries. */
export async function applyPullPage(db: AppDb, page: PullResponse): Promise<void> {
  await guardStorage(() => pageTransaction(db, page));
}

async function pageTransaction(db: AppDb, page: PullResponse): Promise<void> {
  await db.transaction('rw', [...recordTables(db), db.meta, db.outbox], async () => {
    const local = new LocalRecords(db);
    const pulledMarks = (page.changes.marks ?? []) as unknown as AttendanceMark[];
    await local.load(
      pulledMarks.map((m) => ({
        entity: 'marks',
        recordId: m.id,
        sessionId: m.sessionId,
        learnerId: m.learnerId,
      })),
    );
    for (const [entity, records] of Object.entries(page.changes) as [
      EntityName,
      PulledRecord[] | undefined,
    ][]) {
      if (!records || records.length === 0) continue;
      // Changes still waiting in the outbox are laid back on top, so a local edit never flickers back (DEV2).
      const pending = await db.outbox
        .where('recordId')
        .anyOf(records.map((r) => r.id))
        .sortBy('seq');
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const entry of pending) {
        const record = byId.get(entry.recordId);
        if (record && entry.entity === entity) byId.set(record.id, { ...record, ...entry.fields });
      }
      for (const record of byId.values()) local.put(entity, record);
    }
    await local.flush();
    await db.meta.put({ key: META_KEYS.CURSOR, value: page.cursor });
  });
}

/**
 * Drops the local copy of the server's data (the server asked for a reset, PULL4) and sets the cursor back to 0, in
 * one transaction. The outbox stays, and so do records with changes still in it.
 */
export async function resetLocalData(db: AppDb): Promise<void> {
  await db.transaction('rw', [...recordTables(db), db.meta, db.outbox], async () => {
    const pending = new Set((await db.outbox.orderBy('recordId').uniqueKeys()) as string[]);
    for (const entity of plainEntities) {
      const table = plainTable(db, entity);
      const stale = ((await table.toCollection().primaryKeys()) as string[]).filter((id) => !pending.has(id));
      await table.bulkDelete(stale);
    }
    const rolls = await db.rolls.toArray();
    for (const roll of rolls) {
      for (const [learnerId, mark] of Object.entries(roll.marks))
        if (!pending.has(mark.id)) delete roll.marks[learnerId];
    }
    await db.rolls.bulkDelete(rolls.filter((r) => Object.keys(r.marks).length === 0).map((r) => r.sessionId));
    await db.rolls.bulkPut(rolls.filter((r) => Object.keys(r.marks).length > 0));
    await db.meta.put({ key: META_KEYS.CURSOR, value: 0 });
  });
}
