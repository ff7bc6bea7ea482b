// How far this device's clock is from the server's, learnt from the Date header of each answer. A cheap phone's
// clock can be hours or years off (reset after a dead battery, set by hand, the wrong zone), and the device's clock
// decides two things: the HLC stamps of its changes, which win or lose against other devices' by time, and which
// day is "today" on screen. With the clock behind, a correction made after seeing another device's change lost to
// it (its stamp was older) and came undone at the next sync. Both now use the server's time, within a second.
// Kept for the next start (localStorage): the phone may be offline then, with the same wrong clock.
const STORAGE_KEY = 'diem-danh.clock-offset-ms';

/**
 * Below this, the device's own clock is kept: the Date header has whole seconds only, so a smaller correction
 * would make a well-set clock (NTP, a few ms) less exact, not more.
 */
export const TRUSTED_CLOCK_MS = 5000;

function deviceStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readStored(): number {
  const stored = Number(deviceStorage()?.getItem(STORAGE_KEY));
  return Number.isFinite(stored) ? stored : 0;
}

let offsetMs = typeof window === 'undefined' ? 0 : readStored();

if (typeof window !== 'undefined')
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) offsetMs = readStored();
  });

/** Milliseconds to add to this device's clock to get the server's (0 while the device's is within a few seconds). */
export function clockOffsetMs(): number {
  return offsetMs;
}

/** The server's time now, as well as this device knows it. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** The same as an ISO timestamp: when something was done, as a record keeps it. */
export const serverNowIso = (): string => new Date(serverNow()).toISOString();

/** fetch, learning from the answer how far this device's clock is off. */
export async function fetchNotingServerTime(path: string, init: RequestInit): Promise<Response> {
  const sentAt = Date.now();
  const res = await fetch(path, init);
  noteServerDate(res.headers.get('date'), sentAt, Date.now());
  return res;
}

/** An answer slower than this says too little of when the server wrote its Date (a slow network, a long push). */
const MAX_ROUND_TRIP_MS = 2000;

/**
 * Learns the offset from an answer's Date header (whole seconds, so the server's time was within the second after
 * it), the request having left at `sentAt` and the answer arrived at `receivedAt` (device clock).
 */
export function noteServerDate(dateHeader: string | null, sentAt: number, receivedAt: number): void {
  const server = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (!Number.isFinite(server) || receivedAt - sentAt > MAX_ROUND_TRIP_MS) return;
  const measured = server + 500 - (sentAt + receivedAt) / 2;
  const next = Math.abs(measured) < TRUSTED_CLOCK_MS ? 0 : Math.round(measured);
  if (next === offsetMs) return;
  offsetMs = next;
  try {
    deviceStorage()?.setItem(STORAGE_KEY, String(next));
  } catch {
    // Full or refused: this page still uses it; the next start learns it again at its first answer.
  }
}
