// `column = any(ids)` with the ids sent as one text parameter. Drizzle's inArray binds and types each id as its own
// parameter, which dominated the cost of a large push (10,000 ids per request); uuids never contain a comma.
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export function inIds(column: PgColumn, ids: readonly string[]): SQL {
  if (ids.length === 0) return sql`false`;
  return sql`${column} = any(string_to_array(${ids.join(',')}, ',')::uuid[])`;
}
