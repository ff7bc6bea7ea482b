// Writes many rows in one statement by sending them as a single JSON parameter: far cheaper than binding thousands
// of parameters one by one, which dominated the cost of a large push. Rows travel as arrays (no column names
// repeated per row) and a column whose value is the same in every row (the centre, the device, the time of a push)
// travels once as its own parameter: building, sending and parsing the JSON was most of a batch write's cost.
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './database.ts';
import { scopeVersions } from './schema.ts';

/** Rows (objects keyed by the table's TypeScript field names, all with the same fields) for one table. */
export interface TableRows {
  table: PgTable;
  rows: Record<string, unknown>[];
  /** A row whose key exists replaces every column given. */
  upsertOn?: PgColumn;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const jsonValue = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/** The index of each field whose value is the same scalar in every row, with that value. */
function sharedValues(rows: Record<string, unknown>[], fields: string[]): Map<number, unknown> {
  const shared = new Map<number, unknown>();
  fields.forEach((field, i) => {
    const value = jsonValue(rows[0]![field]);
    if (isScalar(value) && rows.every((row) => jsonValue(row[field]) === value)) shared.set(i, value);
  });
  return shared;
}

/** An INSERT of `rows`; `columnValue` may replace how a column's value is read from the JSON row `e`. */
function insertRows(
  { table, rows, upsertOn }: TableRows,
  columnValue: (column: PgColumn, fromJson: SQL) => SQL = (_, fromJson) => fromJson,
): SQL {
  const byField = getTableColumns(table) as Record<string, PgColumn>;
  const fields = Object.keys(rows[0]!);
  const columns = fields.map((f) => {
    const column = byField[f];
    if (!column) throw new Error(`No column for ${f}`);
    return column;
  });
  const shared = sharedValues(rows, fields);
  const varying = fields.flatMap((_, i) => (shared.has(i) ? [] : [i]));
  const json = JSON.stringify(rows.map((row) => varying.map((i) => jsonValue(row[fields[i]!]))));
  const values = columns.map((column, i) => {
    const type = column.getSQLType();
    const at = varying.indexOf(i);
    return columnValue(
      column,
      shared.has(i)
        ? sql`${shared.get(i)}::${sql.raw(type)}`
        : // A JSON null is SQL NULL, as it is for every other type.
          sql.raw(type === 'jsonb' ? `nullif(e->${at}, 'null')` : `(e->>${at})::${type}`),
    );
  });
  const list = sql.raw(columns.map((c) => quote(c.name)).join(', '));
  const conflict = upsertOn
    ? sql.raw(
        ` on conflict (${quote(upsertOn.name)}) do update set ${columns
          .filter((c) => c.name !== upsertOn.name)
          .map((c) => `${quote(c.name)} = excluded.${quote(c.name)}`)
          .join(', ')}`,
      )
    : sql.raw('');
  return sql`insert into ${table} (${list}) select ${sql.join(values, sql`, `)} from jsonb_array_elements(${json}::jsonb) as e${conflict}`;
}

/**
 * One statement that reserves versions from the centre's counter (as allocateVersions does, so the row lock orders
 * the centre's writers by commit) for `records`, whose `version` field gives each row's place (1, 2, …) among them,
 * writes them, and inserts the `plain` rows (the change log). A batch sends several of these without waiting for
 * each: the database writes one part while the server merges the next.
 */
export function writeVersioned(
  tx: Tx,
  centreId: string,
  records: TableRows[],
  plain: TableRows,
): Promise<unknown> {
  const count = records.reduce((n, r) => n + r.rows.length, 0);
  const parts: SQL[] = [];
  if (count > 0) {
    parts.push(
      sql`update ${scopeVersions} set version = version + ${count} where centre_id = ${centreId} returning version - ${count} as before`,
    );
    // No counter row gives NULL versions, which the NOT NULL column refuses.
    const versioned = (column: PgColumn, fromJson: SQL) =>
      column.name === 'version' ? sql`(select before from w0) + ${fromJson}` : fromJson;
    for (const r of records) if (r.rows.length > 0) parts.push(insertRows(r, versioned));
  }
  if (plain.rows.length > 0) parts.push(insertRows(plain));
  const last = parts.pop();
  if (!last) return Promise.resolve();
  const ctes = parts.map((part, i) => sql`w${sql.raw(String(i))} as (${part})`);
  return tx.execute(ctes.length > 0 ? sql`with ${sql.join(ctes, sql`, `)} ${last}` : last).then(() => {});
}
