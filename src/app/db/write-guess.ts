// What a write may assume the database holds, so that a tap can issue its writes at once instead of waiting for its
// reads. On a slow phone the frame that paints the tap runs between a read being sent and its answer being handled,
// so waiting for the read puts a whole frame, and the rest of the write, on the tap's path.
//
// The guess is what the roll screen last read: the roll, the write head and the write stamp, in one transaction.
// A write from a guess issues its writes at once, with its stamp's replacement, which the database refuses if the
// stamp changed (another tab wrote, a pull landed; device-state.ts): the write is then aborted whole and redone from
// what is stored. So a guess can make a write faster, never wrong.
import type { HlcState } from '../../sync/hlc.ts';
import type { AppDb, Roll } from './app-db.ts';
import { HEAD_KEYS, readWriteStamp } from './device-state.ts';

/** What every local write reads and advances. */
export interface WriteHead {
  clock: HlcState;
  seq: number;
  device: string;
}

export interface Guess {
  stamp: string;
  head: WriteHead;
  rolls: Roll[];
}

/** Thrown inside a write's transaction when the stamp moved since the guess was read; the write is then redone. */
export class StaleGuess extends Error {}

/** How the guesses made in this tab turned out (tests check that the fast path is taken, not only that it is safe). */
export const guessOutcomes = { held: 0, failed: 0 };

interface Snapshot {
  stamp: string;
  head: WriteHead;
  roll: Roll;
  /**
   * The connection it was read or written through. A database deleted and made again (another person signs in on the
   * phone) may hold no stamp yet, which a guess's write would take for its own; a new connection voids the guess.
   */
  connection: IDBDatabase;
}

// A few rolls are enough: a device marks one session at a time, perhaps two tabs on two sessions.
const ROLLS_KEPT = 4;
const known = new WeakMap<AppDb, Map<string, Snapshot>>();
// Writes issued through this connection's database object, counted: a read that began before a write was issued
// must not leave as the guess what the database held before that write (the next write would be refused and redone).
const writesIssued = new WeakMap<AppDb, number>();

/** To be called as a write is issued other than from a guess (a write from a guess counts itself, keepGuess). */
export function writeIssued(db: AppDb): void {
  writesIssued.set(db, (writesIssued.get(db) ?? 0) + 1);
}

/**
 * A session's roll (an empty one when none is stored), read with the write head and stamp so that the next write
 * to it can start from them. The roll returned is kept as the guess: it must not be changed (writes change copies).
 */
export async function readRollForWrites(db: AppDb, sessionId: string): Promise<Roll> {
  const writesBefore = writesIssued.get(db) ?? 0;
  return db.transaction('r', [db.rolls, db.meta], async () => {
    const [stored, stamp, [clock, seq, device]] = await Promise.all([
      db.rolls.get(sessionId),
      readWriteStamp(db),
      db.meta.bulkGet([HEAD_KEYS.HLC, HEAD_KEYS.NEXT_SEQ, HEAD_KEYS.DEVICE_ID]),
    ]);
    const roll = stored ?? { sessionId, marks: {} };
    if (stamp && clock && seq && device && (writesIssued.get(db) ?? 0) === writesBefore) {
      const head = {
        clock: clock.value as HlcState,
        seq: seq.value as number,
        device: device.value as string,
      };
      keep(db, { stamp, head, rolls: [roll] });
    }
    return roll;
  });
}

/**
 * Keeps what a write from a guess leaves behind as soon as it is issued, for the next write to start from (so the
 * next tap waits neither for it to commit nor for the roll to be read again; if it fails, the next write's stamp
 * check fails with it).
 */
export function keepGuess(db: AppDb, guess: Guess): void {
  keep(db, guess);
  writeIssued(db);
}

function keep(db: AppDb, guess: Guess): void {
  const connection = connectionOf(db);
  if (!connection) return;
  const snapshots = known.get(db) ?? new Map<string, Snapshot>();
  known.set(db, snapshots);
  for (const roll of guess.rolls) {
    snapshots.delete(roll.sessionId);
    snapshots.set(roll.sessionId, { stamp: guess.stamp, head: guess.head, roll, connection });
  }
  while (snapshots.size > ROLLS_KEPT) snapshots.delete(snapshots.keys().next().value!);
}

/** The guess for a write touching the rolls of these sessions (and nothing else), if they were read under one stamp. */
export function guessFor(db: AppDb, sessionIds: string[]): Guess | null {
  const snapshots = sessionIds.map((id) => known.get(db)?.get(id));
  const [first] = snapshots;
  const connection = connectionOf(db);
  if (!first || snapshots.some((s) => s?.stamp !== first.stamp || s.connection !== connection)) return null;
  return { stamp: first.stamp, head: first.head, rolls: snapshots.map((s) => s!.roll) };
}

function connectionOf(db: AppDb): IDBDatabase | null {
  return db.isOpen() ? db.backendDB() : null;
}

/** Forgets every guess (one turned out wrong: the others were read no later). */
export function forgetGuesses(db: AppDb): void {
  known.delete(db);
}
