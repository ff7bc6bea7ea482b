// Brings the device up to date: pulls every page after the stored cursor into the local database. Never deletes
// local data on failure; a refused token only marks the session as needing a new sign-in.
import { PullResponse } from '../../sync/protocol.ts';
import type { AppDb } from '../db/app-db.ts';
import { applyPullPage } from '../db/apply-pull.ts';
import { markSessionRefused, readCursor, readSession } from '../db/device-state.ts';
import { ApiRequestError, apiRequest } from './http.ts';
import { useSyncStatus } from './sync-status.ts';

// A runaway loop (a server that never says "no more") stops here; the next sync continues from the cursor.
const MAX_PAGES = 1000;

export async function download(db: AppDb): Promise<void> {
  const status = useSyncStatus.getState();
  const session = await readSession(db);
  if (!session || session.needsSignIn || status.running) return;
  status.set({ running: true, error: null });
  try {
    for (let i = 0; i < MAX_PAGES; i++) {
      const cursor = await readCursor(db);
      const page = await apiRequest(`/api/sync/pull?cursor=${cursor}`, {
        token: session.token,
        schema: PullResponse,
      });
      await applyPullPage(db, page);
      if (!page.hasMore) break;
    }
    status.set({ running: false, lastSyncedAt: new Date().toISOString() });
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) await markSessionRefused(db);
    status.set({ running: false, error: err instanceof ApiRequestError ? err.code : 'network' });
  }
}
