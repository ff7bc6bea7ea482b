// Reading the outbox and the rejected list for the sync engine and the screens.
import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDb, RejectedEntry } from './app-db.ts';
import { useDb } from './DbProvider.tsx';
import { photosToUpload } from './device-state.ts';

/** Changes not on the server yet: outbox entries, and photos whose bytes are still to be uploaded. */
export const pendingCount = async (db: AppDb) => (await db.outbox.count()) + (await photosToUpload(db));

/** Calls `onChange` with the number of unsynced changes now and whenever it changes; returns an unsubscribe. */
export function observePendingCount(db: AppDb, onChange: (count: number) => void): () => void {
  const subscription = liveQuery(() => pendingCount(db)).subscribe({ next: onChange, error: () => {} });
  return () => subscription.unsubscribe();
}

export function usePendingCount(): number | undefined {
  const db = useDb();
  return useLiveQuery(() => pendingCount(db), [db]);
}

export function useRejected(): RejectedEntry[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.rejected.orderBy('rejectedAt').toArray(), [db]);
}

export async function dismissRejected(db: AppDb, id: string): Promise<void> {
  await db.rejected.delete(id);
}
