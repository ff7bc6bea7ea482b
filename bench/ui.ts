// The roll screen as an instructor feels it, in Chromium slowed down 4× to stand in for a cheap phone: a tap until
// its mark is committed in IndexedDB and painted, opening a 150-learner roll from the home screen, the taps a whole
// 40-learner roll takes, and the JS heap once a 150-learner roll is taken. Figures, not a test: `npm run bench:ui`.
//
// UI_TRACE=<file.json> saves a performance trace of eight taps (open it in DevTools' Performance panel), from the
// first or from tap UI_TRACE_FROM (0-based; warm taps are the usual case), with JavaScript sampling if UI_TRACE_JS=1;
// the trace's own cost is in those taps' figures.

import { setTimeout as sleep } from 'node:timers/promises';
import { WRITE_COMMITTED, WRITE_ON_DISK } from '../src/app/db/durability.ts';
import type { Class, Enrollment, Learner, Session } from '../src/domain/entities.ts';
import { newId } from '../src/domain/ids.ts';
import { splitFullName } from '../src/domain/vietnamese-text.ts';
import { insertRecords } from '../src/server/db/records.ts';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from '../src/server/demo/demo-names.ts';
import { vietnamToday } from '../src/server/demo/seed-demo.ts';
import { launchChromium } from '../tests/e2e/helpers/browser.ts';
import { startE2eServer } from '../tests/e2e/helpers/server.ts';
import { LoginPage } from '../tests/e2e/pages/login-page.ts';
import { RollPage } from '../tests/e2e/pages/roll-page.ts';
import { saveTrace, startTrace } from './trace.ts';
import { slowDownWorkers, workerHeap } from './worker-threads.ts';

const CPU_SLOWDOWN = 4;
const OPEN_RUNS = 5;
const TAPS = 40;
const TRACE_FILE = process.env.UI_TRACE;
const TRACED_TAPS = 8;
const TRACE_FROM = Number(process.env.UI_TRACE_FROM ?? 0);
// Each tap (and each opening) starts on a quiet page: after the sync round a change sets off (1.5 s later) and the
// renders that follow. Otherwise it would be timed queued behind the last one's work, which depends on how fast a
// script clicks, not on the app.
const SETTLE_MS = 300;
const TAP_TIMEOUT_MS = 10_000;
const BIG = { learners: 150, topic: 'Ôn tập, kiểm tra cuối khóa (lớp 150 học viên)' };
const SMALL = { learners: 40, topic: 'Ôn tập, kiểm tra cuối khóa (lớp 40 học viên)' };
const PRESENT = 'Có mặt';
const LATE = 'Đi muộn';
const EXCUSED = 'Vắng có phép';
const ABSENT = 'Vắng không phép';

// --- Server: the demo centre plus two of gv.lan's classes meeting today, one big and one of a usual size.

// Served before the extra classes are added: nobody signs in until they are.
const server = await startE2eServer();
const { database, demo, url } = server;
const today = vietnamToday();
const centreId = demo.centre.id;
const lan = demo.users.find((u) => u.username === 'gv.lan')!;
const templateClass = demo.classes.find((c) => c.instructorIds.includes(lan.id) && c.status === 'open')!;
const templateSession = demo.sessions.find((s) => s.classId === templateClass.id)!;
const templateEnrollment = demo.enrollments.find((e) => e.classId === templateClass.id)!;

// Names drawn from the demo's own tables, distinct from each other and from every demo learner, so rows sort and
// read like a real class list.
const takenNames = new Set(demo.learners.map((l) => l.fullName));
let nameCursor = 0;
function nextName(gender: 'male' | 'female'): string {
  for (;;) {
    const i = nameCursor++;
    const middles = MIDDLE_NAMES[gender];
    const givens = GIVEN_NAMES[gender];
    const name = `${FAMILY_NAMES[i % FAMILY_NAMES.length]![0]} ${middles[(i * 7) % middles.length]![0]} ${givens[(i * 13) % givens.length]}`;
    if (!takenNames.has(name)) {
      takenNames.add(name);
      return name;
    }
  }
}

function addClass(size: number, topic: string, code: string) {
  const cls: Class = { ...templateClass, id: newId(), code, instructorIds: [lan.id] };
  const learners: Learner[] = Array.from({ length: size }, (_, i) => {
    const template = demo.learners[i % demo.learners.length]!;
    const fullName = nextName(template.gender ?? 'female');
    return { ...template, id: newId(), fullName, ...splitFullName(fullName) };
  });
  const enrollments: Enrollment[] = learners.map((l) => ({
    ...templateEnrollment,
    id: newId(),
    classId: cls.id,
    learnerId: l.id,
    status: 'enrolled',
    walkIn: false,
  }));
  const session: Session = {
    ...templateSession,
    id: newId(),
    classId: cls.id,
    date: today,
    partOfDay: 'morning',
    topic,
    instructorId: lan.id,
    cancelled: false,
    replacesSessionId: null,
  };
  return { cls, learners, enrollments, session };
}

