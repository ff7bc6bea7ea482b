// What a push needs from the database before it merges, in one statement prepared once per role: what became of its
// mutation ids before (the change log), the records it touches, locked, each with whether the user may write it
// (scope.ts), and which of the records its fields point at belong to the user's centre. Tables the batch does not
// touch are asked for an empty list of ids, which costs an index probe and keeps the text the same for every batch.
// A push's device cursor moves in the same statement, so it costs no statement of its own.
import { getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type EntityName, entityNames, type Role } from '../../domain/entities.ts';
import { allows } from '../../domain/permissions.ts';
import type { Mutation, RejectReason } from '../../sync/protocol.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { type ScopeUser, scopeUserOfRole, scopeValues, visibleRows } from '../auth/scope.ts';
import type { Db, Tx } from '../db/database.ts';
import { preparedPer } from '../db/prepared.ts';
import { recordJson } from '../db/record-json.ts';
import { KEPT_COLUMNS } from '../db/records.ts';
import { changeLog, deviceCursors, entityTables } from '../db/schema.ts';
import { REFERENCES, referencesOf } from './mutation-rules.ts';

type Table = PgTable & { id: PgColumn; centreId?: PgColumn };

export interface StoredRecord {
  entity: EntityName;
  record: Record<string, unknown>;
  clocks: Record<string, string>;
  /** Server-only columns of the stored row, written back unchanged. */
  kept: Record<string, unknown>;
  /** The stored record is in the user's write scope. */
  inScope: boolean;
}

export interface EarlierOutcome {
  outcome: 'duplicate' | 'rejected';
  reason?: RejectReason;
  detail?: string;
}

/** Where a push moves its device's cursor (PUSH1): the last seq it applies. */
export interface CursorMove {
  deviceId: string;
  lastSeq: number;
  now: Date;
}

export interface LoadedBatch {
  earlier: Map<string, EarlierOutcome>;
  stored: Map<string, StoredRecord>;
  /** `entity/id` of referenced records in the user's centre. */
  known: Set<string>;
}

const ids = (name: string) => sql`any(string_to_array(${sql.placeholder(name)}, ',')::uuid[])`;

const REFERENCED = [...new Set(Object.values(REFERENCES).map((r) => r.entity))];

/** The entities a role may write: a mutation of any other kind is refused before its record matters. */
const writable = (role: Role) => entityNames.filter((entity) => allows(role, { entity, action: 'write' }));

function keptJson(table: Table): SQL {
  const alias = sql.identifier(getTableName(table));
  const pairs = KEPT_COLUMNS.flatMap((field) => {
    const column = (table as unknown as Record<string, PgColumn | undefined>)[field];
    return column ? [sql`${field}::text, ${alias}.${sql.identifier(column.name)}`] : [];
  });
  return pairs.length > 0 ? sql`json_build_object(${sql.join(pairs, sql`, `)})` : sql`'{}'::json`;
}

function lockedRows(db: Db, user: ScopeUser, entity: EntityName): { cte: SQL; select: SQL } {
  const table = entityTables[entity] as Table;
  const locked = sql.identifier(`locked_${entity}`);
  return {
    cte: sql`${locked} as (select * from ${table} where ${table.id} = ${ids(`rows_${entity}`)} for update)`,
    // The locked rows go by the table's own name, so the record's JSON and the scope's SQL read them.
    select: sql`select 'row', ${entity}::text, ${table.id}::text,
      json_build_object('record', ${recordJson(table)}, 'clocks', ${sql.identifier(getTableName(table))}.clocks, 'kept', ${keptJson(table)},
        'inScope', ${visibleRows(db, user, entity, 'write')})
      from ${locked} as ${table}`,
  };
}

