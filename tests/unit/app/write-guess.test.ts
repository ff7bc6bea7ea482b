// [DEV1] A tap on the roll writes from what its tab last knew without waiting to read it (write-guess.ts). Two tabs
// of one device and pulls landing in between make those guesses wrong; whatever the interleaving, every write lands
// on what is really stored: no mark lost, the outbox numbered without gaps or repeats, the clock always advancing.
import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDb, type OutboxEntry, type Roll } from '../../../src/app/db/app-db.ts';
import { HEAD_KEYS, readWriteStamp, WRITE_STAMP } from '../../../src/app/db/device-state.ts';
import { type GuessedWrite, storeGuessedWrite } from '../../../src/app/db/guessed-write.ts';
import { rollMarks } from '../../../src/app/db/local-records.ts';
import { writeChanges } from '../../../src/app/db/local-write.ts';
import {
  type Guess,
  guessFor,
  guessOutcomes,
  readRollForWrites,
  StaleGuess,
} from '../../../src/app/db/write-guess.ts';
import type { AttendanceMark, MarkStatus } from '../../../src/domain/entities.ts';
import { markId, newId } from '../../../src/domain/ids.ts';
import { startWriteWorker, type TestWriteWorker } from '../helpers/write-worker.ts';

const centreId = newId();
const sessionId = newId();
const learners = Array.from({ length: 4 }, () => newId());
const statuses: MarkStatus[] = ['present', 'late', 'excused', 'absent'];

type Step =
  | { kind: 'tap'; tab: number; learner: number; status: MarkStatus }
  | { kind: 'look'; tab: number }
  | { kind: 'pull'; learner: number; status: MarkStatus };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('tap' as const),
      tab: fc.nat(1),
      learner: fc.nat(3),
      status: fc.constantFrom(...statuses),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('look' as const), tab: fc.nat(1) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('pull' as const),
      learner: fc.nat(3),
      status: fc.constantFrom(...statuses),
    }),
  },
);

const tap = (db: AppDb, learnerId: string, status: MarkStatus) =>
  writeChanges(
    db,
    [
      {
        entity: 'marks',
        sessionId,
        learnerId,
        changes: {
          status,
          note: '',
          markedBy: centreId,
          markedAt: '2026-11-25T01:00:00.000Z',
          deleted: false,
        },
      },
    ],
    centreId,
  );

/** What the roll screen's live query does after every change: read the roll for the next tap. */
async function look(db: AppDb): Promise<void> {
  await readRollForWrites(db, sessionId);
}

/**
 * The roll screen's read in the app: the worker is asked to read; the test waits until it holds what is stored (once
 * this device has written: a guess needs the write head).
 */
async function watch(worker: TestWriteWorker): Promise<void> {
  worker.client.watch(sessionId);
  const [stamp, head] = await Promise.all([
    readWriteStamp(worker.db),
    worker.db.meta.get(HEAD_KEYS.NEXT_SEQ),
  ]);
  if (head)
    await vi.waitFor(() => expect(guessFor(worker.db, [sessionId])?.stamp).toBe(stamp), { interval: 1 });
}

/** A pulled mark: the roll changes without this device's write head moving. */
async function pull(db: AppDb, learnerId: string, status: MarkStatus): Promise<void> {
  await db.transaction('rw', db.rolls, db.meta, async () => {
    const roll: Roll = (await db.rolls.get(sessionId)) ?? { sessionId, marks: {} };
    const mark: AttendanceMark = {
      id: markId(sessionId, learnerId),
      centreId,
      updatedAt: '2026-11-25T01:00:00.000Z',
      deleted: false,
      sessionId,
      learnerId,
      status,
      note: 'từ máy chủ',
      markedBy: centreId,
      markedAt: '2026-11-25T01:00:00.000Z',
    };
    await db.rolls.put({ sessionId, marks: { ...roll.marks, [learnerId]: mark } });
  });
}

