// POST /api/sync/push: applies a device's mutations in seq order in one transaction, together with the device's
// last applied seq, so a replay is acknowledged without being applied twice and a gap is reported, never skipped.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import {
  MIN_CLIENT_PROTOCOL,
  PROTOCOL_VERSION,
  PushRequest,
  PushResponse,
  type PushResult,
} from '../../sync/protocol.ts';
import type { Db } from '../db/database.ts';
import { deviceCursors } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { addRoute } from '../http/route.ts';
import { applyMutation } from './apply-mutation.ts';

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
        for (const m of mutations) {
          if (m.seq <= last) {
            results.push({ id: m.id, seq: m.seq, outcome: 'duplicate' });
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
