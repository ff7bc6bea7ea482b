// `npm start`: builds the client if needed, opens the database (PGlite in DATA_DIR, or DATABASE_URL), migrates,
// seeds the demo centre into an empty database, and serves the app and the API on one port.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { buildClient, clientIsStale } from './build-client.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { DEMO_ACCOUNTS } from './demo/build-demo.ts';
import { isEmpty, seedDemo, vietnamToday } from './demo/seed-demo.ts';
import { purgeTombstones } from './sync/purge-tombstones.ts';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));
const config = readConfig(process.env, rootDir);

if (process.env.BUILD_CLIENT !== 'never' && clientIsStale(rootDir)) {
  console.log('Building the web app (dist/ is missing or older than its sources)…');
  await buildClient(rootDir);
}

if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const database = await openDatabase(
  config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
);
if (config.demoData && (await isEmpty(database.db))) {
  console.log('Empty database: adding the demo centre (Kon Rẫy, 2021)…');
  await seedDemo(database.db, vietnamToday());
  console.log('Demo accounts (username / password):');
  for (const a of DEMO_ACCOUNTS)
    console.log(`  ${a.role.padEnd(10)} ${a.username} / ${a.password}  (${a.displayName})`);
}

// Old tombstones go at start and then daily; devices whose cursor is older download again (SPEC PULL4).
const purge = () =>
  purgeTombstones(database.db).catch((err) => console.error('Purging tombstones failed', err));
await purge();
setInterval(purge, 24 * 60 * 60 * 1000).unref();

const app = await createApp({ database, config });
await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port; // PORT=0: the one the system chose
console.log(
  `Điểm Danh is running on http://localhost:${port} (database: ${database.kind === 'pglite' ? config.dataDir : 'PostgreSQL'})`,
);

// Graceful shutdown: stop accepting, let in-flight requests finish, then close the database.
let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  });
}
