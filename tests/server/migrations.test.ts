// The generated migrations build the same schema on PGlite and PostgreSQL, and re-running them is harmless.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database.ts';
import { centres } from '../../src/server/db/schema.ts';
import { testDatabases } from './helpers/databases.ts';
import { seedCentre } from './helpers/fixtures.ts';

const EXPECTED_TABLES = [
  'attachments',
  'centres',
  'change_log',
  'class_invitations',
  'class_types',
  'classes',
  'device_cursors',
  'device_sessions',
  'dossiers',
  'enrollments',
  'files',
  'learners',
  'marks',
  'plan_items',
  'scope_versions',
  'sessions',
  'users',
];

describe.each(testDatabases)('migrations on $name', (target) => {
  it('create every table with its constraints', async () => {
    const database = await target.open();
    try {
      const tables = await database.db.execute<{ table_name: string }>(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      const names = (tables as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
      expect(names).toEqual(EXPECTED_TABLES);

      const constraints = await database.db.execute<{ conname: string }>(
        sql`select conname from pg_constraint where conname in ('marks_session_id_sessions_id_fk', 'classes_centre_id_centres_id_fk')`,
      );
      expect((constraints as unknown as { rows: unknown[] }).rows).toHaveLength(2);
      const unique = await database.db.execute<{ indexname: string }>(
        sql`select indexname from pg_indexes where indexname = 'marks_session_learner_key'`,
      );
      expect((unique as unknown as { rows: unknown[] }).rows).toHaveLength(1);

      const applied = await database.db.execute(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect((applied as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThanOrEqual(1);
    } finally {
      await database.close();
    }
  });
});

describe('PGlite in a data folder', () => {
  it('keeps its data across restarts, and re-applying the migrations at start changes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dd-pglite-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      const fixture = await seedCentre(first.db, 'a');
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      const rows = await second.db.select().from(centres);
      expect(rows.map((r) => r.id)).toEqual([fixture.centreId]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
