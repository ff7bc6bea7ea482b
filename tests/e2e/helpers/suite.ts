// One server and one Chromium per end-to-end file, started before its tests and stopped after them.
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/server/demo/build-demo.ts';
import { LoginPage } from '../pages/login-page.ts';
import { RollPage } from '../pages/roll-page.ts';
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

/** A new browser (context) with the centre's staff signed in and everything downloaded. */
export async function signedInAdmin(suite: E2eSuite, options: BrowserContextOptions = {}) {
  const context = await suite.browser.newContext(options);
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open(suite.server.url);
  await login.signIn('admin', DEMO_PASSWORD);
  const roll = new RollPage(page);
  await roll.waitAllSynced();
  return { context, page, roll };
}
