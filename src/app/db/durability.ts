// The app's transactions commit with relaxed durability: IndexedDB hands the data to the operating system and
// answers without waiting for the disk, so a tap is on the device (it survives a reload, a closed tab, a crashed
// browser) in a few milliseconds instead of the 20–50 ms a disk flush takes on a cheap phone. Behind every write a
// one-row transaction with strict durability follows at once: flushing the disk flushes everything committed before
// it, so a write reaches the disk no later than if it had been strict itself (that is what protects it from a dead
// battery), while the screen only waits for the commit. The flushes run one at a time; writes that complete during
// one are covered by the next.
import type { DBCore, Middleware } from 'dexie';
import type { AppDb } from './app-db.ts';

/** The table the flush writes its one row to; no other transaction uses it, so a flush never holds up a write. */
export const FLUSH_TABLE = 'diskFlush';

// User Timing marks (cleared at once; observers still see them), so tools can time a tap: when a write transaction
// has committed, and when a flush behind it has reached the disk.
export const WRITE_COMMITTED = 'diem-danh:write-committed';
export const WRITE_ON_DISK = 'diem-danh:write-on-disk';

let relay: ((name: string, at: number) => void) | null = null;

/**
 * Also hands each mark to `to`, with its time on the clock every context shares (ms since the epoch, sub-ms): the
 * write worker sends its marks to the page, whose timeline tools read.
 */
export function relayWriteMarks(to: (name: string, at: number) => void): void {
  relay = to;
}

/** Makes one of the marks above in this thread's timeline, now or at `at` (as relayed); relays it, in the worker. */
export function markWrite(name: string, at?: number): void {
  const entry = performance.mark(
    name,
    at === undefined ? undefined : { startTime: Math.max(0, at - performance.timeOrigin) },
  );
  performance.clearMarks(name);
  relay?.(name, performance.timeOrigin + entry.startTime);
}

class DiskFlush {
  private running = false;
  private again = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly db: AppDb) {}

  /** Asks for a flush of everything committed so far. */
  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.run();
  }

  /** Resolves once everything committed before the call is on disk (or the database has closed). */
  settled(): Promise<void> {
    if (!this.running && !this.again) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private run(): void {
    this.running = true;
    this.again = false;
    let tx: IDBTransaction;
    try {
      tx = this.db.backendDB().transaction(FLUSH_TABLE, 'readwrite', { durability: 'strict' });
      tx.objectStore(FLUSH_TABLE).put({ key: 'last', at: Date.now() });
    } catch {
      // The database is closing (sign-out, an upgrade in another tab): nothing more can be flushed through it.
      this.finish();
      return;
    }
    tx.oncomplete = () => {
      markWrite(WRITE_ON_DISK);
      this.finish();
    };
    tx.onabort = () => this.finish();
  }

  private finish(): void {
    this.running = false;
    if (this.again) {
      this.run();
      return;
    }
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

const flushes = new WeakMap<AppDb, DiskFlush>();

/** Resolves once every write committed before the call is on disk. */
export function writesOnDisk(db: AppDb): Promise<void> {
  return flushes.get(db)?.settled() ?? Promise.resolve();
}

/** To be called when a write transaction has committed: marks it, and asks for the flush behind it. */
export function writeCommitted(db: AppDb): void {
  markWrite(WRITE_COMMITTED);
  flushes.get(db)?.request();
}

/** Relaxed commits, each readwrite transaction followed by a disk flush (see above). */
export function durabilityMiddleware(db: AppDb): Middleware<DBCore> {
  flushes.set(db, new DiskFlush(db));
  return {
    stack: 'dbcore',
    name: 'durability',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const tx = down.transaction(stores, mode, { ...options, durability: 'relaxed' });
        // Listening before Dexie does: the mark is the commit itself, not Dexie's handling of it.
        if (mode === 'readwrite')
          (tx as unknown as IDBTransaction).addEventListener('complete', () => writeCommitted(db));
        return tx;
      },
    }),
  };
}
