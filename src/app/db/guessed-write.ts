// A write from a guess (write-guess.ts) goes straight to IndexedDB, in one transaction, below Dexie. On a slow phone
// Dexie's layers (its promise zones, the middlewares, the observation of each request) cost several milliseconds of a
// tap's ~15, and each of those counts four times under a 4× slower CPU; this path issues every request, the stamp's
// check included, and the commit in the same task. What Dexie's middlewares would have done is done here by hand:
// relaxed durability with the flush behind it (durability.ts), a fresh write stamp (write-stamp.ts), and the
// announcement of what changed to the live queries of this tab and the others (which is why the database is opened
// without Dexie's query cache).
import Dexie, { type IndexableType, type ObservabilitySet, RangeSet } from 'dexie';
import { newId } from '../../domain/ids.ts';
import type { HlcState } from '../../sync/hlc.ts';
import type { AppDb, OutboxEntry, Roll } from './app-db.ts';
import { HEAD_KEYS, WRITE_STAMP, writeStampKey, writeStampRow } from './device-state.ts';
import { writeCommitted } from './durability.ts';
import { type Guess, guessOutcomes, keepGuess, StaleGuess } from './write-guess.ts';

/** What a write from a guess stores: the rolls it changed, its outbox entries and the head after them. */
export interface GuessedWrite {
  rolls: Roll[];
  entries: OutboxEntry[];
  head: { clock: HlcState; seq: number };
}

/**
 * Stores the write if the stamp is still the guess's; otherwise nothing is stored and it fails with StaleGuess (the
 * caller redoes it from what is stored). Fails with the browser's error (a QuotaExceededError, say) otherwise.
 */
export function storeGuessedWrite(db: AppDb, guess: Guess, write: GuessedWrite): Promise<void> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.backendDB().transaction(['rolls', 'outbox', 'meta'], 'readwrite', { durability: 'relaxed' });
    } catch {
      // Not open, or closing: Dexie's own path opens it again, or says why it cannot.
      reject(new StaleGuess());
      return;
    }
    const meta = tx.objectStore('meta');
    // The stamp check, made by the database: the guess's stamp row goes and a new one comes; if the guess's stamp was
    // no longer current, the current row keeps the unique slot and the add fails, aborting everything below with it.
    const stamp = newId();
    meta.delete(writeStampKey(guess.stamp));
    meta.add(writeStampRow(stamp));
    meta.put({ key: HEAD_KEYS.HLC, value: write.head.clock });
    meta.put({ key: HEAD_KEYS.NEXT_SEQ, value: write.head.seq });
    const rolls = tx.objectStore('rolls');
    for (const roll of write.rolls) rolls.put(roll);
    const outbox = tx.objectStore('outbox');
    for (const entry of write.entries) outbox.add(entry);
    // The next tap may start from this one before it commits: if this one fails, so does that one's stamp check.
    keepGuess(db, { stamp, head: { ...guess.head, ...write.head }, rolls: write.rolls });
    // Nothing is left for this page to decide, so the commit starts now, while the page renders the tap, instead of
    // once the requests' answers have come back through a page busy painting (a frame or more at 4×). A request that
    // fails after commit() still aborts the transaction (the IndexedDB spec; in Chromium even while the page is
    // blocked). A browser without commit() commits once those answers are in.
    tx.commit?.();
    tx.oncomplete = () => {
      writeCommitted(db);
      guessOutcomes.held += 1;
      Dexie.on.storagemutated.fire(changedParts(db.name, guess.stamp, stamp, write));
      resolve();
    };
    tx.onabort = () => {
      // The stamp's slot taken (the stamp moved) or a seq already taken: another tab or a pull wrote after the guess.
      if (tx.error?.name === 'ConstraintError') {
        guessOutcomes.failed += 1;
        reject(new StaleGuess());
      } else reject(tx.error ?? new Error('write aborted'));
    };
  });
}

/** The keys written, per table and index, in the form Dexie's live queries compare with what they read. */
function changedParts(dbName: string, before: string, stamp: string, write: GuessedWrite): ObservabilitySet {
  const part = (table: string, index: string, keys: IndexableType[]) => [
    [`idb://${dbName}/${table}/${index}`, new RangeSet().addKeys(keys)],
    // Written without knowing what was there: a query must not assume the rows only changed (as Dexie does too).
    [`idb://${dbName}/${table}/:dels`, new RangeSet().addKeys(keys)],
  ];
  const sessionIds = write.rolls.map((r) => r.sessionId);
  const seqs = write.entries.map((e) => e.seq);
  return Object.fromEntries([
    ...part('rolls', '', sessionIds),
    ...part('outbox', '', seqs),
    [`idb://${dbName}/outbox/recordId`, new RangeSet().addKeys(write.entries.map((e) => e.recordId))],
    ...part('meta', '', [HEAD_KEYS.HLC, HEAD_KEYS.NEXT_SEQ, writeStampKey(before), writeStampKey(stamp)]),
    [`idb://${dbName}/meta/slot`, new RangeSet().addKeys([WRITE_STAMP])],
  ]);
}
