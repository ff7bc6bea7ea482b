// POST /api/sync/push: applies a device's mutations in seq order in one transaction, together with the device's
// last applied seq, so a replay is acknowledged without being applied twice and a gap is reported, never skipped.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { writesNothing } from '../../domain/permissions.ts';
import {
  MIN_CLIENT_PROTOCOL,
  type Mutation,
  PROTOCOL_VERSION,
  PushRequest,
  PushResponse,
  type PushResult,
  type WireMutation,
} from '../../sync/protocol.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import type { Database, Tx } from '../db/database.ts';
import { genericPlans, planOnce, planOnceWhenGeneric, prepare } from '../db/prepared.ts';
import { deviceCursors } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { addRoute } from '../http/route.ts';
import { type ApplyPath, batchOrOneByOne } from './apply-batch.ts';
import type { Answer, ApplyContext } from './apply-mutation.ts';
import { mutationId } from './derived-ids.ts';
import { type CursorMove, loadBatch } from './load-batch.ts';

/** The mutations of a request with their ids (derived from device and seq, PUSH7), in seq order. */
const identify = (deviceId: string, wire: WireMutation[]): Mutation[] =>
  wire.map((m) => ({ ...m, id: mutationId(deviceId, m.seq) })).sort((a, b) => a.seq - b.seq);

const toWire = ({ id: _id, ...result }: Answer): PushResult => result;

/**
 * Answers a push in seq order: replays (seq at or below the device's cursor) and mutations that arrived first in an
 * imported file (PUSH7) as before, from the change log, so a rejection whose answer was lost is still listed on the
 * device (PUSH2); the rest applied by `apply`.
 */
async function answer(
  ctx: ApplyContext,
  apply: ApplyPath,
  replays: Mutation[],
  mutations: Mutation[],
  cursor: CursorMove | null,
): Promise<PushResult[]> {
  const loaded = await loadBatch(
    ctx.db,
    ctx.tx,
    ctx.user,
    [...replays, ...mutations].map((m) => m.id),
    mutations,
    cursor,
  );
  const fresh = mutations.filter((m) => !loaded.earlier.has(m.id));
  const applied = new Map((await apply(ctx, fresh, loaded)).map((r) => [r.id, r]));
  return [
    ...replays.map((m) => ({
      seq: m.seq,
      ...(loaded.earlier.get(m.id) ?? { outcome: 'duplicate' as const }),
    })),
    ...mutations.map((m) =>
      toWire(applied.get(m.id) ?? { id: m.id, seq: m.seq, ...loaded.earlier.get(m.id)! }),
    ),
  ];
}

/**
 * The device's cursor, locked: two pushes from one device (two tabs, a retry) apply one after the other. Always one
 * row, null fields when the device has no cursor yet. It also sets the transaction's plan mode (planOnceWhenGeneric),
 * which thus costs no statement of its own.
 */
const cursorOf = prepare<{ userId: string | null; lastSeq: number | null }>(
  sql`select c.user_id as "userId", c.last_seq::float8 as "lastSeq", ${planOnceWhenGeneric} as "planned"
    from (select 1) as one left join (select * from ${deviceCursors}
      where ${deviceCursors.deviceId} = ${sql.placeholder('deviceId')} for update) as c on true`,
);

const firstCursor = prepare(
  sql`insert into ${deviceCursors} (device_id, user_id, last_seq, updated_at)
    values (${sql.placeholder('deviceId')}, ${sql.placeholder('userId')}, 0, ${sql.placeholder('now')}::timestamptz)
    on conflict do nothing`,
);

/** Locks the device's cursor row, made at its first push. */
async function lockCursor(tx: Tx, deviceId: string, userId: string, now: Date, generic: boolean) {
  const values = { deviceId, genericPlans: generic };
  const [cursor] = await cursorOf.run(tx, values);
  if (cursor?.userId) return cursor;
  await firstCursor.run(tx, { deviceId, userId, now: now.toISOString() });
  const [made] = await cursorOf.run(tx, values);
  return made;
}