const big = addClass(BIG.learners, BIG.topic, 'BENCH-150');
const small = addClass(SMALL.learners, SMALL.topic, 'BENCH-40');
await database.db.transaction(async (tx) => {
  await insertRecords(tx, 'learners', centreId, [...big.learners, ...small.learners]);
  await insertRecords(tx, 'classes', centreId, [big.cls, small.cls]);
  await insertRecords(tx, 'enrollments', centreId, [...big.enrollments, ...small.enrollments]);
  await insertRecords(tx, 'sessions', centreId, [big.session, small.session]);
});

// --- Browser: gv.lan signed in and fully synced before the CPU is slowed down, as on the morning of a class.

const browser = await launchChromium();
// The device's own calendar decides which sessions are today's; it must agree with the server's.
const context = await browser.newContext({ timezoneId: 'Asia/Ho_Chi_Minh' });
const page = await context.newPage();
const pageErrors: string[] = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
const login = new LoginPage(page);
await login.open(url);
await login.signIn('gv.lan', 'diemdanh');
await page.getByRole('heading', { name: 'Buổi học sắp tới' }).waitFor();
const roll = new RollPage(page);
await roll.waitServiceWorker();
await roll.waitAllSynced();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
// The home screen has read today's rolls ahead, which started the write worker; it is slowed down as the page is.
// UI_WORKER_FULL_SPEED=1 leaves it at the machine's speed, to compare.
if (!page.workers().some((w) => w.url().includes('write-worker')))
  throw new Error('no write worker is running');
const slowedWorkers = process.env.UI_WORKER_FULL_SPEED === '1' ? null : slowDownWorkers(CPU_SLOWDOWN);

type Probe = { __probe?: Promise<number> };
/** Milliseconds from a tap until its write committed, and until its pressed button was painted. */
type TapProbe = { __probe?: Promise<{ committed: number; painted: number; onDisk: number }> };
const sessionLink = (topic: string) => page.getByRole('link', { name: topic, exact: true });

async function goHome(): Promise<void> {
  await page.getByRole('link', { name: 'Về trang chính' }).click();
  await sessionLink(BIG.topic).waitFor();
  await page.waitForTimeout(SETTLE_MS);
}

/** Milliseconds from the probe's start (a click's timestamp) to the end of the frame painted after it, in the page. */
const readProbe = () => page.evaluate(() => (window as Probe).__probe!);

// "Painted" is taken as a task queued from the next requestAnimationFrame: it runs once that frame's style, layout
// and paint are done. Waiting for a second rAF instead would add up to a whole vsync (16.7 ms), the tap target itself.

/** Arms the probe: from the next click anywhere until `rows` roll rows are in the DOM and painted. */
async function armOpenProbe(rows: number): Promise<void> {
  await page.evaluate((rows) => {
    (window as Probe).__probe = new Promise<number>((resolve) => {
      const channel = new MessageChannel();
      window.addEventListener(
        'click',
        (event) => {
          const started = event.timeStamp;
          new MutationObserver((_, observer) => {
            if (document.querySelectorAll('.roll-row').length < rows) return;
            observer.disconnect();
            requestAnimationFrame(() => channel.port2.postMessage(null));
          }).observe(document.body, { childList: true, subtree: true });
          channel.port1.onmessage = () => resolve(performance.now() - started);
        },
        { capture: true, once: true },
      );
    });
  }, rows);
}

