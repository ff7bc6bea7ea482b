// The app makes its writes in a worker (write-worker.ts), so that a tap's write runs beside the page's render. Run
// here in the test's thread over a MessageChannel: writes land in the database from the worker's own connection and
// guesses, in the order sent; a refused change fails in the page as it would have there; marks the worker makes
// appear in the page's timeline at the time they were made; and a worker that cannot start costs no write.
import Dexie, { type ObservabilitySet, RangeSet } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { markWrite, WRITE_COMMITTED } from '../../../src/app/db/durability.ts';
import { rollMarks } from '../../../src/app/db/local-records.ts';
import { type Change, writeChanges, writeHere } from '../../../src/app/db/local-write.ts';
import { guessFor, guessOutcomes } from '../../../src/app/db/write-guess.ts';
import {
  attachWriteWorker,
  type WritePort,
  type WriteReply,
  WriteWorkerClient,
  writeWorkerOf,
} from '../../../src/app/db/write-worker-client.ts';
import type { MarkStatus } from '../../../src/domain/entities.ts';
import { newId } from '../../../src/domain/ids.ts';
import { startWriteWorker, type TestWriteWorker } from '../helpers/write-worker.ts';

const centreId = newId();
const sessionId = newId();

const tap = (learnerId: string, status: MarkStatus, markedBy = newId()): Change => ({
  entity: 'marks',
  sessionId,
  learnerId,
  changes: { status, markedBy, markedAt: '2026-12-07T01:00:00.000Z', deleted: false },
  whenNew: { note: '' },
});

const statuses = async (db: AppDb) =>
  Object.fromEntries(Object.values(await rollMarks(db, sessionId)).map((m) => [m.learnerId, m.status]));

describe('the write worker', () => {
  let page: AppDb;
  let worker: TestWriteWorker | null = null;
  afterEach(async () => {
    worker?.stop();
    worker = null;
    await page.delete();
  });

  it('writes in the order sent, from its own guess once it has read the roll', async () => {
    page = new AppDb(`test-${newId()}`);
    worker = startWriteWorker(page);
    const [a, b] = [newId(), newId()];
    await writeChanges(page, [tap(a, 'present')], centreId);
    worker.client.watch(sessionId);
    await vi.waitFor(() => expect(guessFor(worker!.db, [sessionId])).not.toBeNull());
    const held = guessOutcomes.held;
    // Sent without waiting: the worker issues each as it comes, and they land in order.
    await Promise.all([
      writeChanges(page, [tap(b, 'late')], centreId),
      writeChanges(page, [tap(b, 'absent')], centreId),
      writeChanges(page, [tap(a, 'excused')], centreId),
    ]);
    expect(guessOutcomes.held).toBe(held + 3);
    expect(await statuses(page)).toEqual({ [a]: 'excused', [b]: 'absent' });
    expect((await page.outbox.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    // The page's own connection took no part: it holds no guess of its own.
    expect(guessFor(page, [sessionId])).toBeNull();
  });

  it('refuses a change that breaks the schema with a ZodError in the page, and stores nothing', async () => {
    page = new AppDb(`test-${newId()}`);
    worker = startWriteWorker(page);
    const refused = writeChanges(page, [tap(newId(), 'present', 'not-a-uuid')], centreId);
    await expect(refused).rejects.toBeInstanceOf(ZodError);
    await expect(refused).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['markedBy'] })],
    });
    expect(await page.outbox.count()).toBe(0);
    expect(await rollMarks(page, sessionId)).toEqual({});
  });

  it('costs no write when it cannot start: what it was sent, and every write after, is made in the page', async () => {
    page = new AppDb(`test-${newId()}`);
    const failing = Object.assign(new EventTarget(), { postMessage: () => {} }) as unknown as WritePort &
      EventTarget;
    attachWriteWorker(
      page,
      new WriteWorkerClient(
        () => failing,
        (batch, centre) => writeHere(page, batch, centre),
      ),
    );
    const [a, b] = [newId(), newId()];
    const first = writeChanges(page, [tap(a, 'present')], centreId);
    // As a worker whose script failed to load: an error, and never a word before it.
    failing.dispatchEvent(new Event('error'));
    await first;
    expect(writeWorkerOf(page)).toBeNull();
    await writeChanges(page, [tap(b, 'late')], centreId);
    expect(await statuses(page)).toEqual({ [a]: 'present', [b]: 'late' });
  });
});

describe("the page's side of the write worker", () => {
  it("tells the page's live queries what a write changed, then answers the write, both after the page's next frame", async () => {
    const port = Object.assign(new EventTarget(), { postMessage: vi.fn() });
    const client = new WriteWorkerClient(
      () => port as unknown as WritePort,
      () => Promise.reject(new Error('not in the page')),
    );
    const told: string[] = [];
    const listener = (parts: ObservabilitySet) => told.push(...Object.keys(parts));
    Dexie.on('storagemutated', listener);
    try {
      const written = client.write([tap(newId(), 'present')], centreId);
      const { id } = port.postMessage.mock.calls[0]![0] as { id: number };
      const reply = (data: WriteReply) => port.dispatchEvent(new MessageEvent('message', { data }));
      reply({ type: 'ready' });
      reply({ type: 'changed', parts: { 'idb://device/rolls/': new RangeSet(sessionId) } });
      let answered = false;
      written.then(() => {
        answered = true;
      });
      reply({ type: 'written', id, failure: null });
      // Not in the task that brought them: that one may come before the frame showing the tap.
      await Promise.resolve();
      expect(told).toEqual([]);
      expect(answered).toBe(false);
      await written;
      expect(told).toEqual(['idb://device/rolls/']);
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
    }
  });
});

describe('a write worker that cannot be made', () => {
  it('leaves every write to the page', async () => {
    const page = new AppDb(`test-${newId()}`);
    const refused = () => {
      throw new DOMException('Refused to create a worker', 'SecurityError');
    };
    attachWriteWorker(
      page,
      new WriteWorkerClient(refused, (batch, centre) => writeHere(page, batch, centre)),
    );
    const learner = newId();
    await writeChanges(page, [tap(learner, 'absent')], centreId);
    expect(await statuses(page)).toEqual({ [learner]: 'absent' });
    expect(writeWorkerOf(page)).toBeNull();
    await page.delete();
  });
});

describe('the marks the write worker makes', () => {
  it("are made in the page's timeline, at the time they were made", async () => {
    const madeAt = performance.timeOrigin + performance.now() - 5;
    const entry = await new Promise<PerformanceEntry | undefined>((resolve) => {
      new PerformanceObserver((list, observer) => {
        observer.disconnect();
        resolve(list.getEntries()[0]);
      }).observe({ type: 'mark' });
      markWrite(WRITE_COMMITTED, madeAt);
    });
    expect(entry?.name).toBe(WRITE_COMMITTED);
    expect(entry!.startTime).toBeCloseTo(madeAt - performance.timeOrigin, 3);
  });
});
