// The app's write worker, as bench:ui sees it. Chromium slows down only a page's main thread (for a worker target,
// Emulation.setCPUThrottlingRate answers "Operation is only supported for pages, not workers"), so a worker would run
// at the machine's full speed while the page runs at a phone's. The bench slows the worker's thread itself: it goes
// into a cgroup (the v1 cpu controller, which places single threads) allowed 1/rate of one CPU. The kernel's shortest
// quota is 1 ms, so the period is `rate` ms: a burst shorter than 1 ms may run unslowed, a longer one is slowed
// about `rate`×, as Chromium's throttling of the main thread does.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const CPU_CGROUPS = '/sys/fs/cgroup/cpu';
// The thread's name as Linux keeps it: "DedicatedWorker thread", cut to 15 characters.
const WORKER_THREAD = 'DedicatedWorker';

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

/** The ids of every dedicated worker thread in Chromium's renderer processes. */
function workerThreads(): string[] {
  const processes = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  return processes.flatMap((pid) => {
    if (!readOr(`/proc/${pid}/cmdline`, '').includes('--type=renderer')) return [];
    const tasks = (() => {
      try {
        return readdirSync(`/proc/${pid}/task`);
      } catch {
        return [];
      }
    })();
    return tasks.filter((tid) => readOr(`/proc/${pid}/task/${tid}/comm`, '').trim() === WORKER_THREAD);
  });
}

export interface SlowedWorkers {
  threads: number;
  /** Takes the threads out of the cgroup (those still alive) and removes it. */
  release(): void;
}

/**
 * Slows every dedicated worker thread of the browser `rate`× (see above); null, with the reason printed, where this
 * machine cannot (not root, no v1 cpu controller).
 */
export function slowDownWorkers(rate: number): SlowedWorkers | null {
  const threads = workerThreads();
  const group = `${CPU_CGROUPS}/diem-danh-bench-${process.pid}`;
  try {
    mkdirSync(group, { recursive: true });
    writeFileSync(`${group}/cpu.cfs_period_us`, String(rate * 1000));
    writeFileSync(`${group}/cpu.cfs_quota_us`, '1000');
    for (const tid of threads) appendFileSync(`${group}/tasks`, tid);
  } catch (err) {
    console.log(
      `the write worker could not be slowed down (${(err as Error).message}): it ran at full speed`,
    );
    return null;
  }
  return {
    threads: threads.length,
    release() {
      for (const tid of readOr(`${group}/tasks`, '').split('\n').filter(Boolean)) {
        try {
          appendFileSync(`${CPU_CGROUPS}/tasks`, tid);
        } catch {
          // Gone with the browser.
        }
      }
      rmdirSync(group);
    },
  };
}

/** The JS heap of the app's write worker after a collection, in bytes (through the browser's DevTools protocol). */
export async function workerHeap(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes('write-worker'));
  if (!worker) throw new Error('no write worker is running');
  // A worker target takes protocol messages only through its parent in this form (Playwright has no session for it).
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  });
  const answers = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) answers.get(message.id)?.(message.result);
  });
  let nextId = 1;
  const send = (method: string) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      answers.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  await send('HeapProfiler.collectGarbage');
  const { usedSize } = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}