describe('writes from a guess', () => {
  const opened: AppDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) db.close();
  });

  // In the page (tests, a browser without the worker) and in each tab's write worker (the app), where the roll
  // screen's read asks the worker to read the roll.
  it.each([
    ['in the page', false],
    ["through each tab's write worker", true],
  ])(
    'land on what is stored, however tabs and pulls interleave, %s',
    async (_, inWorkers) => {
      const before = { ...guessOutcomes };
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
          const name = `test-${newId()}`;
          // Two tabs: two connections to one database, each with its own knowledge.
          const tabs = [new AppDb(name), new AppDb(name)];
          opened.push(...tabs);
          const workers = inWorkers ? tabs.map(startWriteWorker) : [];
          const expected = new Map<string, MarkStatus>();
          let writes = 0;
          for (const s of steps) {
            if (s.kind === 'tap') {
              await tap(tabs[s.tab]!, learners[s.learner]!, s.status);
              expected.set(learners[s.learner]!, s.status);
              writes += 1;
            } else if (s.kind === 'look') {
              if (inWorkers) await watch(workers[s.tab]!);
              else await look(tabs[s.tab]!);
            } else {
              await pull(tabs[0]!, learners[s.learner]!, s.status);
              expected.set(learners[s.learner]!, s.status);
            }
          }
          const stored = await rollMarks(tabs[0]!, sessionId);
          expect(new Map(Object.values(stored).map((m) => [m.learnerId, m.status]))).toEqual(expected);
          const outbox = await tabs[0]!.outbox.orderBy('seq').toArray();
          expect(outbox.map((e) => e.seq)).toEqual(Array.from({ length: writes }, (_, i) => i + 1));
          expect(new Set(outbox.map((e) => e.id)).size).toBe(writes);
          expect(outbox.every((e, i) => i === 0 || e.hlc > outbox[i - 1]!.hlc)).toBe(true);
          for (const worker of workers) worker.stop();
          await tabs[0]!.delete();
        }),
        { seed: 20261125, numRuns: 60 },
      );
      // Both ways were taken: guesses that held (a tab writing again) and guesses that did not (the other tab wrote).
      expect(guessOutcomes.held).toBeGreaterThan(before.held);
      expect(guessOutcomes.failed).toBeGreaterThan(before.failed);
    },
    30_000,
  );

  it('are not kept from a read that began before a write', async () => {
    const db = new AppDb(`test-${newId()}`);
    opened.push(db);
    await tap(db, learners[0]!, 'present');
    // The screen's read (or the worker's, asked by it) is under way when the next tap is written from what is stored.
    const reading = readRollForWrites(db, sessionId);
    const tapped = tap(db, learners[1]!, 'late');
    await Promise.all([reading, tapped]);
    const guess = guessFor(db, [sessionId]);
    expect(guess === null || guess.stamp === (await readWriteStamp(db))).toBe(true);
  });

  it('announce a tap written from its guess to the live queries reading what it wrote', async () => {
    const db = new AppDb(`test-${newId()}`);
    opened.push(db);
    await tap(db, learners[0]!, 'present');
    await look(db);
    const seen: { late: boolean; pending: number }[] = [];
    const watched = liveQuery(async () => ({
      late: (await db.rolls.get(sessionId))?.marks[learners[1]!]?.status === 'late',
      pending: await db.outbox.count(),
    })).subscribe((value) => seen.push(value));
    await vi.waitFor(() => expect(seen).toEqual([{ late: false, pending: 1 }]));
    const held = guessOutcomes.held;
    await tap(db, learners[1]!, 'late');
    // Written below Dexie (the fast path was taken), and still seen: the roll and the outbox count both follow.
    expect(guessOutcomes.held).toBe(held + 1);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ late: true, pending: 2 }));
    watched.unsubscribe();
  });

  /** A database with one tap written and its roll read: the guess the next tap starts from. */
  async function afterOneTap(): Promise<{ db: AppDb; guess: Guess }> {
    const db = new AppDb(`test-${newId()}`);
    opened.push(db);
    await tap(db, learners[0]!, 'present');
    await look(db);
    return { db, guess: guessFor(db, [sessionId])! };
  }

  /** The next tap's write from the guess, as the roll screen makes it: learner 1 late, one outbox entry. */
  const lateFromGuess = (guess: Guess): GuessedWrite => ({
    rolls: [
      {
        sessionId,
        marks: {
          ...guess.rolls[0]!.marks,
          [learners[1]!]: {
            ...guess.rolls[0]!.marks[learners[0]!]!,
            learnerId: learners[1]!,
            status: 'late',
          },
        },
      },
    ],
    entries: [
      {
        seq: guess.head.seq,
        id: newId(),
        entity: 'marks',
        recordId: markId(sessionId, learners[1]!),
        fields: { status: 'late' },
        hlc: '',
        createdAt: '',
      },
    ],
    head: { clock: { millis: guess.head.clock.millis + 1, counter: 0 }, seq: guess.head.seq + 1 },
  });

  async function stored(db: AppDb) {
    return {
      rolls: await db.rolls.toArray(),
      meta: await db.meta.toArray(),
      outbox: await db.outbox.toArray(),
    };
  }

  it('leave nothing when a write fails after it has asked to commit', async () => {
    const { db, guess } = await afterOneTap();
    // The next seq taken without the stamp moving: only the outbox's own key can stop this write now.
    const taken: OutboxEntry = { ...lateFromGuess(guess).entries[0]!, id: newId(), recordId: newId() };
    await new Promise((resolve, reject) => {
      const raw = db.backendDB().transaction('outbox', 'readwrite');
      raw.objectStore('outbox').add(taken);
      raw.oncomplete = resolve;
      raw.onabort = () => reject(raw.error);
    });
    const before = await stored(db);
    await expect(storeGuessedWrite(db, guess, lateFromGuess(guess))).rejects.toBeInstanceOf(StaleGuess);
    expect(await stored(db)).toEqual(before);
    expect(await db.outbox.get(guess.head.seq)).toEqual(taken);
  });

  it('are refused by the database itself when the stamp moved, though they ask to commit at once', async () => {
    const { db, guess } = await afterOneTap();
    // A pull lands after the guess was read: the roll and the stamp change, the write head does not.
    await pull(db, learners[2]!, 'absent');
    const before = await stored(db);
    expect(await readWriteStamp(db)).not.toBe(guess.stamp);
    await expect(storeGuessedWrite(db, guess, lateFromGuess(guess))).rejects.toBeInstanceOf(StaleGuess);
    expect(await stored(db)).toEqual(before);
    expect(await db.meta.where('slot').equals(WRITE_STAMP).count()).toBe(1);
  });

  it('are not made once the database was deleted and made again (another person signed in)', async () => {
    const { db } = await afterOneTap();
    await db.delete();
    await db.open();
    // The new database holds no stamp yet, which the old guess's write would have taken for its own.
    expect(await readWriteStamp(db)).toBeUndefined();
    expect(guessFor(db, [sessionId])).toBeNull();
    await tap(db, learners[1]!, 'late');
    expect(Object.keys(await rollMarks(db, sessionId))).toEqual([learners[1]]);
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1]);
  });

  it('are refused after the device state was cleared, which leaves a stamp of its own', async () => {
    const { db, guess } = await afterOneTap();
    // Writing the head and then clearing meta in one transaction: the stamp made for the first must not be all there was.
    await db.transaction('rw', db.meta, async () => {
      await db.meta.put({ key: HEAD_KEYS.NEXT_SEQ, value: 1 });
      await db.meta.clear();
    });
    expect(await readWriteStamp(db)).toBeDefined();
    const before = await stored(db);
    await expect(storeGuessedWrite(db, guess, lateFromGuess(guess))).rejects.toBeInstanceOf(StaleGuess);
    expect(await stored(db)).toEqual(before);
  });
});
