// The app's service worker and its new versions, read from the registration's own worker states. A worker that
// finishes installing while an older one is active is a new version this page does not run: it is offered, however
// it came (installing before this page registered, or after; found by the browser, a refresh or another tab) and
// whether or not this page was controlled when it registered (a first visit is only once its worker claims it).
// workbox-window (behind vite-plugin-pwa's register module) told these cases apart by timing and by whether the page
// had a controller when it registered, and in a first-visit tab "Tải lại" then did nothing.

const SKIP_WAITING = { type: 'SKIP_WAITING' }; // what vite-plugin-pwa's generated worker listens for
// The browser looks for a new worker when a page is loaded, but an installed app kept open for days on a phone is
// never loaded again: it looks itself when the connection returns, and when shown again after an hour or more.
const LOOK_AGAIN_AFTER_MS = 60 * 60_000;

export interface AppUpdates {
  /** Lets the waiting version take over and reloads once it has; reloads at once when none is waiting. */
  accept(): void;
  stop(): void;
}

export interface AppUpdateOptions {
  onOffer: () => void;
  container?: ServiceWorkerContainer;
  scriptUrl?: string;
  reload?: () => void;
}

export function watchAppUpdates({
  onOffer,
  container = navigator.serviceWorker,
  scriptUrl = `${import.meta.env.BASE_URL}sw.js`,
  reload = () => window.location.reload(),
}: AppUpdateOptions): AppUpdates {
  let registration: ServiceWorkerRegistration | undefined;
  let stopped = false;
  const unlisten: (() => void)[] = [];
  const listen = (target: EventTarget, type: string, listener: () => void) => {
    target.addEventListener(type, listener);
    unlisten.push(() => target.removeEventListener(type, listener));
  };
  const offerOnceInstalled = (worker: ServiceWorker | null) => {
    if (!worker) return;
    listen(worker, 'statechange', () => {
      // With no active worker this is the first install: the page already runs this version.
      if (worker.state === 'installed' && registration?.active) onOffer();
    });
  };

  let lookedAt = Date.now();
  const lookForUpdate = (always: boolean) => {
    if (!registration || (!always && Date.now() - lookedAt < LOOK_AGAIN_AFTER_MS)) return;
    lookedAt = Date.now();
    // Offline or the server down: the next return of the connection looks again.
    registration.update().catch(() => undefined);
  };
  listen(window, 'online', () => lookForUpdate(true));
  listen(document, 'visibilitychange', () => document.visibilityState === 'visible' && lookForUpdate(false));

  container
    .register(scriptUrl, { scope: import.meta.env.BASE_URL })
    .then((registered) => {
      if (stopped) return;
      registration = registered;
      if (registered.waiting && registered.active) onOffer();
      offerOnceInstalled(registered.installing);
      listen(registered, 'updatefound', () => offerOnceInstalled(registered.installing));
    })
    // No worker (plain http, a browser policy): the app still runs online, with nothing to offer.
    .catch(() => undefined);

  return {
    accept() {
      const waiting = registration?.waiting;
      if (!waiting || waiting.state === 'activated') return reload();
      listen(waiting, 'statechange', () => {
        // Redundant: a newer version replaced it while it waited; after the reload that one is offered.
        if (waiting.state === 'activated' || waiting.state === 'redundant') reload();
      });
      waiting.postMessage(SKIP_WAITING);
    },
    stop() {
      stopped = true;
      for (const remove of unlisten.splice(0)) remove();
    },
  };
}
