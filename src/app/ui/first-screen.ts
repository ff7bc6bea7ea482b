// Work that can wait (the sync scheduler and its protocol schemas, the service worker's registration and update
// check) starts once the first screen shows its data, so that on a slow phone it does not compete with that screen;
// at the latest after FIRST_SCREEN_WAIT_MS, for screens that do not say when they are shown.
import { useEffect, useLayoutEffect, useState } from 'react';
import { useUiState } from './ui-store.ts';

const FIRST_SCREEN_WAIT_MS = 2000;

/**
 * How long the sync and the update check wait after the first screen, once: a slow phone's first scrolls and taps
 * come then, and starting them (zod's library alone is a ~60 ms task at 4× CPU) would make those lag.
 */
const SETTLE_MS = 1000;

/** A performance mark of the moment the first screen is committed with its data: bench/web.ts and traces read it. */
export const SHOWN_MARK = 'bench:shown';

/** A home screen (or the sign-in page) calls this with `true` once its data is on screen. */
export function useFirstScreenShown(shown: boolean): void {
  // In the commit that puts the data in the document, not after the paint that follows it as the effect below.
  useLayoutEffect(() => {
    if (shown && performance.getEntriesByName(SHOWN_MARK, 'mark').length === 0) performance.mark(SHOWN_MARK);
  }, [shown]);
  useEffect(() => {
    if (!shown || useUiState.getState().firstScreenShown) return;
    useUiState.setState({ firstScreenShown: true });
    setTimeout(() => useUiState.setState({ firstScreenSettled: true }), SETTLE_MS);
  }, [shown]);
}

/**
 * Whether the work that waits for the first screen may start now; with `settled`, the work that also waits for the
 * first moments after it (SETTLE_MS).
 */
export function useAfterFirstScreen(settled = false): boolean {
  const shown = useUiState((s) => (settled ? s.firstScreenSettled : s.firstScreenShown));
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), FIRST_SCREEN_WAIT_MS + (settled ? SETTLE_MS : 0));
    return () => clearTimeout(timer);
  }, [settled]);
  return shown || waited;
}
