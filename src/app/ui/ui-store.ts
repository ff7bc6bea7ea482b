// Ephemeral UI state shared across screens: what the start-up storage check found.
import { create } from 'zustand';
import type { StorageState } from '../db/storage-check.ts';

export interface UiState {
  storage: StorageState;
  setStorage(state: StorageState): void;
}

export const useUiState = create<UiState>((set) => ({
  storage: 'ok',
  setStorage: (storage) => set({ storage }),
}));
