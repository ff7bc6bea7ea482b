// Ephemeral UI state shared across screens: what the start-up storage checks found.
import { create } from 'zustand';
import type { StorageState } from '../db/storage-check.ts';

export interface UiState {
  storage: StorageState;
  /** The device is short of space for the app's data (see LOW_SPACE_BYTES). */
  lowSpace: boolean;
  setStorage(state: StorageState): void;
}

export const useUiState = create<UiState>((set) => ({
  storage: 'ok',
  lowSpace: false,
  setStorage: (storage) => set({ storage }),
}));
