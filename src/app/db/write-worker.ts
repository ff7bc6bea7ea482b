// The write worker's side (write-worker-client.ts has the page's): each write asked for is made here, in this
// thread, with this thread's own connection to the device database and its own guesses (write-guess.ts). What it
// changed reaches the page's live queries through the page (write-worker-start.ts).
import { ZodError } from 'zod';
import type { AppDb } from './app-db.ts';
import { relayWriteMarks } from './durability.ts';
import { writeHere } from './local-write.ts';
import { isStorageFull } from './storage-full.ts';
import { readRollForWrites } from './write-guess.ts';
import type { WriteFailure, WriteReply, WriteRequest } from './write-worker-client.ts';

/** The worker's end: its global scope in the app, the other end of a MessageChannel in tests. */
export interface ServedPort {
  postMessage(message: WriteReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WriteRequest>) => void): void;
}

/** Answers the page's requests on `port`; says it is ready at once. */
export function serveWrites(db: AppDb, port: ServedPort): void {
  relayWriteMarks((name, at) => port.postMessage({ type: 'mark', name, at }));
  port.addEventListener('message', ({ data: request }) => {
    if (request.type === 'watch') {
      // Only a guess: if it cannot be read, the next write reads what it needs itself.
      readRollForWrites(db, request.sessionId).catch(() => {});
      return;
    }
    // Not waited on before the next request: each write is issued as it arrives, and IndexedDB commits them in order.
    writeHere(db, request.batch, request.centreId, request.at).then(
      () => port.postMessage({ type: 'written', id: request.id, failure: null }),
      (err: unknown) => port.postMessage({ type: 'written', id: request.id, failure: failureOf(err) }),
    );
  });
  port.postMessage({ type: 'ready' });
}

function failureOf(err: unknown): WriteFailure {
  if (isStorageFull(err)) return { kind: 'storageFull' };
  if (err instanceof ZodError) return { kind: 'invalid', issues: err.issues };
  const { name = 'Error', message = String(err) } = err instanceof Error ? err : {};
  return { kind: 'failed', name, message };
}
