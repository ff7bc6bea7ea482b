// POST /api/sync/push: applies a device's mutations in seq order in one transaction, together with the device's
// last applied seq, so a replay is acknowledged without being applied twice and a gap is reported, never skipped.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { writesNothing } from '../../domain/permissions.ts';
import {
  MIN_CLIENT_PROTOCOL,
  type Mutation,
  PROTOCOL_VERSION,
  PushRequest,
  PushResponse,
  type PushResult,
  type RejectReason,
  type WireMutation,
} from '../../sync/protocol.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import type { Db, Tx } from '../db/database.ts';
import { inIds } from '../db/in-ids.ts';
import { changeLog, deviceCursors } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { addRoute } from '../http/route.ts';
import { applyBatch } from './apply-batch.ts';
import type { Answer, ApplyContext } from './apply-mutation.ts';
import { mutationId } from './derived-ids.ts';

/** The mutations of a request with their ids (derived from device and seq, PUSH7), in seq order. */
const identify = (deviceId: string, wire: WireMutation[]): Mutation[] =>
  wire.map((m) => ({ ...m, id: mutationId(deviceId, m.seq) })).sort((a, b) => a.seq - b.seq);

const toWire = ({ id: _id, ...result }: Answer): PushResult => result;

type EarlierOutcome = Pick<PushResult, 'outcome' | 'reason' | 'detail'>;

/**
 * What already became of these mutation ids (from the change log): a replay gets the same answer again, so a
 * rejection whose answer was lost is still listed on the device (PUSH2), and a mutation that arrived first in an
 * imported file is not applied twice (PUSH7).
 */
async function earlierOutcomes(tx: Tx, ids: string[]): Promise<Map<string, EarlierOutcome>> {
  const found = new Map<string, EarlierOutcome>();
  if (ids.length === 0) return found;
  const rows = await tx
    .select({ id: changeLog.mutationId, outcome: changeLog.outcome, reason: changeLog.reason })
    .from(changeLog)
    .where(inIds(changeLog.mutationId, ids));
  for (const row of rows) {
    if (row.outcome !== 'rejected') {
      found.set(row.id, { outcome: 'duplicate' });
      continue;
    }
    const [reason, ...detail] = (row.reason ?? 'invalid').split(': ');
    found.set(row.id, {
      outcome: 'rejected',
      reason: reason as RejectReason,
      ...(detail.length > 0 && { detail: detail.join(': ') }),
    });
  }
  return found;
}

/** Answers new mutations in seq order: one already received (by an import, PUSH7) as before, the rest applied. */
async function answer(ctx: ApplyContext, mutations: Mutation[]): Promise<PushResult[]> {
  const earlier = await earlierOutcomes(
    ctx.tx,
    mutations.map((m) => m.id),
  );
  const applied = new Map(
    (
      await applyBatch(
        ctx,
        mutations.filter((m) => !earlier.has(m.id)),
      )
    ).map((r) => [r.id, r]),
  );
  return mutations.map((m) => toWire(applied.get(m.id) ?? { id: m.id, seq: m.seq, ...earlier.get(m.id)! }));
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
export function registerPushRoute(app: FastifyInstance, db: Db, pauseInPushMs = 0): void {
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
      return db.transaction(async (tx) => {
        const now = new Date();
        // Locks this device's cursor row: two pushes from one device (two tabs, a retry) apply one after the other.
        await tx
          .insert(deviceCursors)
          .values({ deviceId: body.deviceId, userId: user.id, lastSeq: 0, updatedAt: now })
          .onConflictDoNothing();
        const [cursor] = await tx
          .select()
          .from(deviceCursors)
          .where(eq(deviceCursors.deviceId, body.deviceId))
          .for('update');
        // A device id is bound to the account that first pushed from it; another account may not ride on it.
        if (!cursor || cursor.userId !== user.id) throw new ApiError(403, 'forbidden');

        const replays = mutations.filter((m) => m.seq <= cursor.lastSeq);
        const accepted: Mutation[] = [];
        let last = cursor.lastSeq;
        for (const m of mutations) {
          if (m.seq <= cursor.lastSeq) continue;
          if (m.seq > last + 1 && !body.acceptGap) break; // the device resends from last + 1
          accepted.push(m);
          last = m.seq;
        }
        const earlier = await earlierOutcomes(
          tx,
          replays.map((m) => m.id),
        );
        const results = [
          ...replays.map((m) => ({
            seq: m.seq,
            ...(earlier.get(m.id) ?? { outcome: 'duplicate' as const }),
          })),
          ...(await answer({ db, tx, user, deviceId: body.deviceId, now }, accepted)),
        ];
        if (pauseInPushMs > 0) {
          req.log.warn(
            { mutations: accepted.length },
            'push paused inside its transaction (TEST_PAUSE_IN_PUSH_MS)',
          );
          await new Promise((resolve) => setTimeout(resolve, pauseInPushMs));
        }
        if (last !== cursor.lastSeq) {
          await tx
            .update(deviceCursors)
            .set({ lastSeq: last, updatedAt: now })
            .where(eq(deviceCursors.deviceId, body.deviceId));
        }
        return { protocolVersion: PROTOCOL_VERSION, lastSeq: last, results };
      });
    },
  });
}

/** An exported file of pending changes (carried by USB or a chat app), as the device wrote it. */
export const ImportRequest = PushRequest.omit({ acceptGap: true });

export function registerImportRoute(app: FastifyInstance, db: Db): void {
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
      return db.transaction(async (tx) => {
        const results = await answer({ db, tx, user, deviceId: body.deviceId, now: new Date() }, mutations);
        // The original device's own cursor is left alone: when it comes back, its pushes are recognised by id.
        return { protocolVersion: PROTOCOL_VERSION, lastSeq: 0, results };
      });
    },
  });
}
