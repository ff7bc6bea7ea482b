// Statements on the hot path (authentication, push, pull), built with drizzle once and then run by name with only
// their values: the pg driver parses each once per connection and PostgreSQL may keep its plan, where a statement
// built per request cost drizzle's query building in Node and a fresh parse and plan in the database. PGlite runs
// the same text unnamed. Every value is a placeholder (`sql.placeholder`), so the text never varies.
import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database, Db, Tx } from './database.ts';

/** Whether statements run prepared by name, so that planning them once pays (PostgreSQL, not PGlite). */
export const genericPlans = (database: Database): boolean => database.kind === 'postgres';

const dialect = new PgDialect();

export interface Prepared<Row> {
  run(db: Db | Tx, values: Record<string, unknown>): Promise<Row[]>;
}

export function prepare<Row>(statement: SQL): Prepared<Row> {
  const query = dialect.sqlToQuery(statement);
  // The driver refuses one name for two texts, so the name comes from the text.
  const name = `dd_${createHash('sha1').update(query.sql).digest('hex').slice(0, 20)}`;
  return {
    async run(db, values) {
      const result = await db._.session.prepareQuery(query, undefined, name, false).execute(values);
      return (result as { rows: Row[] }).rows;
    },
  };
}

/**
 * Prepares a statement the first time its key is asked for (a role, say), then reuses it. `db` only lends its query
 * builder (scope.ts builds subqueries with it): the text is the same for every database.
 */
export function preparedPer<Key, Row>(build: (db: Db, key: Key) => SQL): (db: Db, key: Key) => Prepared<Row> {
  const made = new Map<Key, Prepared<Row>>();
  return (db, key) => {
    let statement = made.get(key);
    if (!statement) {
      statement = prepare<Row>(build(db, key));
      made.set(key, statement);
    }
    return statement;
  };
}

const PLAN_ONCE = "set_config('plan_cache_mode', 'force_generic_plan', true)";

/**
 * For the rest of the transaction, statements are planned once per connection instead of for each set of values.
 * PostgreSQL otherwise keeps planning a push's statements afresh, because a plan for one particular list of ids
 * looks cheaper than the general one, and that planning cost more than running them. Only where statements are
 * named (genericPlans): PGlite plans its unnamed statements each time anyway, and a generic plan there only lost the
 * plan for the values at hand (pushes of 1,000 marks 20–30% slower).
 */
export const planOnce = (tx: Tx): Promise<unknown> => tx.execute(sql`select ${sql.raw(PLAN_ONCE)}`);

/**
 * `planOnce` as an expression, for a statement the transaction sends anyway (a push's cursor lock), so the setting
 * costs no statement of its own: it takes effect when the placeholder `genericPlans` (genericPlans) is true.
 */
export const planOnceWhenGeneric = sql`case when ${sql.placeholder('genericPlans')}::boolean then ${sql.raw(PLAN_ONCE)} end`;
