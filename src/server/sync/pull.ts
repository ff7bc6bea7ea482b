// GET /api/sync/pull: the changes after a cursor that the user may see, in version order, a page at a time.
// Every statement is prepared once per role (db/prepared.ts): a pull runs every minute on every open phone and after
// every push, and building and planning its statements afresh cost more than running them.
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type EntityName, entityNames, type Role } from '../../domain/entities.ts';
import { allows } from '../../domain/permissions.ts';
import { PROTOCOL_VERSION, PullQuery, PullResponse } from '../../sync/protocol.ts';
import { scopeUserOfRole, scopeValues, visibleRows } from '../auth/scope.ts';
import type { Db } from '../db/database.ts';
import { preparedPer } from '../db/prepared.ts';
import { recordJson } from '../db/record-json.ts';
import { entityTables, scopeVersions } from '../db/schema.ts';
import { addRoute } from '../http/route.ts';

const readable = (role: Role) => entityNames.filter((entity) => allows(role, { entity, action: 'read' }));

/** Rows of `entity` after the cursor that a user of `role` may read. */
const afterCursor = (db: Db, role: Role, entity: EntityName): SQL =>
  sql`${entityTables[entity].version} > ${sql.placeholder('cursor')}
    and ${visibleRows(db, scopeUserOfRole(role), entity)}`;

interface Head {
  /** A table's name, or `counter` for the centre's version counter. */
  entity: EntityName | 'counter';
  version: number;
  id: string | null;
  purgedThrough: number | null;
}

/**
 * One statement reads the centre's version counter (is the cursor still valid, was anything written since?) and,
 * only when something was, the page's heads. Versions are unique within a centre, so "the first `limit` rows after
 * the cursor" across all tables is well defined: the versions and ids alone say where the page ends and which rows
 * it holds.
 */
const headsOf = preparedPer<Role, Head>((db, role) => {
  const centre = sql`${scopeVersions.centreId} = ${sql.placeholder('centreId')}`;
  const counter = sql`select 'counter' as entity, ${scopeVersions.version}::float8 as version, null as id,
    ${scopeVersions.purgedThrough}::float8 as "purgedThrough" from ${scopeVersions} where ${centre}`;
  const heads = readable(role).map((entity) => {
    const table = entityTables[entity];
    return sql`select ${entity}::text, ${table.version}::float8, ${table.id}::text, null from ${table}
      where ${afterCursor(db, role, entity)}
        and ${sql.placeholder('cursor')} < (select ${scopeVersions.version} from ${scopeVersions} where ${centre})
      order by ${table.version} limit ${sql.placeholder('limit')}`;
  });
  return sql.join(
    [counter, ...heads].map((part) => sql`(${part})`),
    sql` union all `,
  );
});

/**
 * A table's records of the page, built as JSON in the database. They are read by id: asked by version and scope,
 * PostgreSQL could walk every mark the centre wrote since the cursor to find an instructor's few. A row changed
 * since the page was cut has a later version, so it is left to the next page, and the scope is asked again.
 */
const recordsOf = preparedPer<`${Role}/${EntityName}`, { records: string | null }>((db, key) => {
  const [role, entity] = key.split('/') as [Role, EntityName];
  const table = entityTables[entity];
  return sql`select json_agg(${recordJson(table)} order by ${table.version})::text as records
    from ${table} where ${table.id} = any(string_to_array(${sql.placeholder('ids')}, ',')::uuid[])
      and ${table.version} <= ${sql.placeholder('end')} and ${afterCursor(db, role, entity)}`;
});

export function registerPullRoute(app: FastifyInstance, db: Db): void {
  addRoute(app, {
    method: 'GET',
    url: '/api/sync/pull',
    summary: 'Changes after `cursor` visible to this user, oldest first; deletions arrive as tombstones',
    tag: 'sync',
    auth: true,
    query: PullQuery,
    response: PullResponse,
    handler: async ({ user, query, reply }) => {
      const values = { ...scopeValues(user), cursor: query.cursor };
      const rows = await headsOf(db, user.role).run(db, { ...values, limit: query.limit + 1 });
      const scope = rows.find((r) => r.entity === 'counter');
      const mustReset =
        scope !== undefined &&
        query.cursor > 0 &&
        (query.cursor < scope.purgedThrough! || query.cursor > scope.version);
      if (mustReset) {
        return {
          protocolVersion: PROTOCOL_VERSION,
          cursor: 0,
          hasMore: true,
          changes: {},
          reset: true as const,
        };
      }
      reply.type('application/json; charset=utf-8');
      const heads = rows.filter((r) => r.entity !== 'counter') as (Head & {
        entity: EntityName;
        id: string;
      })[];
      const versions = heads.map((r) => r.version).sort((a, b) => a - b);
      const hasMore = versions.length > query.limit;
      const end = versions[Math.min(versions.length, query.limit) - 1];
      if (end === undefined) return pageJson(query.cursor, false, []);
      // Only tables with a change in this page are read again (a phone's pull after its own push: marks alone).
      const changed = new Map<EntityName, string[]>();
      for (const head of heads) {
        if (head.version > end) continue;
        const ids = changed.get(head.entity);
        if (ids) ids.push(head.id);
        else changed.set(head.entity, [head.id]);
      }
      const parts = await Promise.all(
        [...changed].map(async ([entity, ids]) => {
          const [row] = await recordsOf(db, `${user.role}/${entity}`).run(db, {
            ...values,
            end,
            ids: ids.join(','),
          });
          return row?.records ? `${JSON.stringify(entity)}:${row.records}` : null;
        }),
      );
      return pageJson(
        end,
        hasMore,
        parts.filter((p): p is string => p !== null),
      );
    },
  });
}

/** The page as JSON text: the records arrive from the database already serialised. */
function pageJson(cursor: number, hasMore: boolean, changes: string[]): string {
  return `{"protocolVersion":${PROTOCOL_VERSION},"cursor":${cursor},"hasMore":${hasMore},"changes":{${changes.join(',')}}}`;
}
