// Loads the sync scheduler in steps, each in a task of its own: zod's library (with the shared building blocks),
// the records' schemas, then the engine with the protocol's. Evaluated together they held a slow phone's main thread
// for ~100 ms (CPU 4×) right after the first screen showed.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function loadSyncScheduler() {
  await import('../../domain/common.ts');
  await nextTask();
  await import('../../domain/entities.ts');
  await nextTask();
  return import('./scheduler.ts');
}
