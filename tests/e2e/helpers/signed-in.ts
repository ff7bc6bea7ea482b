// A new browser (a device) with a demo account signed in and everything it may see downloaded.
import type { BrowserContextOptions } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/server/demo/build-demo.ts';
import { LoginPage } from '../pages/login-page.ts';
import { RollPage } from '../pages/roll-page.ts';
import type { E2eSuite } from './suite.ts';

export async function signedIn(suite: E2eSuite, username: string, options: BrowserContextOptions = {}) {
  const context = await suite.browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open(suite.server.url);
  await login.signIn(username, DEMO_PASSWORD);
  const roll = new RollPage(page);
  await roll.waitAllSynced();
  return { context, page, roll };
}
