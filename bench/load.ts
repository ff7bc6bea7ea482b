// `npm run bench:load`: the morning rush of a province on the real server (a child process running
// src/server/start.ts, as `npm start` does) and PostgreSQL, over loopback. Every simulated device signs in with its
// own account, downloads its class, then marks its sessions as the app does: the whole roll in one push, two pushes of
// corrections, then a pull. Two phases: paced (the devices together offer BENCH_RATE marks a second, a realistic
// rush) and flat out (no pauses: the server's capacity). Prints throughput, request latency, errors, the server's
// memory and CPU; afterwards counts in the database that every mark arrived exactly once, with one applied change-log
// line per mutation. Bounded in count (sessions per device) and in time (per phase). Figures are printed, never
// asserted; a lost or doubled mark exits 1.
import { Agent, request as httpRequest } from 'node:http';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import type { MarkStatus } from '../src/domain/entities.ts';
import { markId, mutationId, newId } from '../src/domain/ids.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { vietnamToday } from '../src/server/demo/seed-demo.ts';
import { encodeHlc } from '../src/sync/hlc.ts';
import { PROTOCOL_VERSION, PULL_PAGE_MAX, type WireMutation } from '../src/sync/protocol.ts';
import { createFreshPostgres } from '../tests/server/helpers/databases.ts';
import { type DevicePlan, seedProvince } from './load-seed.ts';
import { processFigures, startServer } from './load-server.ts';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    'bench:load needs PostgreSQL: set DATABASE_URL=postgres://user@host:port/db (a server where the user may create ' +
      'databases; the benchmark works in a database of its own and drops it at the end).',
  );
  process.exit(1);
}

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DEVICES = setting('BENCH_DEVICES', 200);
const CENTRES = setting('BENCH_CENTRES', 10);
const SESSIONS_PER_PHASE = setting('BENCH_SESSIONS', 8);
const RATE = setting('BENCH_RATE', 5_000);
const PHASE_SECONDS = setting('BENCH_PHASE_SECONDS', 120);
const REQUEST_TIMEOUT_MS = 30_000;
/** A person taps a few corrections after the roll; the app sends them 1.5 s later (paced phase only, shortened). */
const THINK_MS = 200;
/** A folder for a CPU profile of the server (`node --cpu-prof`), written when it stops. */
const PROFILE_DIR = process.env.BENCH_PROFILE;
/** Keep the benchmark's database afterwards (to look at its plans), instead of dropping it. */
const KEEP_DATABASE = process.env.BENCH_KEEP_DATABASE === '1';

// ---------------------------------------------------------------------------------------------------------------
// Requests, timed.

interface Sample {
  kind: 'push' | 'pull';
  ms: number;
}
let samples: Sample[] = [];
const errors: string[] = [];

// Node's http client, not fetch: on one machine the load generator's CPU is taken from the server's, and fetch costs
// about twice as much per request (its WHATWG streams and headers). It asks for compressed answers, as a browser
// does, so the server does the work it does for a phone.
const agent = new Agent({ keepAlive: true });

