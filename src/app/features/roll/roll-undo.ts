// The last roll action on screen, so it can be undone (ephemeral: an undo is only offered in the moment).
import { create } from 'zustand';
import type { Change } from '../../db/local-write.ts';

export interface RollUndo {
  last: { label: string; changes: Change[] } | null;
  remember(label: string, changes: Change[]): void;
  clear(): void;
}

export const useRollUndo = create<RollUndo>((set) => ({
  last: null,
  remember: (label, changes) => set({ last: { label, changes } }),
  clear: () => set({ last: null }),
}));