const loadStatement = preparedPer<Role, { kind: string; entity: EntityName; id: string; data: unknown }>(
  (db, role) => {
    const user = scopeUserOfRole(role);
    const rows = writable(role).map((entity) => lockedRows(db, user, entity));
    // The first part of a union names its columns.
    const earlier = sql`select 'earlier' as kind, null as entity, ${changeLog.mutationId}::text as id,
      json_build_object('outcome', ${changeLog.outcome}, 'reason', ${changeLog.reason}) as data
      from ${changeLog} where ${changeLog.mutationId} = ${ids('mutationIds')}`;
    const references = REFERENCED.map((entity) => {
      const table = entityTables[entity] as Table;
      return sql`select 'ref', ${entity}::text, ${table.id}::text, null from ${table}
        where ${table.id} = ${ids(`refs_${entity}`)} and ${table.centreId!} = ${user.centreId}`;
    });
    const selects = [earlier, ...rows.map((r) => r.select), ...references];
    const union = sql.join(
      selects.map((s) => sql`(${s})`),
      sql` union all `,
    );
    // A data-modifying part of a WITH always runs to completion, read or not. No device (an import, a push that
    // applies nothing new) matches no row.
    const moveCursor = sql`moved_cursor as (update ${deviceCursors}
      set last_seq = ${sql.placeholder('lastSeq')}, updated_at = ${sql.placeholder('now')}::timestamptz
      where ${deviceCursors.deviceId} = ${sql.placeholder('cursorDevice')})`;
    return sql`with ${sql.join([moveCursor, ...rows.map((r) => r.cte)], sql`, `)} ${union}`;
  },
);

function earlierOutcome(data: { outcome: string; reason: string | null }): EarlierOutcome {
  if (data.outcome !== 'rejected') return { outcome: 'duplicate' };
  const [reason, ...detail] = (data.reason ?? 'invalid').split(': ');
  return {
    outcome: 'rejected',
    reason: reason as RejectReason,
    ...(detail.length > 0 && { detail: detail.join(': ') }),
  };
}

const byEntity = (items: { entity: EntityName; id: string }[]) => {
  const lists: Record<string, string[]> = {};
  for (const { entity, id } of items) {
    const list = lists[entity];
    if (list) list.push(id);
    else lists[entity] = [id];
  }
  return lists;
};

/**
 * Loads what the push of `toApply` needs, and what became of `asked` (mutation ids) before, and moves the device's
 * cursor (`cursor`, none for an import). Runs after the cursor is locked, so a push of the same device that committed
 * meanwhile is seen; the cursor moves before the batch is written, because the write locks the centre's version
 * counter until commit and every statement after it lengthens the lock.
 */
export async function loadBatch(
  db: Db,
  tx: Tx,
  user: AuthUser,
  asked: string[],
  toApply: Mutation[],
  cursor: CursorMove | null,
): Promise<LoadedBatch> {
  const rowIds = byEntity(toApply.map((m) => ({ entity: m.entity, id: m.recordId })));
  const refIds = byEntity(toApply.flatMap((m) => referencesOf(m.fields)));
  const values: Record<string, unknown> = {
    ...scopeValues(user),
    mutationIds: asked.join(','),
    cursorDevice: cursor?.deviceId ?? null,
    lastSeq: cursor?.lastSeq ?? null,
    now: cursor?.now.toISOString() ?? null,
  };
  for (const entity of writable(user.role)) values[`rows_${entity}`] = [...new Set(rowIds[entity])].join(',');
  for (const entity of REFERENCED) values[`refs_${entity}`] = [...new Set(refIds[entity])].join(',');
  const loaded: LoadedBatch = { earlier: new Map(), stored: new Map(), known: new Set() };
  for (const row of await loadStatement(db, user.role).run(tx, values)) {
    if (row.kind === 'earlier') {
      loaded.earlier.set(row.id, earlierOutcome(row.data as { outcome: string; reason: string | null }));
    } else if (row.kind === 'ref') {
      loaded.known.add(`${row.entity}/${row.id}`);
    } else {
      loaded.stored.set(row.id, { entity: row.entity, ...(row.data as Omit<StoredRecord, 'entity'>) });
    }
  }
  return loaded;
}
