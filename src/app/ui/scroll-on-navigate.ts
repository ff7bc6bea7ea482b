// Where the page is scrolled when the screen changes, as a browser does between documents: a new screen (a link, a
// redirect) opens at its top, and Back, Forward or a reload return to where that screen was left. BrowserRouter does
// neither, so a session tapped low on the home screen opened its roll scrolled past "Tất cả còn lại có mặt".
// React Router's <ScrollRestoration> needs a data router and restores once, in the commit that changes the address;
// these screens draw their content from IndexedDB a moment later (and may first load their code), so the page is not
// yet tall enough then and the position was lost. Here it is retried as the page grows, until reached, given up
// (RESTORE_FOR_MS), or overtaken by the user's own scrolling.
import { useEffect, useLayoutEffect } from 'react';
import { type NavigationType, useLocation, useNavigationType } from 'react-router';
import { tabStorage } from './tab-memory.ts';

const STORAGE_KEY = 'diem-danh.scroll';
/** The places remembered: a long day of Back and Forward, not a whole history. */
const REMEMBERED = 50;
const RESTORE_FOR_MS = 3000;

/** Scroll offsets by history entry (React Router's location key), oldest first. */
export class ScrollPositions {
  private readonly offsets: Map<string, number>;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null) {
    this.offsets = new Map(readStored(storage));
  }

  get(key: string): number | undefined {
    return this.offsets.get(key);
  }

  set(key: string, offset: number): void {
    this.offsets.delete(key);
    this.offsets.set(key, offset);
    for (const oldest of this.offsets.keys()) {
      if (this.offsets.size <= REMEMBERED) break;
      this.offsets.delete(oldest);
    }
  }

  /** Kept for a reload of this tab (sessionStorage), which starts the page again. */
  save(): void {
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify([...this.offsets]));
    } catch {
      // A full or refused storage only costs the position after a reload.
    }
  }
}

function readStored(storage: Pick<Storage, 'getItem'> | null): [string, number][] {
  try {
    const stored: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter((e): e is [string, number] => typeof e?.[0] === 'string' && Number.isFinite(e?.[1]))
      : [];
  } catch {
    return [];
  }
}

/** Input that means the user is scrolling on their own: a restore still waiting for the page must not fight it. */
const USER_SCROLL_EVENTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Scrolls to `top` once the page is tall enough, retrying as it grows; returns how to stop early. Gives up after
 * RESTORE_FOR_MS (the screen is shorter than it was), or when the user scrolls first.
 */
function scrollWhenReachable(top: number): () => void {
  const root = document.documentElement;
  const reachable = () => root.scrollHeight - window.innerHeight >= top;
  window.scrollTo(0, top);
  if (reachable()) return () => {};
  const grown = new ResizeObserver(() => {
    window.scrollTo(0, top);
    if (reachable()) stop();
  });
  const timer = window.setTimeout(() => stop(), RESTORE_FOR_MS);
  const stop = () => {
    grown.disconnect();
    window.clearTimeout(timer);
    for (const type of USER_SCROLL_EVENTS) window.removeEventListener(type, stop, true);
  };
  grown.observe(document.body);
  for (const type of USER_SCROLL_EVENTS)
    window.addEventListener(type, stop, { capture: true, passive: true });
  return stop;
}

/** The screen last decided: React's development mode runs an effect twice, and the answer must not change. */
let decided: { key: string; returning: boolean } | null = null;

/**
 * Whether the screen is one returned to: Back or Forward within the app, or the page itself reloaded or returned to.
 * A page loaded afresh (an address typed, a link from elsewhere, the app opened from the home screen) is a POP too, and
 * its first entry has the same key ("default") whatever its address, so it must not take another page's place.
 */
function isReturn(navigation: NavigationType, key: string): boolean {
  if (decided?.key === key) return decided.returning;
  const first = decided === null;
  let returning = navigation === 'POP';
  if (returning && first) {
    const [load] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    returning = load?.type === 'reload' || load?.type === 'back_forward';
  }
  decided = { key, returning };
  return returning;
}

/** Mounted once inside the router: top for a new screen, the remembered place for one returned to. */
export function ScrollOnNavigate(): null {
  const { key } = useLocation();
  const navigation = useNavigationType();

  useEffect(() => {
    const previous = history.scrollRestoration;
    history.scrollRestoration = 'manual';
    return () => {
      history.scrollRestoration = previous;
    };
  }, []);

  // In the commit that shows the new screen, before it is painted at the old screen's offset.
  useLayoutEffect(() => {
    const positions = new ScrollPositions(tabStorage());
    const remembered = isReturn(navigation, key) ? positions.get(key) : undefined;
    let stopRestoring = () => {};
    if (remembered === undefined) {
      window.scrollTo(0, 0);
      // A page loaded afresh reuses the key "default": what an earlier page left under it is not this one's place.
      positions.set(key, 0);
    } else stopRestoring = scrollWhenReachable(remembered);
    const note = () => positions.set(key, window.scrollY);
    const save = () => positions.save();
    window.addEventListener('scroll', note, { passive: true });
    window.addEventListener('pagehide', save);
    return () => {
      stopRestoring();
      window.removeEventListener('scroll', note);
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [key, navigation]);
  return null;
}
