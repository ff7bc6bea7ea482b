// Ephemeral sync state for the always-visible indicator: running, last success, last failure, and the scheduler's
// "sync now". (The unsynced count is read live from the outbox where it is shown.)
import { create } from 'zustand';
import type { SyncFailure } from './engine.ts';

export interface SyncStatus {
  running: boolean;
  lastSyncedAt: string | null;
  error: SyncFailure | null;
  syncNow: () => void;
  set(patch: Partial<Omit<SyncStatus, 'set'>>): void;
}

export const useSyncStatus = create<SyncStatus>((set) => ({
  running: false,
  lastSyncedAt: null,
  error: null,
  syncNow: () => {},
  set: (patch) => set(patch),
}));
