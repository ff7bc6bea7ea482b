// Ephemeral UI state shared across screens: what the start-up storage checks found, a write refused for space, and
// whether the first screen is up.
import { create } from 'zustand';
import type { StorageState } from '../db/storage-check.ts';

export interface UiState {
  storage: StorageState;
  /** The device is short of space for the app's data (see LOW_SPACE_BYTES). */
  lowSpace: boolean;
  /** A write was just refused for lack of space (see src/app/db/storage-full.ts), until the user has seen it. */
  storageFull: boolean;
  /** The first screen has shown its data (see first-screen.ts). */
  firstScreenShown: boolean;
  /** A moment after that (first-screen.ts): when the sync and the update check start. */
  firstScreenSettled: boolean;
  setStorage(state: StorageState): void;
}

export const useUiState = create<UiState>((set) => ({
  storage: 'ok',
  lowSpace: false,
  storageFull: false,
  firstScreenShown: false,
  firstScreenSettled: false,
  setStorage: (storage) => set({ storage }),
}));
