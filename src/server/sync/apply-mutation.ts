// Applies one mutation inside the push transaction: authorise, merge per field by HLC, validate the resulting
// record, check its references stay inside the centre, write it with a new version, and log what happened.
import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type EntityName, entitySchemas } from '../../domain/entities.ts';
import { markId } from '../../domain/ids.ts';
import { POLICY } from '../../domain/permissions.ts';
import { clampHlc } from '../../sync/hlc.ts';
import { mergeFields } from '../../sync/merge.ts';
import type { Mutation, PushResult, RejectReason } from '../../sync/protocol.ts';
import { SERVER_FIELDS } from '../../sync/protocol.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { visibleRows } from '../auth/scope.ts';
import type { Db, Tx } from '../db/database.ts';
import { allocateVersions, toRecord } from '../db/records.ts';
import { changeLog, classes, classTypes, entityTables, learners, sessions, users } from '../db/schema.ts';

/** A device clock may run at most this far ahead of the server's; later stamps are pulled back (see hlc.ts). */
export const MAX_CLOCK_DRIFT_MS = 5 * 60 * 1000;

/** Fields that point at another record of the same centre, with the table they point into. */
const REFERENCES: Record<string, PgTable & { id: PgColumn; centreId: PgColumn }> = {
  classId: classes,
  learnerId: learners,
  sessionId: sessions,
  replacesSessionId: sessions,
  classTypeId: classTypes,
  instructorId: users,
};

class Rejection extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

interface Context {
  db: Db;
  tx: Tx;
  user: AuthUser;
  deviceId: string;
  now: Date;
}

const TIMESTAMP_FIELDS = new Set(['updatedAt', 'markedAt']);

async function checkReferences(ctx: Context, record: Record<string, unknown>): Promise<void> {
  for (const [field, table] of Object.entries(REFERENCES)) {
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
      .where(and(inArray(users.id, instructorIds as string[]), eq(users.centreId, ctx.user.centreId)));
    if (found.length !== new Set(instructorIds).size) throw new Rejection('badReference', 'instructorIds');
  }
}

async function inWriteScope(ctx: Context, entity: EntityName, id: string): Promise<boolean> {
  const table = entityTables[entity];
  const [row] = await ctx.tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), visibleRows(ctx.db, ctx.user, entity, 'write')));
  return Boolean(row);
}

async function applyChecked(ctx: Context, m: Mutation): Promise<PushResult> {
  const { entity } = m;
  const { user } = ctx;
  if (POLICY[user.role][entity].write === 'none') throw new Rejection('forbidden');
  if (entity === 'centres' && m.recordId !== user.centreId) throw new Rejection('forbidden');

  const schema = entitySchemas[entity];
  const allowed = new Set(Object.keys(schema.shape));
  for (const field of Object.keys(m.fields)) {
    if (!allowed.has(field) || (SERVER_FIELDS as readonly string[]).includes(field)) {
      throw new Rejection('invalid', `${field}: not a writable field`);
    }
  }
  const fields = { ...m.fields };
  // A mark records who took it: the signed-in user, whatever the device claims.
  if (entity === 'marks' && 'markedBy' in fields) fields.markedBy = user.id;

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
  const before = existing ? (toRecord(entity, existing) as Record<string, unknown>) : undefined;

  if (wonFields.length === 0) {
    await log(ctx, m, stamp, 'superseded', {}, merge.lost);
    return { id: m.id, seq: m.seq, outcome: 'superseded' };
  }

  const base = before ?? {
    id: m.recordId,
    deleted: false,
    ...(entity === 'centres' ? {} : { centreId: user.centreId }),
  };
  const merged = { ...base, ...merge.won, updatedAt: ctx.now.toISOString() };
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Rejection('invalid', issue ? `${issue.path.join('.')}: ${issue.message}` : undefined);
  }
  const record = parsed.data as Record<string, unknown>;
  if (entity === 'marks' && record.id !== markId(String(record.sessionId), String(record.learnerId))) {
    throw new Rejection('invalid', 'id: a mark is identified by its session and learner');
  }
  await checkReferences(ctx, record);

  const version = await allocateVersions(ctx.tx, user.centreId, 1);
  const row: Record<string, unknown> = { version, clocks: merge.clocks };
  for (const [key, value] of Object.entries(record)) {
    row[key] = TIMESTAMP_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value;
  }
  await ctx.tx.insert(table).values(row).onConflictDoUpdate({ target: table.id, set: row });

  // A learner created by an instructor (a walk-in) is reachable only once enrolled, which the next mutation does.
  const walkIn = !existing && entity === 'learners' && user.role === 'instructor';
  if (!walkIn && !(await inWriteScope(ctx, entity, m.recordId))) throw new Rejection('forbidden');

  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of wonFields) changes[field] = [before?.[field] ?? null, record[field] ?? null];
  await log(ctx, m, stamp, 'applied', changes, merge.lost);
  return { id: m.id, seq: m.seq, outcome: 'applied' };
}

async function log(
  ctx: Context,
  m: Mutation,
  stamp: string,
  outcome: 'applied' | 'superseded' | 'rejected',
  changes: Record<string, [unknown, unknown]>,
  lost: Record<string, unknown>,
  reason?: string,
): Promise<void> {
  await ctx.tx.insert(changeLog).values({
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
  });
}

/** PostgreSQL's own refusals that are the mutation's fault: a dangling reference, a broken uniqueness rule. */
function asRejection(err: unknown): Rejection | null {
  const code =
    (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
  if (code === '23503') return new Rejection('badReference');
  if (code === '23505' || code === '22P02' || code === '23502') return new Rejection('invalid', code);
  return null;
}

/**
 * Applies `m`, or rejects it with a reason. A savepoint isolates it: a rejected mutation (including one the database
 * itself refuses) leaves no trace but its log line, and the rest of the batch goes on.
 */
export async function applyMutation(ctx: Context, m: Mutation): Promise<PushResult> {
  try {
    return await ctx.tx.transaction((savepoint) => applyChecked({ ...ctx, tx: savepoint }, m));
  } catch (err) {
    const rejection = err instanceof Rejection ? err : asRejection(err);
    if (!rejection) throw err; // not the mutation's fault: the whole batch fails and the device retries it
    const { reason, detail } = rejection;
    await log(ctx, m, m.hlc, 'rejected', {}, {}, detail ? `${reason}: ${detail}` : reason);
    return { id: m.id, seq: m.seq, outcome: 'rejected', reason, ...(detail && { detail }) };
  }
}

export type { Context as ApplyContext };
