// Every change made on this device goes through here: the record and its outbox entry are written in one
// transaction, with the next seq and a fresh HLC stamp (SPEC DEV1). The UI reads the tables, so it never waits.
import { type EntityName, type EntityRecord, entitySchemas } from '../../domain/entities.ts';
import { mutationId } from '../../domain/ids.ts';
import { encodeHlc, type HlcState, tick } from '../../sync/hlc.ts';
import { SERVER_FIELDS } from '../../sync/protocol.ts';
import { type AppDb, entityTable, type OutboxEntry } from './app-db.ts';
import { deviceId } from './device-state.ts';

const HLC = 'hlc';
const NEXT_SEQ = 'nextSeq';

export type Changes<E extends EntityName> = Partial<Omit<EntityRecord<E>, (typeof SERVER_FIELDS)[number]>>;

function withoutServerFields(record: Record<string, unknown>): Record<string, unknown> {
  const fields = { ...record };
  for (const f of SERVER_FIELDS) delete fields[f];
  return fields;
}

export interface Change<E extends EntityName = EntityName> {
  entity: E;
  recordId: string;
  changes: Changes<E>;
}

/**
 * Creates or changes records, all in one transaction (so "everyone remaining present" is one tap that either
 * happens whole or not at all). For a new record `changes` must hold every field; `centreId` is the signed-in
 * centre. Throws, and writes nothing, when a result breaks the domain schema.
 */
export async function writeChanges(db: AppDb, batch: Change[], centreId: string): Promise<void> {
  if (batch.length === 0) return;
  const device = await deviceId(db);
  const tables = [...new Set(batch.map((c) => c.entity))].map((e) => entityTable(db, e));
  await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    let clock = ((await db.meta.get(HLC))?.value as HlcState | undefined) ?? { millis: 0, counter: 0 };
    let seq = ((await db.meta.get(NEXT_SEQ))?.value as number | undefined) ?? 1;
    const now = new Date().toISOString();
    for (const { entity, recordId, changes } of batch) {
      const table = entityTable(db, entity);
      const existing = (await table.get(recordId)) as Record<string, unknown> | undefined;
      const base = existing ?? {
        id: recordId,
        ...(entity === 'centres' ? {} : { centreId }),
        deleted: false,
      };
      const next = entitySchemas[entity].parse({ ...base, ...changes, updatedAt: now });
      const fields = existing ? { ...changes } : withoutServerFields(next as Record<string, unknown>);
      clock = tick(clock, Date.now());
      const entry: OutboxEntry = {
        seq,
        id: mutationId(device, seq),
        entity,
        recordId,
        fields,
        hlc: encodeHlc({ ...clock, deviceId: device }),
        createdAt: now,
      };
      await table.put(next);
      await db.outbox.add(entry);
      seq += 1;
    }
    await db.meta.bulkPut([
      { key: HLC, value: clock },
      { key: NEXT_SEQ, value: seq },
    ]);
  });
}

/** One change; see writeChanges. */
export function writeChange<E extends EntityName>(
  db: AppDb,
  entity: E,
  recordId: string,
  changes: Changes<E>,
  centreId: string,
): Promise<void> {
  return writeChanges(db, [{ entity, recordId, changes } as Change], centreId);
}
