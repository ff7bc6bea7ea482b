// Pending changes as a file: saved from a device that cannot reach the server, and sent from any signed-in device.
// The mutations keep their ids, so sending a file twice, or after the phone itself synced, changes nothing (PUSH7).
import { PendingFile, PROTOCOL_VERSION, PushResponse } from '../../sync/protocol.ts';
import type { AppDb } from '../db/app-db.ts';
import { deviceId, markExported, readSession } from '../db/device-state.ts';
import { toWire } from './engine.ts';
import { ApiRequestError, apiRequest } from './http.ts';

export async function exportPending(db: AppDb): Promise<{ file: PendingFile; name: string }> {
  const session = await readSession(db);
  if (!session) throw new ApiRequestError(401, 'unauthenticated');
  const entries = await db.outbox.orderBy('seq').toArray();
  const file: PendingFile = {
    format: 'diem-danh-pending',
    protocolVersion: PROTOCOL_VERSION,
    deviceId: await deviceId(db),
    userId: session.me.user.id,
    exportedAt: new Date().toISOString(),
    mutations: entries.map(toWire),
  };
  const last = entries[entries.length - 1];
  if (last) await markExported(db, last.seq);
  const stamp = file.exportedAt.slice(0, 16).replace(/[-:T]/g, '');
  return { file, name: `diem-danh-chua-dong-bo-${stamp}.json` };
}

export interface ImportSummary {
  applied: number;
  alreadyThere: number;
  rejected: number;
}

/** Sends a pending-changes file to the server; throws ApiRequestError('badRequest') for a file that is not one. */
export async function importPending(db: AppDb, text: string): Promise<ImportSummary> {
  const session = await readSession(db);
  if (!session) throw new ApiRequestError(401, 'unauthenticated');
  let parsed: PendingFile;
  try {
    parsed = PendingFile.parse(JSON.parse(text));
  } catch {
    throw new ApiRequestError(400, 'badRequest');
  }
  const response = await apiRequest('/api/sync/import', {
    method: 'POST',
    token: session.token,
    body: { protocolVersion: parsed.protocolVersion, deviceId: parsed.deviceId, mutations: parsed.mutations },
    schema: PushResponse,
  });
  const count = (outcomes: string[]) => response.results.filter((r) => outcomes.includes(r.outcome)).length;
  return {
    applied: count(['applied', 'superseded']),
    alreadyThere: count(['duplicate']),
    rejected: count(['rejected']),
  };
}
