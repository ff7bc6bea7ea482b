// What this tab remembers of its screens through Back, Forward and a reload, but not beyond the tab (sessionStorage):
// where a screen was scrolled, which panels were open.
import { useState } from 'react';

/** The tab's session storage, or null where the browser refuses it (some private modes). */
export function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** A yes/no of the tab's memory (e.g. a folded panel left open), with how to change it. */
export function useTabFlag(key: string): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => tabStorage()?.getItem(key) === '1');
  const set = (next: boolean) => {
    setOn(next);
    try {
      tabStorage()?.setItem(key, next ? '1' : '0');
    } catch {
      // Full or refused: the panel is only folded again after a reload.
    }
  };
  return [on, set];
}
