// A fingerprint of every table's contents, to prove that a refused request changed nothing.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../src/server/db/database.ts';

const TABLES = [
  'centres',
  'scope_versions',
  'users',
  'device_sessions',
  'class_types',
  'plan_items',
  'classes',
  'learners',
  'enrollments',
  'sessions',
  'marks',
  'attachments',
  'files',
  'dossiers',
  'device_cursors',
  'change_log',
];

export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const rows = await db.execute<{ digest: string | null }>(
      sql.raw(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${table} t`,
      ),
    );
    result[table] = String((rows as unknown as { rows: { digest: string }[] }).rows?.[0]?.digest ?? rows);
  }
  return result;
}
