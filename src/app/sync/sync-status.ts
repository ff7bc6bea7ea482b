// Ephemeral sync state for the always-visible indicator: running, last success, last failure, unsynced count, and
// the scheduler's "sync now".
import { create } from 'zustand';
import type { SyncFailure } from './engine.ts';

export interface SyncStatus {
  running: boolean;
  lastSyncedAt: string | null;
  error: SyncFailure | null;
  pending: number;
  syncNow: () => void;
  set(patch: Partial<Omit<SyncStatus, 'set'>>): void;
}

export const useSyncStatus = create<SyncStatus>((set) => ({
  running: false,
  lastSyncedAt: null,
  error: null,
  pending: 0,
  syncNow: () => {},
  set: (patch) => set(patch),
}));
