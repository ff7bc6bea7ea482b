// GET /api/sync/pull: the changes after a cursor that the user may see, in version order, a page at a time.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type EntityName, entityNames } from '../../domain/entities.ts';
import { canRead } from '../../domain/permissions.ts';
import { PROTOCOL_VERSION, PullQuery, PullResponse } from '../../sync/protocol.ts';
import { visibleRows } from '../auth/scope.ts';
import type { Db } from '../db/database.ts';
import { toRecord } from '../db/records.ts';
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
    handler: async ({ user, query }) => {
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
      // well defined: fetch up to `limit` from each table, then keep the lowest versions.
      const perTable = await Promise.all(
        entityNames
          .filter((entity) => canRead(user.role, entity))
          .map(async (entity) => {
            const table = entityTables[entity];
            const rows = await db
              .select()
              .from(table)
              .where(and(gt(table.version, query.cursor), visibleRows(db, user, entity)))
              .orderBy(asc(table.version))
              .limit(query.limit + 1);
            return rows.map((row) => ({ entity, version: row.version, row }));
          }),
      );
      const all = perTable.flat().sort((a, b) => a.version - b.version);
      const page = all.slice(0, query.limit);
      const changes: Partial<Record<EntityName, unknown[]>> = {};
      for (const { entity, row } of page) {
        const list = changes[entity] ?? [];
        list.push(toRecord(entity, row));
        changes[entity] = list;
      }
      return {
        protocolVersion: PROTOCOL_VERSION,
        cursor: page.length > 0 ? page[page.length - 1]!.version : query.cursor,
        hasMore: all.length > query.limit,
        changes,
      };
    },
  });
}