// The tap probe runs as plain JavaScript text: tsx would wrap its inner named functions in a `__name` helper that
// does not exist in the page.
// A tap is timed from its release, when the page receives the pointerup (a click fires on release): Playwright sends
// the press and the release as two protocol commands, and the 10–30 ms between them at 4× are the harness's, not the
// app's (CDP stamps all three events with the press's timeStamp, so event.timeStamp would count them). The page is
// quiet before each tap (SETTLE_MS), so no app work waits ahead of the release. Everything the probe needs (its
// observers, the message channel that says a frame is done) is made when it is armed: inside the interval timed it
// only notes times and posts one message, so its own work is not counted as the app's.
const TAP_PROBE = `({ learnerId, label, committedMark, onDiskMark }) => {
  const button = Array.from(document.querySelectorAll('.roll-row[data-learner="' + learnerId + '"] button')).find(
    (b) => b.textContent === label,
  );
  if (!button) throw new Error('no "' + label + '" button for ' + learnerId);
  const at = { released: null, committed: null, painted: null, onDisk: null };
  const channel = new MessageChannel();
  window.__probe = new Promise((resolve) => {
    const settle = () => {
      if (at.onDisk === null || at.painted === null) return;
      const since = (t) => t - at.released;
      resolve({ committed: since(at.committed), painted: since(at.painted), onDisk: since(at.onDisk) });
    };
    channel.port1.onmessage = () => {
      at.painted = performance.now();
      settle();
    };
    new PerformanceObserver((list, observer) => {
      if (at.released === null) return;
      for (const e of list.getEntries()) {
        if (e.startTime < at.released) continue;
        if (e.name === committedMark && at.committed === null) at.committed = e.startTime;
        // The disk flush asked for by the commit: taps are far enough apart that no earlier one is still running.
        if (e.name === onDiskMark && at.committed !== null && e.startTime > at.committed) at.onDisk = e.startTime;
      }
      if (at.committed === null || at.onDisk === null) return;
      observer.disconnect();
      settle();
    }).observe({ type: 'mark' });
    // Pressed on screen: the frame after the button's aria-pressed turns true is done when a task queued from its
    // animation frame callback runs.
    new MutationObserver((_, observer) => {
      if (at.released === null || button.getAttribute('aria-pressed') !== 'true') return;
      observer.disconnect();
      requestAnimationFrame(() => channel.port2.postMessage(null));
    }).observe(button, { attributes: true, attributeFilter: ['aria-pressed'] });
  });
  window.addEventListener('pointerup', () => { at.released = performance.now(); }, { capture: true, once: true });
}`;

/**
 * Arms the probe: from the release of a tap on this status button until its write has committed (the app's User
 * Timing mark, made once the IndexedDB transaction completed), the disk flush behind it has ended, and the button
 * shows as pressed in a painted frame.
 */
async function armTapProbe(learnerId: string, label: string): Promise<void> {
  const args = JSON.stringify({
    learnerId,
    label,
    committedMark: WRITE_COMMITTED,
    onDiskMark: WRITE_ON_DISK,
  });
  await page.evaluate(`(${TAP_PROBE})(${args})`);
}

const unmarkedCount = () =>
  page.getByTestId('roll-counts').locator('.count.unmarked strong').textContent().then(Number);

async function waitUnmarked(n: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-testid="roll-counts"] .count.unmarked strong')?.textContent === String(n),
    n,
  );
}

// --- 1. Opening the 150-learner roll from the home screen.

const openMs: number[] = [];
for (let run = 0; run < OPEN_RUNS; run++) {
  if (run > 0) await goHome();
  await armOpenProbe(BIG.learners);
  await sessionLink(BIG.topic).click();
  openMs.push(await readProbe());
}

// --- 2. Tapping a status on 40 different rows of it, then the rest present in one tap.

const statusCycle = [PRESENT, LATE, EXCUSED, ABSENT];
const tapMs: number[] = [];
const committedMs: number[] = [];
const paintedMs: number[] = [];
const onDiskMs: number[] = [];
let tracing = false;
for (const [i, { id }] of big.learners.slice(0, TAPS).entries()) {
  if (TRACE_FILE && i === TRACE_FROM) {
    await startTrace(cdp, process.env.UI_TRACE_JS === '1');
    tracing = true;
  }
  if (tracing && i === TRACE_FROM + TRACED_TAPS) {
    await saveTrace(cdp, TRACE_FILE!);
    tracing = false;
  }
  const label = statusCycle[i % statusCycle.length]!;
  // A press and release at the button's centre, as a finger's: Playwright's own click would run its hit-target checks
  // in the page's listeners for the release and the click, inside the interval timed (elementsFromPoint and the
  // layout it forces, 1–5 ms at 4×), right after its scroll. The row is scrolled into view first and left to settle
  // (its content-visibility rendering), as a hand stops before it taps, so the centre read is where the button stays.
  const button = page
    .locator(`.roll-row[data-learner="${id}"]`)
    .getByRole('button', { name: label, exact: true });
  await button.scrollIntoViewIfNeeded();
  await page.waitForTimeout(SETTLE_MS);
  const box = (await button.boundingBox())!;
  await armTapProbe(id, label);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  // A press that missed its button (the page moved under it) would leave the probe waiting for ever: say so instead.
  const tapped = await Promise.race([
    page.evaluate(() => (window as TapProbe).__probe!),
    sleep(TAP_TIMEOUT_MS, undefined, { ref: false }).then(() => {
      throw new Error(`tap ${i + 1}: the press at the centre of "${label}" reached no such button`);
    }),
  ]);
  tapMs.push(Math.max(tapped.committed, tapped.painted));
  committedMs.push(tapped.committed);
  paintedMs.push(tapped.painted);
  onDiskMs.push(tapped.onDisk);
  await roll.waitAllSynced();
}
// Fewer than eight taps after UI_TRACE_FROM: the trace ends with the last.
if (tracing) await saveTrace(cdp, TRACE_FILE!);
await roll.allRemainingPresent();
await waitUnmarked(0);
await roll.waitAllSynced();

