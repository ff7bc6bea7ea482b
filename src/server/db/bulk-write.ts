// Writes many rows in one statement by sending them as a single JSON parameter (jsonb_to_recordset): far cheaper
// than binding thousands of parameters one by one, which dominated the cost of a large push.
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './database.ts';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Inserts `rows` (objects keyed by the table's TypeScript field names) into `table`; with `upsertOn`, a row whose
 * key exists replaces every column given.
 */
export async function bulkWrite(
  tx: Tx,
  table: PgTable,
  rows: Record<string, unknown>[],
  upsertOn?: PgColumn,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const fields = Object.keys(rows[0]!);
  const names = fields.map((f) => {
    const column = columns[f];
    if (!column) throw new Error(`No column for ${f}`);
    return column;
  });
  const list = names.map((c) => quote(c.name)).join(', ');
  const types = names.map((c) => `${quote(c.name)} ${c.getSQLType()}`).join(', ');
  const json = rows.map((row) =>
    Object.fromEntries(
      fields.map((f, i) => [
        names[i]!.name,
        row[f] instanceof Date ? (row[f] as Date).toISOString() : row[f],
      ]),
    ),
  );
  const conflict = upsertOn
    ? sql.raw(
        ` on conflict (${quote(upsertOn.name)}) do update set ${names
          .filter((c) => c.name !== upsertOn.name)
          .map((c) => `${quote(c.name)} = excluded.${quote(c.name)}`)
          .join(', ')}`,
      )
    : sql.raw('');
  await tx.execute(
    sql`insert into ${table} (${sql.raw(list)}) select ${sql.raw(list)} from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as x(${sql.raw(types)})${conflict}`,
  );
}
