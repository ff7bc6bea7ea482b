// Test databases: PGlite in memory always, and a fresh PostgreSQL database when DATABASE_URL is set, so every
// server suite runs against both engines.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../../src/server/db/database.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

/** Creates an empty database on the configured server, and drops it when closed. */
async function openFreshPostgres(url: string): Promise<Database> {
  const name = `dd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export const testDatabases: TestDatabase[] = [
  { name: 'pglite', open: () => openDatabase({ memory: true }) },
  ...(process.env.DATABASE_URL
    ? [{ name: 'postgres' as const, open: () => openFreshPostgres(process.env.DATABASE_URL!) }]
    : []),
];
