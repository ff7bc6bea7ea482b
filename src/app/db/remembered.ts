// Live queries that start from what they last read. Every screen reads IndexedDB after it mounts, so without this
// each navigation shows a loading state first and renders twice (on a slow phone, opening a 150-learner roll waited
// ~100 ms for its reads). A remembered query renders at once with its last result, or with one read ahead of time
// (the instructor's home reads today's rolls; at start, the first screen's data is read before the first render,
// first-reads.ts), then runs as usual; a result equal to the one shown keeps the same objects, so React has nothing
// to redo.
//
// A result is only started from while nothing has been written to the tables it read since its read began: a screen
// must not act on data that changed while nobody was watching it (a roll's marks pulled from another device, then
// "everyone remaining present" tapped before the screen's own read came back).
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDb } from './app-db.ts';
import { useDb } from './DbProvider.tsx';

/** A query whose last result is remembered under `key`. */
export interface RememberedQuery<T> {
  key: string;
  read(db: AppDb): Promise<T>;
  /**
   * The tables `read` reads, whose writes make a remembered result stale. Empty for data whose every writer sets the
   * remembered result itself (setRemembered).
   */
  tables: string[];
  /** Compare a result with the one kept (as JSON: for small results, or ones that change rarely). */
  keepEqual: boolean;
}

interface Kept {
  json: string;
  value: unknown;
  /** The write count when the read began. */
  readAt: number;
}

/** Enough for the screens a user moves between (the session, a few rolls); older results are forgotten. */
const KEPT = 16;
const results = new WeakMap<AppDb, Map<string, Kept>>();

// Writes seen, counted, with the count of the last write to each table of each database (this tab's writes and, through
// Dexie, other tabs').
let writes = 0;
const lastWrite = new Map<string, number>();
const TABLE_OF_PART = /^idb:\/\/(.+)\/([^/]+)\/[^/]*$/;
Dexie.on('storagemutated', (parts) => {
  writes += 1;
  for (const part of Object.keys(parts)) {
    const [, database, table] = TABLE_OF_PART.exec(part) ?? [];
    if (database && table) lastWrite.set(`${database}/${table}`, writes);
  }
});

const fresh = (db: AppDb, query: RememberedQuery<unknown>, kept: Kept) =>
  query.tables.every((table) => (lastWrite.get(`${db.name}/${table}`) ?? 0) <= kept.readAt);

function remember<T>(db: AppDb, query: RememberedQuery<T>, value: T, readAt: number): T {
  const kept = results.get(db) ?? new Map<string, Kept>();
  results.set(db, kept);
  const json = query.keepEqual
    ? (JSON.stringify(value, (_, v) => (v instanceof Map || v instanceof Set ? [...v] : v)) ?? '')
    : '';
  const before = kept.get(query.key);
  kept.delete(query.key);
  const same = query.keepEqual && before?.json === json;
  kept.set(query.key, { json, value: same ? before.value : value, readAt });
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return same ? (before.value as T) : value;
}

/** What to start from: the last result, unless what it read has been written since. */
function startingPoint<T>(db: AppDb, query: RememberedQuery<T>): { value: T } | undefined {
  const kept = results.get(db)?.get(query.key);
  return kept && fresh(db, query, kept) ? { value: kept.value as T } : undefined;
}

async function readNow<T>(db: AppDb, query: RememberedQuery<T>): Promise<T> {
  const readAt = writes;
  return remember(db, query, await query.read(db), readAt);
}

/** Forgets every result read (on sign-out, and before another person's data replaces the last one's). */
export function forgetRemembered(db: AppDb): void {
  results.delete(db);
}

/**
 * Sets what the query has read, for whoever writes the data it reads and knows the result: a screen opened next
 * starts from it instead of from the value before the write (the sign-in page's write of the session, then home).
 */
export function setRemembered<T>(db: AppDb, query: RememberedQuery<T>, value: T): void {
  remember(db, query, value, writes);
}

/**
 * Reads a query ahead, so that a screen opened later starts from its result, which it also returns; a result still
 * fresh is not read again (the home reads today's rolls each time it shows, usually unchanged since).
 */
export async function readAhead<T>(db: AppDb, query: RememberedQuery<T>): Promise<T> {
  const start = startingPoint(db, query);
  return start ? start.value : readNow(db, query);
}

/** useLiveQuery, starting from the query's last result (see above). */
export function useRememberedQuery<T>(query: RememberedQuery<T>): T | undefined {
  const db = useDb();
  return useLiveQuery(
    () => readNow(db, query),
    // The key names the query and its arguments.
    [db, query.key],
    startingPoint(db, query)?.value,
  );
}
