// Decides when to sync: at start, when the connection returns, shortly after local changes, every minute while the
// app is visible, and on demand. One sync at a time across tabs (Web Locks); failures back off exponentially with
// jitter, capped at 5 minutes (SPEC DEV4). Status goes to the sync-status store for the indicator.
import type { AppDb } from '../db/app-db.ts';
import { readLastSynced, saveLastSynced } from '../db/device-state.ts';
import { observePendingCount } from '../db/outbox.ts';
import { checkForAppUpdate } from '../ui/device-readiness.ts';
import { SyncError, syncOnce } from './engine.ts';
import { useSyncStatus } from './sync-status.ts';
import { fetchTransport, type Transport } from './transport.ts';

const AFTER_CHANGE_MS = 1500;
const PERIOD_MS = 60_000;
const BACKOFF_BASE_MS = 2000;
const BACKOFF_CAP_MS = 5 * 60_000;
const LOCK_NAME = 'diem-danh-sync';

export function backoffDelay(failures: number, random = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** Runs `task` while holding the cross-tab sync lock; skips it when another tab is syncing. */
async function withSyncLock(task: () => Promise<void>): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    await navigator.locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
      if (lock) await task();
    });
  } else {
    await task();
  }
}

export function startSyncScheduler(db: AppDb, transport: Transport = fetchTransport): () => void {
  const status = useSyncStatus.getState();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let running = false;
  let again = false;
  // A change made while a round runs may come after its push: the round's end must not put it off for a period.
  let changedWhileRunning = false;
  let stopped = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  };

  async function run(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (!navigator.onLine) return; // the `online` event starts the next one
    running = true;
    status.set({ running: true });
    try {
      await withSyncLock(() => syncOnce(db, transport));
      failures = 0;
      const syncedAt = new Date().toISOString();
      status.set({ running: false, lastSyncedAt: syncedAt, error: null });
      // Only the shown age of the data depends on this: failing to store it is not a failed sync.
      await saveLastSynced(db, syncedAt).catch(() => {});
      // Periodic syncs only while someone looks at the app; becoming visible syncs at once.
      if (again) schedule(0);
      else if (changedWhileRunning) schedule(AFTER_CHANGE_MS);
      else if (document.visibilityState === 'visible') schedule(PERIOD_MS);
    } catch (err) {
      failures += 1;
      const failure = err instanceof SyncError ? err.failure : 'server';
      status.set({ running: false, error: failure });
      // Signed out or too old: retrying cannot help until the user acts; the outbox waits. Too old: the newer
      // version is fetched now, so that the update prompt offers it (the app may not have looked for days).
      if (failure === 'clientTooOld') void checkForAppUpdate().catch(() => {});
      else if (failure !== 'signedOut') schedule(backoffDelay(failures));
    } finally {
      running = false;
      again = false;
      changedWhileRunning = false;
    }
  }

  const onOnline = () => schedule(0);
  const onVisible = () => document.visibilityState === 'visible' && schedule(0);
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  let firstCount = true;
  const unobserve = observePendingCount(db, (count) => {
    if (!firstCount && count > 0 && failures === 0) {
      if (running) changedWhileRunning = true;
      schedule(AFTER_CHANGE_MS);
    }
    firstCount = false;
  });
  status.set({ syncNow: () => schedule(0) });
  // The age of the data survives reloads; a round finishing before this read has the newer time and wins.
  void readLastSynced(db).then((stored) => {
    if (stored && !useSyncStatus.getState().lastSyncedAt) status.set({ lastSyncedAt: stored });
  });
  schedule(0);

  return () => {
    stopped = true;
    clearTimeout(timer);
    unobserve();
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