/**
 * Identifies a request's mutations, after refusing an account that may write nothing (AUTH2) and an app whose
 * protocol is too old (PUSH5).
 */
function acceptRequest(
  user: AuthUser,
  body: {
    protocolVersion: number;
    deviceId: string;
    mutations: WireMutation[];
  },
): Mutation[] {
  if (writesNothing(user.role)) throw new ApiError(403, 'forbidden');
  if (body.protocolVersion < MIN_CLIENT_PROTOCOL) throw new ApiError(426, 'clientTooOld');
  return identify(body.deviceId, body.mutations);
}

/** `pauseInPushMs`: the crash test's moment to kill or stop the process mid-push (config TEST_PAUSE_IN_PUSH_MS). */
export function registerPushRoute(app: FastifyInstance, database: Database, pauseInPushMs = 0): void {
  const { db } = database;
  const planned = genericPlans(database);
  addRoute(app, {
    method: 'POST',
    url: '/api/sync/push',
    summary:
      "Apply a device's pending mutations (in seq order); each gets applied, superseded, duplicate or rejected",
    tag: 'sync',
    auth: true,
    body: PushRequest,
    response: PushResponse,
    handler: async ({ user, body, req }) => {
      const mutations = acceptRequest(user, body);
      const now = new Date();
      return batchOrOneByOne((apply) =>
        db.transaction(async (tx) => {
          const cursor = await lockCursor(tx, body.deviceId, user.id, now, planned);
          // A device id is bound to the account that first pushed from it; another account may not ride on it.
          if (!cursor || cursor.userId !== user.id) throw new ApiError(403, 'forbidden');
          const lastSeq = cursor.lastSeq ?? 0;

          const replays = mutations.filter((m) => m.seq <= lastSeq);
          const accepted: Mutation[] = [];
          let last = lastSeq;
          for (const m of mutations) {
            if (m.seq <= lastSeq) continue;
            if (m.seq > last + 1 && !body.acceptGap) break; // the device resends from last + 1
            accepted.push(m);
            last = m.seq;
          }
          const ctx = { db, tx, user, deviceId: body.deviceId, now };
          const moved = last !== lastSeq ? { deviceId: body.deviceId, lastSeq: last, now } : null;
          const results = await answer(ctx, apply, replays, accepted, moved);
          if (pauseInPushMs > 0) {
            req.log.warn(
              { mutations: accepted.length },
              'push paused inside its transaction (TEST_PAUSE_IN_PUSH_MS)',
            );
            await new Promise((resolve) => setTimeout(resolve, pauseInPushMs));
          }
          return { protocolVersion: PROTOCOL_VERSION, lastSeq: last, results };
        }),
      );
    },
  });
}

/** An exported file of pending changes (carried by USB or a chat app), as the device wrote it. */
export const ImportRequest = PushRequest.omit({ acceptGap: true });

export function registerImportRoute(app: FastifyInstance, database: Database): void {
  const { db } = database;
  const planned = genericPlans(database);
  addRoute(app, {
    method: 'POST',
    url: '/api/sync/import',
    summary:
      'Apply pending changes exported from a device; mutations already received (by push or an earlier import) are not applied again',
    tag: 'sync',
    auth: true,
    body: ImportRequest,
    response: PushResponse,
    handler: async ({ user, body }) => {
      const mutations = acceptRequest(user, body);
      const now = new Date();
      return batchOrOneByOne((apply) =>
        db.transaction(async (tx) => {
          if (planned) await planOnce(tx);
          const results = await answer(
            { db, tx, user, deviceId: body.deviceId, now },
            apply,
            [],
            mutations,
            null,
          );
          // The original device's own cursor is left alone: when it comes back, its pushes are recognised by id.
          return { protocolVersion: PROTOCOL_VERSION, lastSeq: 0, results };
        }),
      );
    },
  });
}
