// Applies one page of pulled changes: every record and the new cursor in one transaction, so a crash between
// pages never leaves the cursor ahead of the data (or behind it).
import { type EntityName, entityNames } from '../../domain/entities.ts';
import type { PullResponse } from '../../sync/protocol.ts';
import { type AppDb, entityTable } from './app-db.ts';
import { META_KEYS } from './device-state.ts';

export async function applyPullPage(db: AppDb, page: PullResponse): Promise<void> {
  const tables = entityNames.map((e) => entityTable(db, e));
  await db.transaction('rw', [...tables, db.meta], async () => {
    for (const [entity, records] of Object.entries(page.changes) as [EntityName, unknown[] | undefined][]) {
      if (records && records.length > 0) await entityTable(db, entity).bulkPut(records);
    }
    await db.meta.put({ key: META_KEYS.CURSOR, value: page.cursor });
  });
}
