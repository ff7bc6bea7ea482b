// A write from a guess (write-guess.ts) goes straight to IndexedDB, in one transaction, below Dexie. On a slow phone
// Dexie's layers (its promise zones, the middlewares, the observation of each request) cost several milliseconds of a
// tap's ~15, and each of those counts four times under a 4× slower CPU; this path issues the stamp's read and every
// write in the same task. What Dexie's middlewares would have done is done here by hand: relaxed durability with the
// flush behind it (durability.ts), a fresh write stamp (write-stamp.ts), and the announcement of what changed to the
// live queries of this tab and the others (which is why the database is opened without Dexie's query cache).
import Dexie, { type IndexableType, type ObservabilitySet, RangeSet } from 'dexie';
import { newId } from '../../domain/ids.ts';
import type { HlcState } from '../../sync/hlc.ts';
import type { AppDb, MetaRow, OutboxEntry, Roll } from './app-db.ts';
import { HEAD_KEYS, WRITE_STAMP } from './device-state.ts';
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
    let stale = false;
    const meta = tx.objectStore('meta');
    // Requests run in the order issued: the stamp is read before the writes below change it.
    const stored = meta.get(WRITE_STAMP);
    stored.onsuccess = () => {
      if ((stored.result as MetaRow | undefined)?.value !== guess.stamp) {
        stale = true;
        tx.abort();
        return;
      }
      // The check was the last thing that could stop it: asked now, the commit starts before the writes' own answers
      // have reached this page (they queue behind the frame that paints the tap), a few ms sooner at 4×. A browser
      // without commit() commits once those answers are in, as before.
      tx.commit?.();
    };
    const rolls = tx.objectStore('rolls');
    for (const roll of write.rolls) rolls.put(roll);
    const outbox = tx.objectStore('outbox');
    for (const entry of write.entries) outbox.add(entry);
    const stamp = newId();
    meta.put({ key: HEAD_KEYS.HLC, value: write.head.clock });
    meta.put({ key: HEAD_KEYS.NEXT_SEQ, value: write.head.seq });
    meta.put({ key: WRITE_STAMP, value: stamp });
    // The next tap may start from this one before it commits: if this one fails, so does that one's stamp check.
    keepGuess(db, { stamp, head: { ...guess.head, ...write.head }, rolls: write.rolls });
    tx.oncomplete = () => {
      writeCommitted(db);
      guessOutcomes.held += 1;
      Dexie.on.storagemutated.fire(changedParts(db.name, write));
      resolve();
    };
    tx.onabort = () => {
      // A seq already taken (ConstraintError) means another tab wrote after the guess, as a changed stamp does.
      if (stale || tx.error?.name === 'ConstraintError') {
        guessOutcomes.failed += 1;
        reject(new StaleGuess());
      } else reject(tx.error ?? new Error('write aborted'));
    };
  });
}

/** The keys written, per table and index, in the form Dexie's live queries compare with what they read. */
function changedParts(dbName: string, write: GuessedWrite): ObservabilitySet {
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
    ...part('meta', '', [HEAD_KEYS.HLC, HEAD_KEYS.NEXT_SEQ, WRITE_STAMP]),
  ]);
}
