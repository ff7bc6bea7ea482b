// Work that must not hold up the frame about to show a tap: it runs once that frame is painted. A task queued from an
// animation frame callback runs after the frame's style, layout and paint. A page that paints nothing (a hidden tab,
// a test without a display) runs it on a timer instead, and a page being left runs it at once.
const UNPAINTED_MS = 100;

let waiting: (() => void)[] | null = null;

function run(batch: (() => void)[]): void {
  if (waiting !== batch) return;
  waiting = null;
  for (const work of batch) {
    try {
      work();
    } catch (err) {
      // Reported as any uncaught error is, without keeping the rest of the batch from running.
      setTimeout(() => {
        throw err;
      });
    }
  }
}

/** Runs `work` after the next frame is painted, in the order asked. */
export function afterNextPaint(work: () => void): void {
  if (waiting) {
    waiting.push(work);
    return;
  }
  const batch = [work];
  waiting = batch;
  // The timer also covers a tab hidden before its frame came.
  const painting = typeof document === 'object' && document.visibilityState === 'visible';
  if (painting) requestAnimationFrame(() => setTimeout(() => run(batch)));
  setTimeout(() => run(batch), painting ? UNPAINTED_MS : 0);
}

if (typeof addEventListener === 'function') addEventListener('pagehide', () => waiting && run(waiting));
