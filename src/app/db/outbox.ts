// Reading the outbox and the rejected list for the sync engine and the screens.
import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useSyncExternalStore } from 'react';
import type { AppDb, RejectedEntry } from './app-db.ts';
import { useDb } from './DbProvider.tsx';
import { photosToUpload } from './device-state.ts';

/** Changes not on the server yet: outbox entries, and photos whose bytes are still to be uploaded. */
export const pendingCount = (db: AppDb) =>
  db.transaction('r', db.outbox, db.files, async () => {
    const [changes, photos] = await Promise.all([db.outbox.count(), photosToUpload(db)]);
    return changes + photos;
  });

// The count is on every screen (twice on some) and the sync scheduler watches it: one live query per database serves
// them all, instead of each reading it again after every tap.
interface Watched {
  count?: number;
  listeners: Set<(count: number) => void>;
  stop?: () => void;
}
const watched = new WeakMap<AppDb, Watched>();

/** Calls `onChange` with the number of unsynced changes now and whenever it changes; returns an unsubscribe. */
export function observePendingCount(db: AppDb, onChange: (count: number) => void): () => void {
  const w = watched.get(db) ?? { listeners: new Set() };
  watched.set(db, w);
  w.listeners.add(onChange);
  if (w.count !== undefined) onChange(w.count);
  if (!w.stop) {
    const subscription = liveQuery(() => pendingCount(db)).subscribe({
      next: (count) => {
        w.count = count;
        for (const listener of [...w.listeners]) listener(count);
      },
      error: () => {},
    });
    w.stop = () => subscription.unsubscribe();
  }
  return () => {
    w.listeners.delete(onChange);
    if (w.listeners.size > 0) return;
    // Nobody watches: a count kept now would go stale.
    w.stop?.();
    watched.delete(db);
  };
}

export function usePendingCount(): number | undefined {
  const db = useDb();
  const subscribe = useCallback((onChange: () => void) => observePendingCount(db, onChange), [db]);
  return useSyncExternalStore(subscribe, () => watched.get(db)?.count);
}

export function useRejected(): RejectedEntry[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.rejected.orderBy('rejectedAt').toArray(), [db]);
}

export async function dismissRejected(db: AppDb, id: string): Promise<void> {
  await db.rejected.delete(id);
}
