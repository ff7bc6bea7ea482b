// Every change made on this device goes through here: the record and its outbox entry are written in one
// transaction, with the next seq and a fresh HLC stamp (SPEC DEV1). The UI reads the tables, so it never waits.
import Dexie from 'dexie';
import { type EntityName, type EntityRecord, entitySchemas } from '../../domain/entities.ts';
import { markId, mutationId } from '../../domain/ids.ts';
import { encodeHlc, type HlcState, tick } from '../../sync/hlc.ts';
import { SERVER_FIELDS } from '../../sync/protocol.ts';
import type { AppDb, OutboxEntry, PlainEntity } from './app-db.ts';
import { serverNow } from './clock-offset.ts';
import { deviceIdOf, HEAD_KEYS } from './device-state.ts';
import { storeGuessedWrite } from './guessed-write.ts';
import { LocalRecords, type RecordKey, tablesHolding } from './local-records.ts';
import { guardStorage } from './storage-full.ts';
import {
  forgetGuesses,
  type Guess,
  guessFor,
  StaleGuess,
  type WriteHead,
  writeIssued,
} from './write-guess.ts';
import { writeWorkerOf } from './write-worker-client.ts';

export type Changes<E extends EntityName> = Partial<Omit<EntityRecord<E>, (typeof SERVER_FIELDS)[number]>>;

function withoutServerFields(record: Record<string, unknown>): Record<string, unknown> {
  const fields = { ...record };
  for (const f of SERVER_FIELDS) delete fields[f];
  return fields;
}

/**
 * A change to one record. A mark is named by its session and learner (its id derives from them). `whenNew` holds the
 * fields a record that does not exist yet also gets (what the change alone leaves out of a new record): whether it
 * exists is decided inside the write, against what is stored, not by a screen that may not have seen the last write.
 */
export type Change =
  | {
      [E in PlainEntity]: { entity: E; recordId: string; changes: Changes<E>; whenNew?: Changes<E> };
    }[PlainEntity]
  | {
      entity: 'marks';
      sessionId: string;
      learnerId: string;
      changes: Changes<'marks'>;
      whenNew?: Changes<'marks'>;
    };

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
 * happens whole or not at all). For a new record `changes` and `whenNew` together must hold every field; `centreId`
 * is the signed-in centre. Throws, and writes nothing, when a result breaks the domain schema (a ZodError) or the
 * device is out of space (StorageFullError). In the app the write runs in the write worker (write-worker.ts), in the
 * order asked; without one (tests, a browser that cannot start it), or inside a transaction, here.
 */
export async function writeChanges(db: AppDb, batch: Change[], centreId: string): Promise<void> {
  if (batch.length === 0) return;
  // Inside a transaction of the caller's (a photo's record with its bytes), the write joins it, in this thread.
  const worker = Dexie.currentTransaction ? null : writeWorkerOf(db);
  await guardStorage(() => (worker ? worker.write(batch, centreId) : writeHere(db, batch, centreId)));
}

/**
 * writeChanges in this thread: what the write worker runs. `at`: when the change was asked for, by the server's clock
 * as the page knows it (clock-offset.ts); it stamps the changes.
 */
export async function writeHere(
  db: AppDb,
  batch: Change[],
  centreId: string,
  at = serverNow(),
): Promise<void> {
  const keys = batch.map(keyOf);
  const sessionIds = keys.flatMap((k) => (k.entity === 'marks' ? [k.sessionId] : []));
  // Marks alone (a tap on the roll) may start from what the roll screen last read (write-guess.ts).
  const guess = sessionIds.length === keys.length ? guessFor(db, [...new Set(sessionIds)]) : null;
  if (guess) {
    try {
      return await writeFromGuess(db, guess, batch, keys, centreId, at);
    } catch (err) {
      if (!(err instanceof StaleGuess)) throw err;
      forgetGuesses(db);
    }
  }
  await writeFromStored(db, batch, keys, centreId, at);
}

function writeFromGuess(
  db: AppDb,
  guess: Guess,
  batch: Change[],
  keys: RecordKey[],
  centreId: string,
  at: number,
): Promise<void> {
  const records = new LocalRecords(db);
  records.assume(guess.rolls);
  const { head, entries } = apply(records, guess.head, batch, keys, centreId, at);
  return storeGuessedWrite(db, guess, { rolls: records.changedRolls(), entries, head });
}

function writeFromStored(
  db: AppDb,
  batch: Change[],
  keys: RecordKey[],
  centreId: string,
  at: number,
): Promise<void> {
  writeIssued(db);
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
    const { head, entries } = apply(records, stored, batch, keys, centreId, at);
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
  at: number,
): { head: { clock: HlcState; seq: number }; entries: OutboxEntry[] } {
  let { clock, seq } = head;
  const { device } = head;
  const now = new Date(at).toISOString();
  const entries: OutboxEntry[] = [];
  for (const [i, change] of batch.entries()) {
    const { entity, changes, whenNew } = change;
    const key = keys[i]!;
    const existing = records.get(key);
    const laid = existing ? changes : { ...whenNew, ...changes };
    const base = existing ?? freshRecord(key, centreId);
    const next = entitySchemas[entity].parse({ ...base, ...laid, updatedAt: now }) as { id: string };
    const fields = existing ? { ...changes } : withoutServerFields(next as Record<string, unknown>);
    clock = tick(clock, at);
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
