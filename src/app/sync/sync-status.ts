// Ephemeral sync state for the indicator: whether a download runs, when the last one finished, the last error.
import { create } from 'zustand';

export interface SyncStatus {
  running: boolean;
  lastSyncedAt: string | null;
  error: string | null;
  set(patch: Partial<Omit<SyncStatus, 'set'>>): void;
}

export const useSyncStatus = create<SyncStatus>((set) => ({
  running: false,
  lastSyncedAt: null,
  error: null,
  set: (patch) => set(patch),
}));
