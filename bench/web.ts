// The app as a learner's cheap phone meets it: Lighthouse (mobile profile: a mid-range phone on slow 4G, CPU slowed
// 4×) on the sign-in page and on a signed-in learner's schedule; the JavaScript the first screen loads, gzip; and a
// cold start of the installed app, offline, from the service worker to an interactive schedule with the CPU slowed
// down 4×. Figures, not a test: `npm run bench:web` (builds first). Lighthouse 12.8 is a devDependency.
//
// Switches: WEB_COLD_ONLY=1 measures only the cold start (no Lighthouse); WEB_CLIENT_DIR=<dir> serves another build's
// dist/ (to compare an older build under the same load); WEB_TRACE=<file.json> saves a performance trace of one more
// cold start, not counted (open it in DevTools' Performance panel), with JavaScript sampling if WEB_TRACE_JS=1.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { SHOWN_MARK } from '../src/app/ui/first-screen.ts';
import { DEMO_PASSWORD } from '../src/server/demo/build-demo.ts';
import { launchProfile } from '../tests/e2e/helpers/browser.ts';
import { builtClientDir, startE2eServer } from '../tests/e2e/helpers/server.ts';
import { LoginPage } from '../tests/e2e/pages/login-page.ts';
import { RollPage } from '../tests/e2e/pages/roll-page.ts';
import { saveTrace, startTrace } from './trace.ts';

const CPU_SLOWDOWN = 4;
const COLD_STARTS = 7;
/** "Interactive": the schedule is on screen and then no task of over 50 ms for this long (TTI's rule, shortened). */
const QUIET_MS = 500;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const COLD_ONLY = process.env.WEB_COLD_ONLY === '1';
const clientDir = process.env.WEB_CLIENT_DIR ? path.resolve(process.env.WEB_CLIENT_DIR) : builtClientDir;
const TRACE_FILE = process.env.WEB_TRACE;

// Only the parts read here: the package's own types give every audit's details as a union to narrow at each read.
interface LighthouseResult {
  lhr: {
    runtimeError?: { code: string; message: string };
    environment: { benchmarkIndex: number };
    categories: Record<(typeof CATEGORIES)[number], { score: number | null }>;
    audits: Record<
      string,
      {
        score: number | null;
        numericValue?: number;
        displayValue?: string;
        title: string;
        details?: {
          items?: {
            resourceType?: string;
            transferSize?: number;
            duration?: number;
            group?: string;
            groupLabel?: string;
          }[];
        };
      }
    >;
  };
}
type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<LighthouseResult | undefined>;
const { default: lighthouse } = (await import('lighthouse')) as unknown as { default: Lighthouse };

// --- The JavaScript of the first screen: the entry and what index.html preloads, compressed as sent.
const html = readFileSync(path.join(clientDir, 'index.html'), 'utf8');
const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const firstLoadGzip = firstLoad.reduce(
  (sum, file) => sum + gzipSync(readFileSync(path.join(clientDir, file)), { level: 9 }).length,
  0,
);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const server = await startE2eServer(clientDir);
const { url } = server;
const port = await freePort();
const profile = await mkdtemp(path.join(tmpdir(), 'diem-danh-web-'));
// A browser Lighthouse can attach to (its own debugging port) with a profile on disk: the learner's session and
// the service worker live in it, as on the phone.
const context = await launchProfile(profile, { extraArgs: [`--remote-debugging-port=${port}`] });

