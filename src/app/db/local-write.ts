// Every change made on this device goes through here: the record and its outbox entry are written in one
// transaction, with the next seq and a fresh HLC stamp (SPEC DEV1). The UI reads the tables, so it never waits.
import { type EntityName, type EntityRecord, entitySchemas } from '../../domain/entities.ts';
import { markId, mutationId } from '../../domain/ids.ts';
import { encodeHlc, type HlcState, tick } from '../../sync/hlc.ts';
import { SERVER_FIELDS } from '../../sync/protocol.ts';
import type { AppDb, OutboxEntry, PlainEntity } from './app-db.ts';
import { deviceIdOf, HEAD_KEYS } from './device-state.ts';
import { storeGuessedWrite } from './guessed-write.ts';
import { LocalRecords, type RecordKey, tablesHolding } from './local-records.ts';
import { guardStorage } from './storage-full.ts';
import { forgetGuesses, type Guess, guessFor, StaleGuess, type WriteHead } from './write-guess.ts';

export type Changes<E extends EntityName> = Partial<Omit<EntityRecord<E>, (typeof SERVER_FIELDS)[number]>>;

function withoutServerFields(record: Record<string, unknown>): Record<string, unknown> {
  const fields = { ...record };
  for (const f of SERVER_FIELDS) delete fields[f];
  return fields;
}

/** A change to one record. A mark is named by its session and learner (its id derives from them). */
export type Change =
  | { [E in PlainEntity]: { entity: E; recordId: string; changes: Changes<E> } }[PlainEntity]
  | { entity: 'marks'; sessionId: string; learnerId: string; changes: Changes<'marks'> };

const keyOf = (c: Change): RecordKey =>
  c.entity === 'marks'
    ? {
        entity: 'marks',
        recordId: markId(c.sessionId, c.learnerId),
        sessionId: c.sessionId,
        learnerId: c.learnerId,
      }
    : { entity: c.entity, recordId: c.recordId };

/** What a record that does not exist yet starts from, before the change's fields are laid on. */
function freshRecord(key: RecordKey, centreId: string): Record<string, unknown> {
  const base = { id: key.recordId, deleted: false };
  if (key.entity === 'centres') return base;
  if (key.entity === 'marks')
    return { ...base, centreId, sessionId: key.sessionId, learnerId: key.learnerId };
  return { ...base, centreId };
}

/**
 * Creates or changes records, all in one transaction (so "everyone remaining present" is one tap that either
 * happens whole or not at all). For a new record `changes` must hold every field; `centreId` is the signed-in
 * centre. Throws, and writes nothing, when a result breaks the domain schema or the device is out of space
 * (StorageFullError).
 */
export async function writeChanges(db: AppDb, batch: Change[], centreId: string): Promise<void> {
  if (batch.length === 0) return;
  const keys = batch.map(keyOf);
  const sessionIds = keys.flatMap((k) => (k.entity === 'marks' ? [k.sessionId] : []));
  // Marks alone (a tap on the roll) may start from what the roll screen last read (write-guess.ts).
  const guess = sessionIds.length === keys.length ? guessFor(db, [...new Set(sessionIds)]) : null;
  await guardStorage(async () => {
    if (guess) {
      try {
        return await writeFromGuess(db, guess, batch, keys, centreId);
      } catch (err) {
        if (!(err instanceof StaleGuess)) throw err;
        forgetGuesses(db);
      }
    }
    await writeFromStored(db, batch, keys, centreId);
  });
}

function writeFromGuess(
  db: AppDb,
  guess: Guess,
  batch: Change[],
  keys: RecordKey[],
  centreId: string,
): Promise<void> {
  const records = new LocalRecords(db);
  records.assume(guess.rolls);
  const { head, entries } = apply(records, guess.head, batch, keys, centreId);
  return storeGuessedWrite(db, guess, { rolls: records.changedRolls(), entries, head });
}

function writeFromStored(db: AppDb, batch: Change[], keys: RecordKey[], centreId: string): Promise<void> {
  // Only the tables this batch touches: a tap on the roll locks (and waits for) the rolls, not every table.
  return db.transaction('rw', [...tablesHolding(db, keys), db.outbox, db.meta], async () => {
    // Everything is read at once and written at once: each sequential IndexedDB request costs a round trip.
    const records = new LocalRecords(db);
    const [[clock, seq, device]] = await Promise.all([
      db.meta.bulkGet([HEAD_KEYS.HLC, HEAD_KEYS.NEXT_SEQ, HEAD_KEYS.DEVICE_ID]),
      records.load(keys),
    ]);
    const stored: WriteHead = {
      clock: (clock?.value as HlcState | undefined) ?? { millis: 0, counter: 0 },
      seq: (seq?.value as number | undefined) ?? 1,
      device: deviceIdOf(db, device),
    };
    const { head, entries } = apply(records, stored, batch, keys, centreId);
    await Promise.all([
      records.flush(),
      db.outbox.bulkAdd(entries),
      db.meta.bulkPut([
        { key: HEAD_KEYS.HLC, value: head.clock },
        { key: HEAD_KEYS.NEXT_SEQ, value: head.seq },
      ]),
    ]);
  });
}

/**
 * Applies the batch to `records` (loaded or assumed) from `head`: the records are put, and the outbox entries and
 * the head after them returned, for the caller to store. Throws when a result breaks the domain schema.
 */
function apply(
  records: LocalRecords,
  head: WriteHead,
  batch: Change[],
  keys: RecordKey[],
  centreId: string,
): { head: { clock: HlcState; seq: number }; entries: OutboxEntry[] } {
  let { clock, seq } = head;
  const { device } = head;
  const now = new Date().toISOString();
  const entries: OutboxEntry[] = [];
  for (const [i, change] of batch.entries()) {
    const { entity, changes } = change;
    const key = keys[i]!;
    const existing = records.get(key);
    const base = existing ?? freshRecord(key, centreId);
    const next = entitySchemas[entity].parse({ ...base, ...changes, updatedAt: now }) as { id: string };
    const fields = existing ? { ...changes } : withoutServerFields(next as Record<string, unknown>);
    clock = tick(clock, Date.now());
    entries.push({
      seq,
      id: mutationId(device, seq),
      entity,
      recordId: key.recordId,
      fields,
      hlc: encodeHlc({ ...clock, deviceId: device }),
      createdAt: now,
    });
    records.put(entity, next);
    seq += 1;
  }
  return { head: { clock, seq }, entries };
}

/** One change; see writeChanges. */
export function writeChange(db: AppDb, change: Change, centreId: string): Promise<void> {
  return writeChanges(db, [change], centreId);
}
