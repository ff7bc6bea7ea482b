// The page's side of the write worker (write-worker.ts). A tap's write (applying the change, the schema check, the ids,
// the structured clone of the roll into IndexedDB) took 7–9 ms of a slow phone's main thread before the frame that
// shows the tap could start; sent to the worker, it runs on another core while the page renders, and the page only
// posts the change. Writes are sent in the order asked and answered when committed, with the error, if any, rebuilt
// as the one the write threw (a ZodError, a StorageFullError). A worker that cannot start (its script failed to load)
// hands what it was sent back to be written in the page, and every write after it is written there too.
//
// What a write changed reaches the page's live queries from here, after the frame that shows the tap: told at once
// (as Dexie's own channel between contexts did), the page re-read the roll and re-rendered the screen before that
// frame, which then came 10–15 ms later at 4×. The answer to the write waits with it, in order, so whatever awaited
// the write runs after it too. Through the page's Dexie the other tabs are told then as well.
import Dexie, { type ObservabilitySet } from 'dexie';
import type { ZodError } from 'zod';
import { afterNextPaint } from './after-next-paint.ts';
import type { AppDb } from './app-db.ts';
import { serverNow } from './clock-offset.ts';
import { markWrite } from './durability.ts';
import type { Change } from './local-write.ts';
import { StorageFullError } from './storage-full.ts';

export type WriteRequest =
  /** `at`: when the page asked, by the server's clock as the page knows it (clock-offset.ts): the changes' time. */
  | { type: 'write'; id: number; batch: Change[]; centreId: string; at: number }
  /** The roll screen reads this session's roll: the worker reads it too, for its next write's guess (write-guess.ts). */
  | { type: 'watch'; sessionId: string };

export type WriteFailure =
  | { kind: 'storageFull' }
  | { kind: 'invalid'; issues: ZodError['issues'] }
  | { kind: 'failed'; name: string; message: string };

export type WriteReply =
  | { type: 'ready' }
  | { type: 'written'; id: number; failure: WriteFailure | null }
  /** A User Timing mark the worker made (durability.ts), made again in the page's timeline at the time it was made. */
  | { type: 'mark'; name: string; at: number }
  /** What the worker's writes changed, as Dexie tells live queries (write-worker-start.ts). */
  | { type: 'changed'; parts: ObservabilitySet };

/** What the client talks to: a Worker in the app, one end of a MessageChannel in tests. */
export interface WritePort {
  postMessage(message: WriteRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WriteReply>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

export type WriteHere = (batch: Change[], centreId: string) => Promise<void>;

interface Sent {
  batch: Change[];
  centreId: string;
  resolve(): void;
  reject(err: unknown): void;
}

export class WriteWorkerClient {
  private port: WritePort | null = null;
  private ready = false;
  /** True once the worker has failed (or could not be made): writes are then made in the page. */
  broken = false;
  private nextId = 1;
  private readonly sent = new Map<number, Sent>();

  /** `start` makes the worker (on first use); `writeHere` writes in the page when it cannot. */
  constructor(
    private readonly start: () => WritePort,
    private readonly writeHere: WriteHere,
  ) {}

  write(batch: Change[], centreId: string): Promise<void> {
    const port = this.connect();
    if (!port) return this.writeHere(batch, centreId);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.sent.set(id, { batch, centreId, resolve, reject });
      port.postMessage({ type: 'write', id, batch, centreId, at: serverNow() });
    });
  }

  watch(sessionId: string): void {
    this.connect()?.postMessage({ type: 'watch', sessionId });
  }

  /** The worker, made on first use; null once it has failed, or if it cannot be made (a policy forbids it, say). */
  private connect(): WritePort | null {
    if (this.broken) return null;
    if (this.port) return this.port;
    let port: WritePort;
    try {
      port = this.start();
    } catch {
      this.broken = true;
      return null;
    }
    port.addEventListener('message', (event) => this.receive(event.data));
    port.addEventListener('error', () => this.fail());
    this.port = port;
    return port;
  }

  private receive(reply: WriteReply): void {
    if (reply.type === 'ready') this.ready = true;
    else if (reply.type === 'mark') markWrite(reply.name, reply.at);
    else if (reply.type === 'changed') afterNextPaint(() => Dexie.on.storagemutated.fire(reply.parts));
    else {
      const sent = this.sent.get(reply.id);
      this.sent.delete(reply.id);
      if (!sent) return;
      afterNextPaint(() => (reply.failure ? errorOf(reply.failure).then(sent.reject) : sent.resolve()));
    }
  }

  private fail(): void {
    this.broken = true;
    const sent = [...this.sent.values()];
    this.sent.clear();
    for (const { batch, centreId, resolve, reject } of sent) {
      // Before the worker said it was ready it had run nothing: each write is made here instead. After, a write may
      // or may not have committed: it fails (the screen shows what is stored, and says the save failed).
      if (this.ready) reject(new Error('the write worker stopped'));
      else this.writeHere(batch, centreId).then(resolve, reject);
    }
  }
}

/** The error a write in the worker threw, as the page's callers know it (zod is loaded for it: not at start). */
async function errorOf(failure: WriteFailure): Promise<Error> {
  if (failure.kind === 'storageFull') return new StorageFullError('storageFull');
  if (failure.kind === 'invalid') return new (await import('zod')).ZodError(failure.issues);
  return Object.assign(new Error(failure.message), { name: failure.name });
}

const workers = new WeakMap<AppDb, WriteWorkerClient>();

/** Sends this database's writes to a worker (the app does, at start; tests write in their own thread). */
export function attachWriteWorker(db: AppDb, client: WriteWorkerClient): void {
  workers.set(db, client);
}

/** The worker that writes to this database, while it works. */
export function writeWorkerOf(db: AppDb): WriteWorkerClient | null {
  const client = workers.get(db);
  return client && !client.broken ? client : null;
}
