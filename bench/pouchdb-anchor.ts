// The peer anchor for push throughput: PouchDB in the same headless Chromium replicating the same marks, as
// documents, to a PouchDB server (express-pouchdb, in-memory) on loopback. Its figure puts ours in proportion.
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium } from '../tests/e2e/helpers/browser.ts';

const require = createRequire(import.meta.url);

interface Server {
  close(): void;
  address(): AddressInfo;
}

/** PouchDB for the page, bundled from the pouchdb-browser package into one script. */
async function pouchScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      lib: {
        entry: fileURLToPath(new URL('./pouchdb-page-entry.js', import.meta.url)),
        formats: ['iife'],
        name: 'PouchDB',
      },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = (result as { output: { type: string; code?: string }[] }).output.find(
    (o) => o.type === 'chunk',
  );
  return chunk!.code!;
}

function startPouchServer(): Promise<Server> {
  const PouchDB = require('pouchdb-core').plugin(require('pouchdb-adapter-memory'));
  const express = require('express');
  const app = express();
  app.get('/anchor', (_req: unknown, res: { type(t: string): { send(body: string): void } }) =>
    res.type('html').send('<!doctype html><title>anchor</title>'),
  );
  app.use(
    '/',
    require('express-pouchdb')(PouchDB.defaults({ adapter: 'memory' }), {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
    }),
  );
  return new Promise((resolve) => {
    const server: Server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** Documents per second that PouchDB replicates from Chromium to the server, for these records. */
export async function pouchReplicationRate(docs: Record<string, unknown>[]): Promise<number> {
  const server = await startPouchServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/anchor`);
    await page.addScriptTag({ content: await pouchScript() });
    const ms = await page.evaluate(async (records) => {
      const PouchDB = (window as unknown as { PouchDB: new (name: string) => PouchLike }).PouchDB;
      interface PouchLike {
        bulkDocs(docs: unknown[]): Promise<unknown>;
        replicate: { to(url: string, options: object): Promise<{ docs_written: number }> };
      }
      const local = new PouchDB('marks');
      await local.bulkDocs(records);
      const started = performance.now();
      const result = await local.replicate.to(`${location.origin}/marks`, { batch_size: 1000 });
      if (result.docs_written !== records.length) throw new Error(`wrote ${result.docs_written}`);
      return performance.now() - started;
    }, docs);
    return docs.length / (ms / 1000);
  } finally {
    await browser.close();
    server.close();
  }
}
