// The one-by-one path of push: each mutation in its own savepoint, checked against the database as it goes. Used
// when the batch path (apply-batch.ts) meets anything unusual, so the answer is exact whatever a device sends.
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { EntityName } from '../../domain/entities.ts';
import { clampHlc } from '../../sync/hlc.ts';
import { mergeFields } from '../../sync/merge.ts';
import type { Mutation, PushResult } from '../../sync/protocol.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { visibleRows } from '../auth/scope.ts';
import type { Db, Tx } from '../db/database.ts';
import { inIds } from '../db/in-ids.ts';
import { allocateVersions, keptColumns, toRecord, toRow } from '../db/records.ts';
import { changeLog, entityTables, users } from '../db/schema.ts';
import {
  asRejection,
  checkMutation,
  isWalkInCreation,
  MAX_CLOCK_DRIFT_MS,
  mergedRecord,
  REFERENCES,
  Rejection,
} from './mutation-rules.ts';

export interface ApplyContext {
  db: Db;
  tx: Tx;
  user: AuthUser;
  deviceId: string;
  now: Date;
}

export type LogOutcome = 'applied' | 'superseded' | 'rejected';

/** The answer for one mutation, with its id (the wire form drops the id: the device knows it from the seq). */
export type Answer = PushResult & { id: string };

/** A change-log row: who, when, from which device, each field old → new, and what lost (LOG1). */
export function logRow(
  ctx: ApplyContext,
  m: Mutation,
  stamp: string,
  outcome: LogOutcome,
  changes: Record<string, [unknown, unknown]>,
  lost: Record<string, unknown>,
  reason?: string,
): typeof changeLog.$inferInsert {
  return {
    centreId: ctx.user.centreId,
    entity: m.entity,
    recordId: m.recordId,
    mutationId: m.id,
    deviceId: ctx.deviceId,
    userId: ctx.user.id,
    hlc: stamp,
    outcome,
    reason: reason ?? null,
    changes,
    lost,
    at: ctx.now,
  };
}

export const rejectionResult = (m: Mutation, r: Rejection): Answer => ({
  id: m.id,
  seq: m.seq,
  outcome: 'rejected',
  reason: r.reason,
  ...(r.detail && { detail: r.detail }),
});

export const rejectionReason = (r: Rejection) => (r.detail ? `${r.reason}: ${r.detail}` : r.reason);

async function checkReferences(ctx: ApplyContext, record: Record<string, unknown>): Promise<void> {
  for (const [field, { table }] of Object.entries(REFERENCES)) {
    const id = record[field];
    if (typeof id !== 'string') continue;
    const [row] = await ctx.tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, id), eq(table.centreId, ctx.user.centreId)));
    if (!row) throw new Rejection('badReference', field);
  }
  const instructorIds = record.instructorIds;
  if (Array.isArray(instructorIds) && instructorIds.length > 0) {
    const found = await ctx.tx
      .select({ id: users.id })
      .from(users)
      .where(and(inIds(users.id, instructorIds as string[]), eq(users.centreId, ctx.user.centreId)));
    if (found.length !== new Set(instructorIds).size) throw new Rejection('badReference', 'instructorIds');
  }
}

async function inWriteScope(ctx: ApplyContext, entity: EntityName, id: string): Promise<boolean> {
  const table = entityTables[entity];
  const [row] = await ctx.tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), visibleRows(ctx.db, ctx.user, entity, 'write')));
  return Boolean(row);
}

async function applyChecked(ctx: ApplyContext, m: Mutation): Promise<Answer> {
  const { entity } = m;
  const { user } = ctx;
  const fields = checkMutation(user, m);
  const table = entityTables[entity] as PgTable & { id: PgColumn };
  const [existing] = (await ctx.tx
    .select()
    .from(table)
    .where(eq(table.id, m.recordId))
    .for('update')) as Record<string, unknown>[];
  if (existing) {
    const centre = entity === 'centres' ? existing.id : existing.centreId;
    if (centre !== user.centreId || !(await inWriteScope(ctx, entity, m.recordId)))
      throw new Rejection('forbidden');
  }

  const stamp = clampHlc(m.hlc, ctx.now.getTime(), MAX_CLOCK_DRIFT_MS);
  const merge = mergeFields((existing?.clocks as Record<string, string>) ?? {}, fields, stamp);
  const wonFields = Object.keys(merge.won);
  if (wonFields.length === 0) {
    await ctx.tx.insert(changeLog).values(logRow(ctx, m, stamp, 'superseded', {}, merge.lost));
    return { id: m.id, seq: m.seq, outcome: 'superseded' };
  }
  const before = existing ? (toRecord(entity, existing) as Record<string, unknown>) : undefined;
  const record = mergedRecord(user, entity, m.recordId, before, merge.won, ctx.now);
  await checkReferences(ctx, record);

  const version = await allocateVersions(ctx.tx, user.centreId, 1);
  const row = { ...toRow(record, version, merge.clocks), ...(existing && keptColumns(existing)) };
  await ctx.tx.insert(table).values(row).onConflictDoUpdate({ target: table.id, set: row });
  if (!isWalkInCreation(user, entity, Boolean(existing)) && !(await inWriteScope(ctx, entity, m.recordId))) {
    throw new Rejection('forbidden');
  }

  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of wonFields) changes[field] = [before?.[field] ?? null, record[field] ?? null];
  await ctx.tx.insert(changeLog).values(logRow(ctx, m, stamp, 'applied', changes, merge.lost));
  return { id: m.id, seq: m.seq, outcome: 'applied' };
}

/**
 * Applies `m`, or rejects it with a reason. A savepoint isolates it: a rejected mutation (including one the database
 * itself refuses) leaves no trace but its log line, and the rest of the batch goes on.
 */
export async function applyMutation(ctx: ApplyContext, m: Mutation): Promise<Answer> {
  try {
    return await ctx.tx.transaction((savepoint) => applyChecked({ ...ctx, tx: savepoint }, m));
  } catch (err) {
    const rejection = asRejection(err);
    if (!rejection) throw err; // not the mutation's fault: the whole batch fails and the device retries it
    await ctx.tx
      .insert(changeLog)
      .values(logRow(ctx, m, m.hlc, 'rejected', {}, {}, rejectionReason(rejection)));
    return rejectionResult(m, rejection);
  }
}
