// Crash safety of the real server process (src/server/start.ts, on PGlite in a data folder, and on PostgreSQL when
// DATABASE_URL is set). Killed with SIGKILL in the middle of applying a push of 1,000 mutations (its rows and cursor
// written in the transaction, not committed: the test-only pause TEST_PAUSE_IN_PUSH_MS marks the moment), then
// restarted on the same data: none of the batch is visible, and the device's retry with the same mutation ids applies
// it exactly once. Stopped with SIGTERM while a push is in flight: the push completes, then the process exits 0.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutationId, newId } from '../../src/domain/ids.ts';
import { type Db, openDatabase } from '../../src/server/db/database.ts';
import { deviceCursors } from '../../src/server/db/schema.ts';
import { encodeHlc } from '../../src/sync/hlc.ts';
import { PROTOCOL_VERSION, type PushResponse, type WireMutation } from '../../src/sync/protocol.ts';
import { createFreshPostgres } from './helpers/databases.ts';
import { type CentreFixture, markOf, PASSWORD, seedCentre, sessionOf } from './helpers/fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The server as `npm start` runs it, in its own process, with its output read line by line. */
class ServerProcess {
  private readonly lines: string[] = [];
  private readonly waiters: { pattern: RegExp; resolve(line: string): void }[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(readonly child: ChildProcess) {
    const read = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        this.lines.push(line);
        for (const w of this.waiters.filter((w) => w.pattern.test(line))) w.resolve(line);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(env: Record<string, string>): Promise<{ server: ServerProcess; url: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DEMO_DATA: 'off',
        BUILD_CLIENT: 'never',
        LOG_LEVEL: 'warn',
        ...env,
      },
    });
    const server = new ServerProcess(child);
    const ready = await Promise.race([
      server.waitFor(/is running on http:\/\/localhost:(\d+)/),
      server.exited.then(({ code }) => {
        throw new Error(`server exited with ${code}:\n${server.lines.join('\n')}`);
      }),
    ]);
    return { server, url: `http://127.0.0.1:${ready.match(/localhost:(\d+)/)![1]}` };
  }

  /** The first output line (already printed or to come) matching `pattern`. */
  waitFor(pattern: RegExp): Promise<string> {
    const seen = this.lines.find((l) => pattern.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ pattern, resolve }));
  }
}

const engines = [
  { name: 'pglite' as const },
  ...(process.env.DATABASE_URL ? [{ name: 'postgres' as const }] : []),
];

