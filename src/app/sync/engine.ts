// One sync round: push the outbox in seq order (bounded batches), file the server's answers, then pull every page
// after the cursor. Each step commits on its own, so a round cut off anywhere is simply resumed by the next one.
import {
  PROTOCOL_VERSION,
  PULL_PAGE_MAX,
  PUSH_MAX_BYTES,
  PullResponse,
  PushResponse,
  type WireMutation,
} from '../../sync/protocol.ts';
import type { AppDb, OutboxEntry } from '../db/app-db.ts';
import { applyPullPage, resetLocalData } from '../db/apply-pull.ts';
import { deviceId, markSessionRefused, readCursor, readSession } from '../db/device-state.ts';
import type { Transport } from './transport.ts';

export const PUSH_BATCH = 500;

/** What travels of an outbox entry: its id is derived from device and seq on both sides. */
export const toWire = ({ id: _id, createdAt: _at, ...m }: OutboxEntry): WireMutation => m;
// A runaway loop (a server that never says "no more") stops here; the next round continues from where it was.
const MAX_ROUNDS = 1000;

export type SyncFailure = 'network' | 'signedOut' | 'clientTooOld' | 'server';

export class SyncError extends Error {
  constructor(readonly failure: SyncFailure) {
    super(failure);
  }
}

function check(status: number): void {
  if (status === 401) throw new SyncError('signedOut');
  if (status === 426) throw new SyncError('clientTooOld');
  if (status >= 400) throw new SyncError('server');
}

async function send(transport: Transport, request: Parameters<Transport>[0]) {
  try {
    return await transport(request);
  } catch {
    throw new SyncError('network');
  }
}

/** The next batch: oldest first, at most PUSH_BATCH entries and about PUSH_MAX_BYTES of JSON. */
async function nextBatch(db: AppDb): Promise<OutboxEntry[]> {
  const entries = await db.outbox.orderBy('seq').limit(PUSH_BATCH).toArray();
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    bytes += JSON.stringify(e).length;
    if (batch.length > 0 && bytes > PUSH_MAX_BYTES * 0.9) break;
    batch.push(e);
  }
  return batch;
}

/** Acknowledged changes are kept this long, to resend them to a server restored from an older backup. */
const SENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Files the server's answer in one transaction: rejected mutations go to the rejected list (DEV3), everything
 * acknowledged moves from the outbox to the sent archive.
 */
async function fileResults(db: AppDb, batch: OutboxEntry[], response: PushResponse): Promise<void> {
  const bySeq = new Map(batch.map((e) => [e.seq, e]));
  await db.transaction('rw', db.outbox, db.rejected, db.sent, async () => {
    const now = new Date();
    for (const r of response.results) {
      const entry = bySeq.get(r.seq);
      if (r.outcome === 'rejected' && entry) {
        await db.rejected.put({
          ...entry,
          reason: r.reason ?? 'invalid',
          detail: r.detail,
          rejectedAt: now.toISOString(),
        });
      }
    }
    const acknowledged = db.outbox.where('seq').belowOrEqual(response.lastSeq);
    await db.sent.bulkPut(await acknowledged.toArray());
    await acknowledged.delete();
    await db.sent
      .where('createdAt')
      .below(new Date(now.getTime() - SENT_RETENTION_MS).toISOString())
      .delete();
  });
}

/**
 * The server lacks seqs after `lastSeq` that this device already had acknowledged (it was restored from an older
 * backup): put them back in the outbox. Returns whether the archive still holds `lastSeq + 1`.
 */
async function requeueSent(db: AppDb, lastSeq: number): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.sent, async () => {
    const lost = db.sent.where('seq').above(lastSeq);
    const entries = await lost.toArray();
    await db.outbox.bulkPut(entries);
    await lost.delete();
    return entries[0]?.seq === lastSeq + 1;
  });
}

async function push(db: AppDb, transport: Transport, token: string): Promise<void> {
  const device = await deviceId(db);
  let acceptGap = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await nextBatch(db);
    if (batch.length === 0) return;
    const res = await send(transport, {
      method: 'POST',
      path: '/api/sync/push',
      token,
      body: {
        protocolVersion: PROTOCOL_VERSION,
        deviceId: device,
        mutations: batch.map(toWire),
        ...(acceptGap && { acceptGap }),
      },
    });
    check(res.status);
    const response = PushResponse.parse(res.body);
    await fileResults(db, batch, response);
    if (response.lastSeq < batch[0]!.seq - 1) {
      // PUSH3: the server is missing earlier seqs. Resend them from the archive; if they are gone, go on without.
      acceptGap = !(await requeueSent(db, response.lastSeq));
    } else if (response.lastSeq < batch[0]!.seq) {
      throw new SyncError('server');
    } else {
      acceptGap = false;
    }
  }
}

async function fetchPage(transport: Transport, token: string, cursor: number): Promise<PullResponse> {
  const res = await send(transport, {
    method: 'GET',
    path: `/api/sync/pull?cursor=${cursor}&limit=${PULL_PAGE_MAX}`,
    token,
  });
  check(res.status);
  return PullResponse.parse(res.body);
}

/**
 * Pulls every page after the stored cursor. The next page is requested while the current one is being stored, so
 * the server's work and the device's writes overlap; a page is only ever applied after the one before it.
 */
async function pull(db: AppDb, transport: Transport, token: string): Promise<void> {
  let next = fetchPage(transport, token, await readCursor(db));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await next;
    if (page.reset) {
      await resetLocalData(db);
      next = fetchPage(transport, token, 0);
      continue;
    }
    if (page.hasMore) {
      next = fetchPage(transport, token, page.cursor);
      // Settled here so that a failure while storing this page does not leave it unhandled; awaited again above.
      next.catch(() => {});
    }
    await applyPullPage(db, page);
    if (!page.hasMore) return;
  }
}

/**
 * Sends the bytes of photos whose records the server already has (records go up first, in the push). A photo the
 * server will not take yet stays queued for the next round; nothing is dropped.
 */
async function uploadFiles(db: AppDb, transport: Transport, token: string): Promise<void> {
  const waiting = await db.files.where('uploaded').equals(0).toArray();
  if (waiting.length === 0) return;
  const unsent = new Set(
    (
      await db.outbox
        .where('recordId')
        .anyOf(waiting.map((f) => f.id))
        .toArray()
    ).map((e) => e.recordId),
  );
  for (const file of waiting) {
    if (unsent.has(file.id)) continue;
    const res = await send(transport, {
      method: 'PUT',
      path: `/api/files/${file.id}`,
      token,
      bytes: file.blob,
    });
    if (res.status === 401 || res.status === 426) check(res.status);
    if (res.status === 204) await db.files.update(file.id, { uploaded: 1 });
  }
}

/** Pushes then pulls. Throws a SyncError; local data and the outbox are never discarded on failure. */
export async function syncOnce(db: AppDb, transport: Transport): Promise<void> {
  const session = await readSession(db);
  if (!session || session.needsSignIn) throw new SyncError('signedOut');
  try {
    await push(db, transport, session.token);
    await uploadFiles(db, transport, session.token);
    await pull(db, transport, session.token);
  } catch (err) {
    if (err instanceof SyncError && err.failure === 'signedOut') await markSessionRefused(db);
    throw err;
  }
}
