// Debian's Chromium driven by playwright-core (never a downloaded browser), with the flags it needs as root here.
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraArgs`: e.g. a fake camera for the QR scanner. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * A browser with a profile on disk, as a phone's: Chromium judges a page installable only outside incognito, which
 * every `browser.newContext()` is. `extraArgs`: e.g. a debugging port for another tool to attach to.
 */
export function launchProfile(
  userDataDir: string,
  { extraArgs = [], ...options }: BrowserContextOptions & { extraArgs?: string[] } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
    ...options,
  });
}