describe.each(engines)('crash safety on $name', ({ name }) => {
  let storage: Record<string, string>;
  let cleanup: () => Promise<void>;
  let a: CentreFixture;

  /** The server's data, opened from this process while no server holds it (PGlite has one user at a time). */
  async function withDatabase<T>(use: (db: Db) => Promise<T>): Promise<T> {
    const database = await openDatabase(
      storage.DATABASE_URL ? { databaseUrl: storage.DATABASE_URL } : { dataDir: storage.DATA_DIR! },
    );
    try {
      return await use(database.db);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    if (name === 'postgres') {
      const fresh = await createFreshPostgres(process.env.DATABASE_URL!);
      storage = { DATABASE_URL: fresh.url };
      cleanup = fresh.drop;
    } else {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'dd-crash-'));
      storage = { DATA_DIR: dataDir, DATABASE_URL: '' };
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    }
    a = await withDatabase((db) => seedCentre(db, 'a'));
  });
  afterAll(() => cleanup());

  async function signIn(url: string): Promise<string> {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: a.users.instructor.username, password: PASSWORD }),
    });
    return ((await res.json()) as { token: string }).token;
  }

  /** A day of many sessions for the instructor's class, each with its mark: half sessions, half marks. */
  function batch(size: number) {
    const deviceId = newId();
    const mutations: WireMutation[] = [];
    const markIds: string[] = [];
    for (let i = 0; mutations.length < size; i++) {
      const session = { ...sessionOf(a.mine.class, a.users.instructor.id), topic: `Chuyên đề ${i + 1}` };
      const mark = markOf(session, a.mine.learner, a.users.instructor.id);
      markIds.push(mark.id);
      for (const [entity, { id, centreId: _c, updatedAt: _u, ...fields }] of [
        ['sessions', session],
        ['marks', mark],
      ] as const) {
        const seq = mutations.length + 1;
        mutations.push({
          seq,
          entity,
          recordId: id,
          fields,
          hlc: encodeHlc({ millis: Date.now(), counter: seq, deviceId }),
        });
      }
    }
    const ids = mutations.map((m) => mutationId(deviceId, m.seq));
    return { deviceId, mutations, markIds, ids };
  }

  const push = (url: string, token: string, b: ReturnType<typeof batch>) =>
    fetch(`${url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        deviceId: b.deviceId,
        mutations: b.mutations,
      }),
    });

  /** What of a batch the database holds: its marks, its log lines by outcome, the device's cursor. */
  const stateOf = (b: ReturnType<typeof batch>) =>
    withDatabase(async (db) => {
      const count = async (query: ReturnType<typeof sql>) =>
        ((await db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
      const ids = sql.join(
        b.ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      const markIds = sql.join(
        b.markIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      const [cursor] = await db.select().from(deviceCursors).where(eq(deviceCursors.deviceId, b.deviceId));
      return {
        marks: await count(sql`select count(*)::int as n from marks where id in (${markIds})`),
        sessions: await count(sql`select count(*)::int as n from sessions where topic like 'Chuyên đề %'
          and id in (select session_id from marks where id in (${markIds}))`),
        applied: await count(
          sql`select count(*)::int as n from change_log where mutation_id in (${ids}) and outcome = 'applied'`,
        ),
        logged: await count(sql`select count(*)::int as n from change_log where mutation_id in (${ids})`),
        loggedTwice: await count(sql`select count(*)::int as n from (select mutation_id from change_log
          where mutation_id in (${ids}) group by mutation_id having count(*) > 1) twice`),
        lastSeq: cursor?.lastSeq ?? null,
      };
    });

  it('killed mid-push (SIGKILL), it restarts with none of the batch, and the retry applies it exactly once', async () => {
    const b = batch(1_000);
    const first = await ServerProcess.start({ ...storage, TEST_PAUSE_IN_PUSH_MS: '600000' });
    const token = await signIn(first.url);
    const inFlight = push(first.url, token, b).then(
      (res) => `answered ${res.status}`,
      () => 'connection lost',
    );
    await first.server.waitFor(/push paused inside its transaction/);
    first.server.child.kill('SIGKILL');
    expect((await first.server.exited).signal).toBe('SIGKILL');
    expect(await inFlight).toBe('connection lost');

    expect(await stateOf(b)).toEqual({
      marks: 0,
      sessions: 0,
      applied: 0,
      logged: 0,
      loggedTwice: 0,
      lastSeq: null,
    });

    const second = await ServerProcess.start(storage);
    const retry = await push(second.url, token, b);
    expect(retry.status).toBe(200);
    const answer = (await retry.json()) as PushResponse;
    expect(answer.lastSeq).toBe(1_000);
    expect(new Set(answer.results.map((r) => r.outcome))).toEqual(new Set(['applied']));
    // The device did not hear that answer either, and sends the batch once more: nothing is applied twice.
    const again = (await (await push(second.url, token, b)).json()) as PushResponse;
    expect(new Set(again.results.map((r) => r.outcome))).toEqual(new Set(['duplicate']));
    second.server.child.kill('SIGTERM');
    expect((await second.server.exited).code).toBe(0);

    expect(await stateOf(b)).toEqual({
      marks: 500,
      sessions: 500,
      applied: 1_000,
      logged: 1_000,
      loggedTwice: 0,
      lastSeq: 1_000,
    });
  });

  it('stopped with SIGTERM during a push, it finishes that push, then exits 0', async () => {
    const b = batch(20);
    const { server, url } = await ServerProcess.start({ ...storage, TEST_PAUSE_IN_PUSH_MS: '1500' });
    const token = await signIn(url);
    const inFlight = push(url, token, b).then(async (res) => ({
      status: res.status,
      body: (await res.json()) as PushResponse,
    }));
    await server.waitFor(/push paused inside its transaction/);
    server.child.kill('SIGTERM');
    const { status, body } = await inFlight;
    expect(status).toBe(200);
    expect(body.results.map((r) => r.outcome)).toEqual(Array(20).fill('applied'));
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await stateOf(b)).toMatchObject({ marks: 10, applied: 20, lastSeq: 20 });
  });
});
