// POST /api/sync/push: applies a device's mutations in seq order in one transaction, together with the device's
// last applied seq, so a replay is acknowledged without being applied twice and a gap is reported, never skipped.
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import {
  MIN_CLIENT_PROTOCOL,
  PROTOCOL_VERSION,
  PushRequest,
  PushResponse,
  type PushResult,
  type RejectReason,
} from '../../sync/protocol.ts';
import type { Db, Tx } from '../db/database.ts';
import { changeLog, deviceCursors } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { addRoute } from '../http/route.ts';
import { applyMutation } from './apply-mutation.ts';

/** The rejections already given to these mutation ids, from the change log. */
async function earlierRejections(tx: Tx, ids: string[]) {
  const found = new Map<string, Pick<PushResult, 'outcome' | 'reason' | 'detail'>>();
  if (ids.length === 0) return found;
  const rows = await tx
    .select({ id: changeLog.mutationId, reason: changeLog.reason })
    .from(changeLog)
    .where(and(inArray(changeLog.mutationId, ids), eq(changeLog.outcome, 'rejected')));
  for (const row of rows) {
    const [reason, ...detail] = (row.reason ?? 'invalid').split(': ');
    found.set(row.id, {
      outcome: 'rejected',
      reason: reason as RejectReason,
      ...(detail.length > 0 && { detail: detail.join(': ') }),
    });
  }
  return found;
}

export function registerPushRoute(app: FastifyInstance, db: Db): void {
  addRoute(app, {
    method: 'POST',
    url: '/api/sync/push',
    summary:
      "Apply a device's pending mutations (in seq order); each gets applied, superseded, duplicate or rejected",
    tag: 'sync',
    auth: true,
    body: PushRequest,
    response: PushResponse,
    handler: async ({ user, body }) => {
      if (body.protocolVersion < MIN_CLIENT_PROTOCOL) throw new ApiError(426, 'clientTooOld');
      const mutations = [...body.mutations].sort((a, b) => a.seq - b.seq);
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

        let last = cursor.lastSeq;
        const results: PushResult[] = [];
        const replayed = await earlierRejections(
          tx,
          mutations.filter((m) => m.seq <= last).map((m) => m.id),
        );
        for (const m of mutations) {
          if (m.seq <= last) {
            // A replay (its answer was lost): repeat a rejection, so the device still lists it (SPEC PUSH2).
            const rejection = replayed.get(m.id);
            results.push(
              rejection
                ? { id: m.id, seq: m.seq, ...rejection }
                : { id: m.id, seq: m.seq, outcome: 'duplicate' },
            );
            continue;
          }
          if (m.seq > last + 1 && !body.acceptGap) break; // the device resends from last + 1
          results.push(await applyMutation({ db, tx, user, deviceId: body.deviceId, now }, m));
          last = m.seq;
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
