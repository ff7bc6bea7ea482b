// The batch path of push: merges and checks in memory in seq order the records a batch touches (loaded at once,
// load-batch.ts), and writes rows, versions and log lines a part at a time, one statement per part. Anything it
// cannot settle in memory (a record that would land outside the user's scope, a database refusal) sends the whole
// push again down the one-by-one path, in a fresh transaction, so both paths give exactly the same answers.
import { sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { EntityName, Role } from '../../domain/entities.ts';
import { allows } from '../../domain/permissions.ts';
import { clampHlc } from '../../sync/hlc.ts';
import { mergeFields } from '../../sync/merge.ts';
import type { Mutation } from '../../sync/protocol.ts';
import { scopeUserOfRole, scopeValues, visibleRows } from '../auth/scope.ts';
import { writeVersioned } from '../db/bulk-write.ts';
import { preparedPer } from '../db/prepared.ts';
import { toRow } from '../db/records.ts';
import { changeLog, entityTables } from '../db/schema.ts';
import {
  type Answer,
  type ApplyContext,
  applyMutation,
  logRow,
  rejectionReason,
  rejectionResult,
} from './apply-mutation.ts';
import type { LoadedBatch } from './load-batch.ts';
import {
  asRejection,
  checkMutation,
  isWalkInCreation,
  MAX_CLOCK_DRIFT_MS,
  mergedRecord,
  Rejection,
  referencesOf,
} from './mutation-rules.ts';

class NeedsOneByOne extends Error {}

type LogRow = typeof changeLog.$inferInsert;

type Table = PgTable & { id: PgColumn; centreId?: PgColumn };

interface RecordState {
  entity: EntityName;
  existed: boolean;
  /** The existing row was in the user's write scope. */
  inScope: boolean;
  current: Record<string, unknown> | undefined;
  /** Server-only columns of the stored row, written back unchanged. */
  kept: Record<string, unknown>;
  clocks: Record<string, string>;
  changed: boolean;
}

const byEntity = <T>(items: T[], entity: (item: T) => EntityName) => {
  const groups = new Map<EntityName, T[]>();
  for (const item of items) {
    const group = groups.get(entity(item));
    if (group) group.push(item);
    else groups.set(entity(item), [item]);
  }
  return groups;
};

/** Which of some records of one kind a role may write, asked of the database (prepared per role and kind). */
const inWriteScopeStatement = preparedPer<string, { id: string }>((db, key) => {
  const [role, entity] = key.split('/') as [Role, EntityName];
  const table = entityTables[entity] as Table;
  return sql`select ${table.id}::text as id from ${table}
    where ${table.id} = any(string_to_array(${sql.placeholder('ids')}, ',')::uuid[])
      and ${visibleRows(db, scopeUserOfRole(role), entity, 'write')}`;
});

/**
 * Which of these records (given as records) the user may write. With centre-wide write scope that is a comparison of
 * centre ids, in memory; narrower scopes ask the database (scope.ts).
 */
async function idsInWriteScope(
  ctx: ApplyContext,
  entity: EntityName,
  records: Record<string, unknown>[],
): Promise<Set<string>> {
  if (allows(ctx.user.role, { entity, action: 'write', wholeCentre: true })) {
    const centreOf = (r: Record<string, unknown>) => (entity === 'centres' ? r.id : r.centreId);
    return new Set(records.filter((r) => centreOf(r) === ctx.user.centreId).map((r) => r.id as string));
  }
  const rows = await inWriteScopeStatement(ctx.db, `${ctx.user.role}/${entity}`).run(ctx.tx, {
    ...scopeValues(ctx.user),
    ids: records.map((r) => r.id).join(','),
  });
  return new Set(rows.map((r) => r.id));
}

const statesOf = (stored: LoadedBatch['stored']) =>
  new Map<string, RecordState>(
    [...stored].map(([id, s]) => [
      id,
      {
        entity: s.entity,
        existed: true,
        inScope: s.inScope,
        current: s.record,
        kept: s.kept,
        clocks: s.clocks ?? {},
        changed: false,
      },
    ]),
  );

/** Parents before children, so a walk-in learner exists before its enrolment and marks. */
const WRITE_ORDER: EntityName[] = [
  'centres',
  'users',
  'classTypes',
  'planItems',
  'classes',
  'learners',
  'enrollments',
  'sessions',
  'marks',
  'attachments',
  'dossiers',
];

/**
 * Mutations merged between two writes. The database writes one part while the next is merged (two cores instead of
 * one taking turns); a part is large enough that its statement's fixed cost stays small.
 */
const WRITE_PART = 250;

/** Sends the records and log lines gathered since the last part (without waiting for the database), and empties them. */
function writePart(ctx: ApplyContext, touched: Map<string, RecordState>, logs: LogRow[]): Promise<unknown> {
  let place = 1;
  const records = WRITE_ORDER.flatMap((entity) => {
    const rows = [...touched.values()]
      .filter((s) => s.entity === entity)
      .map((s) => ({ ...toRow(s.current!, place++, s.clocks), ...s.kept }));
    const table = entityTables[entity] as Table;
    return rows.length > 0 ? [{ table, rows, upsertOn: table.id }] : [];
  });
  const written = writeVersioned(ctx.tx, ctx.user.centreId, records, { table: changeLog, rows: logs });
  touched.clear();
  logs.length = 0;
  // Awaited with the others at the end; until then a failure must not count as unhandled.
  written.catch(() => {});
  return written;
}

/**
 * Applies mutations (already known to be new, in seq order) in memory and writes them in bulk; throws NeedsOneByOne
 * (or the database's refusal) when the one-by-one path must decide.
 */
async function applyInMemoryThenWrite(
  ctx: ApplyContext,
  mutations: Mutation[],
  { stored, known }: LoadedBatch,
): Promise<Answer[]> {
  const { user } = ctx;
  const states = statesOf(stored);
  const results: Answer[] = [];
  const writes: Promise<unknown>[] = [];
  const touched = new Map<string, RecordState>();
  const logs: LogRow[] = [];

  for (const m of mutations) {
    if (logs.length === WRITE_PART) writes.push(writePart(ctx, touched, logs));
    const stamp = clampHlc(m.hlc, ctx.now.getTime(), MAX_CLOCK_DRIFT_MS);
    try {
      const fields = checkMutation(user, m);
      const state = states.get(m.recordId);
      if (state && state.entity !== m.entity) throw new NeedsOneByOne(); // one id in two tables: let the database say
      if (state?.existed && !state.inScope) throw new Rejection('forbidden');
      const merge = mergeFields(state?.clocks ?? {}, fields, stamp);
      if (Object.keys(merge.won).length === 0) {
        logs.push(logRow(ctx, m, stamp, 'superseded', {}, merge.lost));
        results.push({ id: m.id, seq: m.seq, outcome: 'superseded' });
        continue;
      }
      const before = state?.current;
      const record = mergedRecord(user, m.entity, m.recordId, before, merge.won, ctx.now);
      for (const ref of referencesOf(merge.won)) {
        // Or written earlier in this batch (a walk-in learner before its enrolment). Merely loaded is not enough: the
        // batch loads every record it names, another centre's included.
        const madeHere = states.get(ref.id);
        const ok =
          known.has(`${ref.entity}/${ref.id}`) || (madeHere?.entity === ref.entity && madeHere.changed);
        if (!ok) throw new Rejection('badReference', ref.field);
      }
      const changes: Record<string, [unknown, unknown]> = {};
      for (const field of Object.keys(merge.won))
        changes[field] = [before?.[field] ?? null, record[field] ?? null];
      const after: RecordState = {
        entity: m.entity,
        existed: state?.existed ?? false,
        inScope: state?.inScope ?? false,
        current: record,
        kept: state?.kept ?? {},
        clocks: merge.clocks,
        changed: true,
      };
      states.set(m.recordId, after);
      touched.set(m.recordId, after);
      logs.push(logRow(ctx, m, stamp, 'applied', changes, merge.lost));
      results.push({ id: m.id, seq: m.seq, outcome: 'applied' });
    } catch (err) {
      if (!(err instanceof Rejection)) throw err;
      logs.push(logRow(ctx, m, m.hlc, 'rejected', {}, {}, rejectionReason(err)));
      results.push(rejectionResult(m, err));
    }
  }
  writes.push(writePart(ctx, touched, logs));
  await Promise.all(writes);

  // Every written record must now be in the user's write scope (AUTH1); if not, the one-by-one path decides.
  const changed = [...states.entries()].filter(([, s]) => s.changed);
  for (const [entity, written] of byEntity(changed, ([, s]) => s.entity)) {
    const mustCheck = written.filter(([, s]) => !isWalkInCreation(user, entity, s.existed));
    if (mustCheck.length === 0) continue;
    const inScope = await idsInWriteScope(
      ctx,
      entity,
      mustCheck.map(([, s]) => s.current!),
    );
    if (inScope.size !== new Set(mustCheck).size) throw new NeedsOneByOne();
  }
  return results;
}

export type ApplyPath = (ctx: ApplyContext, mutations: Mutation[], loaded: LoadedBatch) => Promise<Answer[]>;

/** Each mutation in its own savepoint (apply-mutation.ts), checked against the database as it goes. */
const oneByOne: ApplyPath = async (ctx, mutations) => {
  const results: Answer[] = [];
  for (const m of mutations) results.push(await applyMutation(ctx, m));
  return results;
};

/**
 * Runs `push`, a whole transaction, with the batch path; when that path cannot settle the batch (NeedsOneByOne, or
 * a database refusal) the transaction is rolled back and `push` runs again with the one-by-one path. Nothing of the
 * first attempt remains, so both paths give exactly the same answers, and the fast path needs no savepoint.
 */
export async function batchOrOneByOne<T>(push: (apply: ApplyPath) => Promise<T>): Promise<T> {
  try {
    return await push(applyInMemoryThenWrite);
  } catch (err) {
    if (!(err instanceof NeedsOneByOne) && !asRejection(err)) throw err;
    return push(oneByOne);
  }
}
