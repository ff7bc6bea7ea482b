// Serves the built app (dist/) and the API from a fresh in-memory database with the demo centre, on a free
// loopback port, exactly as `npm start` would serve them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../../src/server/app.ts';
import { testConfig } from '../../../src/server/config.ts';
import { type Database, openDatabase } from '../../../src/server/db/database.ts';
import type { DemoData } from '../../../src/server/demo/build-demo.ts';
import { seedDemo, vietnamToday } from '../../../src/server/demo/seed-demo.ts';

export interface E2eServer {
  url: string;
  demo: DemoData;
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export const builtClientDir = fileURLToPath(new URL('../../../dist', import.meta.url));

/** `clientDir`: another build to serve than dist/ (a test that deploys a second version swaps its files). */
export async function startE2eServer(clientDir = builtClientDir): Promise<E2eServer> {
  if (!existsSync(`${clientDir}/index.html`))
    throw new Error('Build the app first: npm run build (npm run test:e2e does).');
  const database = await openDatabase({ memory: true });
  const demo = await seedDemo(database.db, vietnamToday());
  const app = await createApp({ database, config: testConfig({ clientDir }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    demo,
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
