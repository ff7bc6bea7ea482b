// What the browser (not the device database) says about working offline: whether the app itself is cached by the
// service worker, and how much storage there is and whether the browser promised to keep it. Each API may be
// missing (older browsers, plain http, tests): the answer is then "unsupported" or "not known", never an error.
import { useCallback, useEffect, useState } from 'react';

/** `unsupported`: this browser cannot keep the app for offline use at all. */
export type OfflineApp = 'cached' | 'notCached' | 'unsupported';

export interface DeviceReadiness {
  offlineApp: OfflineApp;
  /** Bytes this site uses and may still use; `null` when the browser does not say. */
  space: { usage: number; free: number } | null;
  /** Whether the browser will keep the data when the phone runs short of space; `null` when it does not say. */
  persisted: boolean | null;
}

// vite-plugin-pwa's generated worker keeps the app shell in a Workbox precache named after this prefix.
const PRECACHE_PREFIX = 'workbox-precache';

async function offlineApp(): Promise<OfflineApp> {
  if (!('serviceWorker' in navigator) || typeof caches === 'undefined') return 'unsupported';
  if (!navigator.serviceWorker.controller) return 'notCached';
  const names = await caches.keys();
  return names.some((name) => name.startsWith(PRECACHE_PREFIX)) ? 'cached' : 'notCached';
}

/** Below this much free space a day of photos of signed sheets may not fit: warn while there is time. */
export const LOW_SPACE_BYTES = 50 * 1000 * 1000;

export const isLowOnSpace = (space: DeviceReadiness['space']): boolean =>
  space !== null && space.free < LOW_SPACE_BYTES;

/** Used and free storage for this app, as the browser estimates it; `null` when it does not say. */
export async function storageSpace(): Promise<DeviceReadiness['space']> {
  const estimate = await navigator.storage?.estimate?.();
  return estimate?.usage !== undefined && estimate.quota !== undefined
    ? { usage: estimate.usage, free: Math.max(0, estimate.quota - estimate.usage) }
    : null;
}

async function readDeviceReadiness(): Promise<DeviceReadiness> {
  const [app, used, persisted] = await Promise.all([
    offlineApp().catch((): OfflineApp => 'notCached'),
    storageSpace().catch(() => null),
    (navigator.storage?.persisted?.() ?? Promise.resolve(null)).catch(() => null),
  ]);
  return { offlineApp: app, space: used, persisted };
}

/** The browser's facts, read on mount, when a service worker takes control, and on `recheck`. */
export function useDeviceReadiness(): { device: DeviceReadiness | undefined; recheck: () => void } {
  const [device, setDevice] = useState<DeviceReadiness>();
  const recheck = useCallback(() => {
    void readDeviceReadiness().then(setDevice);
  }, []);
  useEffect(() => {
    recheck();
    // On the first visit the worker installs in the background; the answer changes once it takes control.
    navigator.serviceWorker?.addEventListener('controllerchange', recheck);
    return () => navigator.serviceWorker?.removeEventListener('controllerchange', recheck);
  }, [recheck]);
  return { device, recheck };
}

/**
 * While online: syncs now (the scheduler's own run, so the indicator shows it), asks for a newer version of the
 * app (the update prompt then offers it) and asks the browser to keep the data. Failures of the last two leave
 * things as they were; the caller re-reads the facts afterwards.
 */
export async function refreshEverything(syncNow: () => void): Promise<void> {
  syncNow();
  await Promise.allSettled([checkForAppUpdate(), navigator.storage?.persist?.()]);
}

/** Asks the browser whether the app changed on the server; a new version is then offered (UpdatePrompt). */
export async function checkForAppUpdate(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  await registration?.update();
}
