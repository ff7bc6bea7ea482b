// One server and one Chromium per end-to-end file, started before its tests and stopped after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

export interface E2eSuite {
  server: E2eServer;
  browser: Browser;
}

export function useE2eSuite(): E2eSuite {
  const suite = {} as E2eSuite;
  beforeAll(async () => {
    suite.server = await startE2eServer();
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
