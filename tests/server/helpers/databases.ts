// Test databases: PGlite in memory always, and a fresh PostgreSQL database when DATABASE_URL is set, so every
// server suite runs against both engines.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../../src/server/db/database.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

/** Creates an empty database on the configured server; `drop` removes it, closing whatever is still connected. */
export async function createFreshPostgres(
  url: string,
  prefix = 'dd_test',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * Creates an empty database on the configured server and opens `connections` independent handles to it (as
 * separate server instances would); closing the first drops the database.
 */
export async function openFreshPostgres(url: string, connections = 1): Promise<Database[]> {
  const fresh = await createFreshPostgres(url);
  const handles: Database[] = [];
  for (let i = 0; i < connections; i++) handles.push(await openDatabase({ databaseUrl: fresh.url }));
  const [first, ...others] = handles as [Database, ...Database[]];
  return [
    {
      ...first,
      close: async () => {
        for (const h of [first, ...others]) await h.close();
        await fresh.drop();
      },
    },
    ...others.map((h) => ({ ...h, close: async () => {} })),
  ];
}

export const testDatabases: TestDatabase[] = [
  { name: 'pglite', open: () => openDatabase({ memory: true }) },
  ...(process.env.DATABASE_URL
    ? [
        {
          name: 'postgres' as const,
          open: async () => (await openFreshPostgres(process.env.DATABASE_URL!))[0]!,
        },
      ]
    : []),
];
