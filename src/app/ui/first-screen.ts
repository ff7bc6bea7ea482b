// Work that can wait (the sync scheduler and its protocol schemas, the service worker's registration and update
// check) starts once the first screen shows its data, so that on a slow phone it does not compete with that screen;
// at the latest after FIRST_SCREEN_WAIT_MS, for screens that do not say when they are shown.
import { useEffect, useState } from 'react';
import { useUiState } from './ui-store.ts';

const FIRST_SCREEN_WAIT_MS = 2000;

/** A home screen (or the sign-in page) calls this with `true` once its data is on screen. */
export function useFirstScreenShown(shown: boolean): void {
  useEffect(() => {
    if (shown) useUiState.setState({ firstScreenShown: true });
  }, [shown]);
}

/** Whether the work that waits for the first screen may start now. */
export function useAfterFirstScreen(): boolean {
  const shown = useUiState((s) => s.firstScreenShown);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), FIRST_SCREEN_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  return shown || waited;
}
