// Installing the app to the home screen: Chromium offers it through `beforeinstallprompt`, which fires once, early,
// so it is caught at start-up and kept until used; iOS Safari has no such event, only "Share ▸ Add to Home Screen",
// so those users are told how.
import { create } from 'zustand';

interface InstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
}

interface InstallState {
  offer: InstallPromptEvent | null;
}

export const useInstallState = create<InstallState>(() => ({ offer: null }));

/** Call once at start-up, before anything awaits: the browser may fire the event right away. */
export function listenForInstallOffer(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Kept for our own button instead of the browser's mini-infobar.
    event.preventDefault();
    useInstallState.setState({ offer: event as InstallPromptEvent });
  });
  window.addEventListener('appinstalled', () => useInstallState.setState({ offer: null }));
}

/** Shows the browser's install dialog; the offer can be used once. */
export async function acceptInstallOffer(): Promise<void> {
  const { offer } = useInstallState.getState();
  useInstallState.setState({ offer: null });
  await offer?.prompt();
}

/** iOS Safari not yet installed: the only way is the Share menu. */
export const needsIosInstructions = (): boolean =>
  /iphone|ipad|ipod/i.test(navigator.userAgent) &&
  !(navigator as Navigator & { standalone?: boolean }).standalone &&
  !window.matchMedia?.('(display-mode: standalone)').matches;
