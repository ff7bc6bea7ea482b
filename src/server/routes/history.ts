// Staff read the change log: the full history of one record (who, when, from which device, old → new), and the
// conflicts, i.e. changes that lost to a newer one, so nothing is overwritten without a trace (SPEC LOG1).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CHANGE_LOG_READER } from '../../domain/permissions.ts';
import type { Db } from '../db/database.ts';
import { changeLog, users } from '../db/schema.ts';
import { addRoute } from '../http/route.ts';

const HistoryEntry = z.object({
  mutationId: z.uuid(),
  entity: z.string(),
  recordId: z.uuid(),
  outcome: z.enum(['applied', 'superseded', 'rejected']),
  reason: z.string().nullable(),
  userId: z.uuid(),
  userName: z.string().nullable(),
  deviceId: z.uuid(),
  at: z.string(),
  hlc: z.string(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  lost: z.record(z.string(), z.unknown()),
});

const LIMIT = 500;

export function registerHistoryRoutes(app: FastifyInstance, db: Db): void {
  function entries(where: ReturnType<typeof and>) {
    return db
      .select({
        mutationId: changeLog.mutationId,
        entity: changeLog.entity,
        recordId: changeLog.recordId,
        outcome: changeLog.outcome,
        reason: changeLog.reason,
        userId: changeLog.userId,
        userName: users.displayName,
        deviceId: changeLog.deviceId,
        at: changeLog.at,
        hlc: changeLog.hlc,
        changes: changeLog.changes,
        lost: changeLog.lost,
      })
      .from(changeLog)
      .leftJoin(users, eq(users.id, changeLog.userId))
      .where(where)
      .orderBy(desc(changeLog.id))
      .limit(LIMIT)
      .then((rows) => rows.map((r) => ({ ...r, at: r.at.toISOString() })));
  }

  addRoute(app, {
    method: 'GET',
    url: '/api/history',
    summary: 'Every change the server received for one record, newest first (staff)',
    tag: 'audit',
    auth: true,
    allow: CHANGE_LOG_READER,
    query: z.strictObject({ recordId: z.uuid() }),
    response: z.array(HistoryEntry),
    handler: async ({ user, query }) => {
      return entries(and(eq(changeLog.centreId, user.centreId), eq(changeLog.recordId, query.recordId)));
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/conflicts',
    summary: 'Changes that lost, field by field, to a newer change of the same record, newest first (staff)',
    tag: 'audit',
    auth: true,
    allow: CHANGE_LOG_READER,
    query: z.strictObject({ entity: z.string().max(40).optional() }),
    response: z.array(HistoryEntry),
    handler: async ({ user, query }) => {
      return entries(
        and(
          eq(changeLog.centreId, user.centreId),
          sql`${changeLog.lost} <> '{}'::jsonb`,
          query.entity ? eq(changeLog.entity, query.entity) : undefined,
        ),
      );
    },
  });
}
