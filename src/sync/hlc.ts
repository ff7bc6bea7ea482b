// Hybrid logical clock stamps: wall-clock milliseconds, a counter for events within one millisecond, and the device
// id as the final tie-breaker. Encoded as fixed-width strings so that comparing two stamps is comparing two strings.

export interface HlcState {
  /** Physical part of the latest stamp issued or seen (ms since epoch). */
  millis: number;
  counter: number;
}

export interface Hlc extends HlcState {
  deviceId: string;
}

const MILLIS_WIDTH = 15;
const COUNTER_WIDTH = 6;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

export const HLC_PATTERN = /^\d{15}-[0-9a-z]{6}-[0-9a-f-]{36}$/;

export function encodeHlc({ millis, counter, deviceId }: Hlc): string {
  return `${String(millis).padStart(MILLIS_WIDTH, '0')}-${counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${deviceId}`;
}

export function decodeHlc(stamp: string): Hlc {
  const [millis = '', counter = '', ...rest] = stamp.split('-');
  return { millis: Number(millis), counter: Number.parseInt(counter, 36), deviceId: rest.join('-') };
}

/** Stamps a local event: later than every stamp issued or seen before, close to the wall clock when it is sane. */
export function tick(state: HlcState, wallMillis: number): HlcState {
  if (wallMillis > state.millis) return { millis: wallMillis, counter: 0 };
  if (state.counter >= MAX_COUNTER) return { millis: state.millis + 1, counter: 0 };
  return { millis: state.millis, counter: state.counter + 1 };
}

/** Folds a stamp received from elsewhere into the local clock, so the next local stamp sorts after it. */
export function receive(state: HlcState, remote: string, wallMillis: number): HlcState {
  const r = decodeHlc(remote);
  const millis = Math.max(state.millis, r.millis, wallMillis);
  if (millis === state.millis && millis === r.millis)
    return { millis, counter: Math.max(state.counter, r.counter) };
  if (millis === state.millis) return { millis, counter: state.counter };
  if (millis === r.millis) return { millis, counter: r.counter };
  return { millis, counter: 0 };
}

/**
 * A device clock set far ahead must not win every later conflict (one far-future stamp once broke Actual Budget's
 * sync for every client). The server bounds a stamp's physical part to its own clock plus `maxDriftMs`; the
 * counter and device id keep the clamped stamp unique and ordered.
 */
export function clampHlc(stamp: string, serverMillis: number, maxDriftMs: number): string {
  const h = decodeHlc(stamp);
  const limit = serverMillis + maxDriftMs;
  return h.millis <= limit ? stamp : encodeHlc({ ...h, millis: limit });
}
