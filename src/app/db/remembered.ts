// Live queries that start from what they last read. Every screen reads IndexedDB after it mounts, so without this
// each navigation shows a loading state first and renders twice (on a slow phone, opening a 150-learner roll waited
// ~100 ms for its reads). A remembered query renders at once with its last result, or with one read ahead of time
// (the instructor's home reads today's rolls), then runs as usual; a result equal to the one shown keeps the same
// objects, so React has nothing to redo. At start, the first screen's data is read this way before the first render
// (first-reads.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDb } from './app-db.ts';
import { useDb } from './DbProvider.tsx';

/** Enough for the screens a user moves between (the session, a few rolls); older results are forgotten. */
const KEPT = 16;
const results = new WeakMap<AppDb, Map<string, { json: string; value: unknown }>>();

/**
 * Keeps `value` as the last result under `key`. With `keepEqual`, a value equal to the one kept is dropped for it
 * (compared as JSON: for small results, or ones that change rarely; a roll's marks change with every tap).
 */
function remember<T>(db: AppDb, key: string, value: T, keepEqual: boolean): T {
  const kept = results.get(db) ?? new Map<string, { json: string; value: unknown }>();
  results.set(db, kept);
  const json = keepEqual
    ? (JSON.stringify(value, (_, v) => (v instanceof Map || v instanceof Set ? [...v] : v)) ?? '')
    : '';
  const before = kept.get(key);
  kept.delete(key);
  if (keepEqual && before?.json === json) {
    kept.set(key, before);
    return before.value as T;
  }
  kept.set(key, { json, value });
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return value;
}

function rememberedResult<T>(db: AppDb, key: string): T | undefined {
  return results.get(db)?.get(key)?.value as T | undefined;
}

/** Forgets every result read (on sign-out, and before another person's data replaces the last one's). */
export function forgetRemembered(db: AppDb): void {
  results.delete(db);
}

/** A query whose last result is remembered under `key`. */
export interface RememberedQuery<T> {
  key: string;
  read(db: AppDb): Promise<T>;
  keepEqual: boolean;
}

/**
 * Sets what the query has read, for whoever writes the data it reads and knows the result: a screen opened next
 * starts from it instead of from the value before the write (the sign-in page's write of the session, then home).
 */
export function setRemembered<T>(db: AppDb, query: RememberedQuery<T>, value: T): void {
  remember(db, query.key, value, query.keepEqual);
}

/** Runs a query now so that a screen opened later starts from its result, which it also returns. */
export async function readAhead<T>(db: AppDb, query: RememberedQuery<T>): Promise<T> {
  return remember(db, query.key, await query.read(db), query.keepEqual);
}

/** useLiveQuery, starting from the query's last result (see above). */
export function useRememberedQuery<T>(query: RememberedQuery<T>): T | undefined {
  const db = useDb();
  const { key, read, keepEqual } = query;
  return useLiveQuery(
    async () => remember(db, key, await read(db), keepEqual),
    // The key names the query and its arguments.
    [db, key],
    rememberedResult<T>(db, key),
  );
}
