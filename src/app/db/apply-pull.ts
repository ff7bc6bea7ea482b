// Applies one page of pulled changes: every record and the new cursor in one transaction, so a crash between
// pages never leaves the cursor ahead of the data (or behind it), with pending local changes kept on top.
import { type EntityName, entityNames } from '../../domain/entities.ts';
import type { PullResponse } from '../../sync/protocol.ts';
import { type AppDb, entityTable } from './app-db.ts';
import { META_KEYS } from './device-state.ts';

export async function applyPullPage(db: AppDb, page: PullResponse): Promise<void> {
  const tables = entityNames.map((e) => entityTable(db, e));
  await db.transaction('rw', [...tables, db.meta, db.outbox], async () => {
    for (const [entity, records] of Object.entries(page.changes) as [
      EntityName,
      Record<string, unknown>[] | undefined,
    ][]) {
      if (!records || records.length === 0) continue;
      // Changes still waiting in the outbox are laid back on top, so a local edit never flickers back (DEV2).
      const pending = await db.outbox
        .where('recordId')
        .anyOf(records.map((r) => r.id as string))
        .sortBy('seq');
      const byId = new Map(records.map((r) => [r.id as string, { ...r }]));
      for (const entry of pending) {
        const record = byId.get(entry.recordId);
        if (record && entry.entity === entity) Object.assign(record, entry.fields);
      }
      await entityTable(db, entity).bulkPut([...byId.values()]);
    }
    await db.meta.put({ key: META_KEYS.CURSOR, value: page.cursor });
  });
}

/**
 * Drops the local copy of the server's data (the server asked for a reset, PULL4) and sets the cursor back to 0, in
 * one transaction. The outbox stays, and so do records with changes still in it.
 */
export async function resetLocalData(db: AppDb): Promise<void> {
  const tables = entityNames.map((e) => entityTable(db, e));
  await db.transaction('rw', [...tables, db.meta, db.outbox], async () => {
    const pending = new Set((await db.outbox.orderBy('recordId').uniqueKeys()) as string[]);
    for (const table of tables) {
      const stale = ((await table.toCollection().primaryKeys()) as string[]).filter((id) => !pending.has(id));
      await table.bulkDelete(stale);
    }
    await db.meta.put({ key: META_KEYS.CURSOR, value: 0 });
  });
}
