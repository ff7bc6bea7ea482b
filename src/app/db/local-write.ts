// Every change made on this device goes through here: the record and its outbox entry are written in one
// transaction, with the next seq and a fresh HLC stamp (SPEC DEV1). The UI reads the tables, so it never waits.
import { type EntityName, type EntityRecord, entitySchemas } from '../../domain/entities.ts';
import { newId } from '../../domain/ids.ts';
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

/**
 * Creates or changes a record. For a new record `changes` must hold every field; `centreId` comes from the
 * signed-in centre. Throws (and writes nothing) when the result breaks the domain schema.
 */
export async function writeChange<E extends EntityName>(
  db: AppDb,
  entity: E,
  recordId: string,
  changes: Changes<E>,
  centreId: string,
): Promise<void> {
  const device = await deviceId(db);
  const table = entityTable(db, entity);
  await db.transaction('rw', [table, db.outbox, db.meta], async () => {
    const existing = (await table.get(recordId)) as Record<string, unknown> | undefined;
    const base = existing ?? { id: recordId, ...(entity === 'centres' ? {} : { centreId }), deleted: false };
    const next = entitySchemas[entity].parse({ ...base, ...changes, updatedAt: new Date().toISOString() });
    const fields = existing ? { ...changes } : withoutServerFields(next as Record<string, unknown>);

    const clock = tick(
      ((await db.meta.get(HLC))?.value as HlcState | undefined) ?? { millis: 0, counter: 0 },
      Date.now(),
    );
    const seq = ((await db.meta.get(NEXT_SEQ))?.value as number | undefined) ?? 1;
    const entry: OutboxEntry = {
      seq,
      id: newId(),
      entity,
      recordId,
      fields,
      hlc: encodeHlc({ ...clock, deviceId: device }),
      createdAt: new Date().toISOString(),
    };
    await table.put(next);
    await db.outbox.add(entry);
    await db.meta.bulkPut([
      { key: HLC, value: clock },
      { key: NEXT_SEQ, value: seq + 1 },
    ]);
  });
}