async function audit(target: string, keepStorage: boolean) {
  const result = await lighthouse(target, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
    // The sign-in page is audited as a first visit; the schedule as the signed-in learner's phone has it.
    disableStorageReset: keepStorage,
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${target}`);
  const { categories, audits, runtimeError, environment } = result.lhr;
  // A run that failed (e.g. no paint in time on a loaded machine) scores 0: say why rather than print the zeros.
  if (runtimeError) throw new Error(`Lighthouse on ${target}: ${runtimeError.code} ${runtimeError.message}`);
  const scripts = (audits['network-requests']?.details?.items ?? []).filter(
    (i) => i.resourceType === 'Script',
  );
  // The main thread's work as Lighthouse simulates it at 4×: less sensitive to the machine's load than the scores.
  const longTasks = (audits['long-tasks']?.details?.items ?? []).map((i) => i.duration ?? 0);
  const work = audits['mainthread-work-breakdown']?.details?.items ?? [];
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c].score ?? 0) * 100)])),
    lcp: audits['largest-contentful-paint']?.displayValue,
    tbt: audits['total-blocking-time']?.displayValue,
    scriptBytes: scripts.reduce((sum, i) => sum + (i.transferSize ?? 0), 0),
    longTasks: `${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms`,
    scriptMs: Math.round(work.find((w) => w.group === 'scriptEvaluation')?.duration ?? 0),
    mainThreadMs: Math.round(work.reduce((sum, w) => sum + (w.duration ?? 0), 0)),
    // Lighthouse's measure of this machine's speed (a mid-range phone is ~500–900, a desktop 1,000–2,500).
    benchmarkIndex: Math.round(environment.benchmarkIndex),
    failing: Object.entries(audits)
      .filter(([, a]) => a.score !== null && a.score < 0.9 && !a.title.startsWith('Avoid'))
      .map(([id]) => id),
  };
}

const loginAudit = COLD_ONLY ? undefined : await audit(`${url}/login`, false);

// The learner signs in once, online, and the service worker takes the app.
const page = context.pages()[0] ?? (await context.newPage());
await new LoginPage(page).open(url);
await new LoginPage(page).signIn('hv.demo', DEMO_PASSWORD);
await page.getByRole('heading', { name: 'Lịch học của tôi' }).waitFor();
await new RollPage(page).waitAllSynced();
await new RollPage(page).waitServiceWorker();
await page.reload();
await page.getByRole('heading', { name: 'Lịch học của tôi' }).waitFor();
const scheduleAudit = COLD_ONLY ? undefined : await audit(`${url}/`, true);

// --- Cold start, offline: every page closed, then the app opened again as from the home screen.
interface ColdStart {
  shown: number;
  interactive: number;
  /** Tasks over 50 ms before the app was interactive, and their time over 50 ms (what blocks a tap). */
  longTasks: number;
  blocking: number;
}

async function coldStart(browser: BrowserContext, traceFile?: string): Promise<ColdStart> {
  for (const open of browser.pages()) await open.close();
  const tab: Page = await browser.newPage();
  const cdp = await browser.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (traceFile) {
    await startTrace(cdp, process.env.WEB_TRACE_JS === '1');
  }
  await tab.addInitScript((shownMark) => {
    const w = window as unknown as { shown: Promise<number>; longTasks: { start: number; end: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // The schedule is shown once the learner's classes, read from the device, are on screen: when the app marks it
    // (as it commits the screen), or for a build without the mark (WEB_CLIENT_DIR), when the first card is in place.
    w.shown = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.card')) return;
        observer.disconnect();
        resolve(performance.getEntriesByName(shownMark, 'mark')[0]?.startTime ?? performance.now());
      }).observe(document, { childList: true, subtree: true });
    });
  }, SHOWN_MARK);
  const response = await tab.goto(`${url}/`);
  if (!response?.fromServiceWorker()) throw new Error('The cold start was not served by the service worker');
  // Waited for in the page through the DevTools protocol: Playwright's waitForFunction first injects its own script,
  // ~50–60 ms of the page's main thread at 4×, which this measure would count.
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: 'window.shown',
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`Waiting for the schedule: ${exceptionDetails.text}`);
  const shown = result.value as number;
  // Long enough for the work that follows the first render (the sync scheduler, the update check) to show up.
  await tab.waitForTimeout(3000);
  if (traceFile) await saveTrace(cdp, traceFile);
  return tab.evaluate(
    ({ shown, quiet }) => {
      const w = window as unknown as { longTasks: { start: number; end: number }[] };
      let interactive = shown;
      const tasks = w.longTasks.sort((a, b) => a.start - b.start);
      for (const task of tasks) {
        if (task.start >= interactive + quiet) break;
        if (task.end > interactive) interactive = task.end;
      }
      const before = tasks.filter((t) => t.start < interactive);
      const blocking = before.reduce((sum, t) => sum + t.end - t.start - 50, 0);
      return { shown, interactive, longTasks: before.length, blocking };
    },
    { shown, quiet: QUIET_MS },
  );
}

await context.setOffline(true);
const starts: ColdStart[] = [];
for (let i = 0; i < COLD_STARTS; i++) starts.push(await coldStart(context));
if (TRACE_FILE) await coldStart(context, TRACE_FILE);

await context.close();
await server.close();
await rm(profile, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function printLighthouse(pages: Record<string, Awaited<ReturnType<typeof audit>>>) {
  console.log('Lighthouse 12 (mobile profile: simulated slow 4G, CPU 4×), Debian Chromium:');
  console.table(
    Object.fromEntries(
      Object.entries(pages).map(([name, a]) => [
        name,
        {
          ...a.scores,
          LCP: a.lcp,
          TBT: a.tbt,
          'JS over the network': kib(a.scriptBytes),
          'machine index': a.benchmarkIndex,
        },
      ]),
    ),
  );
  console.table(
    Object.fromEntries(
      Object.entries(pages).map(([name, a]) => [
        name,
        { 'long tasks': a.longTasks, 'script evaluation ms': a.scriptMs, 'main thread ms': a.mainThreadMs },
      ]),
    ),
  );
  for (const [name, a] of Object.entries(pages)) {
    if (a.failing.length > 0) console.log(`  audits below 90 on the ${name}: ${a.failing.join(', ')}`);
  }
}

if (loginAudit && scheduleAudit)
  printLighthouse({ 'sign-in page': loginAudit, "learner's schedule": scheduleAudit });
if (clientDir !== builtClientDir) console.log(`Served build: ${clientDir}`);
console.log(
  `First-load JavaScript (${firstLoad.length} files: ${firstLoad.join(', ')}): ${firstLoadGzip} bytes gzip (${kib(firstLoadGzip)}), target ≤ 150 KB`,
);
const shown = starts.map((s) => s.shown);
const interactive = starts.map((s) => s.interactive);
console.log(
  `Cold start offline from the service worker, CPU ${CPU_SLOWDOWN}×, ${COLD_STARTS} runs: schedule shown median ${Math.round(median(shown))} ms (${range(shown)}); interactive median ${Math.round(median(interactive))} ms (${range(interactive)}), target ≤ 1 s`,
);
console.log(`  interactive in each run: ${interactive.map((ms) => Math.round(ms)).join(', ')} ms`);
console.log(
  `  long tasks before interactive: median ${median(starts.map((s) => s.longTasks))} (${starts.map((s) => s.longTasks).join(', ')}), blocking time over 50 ms median ${Math.round(median(starts.map((s) => s.blocking)))} ms (${range(starts.map((s) => s.blocking))})`,
);
if (TRACE_FILE) console.log(`Trace of one more cold start, not counted: ${TRACE_FILE}`);
