// GET /api/sync/pull: the changes after a cursor that the user may see, in version order, a page at a time.
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { type EntityName, entityNames } from '../../domain/entities.ts';
import { allows } from '../../domain/permissions.ts';
import { PROTOCOL_VERSION, PullQuery, PullResponse } from '../../sync/protocol.ts';
import { visibleRows } from '../auth/scope.ts';
import type { Db } from '../db/database.ts';
import { recordJson } from '../db/record-json.ts';
import { entityTables, scopeVersions } from '../db/schema.ts';
import { addRoute } from '../http/route.ts';

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
      const [scope] = await db.select().from(scopeVersions).where(eq(scopeVersions.centreId, user.centreId));
      const mustReset =
        scope !== undefined &&
        query.cursor > 0 &&
        (query.cursor < scope.purgedThrough || query.cursor > scope.version);
      if (mustReset) {
        return {
          protocolVersion: PROTOCOL_VERSION,
          cursor: 0,
          hasMore: true,
          changes: {},
          reset: true as const,
        };
      }
      // Versions are unique within a centre, so "the first `limit` rows after the cursor" across all tables is
      // well defined: find the version where the page ends (from the versions alone), then have each table build
      // its records up to there as JSON in the database.
      const readable = entityNames.filter((entity) => allows(user.role, { entity, action: 'read' }));
      const after = (entity: EntityName) =>
        and(gt(entityTables[entity].version, query.cursor), visibleRows(db, user, entity));
      // One statement for every table: a pull (every minute on every open phone) is mostly this step.
      const heads = readable.map((entity) =>
        db
          .select({
            entity: sql<EntityName>`${entity}::text`.as('entity'),
            version: entityTables[entity].version,
          })
          .from(entityTables[entity])
          .where(after(entity))
          .orderBy(asc(entityTables[entity].version))
          .limit(query.limit + 1),
      );
      const [first, second, ...others] = heads;
      const firstVersions = second ? await unionAll(first!, second, ...others) : await first!;
      const versions = firstVersions.map((r) => r.version).sort((a, b) => a - b);
      const hasMore = versions.length > query.limit;
      const end = versions[Math.min(versions.length, query.limit) - 1];
      reply.type('application/json; charset=utf-8');
      if (end === undefined) return pageJson(query.cursor, false, []);
      // Only tables with a change in this page are read again (a phone's pull after its own push: marks alone).
      const changed = new Set(firstVersions.filter((r) => r.version <= end).map((r) => r.entity));
      const parts = await Promise.all(
        [...changed].map(async (entity) => {
          const table = entityTables[entity];
          const rows = await db.execute<{ records: string | null }>(
            sql`select json_agg(${recordJson(table)} order by ${table.version})::text as records
                from ${table} where ${and(after(entity), lte(table.version, end))}`,
          );
          const json = (rows as unknown as { rows: { records: string | null }[] }).rows[0]?.records;
          return json ? `${JSON.stringify(entity)}:${json}` : null;
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