function request(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method, headers, agent, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
          resolve({ status: res.statusCode ?? 0, text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function call<T>(
  base: string,
  kind: Sample['kind'] | null,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T | null> {
  const started = performance.now();
  try {
    const res = await request(
      new URL(path, base),
      method,
      {
        'accept-encoding': 'gzip',
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body === undefined ? undefined : JSON.stringify(body),
    );
    if (kind) samples.push({ kind, ms: performance.now() - started });
    if (res.status < 200 || res.status >= 300) {
      errors.push(`${method} ${path.split('?')[0]}: ${res.status} ${res.text.slice(0, 200)}`);
      return null;
    }
    return JSON.parse(res.text) as T;
  } catch (err) {
    errors.push(`${method} ${path.split('?')[0]}: ${(err as Error).message}`);
    return null;
  }
}

/** Runs `task` over `items` with at most `width` at a time. */
async function inParallel<T>(items: T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// A simulated phone.

const STATUS_ODDS: [MarkStatus, number][] = [
  ['present', 0.85],
  ['late', 0.05],
  ['excused', 0.04],
  ['absent', 0.06],
];
const drawStatus = (): MarkStatus => {
  let r = Math.random();
  for (const [status, odds] of STATUS_ODDS) {
    r -= odds;
    if (r < 0) return status;
  }
  return 'present';
};

class Device {
  readonly deviceId = newId();
  token = '';
  private seq = 0;
  private counter = 0;
  private cursor = 0;
  /** The status each mark must end with on the server. */
  readonly expected = new Map<string, MarkStatus>();
  readonly mutationIds: string[] = [];
  applied = 0;

  constructor(
    readonly plan: DevicePlan,
    private readonly base: string,
  ) {}

  async signIn(): Promise<void> {
    const res = await call<{ token: string }>(this.base, null, 'POST', '/api/auth/login', undefined, {
      username: this.plan.username,
      password: this.plan.password,
      deviceName: `bench ${this.plan.username}`,
    });
    if (res) this.token = res.token;
  }

  private mutation(recordId: string, fields: Record<string, unknown>): WireMutation {
    this.seq += 1;
    this.mutationIds.push(mutationId(this.deviceId, this.seq));
    return {
      seq: this.seq,
      entity: 'marks',
      recordId,
      fields,
      hlc: encodeHlc({ millis: Date.now(), counter: this.counter++, deviceId: this.deviceId }),
    };
  }

  private async push(mutations: WireMutation[]): Promise<void> {
    const res = await call<{ lastSeq: number; results: { outcome: string }[] }>(
      this.base,
      'push',
      'POST',
      '/api/sync/push',
      this.token,
      { protocolVersion: PROTOCOL_VERSION, deviceId: this.deviceId, mutations },
    );
    if (!res) return;
    const applied = res.results.filter((r) => r.outcome === 'applied').length;
    this.applied += applied;
    if (applied !== mutations.length || res.lastSeq !== this.seq)
      errors.push(`push: ${applied}/${mutations.length} applied, lastSeq ${res.lastSeq} for ${this.seq}`);
  }

  /** Everything after the device's cursor, page by page, as the app pulls. */
  async pull(kind: Sample['kind'] | null = 'pull'): Promise<void> {
    for (;;) {
      const page = await call<{ cursor: number; hasMore: boolean }>(
        this.base,
        kind,
        'GET',
        `/api/sync/pull?cursor=${this.cursor}&limit=${PULL_PAGE_MAX}`,
        this.token,
      );
      if (!page) return;
      this.cursor = page.cursor;
      if (!page.hasMore) return;
    }
  }

  /** One session: the whole roll, two rounds of corrections, then a pull. */
  async takeRoll(sessionId: string, think: () => Promise<void>): Promise<void> {
    const markedAt = new Date().toISOString();
    const roll = this.plan.learnerIds.map((learnerId) => {
      const id = markId(sessionId, learnerId);
      const status = drawStatus();
      this.expected.set(id, status);
      return this.mutation(id, {
        sessionId,
        learnerId,
        status,
        note: '',
        markedBy: this.plan.userId,
        markedAt,
        deleted: false,
      });
    });
    await this.push(roll);
    for (let round = 0; round < 2; round++) {
      await think();
      const corrections = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => {
        const learnerId = this.plan.learnerIds[Math.floor(Math.random() * this.plan.learnerIds.length)]!;
        const id = markId(sessionId, learnerId);
        const status = drawStatus();
        this.expected.set(id, status);
        return this.mutation(id, {
          status,
          markedBy: this.plan.userId,
          markedAt: new Date().toISOString(),
          deleted: false,
        });
      });
      await this.push(corrections);
    }
    await this.pull();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Figures.

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** CPU time of the PostgreSQL backends serving the benchmark's database (same machine only). */
async function backendCpuMs(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return rows.reduce((ms, r) => ms + (processFigures(r.pid)?.cpuMs ?? 0), 0);
}

interface PhaseFigures {
  name: string;
  seconds: number;
  mutations: number;
  requests: number;
  p50: number;
  p99: number;
  pushP99: number;
  pullP99: number;
  errors: number;
  peakRss: number;
  serverCpuMs: number;
  databaseCpuMs: number;
  generatorCpuMs: number;
  stoppedAtLimit: boolean;
  /** Marks/s the devices offered together (paced), or null when they send without pauses. */
  offered: number | null;
}

async function runPhase(
  name: string,
  devices: Device[],
  phase: number,
  paced: boolean,
  serverPid: number,
  client: pg.Client,
): Promise<PhaseFigures> {
  samples = [];
  const errorsBefore = errors.length;
  const appliedBefore = devices.reduce((n, d) => n + d.applied, 0);
  const cpuBefore = processFigures(serverPid)?.cpuMs ?? 0;
  const dbBefore = await backendCpuMs(client);
  const generatorBefore = process.cpuUsage();
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, processFigures(serverPid)?.rssBytes ?? 0);
  }, 100);

  const meanRoll = devices.reduce((n, d) => n + d.plan.learnerIds.length, 0) / devices.length;
  const period = paced ? (devices.length * (meanRoll + 4) * 1000) / RATE : 0;
  const started = performance.now();
  const deadline = started + PHASE_SECONDS * 1000;
  let stoppedAtLimit = false;
  await Promise.all(
    devices.map(async (device) => {
      const offset = Math.random() * period;
      const sessions = device.plan.sessionsByPhase[phase]!;
      for (let k = 0; k < sessions.length; k++) {
        const due = started + offset + k * period;
        if (due > performance.now()) await sleep(due - performance.now());
        if (performance.now() > deadline) {
          stoppedAtLimit = true;
          return;
        }
        await device.takeRoll(sessions[k]!, paced ? () => sleep(THINK_MS) : async () => {});
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const generator = process.cpuUsage(generatorBefore);
  clearInterval(sampler);
  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  const of = (kind: Sample['kind']) =>
    samples
      .filter((s) => s.kind === kind)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
  return {
    name,
    seconds,
    mutations: devices.reduce((n, d) => n + d.applied, 0) - appliedBefore,
    requests: samples.length,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    pushP99: percentile(of('push'), 99),
    pullP99: percentile(of('pull'), 99),
    errors: errors.length - errorsBefore,
    peakRss,
    serverCpuMs: (processFigures(serverPid)?.cpuMs ?? 0) - cpuBefore,
    databaseCpuMs: (await backendCpuMs(client)) - dbBefore,
    generatorCpuMs: (generator.user + generator.system) / 1000,
    stoppedAtLimit,
    offered: paced ? RATE : null,
  };
}

/**
 * Whether the latency is the server's or the queue's. Paced devices offering more than the server serves wait in line;
 * devices sending without pauses always do: by Little's law a request's mean time is devices / (requests per second).
 */
function loadReading(f: PhaseFigures, rate: number): string {
  if (f.offered === null) {
    const perSecond = f.requests / f.seconds;
    return (
      `${DEVICES} devices always in flight: by Little's law a request's mean time is ${DEVICES} / ` +
      `${int(perSecond)} requests/s = ${((DEVICES / perSecond) * 1000).toFixed(0)} ms (latency here measures capacity)`
    );
  }
  const served = rate / f.offered;
  return `${(served * 100).toFixed(0)}% of the ${int(f.offered)} marks/s offered served: ${
    served < 0.95 ? 'saturated, the latency is mostly waiting in line' : 'below capacity'
  }`;
}

function printPhase(f: PhaseFigures): void {
  const rate = f.mutations / f.seconds;
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(`\n${f.name}${f.stoppedAtLimit ? ` (stopped at the ${PHASE_SECONDS} s limit)` : ''}`);
  console.log(`  marks applied        ${int(f.mutations)} in ${f.seconds.toFixed(1)} s`);
  console.log(`  throughput           ${int(rate)} marks/s (target ≥ 5,000: ${mark(rate >= 5000)})`);
  console.log(
    `  requests             ${int(f.requests)} (${int(f.requests / f.seconds)}/s); latency p50 ${f.p50.toFixed(0)} ms, ` +
      `p99 ${f.p99.toFixed(0)} ms (target ≤ 250: ${mark(f.p99 <= 250)}); push p99 ${f.pushP99.toFixed(0)} ms, pull p99 ${f.pullP99.toFixed(0)} ms`,
  );
  console.log(`  load                 ${loadReading(f, rate)}`);
  console.log(`  errors               ${f.errors} (target 0: ${mark(f.errors === 0)})`);
  console.log(
    `  server peak RSS      ${mib(f.peakRss)} (target ≤ 300 MiB: ${mark(f.peakRss <= 300 * 1024 * 1024)})`,
  );
  const perThousand = (ms: number) => `${((ms / f.mutations) * 1000).toFixed(0)} ms`;
  console.log(
    `  CPU per 1,000 marks  server ${perThousand(f.serverCpuMs)}, PostgreSQL backends ${perThousand(f.databaseCpuMs)}, ` +
      `this load generator ${perThousand(f.generatorCpuMs)} (the machine has ${availableParallelism()} cores)`,
  );
}

/**
 * How the server's connections reach PostgreSQL, seen from PostgreSQL (a client without an address came through a
 * Unix socket): DATABASE_URL=postgres://user@localhost/db?host=/socket/dir spares both sides loopback TCP.
 */
async function serverTransport(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ socket: number; tcp: number }>(
    `select count(*) filter (where client_addr is null)::int as socket,
       count(*) filter (where client_addr is not null)::int as tcp
     from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
  );
  const { socket, tcp } = rows[0]!;
  const kinds = [socket > 0 && `Unix socket (${socket} connections)`, tcp > 0 && `TCP (${tcp} connections)`];
  return kinds.filter(Boolean).join(' and ') || 'no connection open';
}

/**
 * What a phone's periodic sync costs when nothing changed (the app pulls every minute while open): every device,
 * all at once, pulls IDLE_PULLS times in a row after catching up.
 */
const IDLE_PULLS = 5;
async function idlePulls(devices: Device[], serverPid: number, client: pg.Client): Promise<void> {
  await Promise.all(devices.map((d) => d.pull(null)));
  samples = [];
  const cpuBefore = processFigures(serverPid)?.cpuMs ?? 0;
  const dbBefore = await backendCpuMs(client);
  const started = performance.now();
  await Promise.all(
    devices.map(async (d) => {
      for (let i = 0; i < IDLE_PULLS; i++) await d.pull();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const pulls = samples.length;
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const perPull = (ms: number) => `${(ms / pulls).toFixed(1)} ms`;
  console.log(`\nIdle pulls: ${DEVICES} devices × ${IDLE_PULLS}, nothing new`);
  console.log(
    `  ${int(pulls)} pulls in ${seconds.toFixed(1)} s (${int(pulls / seconds)}/s); latency p50 ${percentile(sorted, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(sorted, 99).toFixed(0)} ms; CPU per pull: server ${perPull((processFigures(serverPid)?.cpuMs ?? 0) - cpuBefore)}, ` +
      `PostgreSQL backends ${perPull((await backendCpuMs(client)) - dbBefore)}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The run.

const devicesPerCentre = Math.ceil(DEVICES / CENTRES);
const fresh = await createFreshPostgres(databaseUrl, 'dd_load');
let stopServer = async () => {};
let exitCode = 0;
try {
  const t0 = performance.now();
  const seeding = await openDatabase({ databaseUrl: fresh.url });
  const plans = (
    await seedProvince(seeding.db, {
      centres: CENTRES,
      devicesPerCentre,
      sessionsPerPhase: SESSIONS_PER_PHASE,
      phases: 2,
      today: vietnamToday(),
    })
  ).slice(0, DEVICES);
  await seeding.close();
  console.log(
    `Seeded ${CENTRES} centres (each the demo centre plus ${devicesPerCentre} instructors with a class of 30–50) ` +
      `in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const server = await startServer(
    fresh.url,
    PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
  );
  stopServer = server.stop;
  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  const devices = plans.map((plan) => new Device(plan, server.url));

  const t1 = performance.now();
  await inParallel(devices, 4, (d) => d.signIn());
  const signedIn = devices.filter((d) => d.token).length;
  console.log(
    `${signedIn}/${devices.length} devices signed in in ${((performance.now() - t1) / 1000).toFixed(1)} s (scrypt each)`,
  );
  const t2 = performance.now();
  await inParallel(devices, 20, (d) => d.pull(null));
  console.log(`Each downloaded its class in ${((performance.now() - t2) / 1000).toFixed(1)} s (untimed)`);

  const phases = [
    await runPhase(
      `Paced: ${DEVICES} devices offering ${int(RATE)} marks/s`,
      devices,
      0,
      true,
      server.pid,
      client,
    ),
    await runPhase(`Flat out: ${DEVICES} devices, no pauses`, devices, 1, false, server.pid, client),
  ];
  console.log(`\nThe server reached PostgreSQL through: ${await serverTransport(client)}`);
  for (const f of phases) printPhase(f);
  await idlePulls(devices, server.pid, client);
  console.log(
    `\nserver peak RSS over the whole run (VmHWM, sign-ins included): ${mib(processFigures(server.pid)?.peakRssBytes ?? 0)}`,
  );

  // Afterwards, in the database: every mark exactly once with its last status, one applied log line per mutation.
  const expected = new Map(devices.flatMap((d) => [...d.expected]));
  const { rows: stored } = await client.query<{ id: string; status: string }>(
    'select id, status from marks where id = any($1::uuid[])',
    [[...expected.keys()]],
  );
  const wrong = stored.filter((r) => expected.get(r.id) !== r.status).length;
  const sessionIds = devices.flatMap((d) => d.plan.sessionsByPhase.flat());
  const { rows: perSession } = await client.query<{ n: number }>(
    'select count(*)::int as n from marks where session_id = any($1::uuid[])',
    [sessionIds],
  );
  const mutationIds = devices.flatMap((d) => d.mutationIds);
  const { rows: logged } = await client.query<{ n: number; once: number }>(
    `select count(*)::int as n, count(*) filter (where lines = 1 and applied)::int as once from (
       select mutation_id, count(*) as lines, bool_and(outcome = 'applied') as applied
       from change_log where mutation_id = any($1::uuid[]) group by mutation_id) l`,
    [mutationIds],
  );
  const lost = expected.size - stored.length;
  const extra = perSession[0]!.n - expected.size;
  console.log(
    `\nIn the database: ${int(stored.length)}/${int(expected.size)} marks (${lost} missing, ${extra} extra, ` +
      `${wrong} with a status other than the last sent); change log: ${int(logged[0]!.once)}/${int(mutationIds.length)} ` +
      `mutations with exactly one applied line (${int(mutationIds.length - logged[0]!.n)} without any)`,
  );
  if (lost !== 0 || extra !== 0 || wrong !== 0 || logged[0]!.once !== mutationIds.length) exitCode = 1;
  if (errors.length > 0) {
    console.log(`\nFirst errors (${errors.length} in all):\n  ${errors.slice(0, 10).join('\n  ')}`);
    exitCode = 1;
  }
  await client.end();
} finally {
  await stopServer();
  if (KEEP_DATABASE) console.log(`Database kept: ${fresh.url}`);
  else await fresh.drop();
}
process.exit(exitCode);