// --- 3. JS heap with the 150-learner roll taken (what stays after a collection, not garbage awaiting one).

await cdp.send('HeapProfiler.collectGarbage');
const heap = await cdp.send('Runtime.getHeapUsage');
const writeWorkerHeap = await workerHeap(browser);

// --- 4. The fewest taps for a 40-learner roll with 4 absent and 1 late, from the home screen.

// Every click from the home screen on counts; getting back to the home screen is not part of this roll.
await goHome();
let taps = 0;
const tap = async (click: () => Promise<void>) => {
  taps++;
  await click();
};
await tap(() => sessionLink(SMALL.topic).click());
await page
  .locator('.roll-row')
  .nth(SMALL.learners - 1)
  .waitFor();
// "All remaining present" first: it marks whoever is unmarked when the screen last rendered, so it must come before
// the exceptions, and each tap must show before the next.
await tap(() => roll.allRemainingPresent());
await waitUnmarked(0);
const [late, ...absent] = small.learners.slice(0, 5).map((l) => l.id);
for (const learnerId of absent) await tap(() => roll.mark(learnerId, ABSENT));
await tap(() => roll.mark(late!, LATE));
const statuses = Object.values(await roll.statuses());
const tally = (label: string) => statuses.filter((s) => s === label).length;
const rollRight =
  statuses.length === SMALL.learners &&
  (await unmarkedCount()) === 0 &&
  tally(PRESENT) === 35 &&
  tally(ABSENT) === 4 &&
  tally(LATE) === 1;

// --- Figures.

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) =>
  sorted(xs)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
const median = (xs: number[]) => {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

console.log(
  `UI in Chromium, CPU slowed down ${CPU_SLOWDOWN}×: the page by Chromium, ` +
    (slowedWorkers
      ? `the write worker's ${slowedWorkers.threads} thread(s) by a cgroup`
      : 'the write worker not (full speed)'),
);
console.log(
  `tap to mark → committed and painted (${TAPS} taps, 150-learner roll): median ${ms(median(tapMs))} (target ≤ 16 ms), ` +
    `p95 ${ms(quantile(tapMs, 0.95))} (target ≤ 50 ms), max ${ms(Math.max(...tapMs))}`,
);
console.log(
  `  of which committed: median ${ms(median(committedMs))}, p95 ${ms(quantile(committedMs, 0.95))}; ` +
    `painted: median ${ms(median(paintedMs))}, p95 ${ms(quantile(paintedMs, 0.95))}`,
);
console.log(
  `  on disk (the strict flush behind the relaxed commit): median ${ms(median(onDiskMs))}, ` +
    `p95 ${ms(quantile(onDiskMs, 0.95))}`,
);
console.log(
  `open the 150-learner roll from the home screen: median ${ms(median(openMs))} of ${OPEN_RUNS} (target ≤ 300 ms); ` +
    `runs ${openMs.map((n) => n.toFixed(0)).join(', ')} ms`,
);
console.log(
  `taps for a 40-learner roll with 4 absent and 1 late, the tap that opens it from the home screen included: ` +
    `${taps} (target ≤ 7)`,
);
// A roll that came out wrong makes the count meaningless: say so, and fail the run.
if (!rollRight) {
  console.log(
    `  but the roll came out wrong: ${JSON.stringify({ marked: statuses.length, present: tally(PRESENT), absent: tally(ABSENT), late: tally(LATE) })}`,
  );
  process.exitCode = 1;
}
console.log(
  `JS heap after taking the 150-learner roll (after GC): ${mb(heap.usedSize + writeWorkerHeap)} (target ≤ 40 MB): ` +
    `the page ${mb(heap.usedSize)}, the write worker ${mb(writeWorkerHeap)}`,
);
if (pageErrors.length > 0) console.log(`errors in the page: ${pageErrors.join(' | ')}`);

await browser.close();
slowedWorkers?.release();
await server.close();
