// Read access to every record kind over REST (`GET /api/classes`, `GET /api/classes/:id`, …), scoped by the policy.
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type EntityName, entityNames, entitySchemas } from '../../domain/entities.ts';
import { visibleRows } from '../auth/scope.ts';
import type { Db } from '../db/database.ts';
import { toRecord } from '../db/records.ts';
import { entityTables } from '../db/schema.ts';
import { notFound } from '../http/api-error.ts';
import { addRoute } from '../http/route.ts';

/** URL segment of each entity: `classTypes` → `class-types`. */
export const entityPath = (entity: EntityName): string =>
  entity.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const IdParams = z.strictObject({ id: z.uuid() });
const LIST_LIMIT = 10_000;

export function registerRecordRoutes(app: FastifyInstance, db: Db): void {
  for (const entity of entityNames) {
    const table = entityTables[entity];
    const schema = entitySchemas[entity];

    addRoute(app, {
      method: 'GET',
      url: `/api/${entityPath(entity)}`,
      summary: `The ${entity} records the signed-in user may see`,
      tag: 'records',
      auth: true,
      allow: { entity, action: 'read' },
      response: z.array(schema),
      handler: async ({ user }) => {
        const rows = await db
          .select()
          .from(table)
          .where(and(visibleRows(db, user, entity), eq(table.deleted, false)))
          .orderBy(asc(table.id))
          .limit(LIST_LIMIT);
        return rows.map((row) => toRecord(entity, row));
      },
    });

    addRoute(app, {
      method: 'GET',
      url: `/api/${entityPath(entity)}/:id`,
      summary: `One ${entity} record`,
      tag: 'records',
      auth: true,
      allow: { entity, action: 'read' },
      params: IdParams,
      response: schema,
      handler: async ({ user, params }) => {
        const [row] = await db
          .select()
          .from(table)
          .where(and(eq(table.id, params.id), visibleRows(db, user, entity)));
        if (!row) throw notFound();
        return toRecord(entity, row);
      },
    });
  }
}
