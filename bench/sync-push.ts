// Push throughput: 10,000 new marks from one device, in protocol batches, until all are acknowledged; and the
// compressed bytes each mark costs on the wire. Prints figures for PGlite, the PouchDB anchor for the same marks, and
// PostgreSQL when DATABASE_URL is set.
import { gzipSync } from 'node:zlib';
import { markId, newId } from '../src/domain/ids.ts';
import { createApp } from '../src/server/app.ts';
import { testConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/database.ts';
import { insertRecords } from '../src/server/db/records.ts';
import { seedDemo, vietnamToday } from '../src/server/demo/seed-demo.ts';
import { encodeHlc } from '../src/sync/hlc.ts';
import { PROTOCOL_VERSION, PUSH_MAX_MUTATIONS, type WireMutation } from '../src/sync/protocol.ts';
import { openFreshPostgres } from '../tests/server/helpers/databases.ts';
import { pouchReplicationRate } from './pouchdb-anchor.ts';

const MARKS = Number(process.env.BENCH_MARKS ?? 10_000);
// As many as the timed run: after 2,000 the JIT is not yet at its steady speed (four pushes of 10,000 in a row took
// ~980, then 490–700 ms of CPU).
const WARM_UP_MARKS = MARKS;

export async function benchPush(
  open: () => Promise<Database>,
  label: string,
): Promise<{ rate: number; mutations: WireMutation[] }> {
  const database = await open();
  const demo = await seedDemo(database.db, vietnamToday());
  const app = await createApp({ database, config: testConfig() });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: 'diemdanh' },
  });
  const token = login.json().token as string;
  const centreId = demo.centre.id;
  const cls = demo.classes.find((c) => c.year === 2021)!;

  // Marks need distinct (session, learner) pairs: 100 extra sessions per 10,000 marks × 100 learners of one class.
  const learners = Array.from({ length: 100 }, (_, i) => ({
    ...demo.learners[0]!,
    id: newId(),
    fullName: `Bench ${i}`,
  }));
  const makeSessions = (count: number) =>
    Array.from({ length: Math.ceil(count / 100) }, (_, i) => ({
      ...demo.sessions.find((s) => s.classId === cls.id)!,
      id: newId(),
      topic: `Bench ${i}`,
    }));
  const sessions = makeSessions(MARKS);
  const warmUpSessions = makeSessions(WARM_UP_MARKS);
  await database.db.transaction(async (tx) => {
    await insertRecords(tx, 'learners', centreId, learners);
    await insertRecords(tx, 'sessions', centreId, [...sessions, ...warmUpSessions]);
  });

  const now = Date.now();
  const marksOf = (deviceId: string, count: number, on: typeof sessions): WireMutation[] =>
    Array.from({ length: count }, (_, i) => {
      const session = on[Math.floor(i / 100)]!;
      const learner = learners[i % 100]!;
      return {
        seq: i + 1,
        entity: 'marks',
        recordId: markId(session.id, learner.id),
        fields: {
          sessionId: session.id,
          learnerId: learner.id,
          status: i % 10 === 0 ? 'absent' : 'present',
          note: '',
          markedBy: demo.users[0]!.id,
          markedAt: new Date(now).toISOString(),
          deleted: false,
        },
        hlc: encodeHlc({ millis: now, counter: i, deviceId }),
      };
    });

  /**
   * Pushes in protocol batches until every mutation is applied; returns what went each way, to be compressed and
   * counted after the timing (compressing is the measurement's work, not the push's).
   */
  async function pushAll(deviceId: string, mutations: WireMutation[]) {
    const sent: string[] = [];
    const answers: Buffer[] = [];
    for (let i = 0; i < mutations.length; i += PUSH_MAX_MUTATIONS) {
      const body = JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        deviceId,
        mutations: mutations.slice(i, i + PUSH_MAX_MUTATIONS),
      });
      sent.push(body);
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: body,
      });
      if (res.statusCode !== 200) throw new Error(res.body);
      answers.push(res.rawPayload);
      const applied = res.json().results.filter((r: { outcome: string }) => r.outcome === 'applied').length;
      if (applied !== Math.min(PUSH_MAX_MUTATIONS, mutations.length - i))
        throw new Error(`only ${applied} applied`);
    }
    return { sent, answers };
  }

  const gzipped = (parts: (string | Buffer)[]) => parts.reduce((n, part) => n + gzipSync(part).length, 0);

  // A server runs warm: another device's marks first, untimed, so the figure is not the JIT's first steps.
  const warmUpDevice = newId();
  await pushAll(warmUpDevice, marksOf(warmUpDevice, WARM_UP_MARKS, warmUpSessions));
  const deviceId = newId();
  const mutations = marksOf(deviceId, MARKS, sessions);
  const started = performance.now();
  const { sent, answers } = await pushAll(deviceId, mutations);
  const seconds = (performance.now() - started) / 1000;
  const wireBytes = gzipped(sent);
  const answerBytes = gzipped(answers);

  // Pull the same marks as another device would, to count their bytes on the wire.
  const pullStart = performance.now();
  let cursor = 0;
  let pullBytes = 0;
  let pulledMarks = 0;
  for (;;) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/sync/pull?cursor=${cursor}&limit=5000`,
      headers: { authorization: `Bearer ${token}` },
    });
    pullBytes += gzipSync(res.rawPayload).length;
    const page = res.json();
    pulledMarks += page.changes.marks?.length ?? 0;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const pullSeconds = (performance.now() - pullStart) / 1000;
  await app.close();
  await database.close();
  console.log(
    `${label.padEnd(10)} push ${MARKS} marks: ${seconds.toFixed(2)} s = ${Math.round(MARKS / seconds).toLocaleString('en-US')} marks/s; ` +
      `push ${(wireBytes / MARKS).toFixed(1)} B/mark gzip (+ ${(answerBytes / MARKS).toFixed(1)} B/mark answer); full pull ${pulledMarks} marks in ${pullSeconds.toFixed(2)} s, ${(pullBytes / pulledMarks).toFixed(1)} B/mark gzip`,
  );
  return { rate: MARKS / seconds, mutations };
}

const ours = await benchPush(() => openDatabase({ memory: true }), 'PGlite');
const pouch = await pouchReplicationRate(ours.mutations.map((m) => ({ _id: m.recordId, ...m.fields })));
console.log(
  `PouchDB anchor: the same ${MARKS} marks replicated from Chromium to a PouchDB server on loopback at ` +
    `${Math.round(pouch).toLocaleString('en-US')} docs/s; our push on PGlite is ${(ours.rate / pouch).toFixed(2)}× that`,
);
// A throw-away database on the configured server, so the benchmark never touches real data.
if (process.env.DATABASE_URL) {
  await benchPush(async () => (await openFreshPostgres(process.env.DATABASE_URL!))[0]!, 'PostgreSQL');
}
