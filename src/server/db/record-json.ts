// Builds a table's records as JSON inside PostgreSQL (json_build_object), in exactly the shape toRecord gives:
// TypeScript field names, no server-only columns, timestamps as JavaScript ISO strings. A pull page of thousands of
// records then costs one query and no per-row work in Node.
import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { SERVER_ONLY_COLUMNS } from './records.ts';

export function recordJson(table: PgTable): SQL {
  const alias = `"${getTableName(table)}"`;
  const pairs = Object.entries(getTableColumns(table) as Record<string, PgColumn>)
    .filter(([field]) => !SERVER_ONLY_COLUMNS.has(field))
    .map(([field, column]) => {
      const ref = `${alias}."${column.name}"`;
      const value =
        column.getSQLType() === 'timestamp with time zone'
          ? `to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
          : ref;
      return `'${field}', ${value}`;
    });
  return sql.raw(`json_build_object(${pairs.join(', ')})`);
}
