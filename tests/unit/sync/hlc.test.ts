// [HLC] stamps order events across devices even when their clocks disagree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampHlc, decodeHlc, encodeHlc, receive, tick } from '../../../src/sync/hlc.ts';

const DEVICE_A = '0190a0b0-0000-7000-8000-00000000000a';
const DEVICE_B = '0190a0b0-0000-7000-8000-00000000000b';
const stamp = (millis: number, counter: number, deviceId = DEVICE_A) =>
  encodeHlc({ millis, counter, deviceId });

describe('HLC', () => {
  it('[HLC1] encodes so that string order is time order, then counter, then device', () => {
    expect(stamp(1000, 0) < stamp(1001, 0)).toBe(true);
    expect(stamp(1000, 35) < stamp(1000, 36)).toBe(true);
    expect(stamp(1000, 1, DEVICE_A) < stamp(1000, 1, DEVICE_B)).toBe(true);
    expect(decodeHlc(stamp(1234, 77, DEVICE_B))).toEqual({ millis: 1234, counter: 77, deviceId: DEVICE_B });
  });

  it('[HLC2] local ticks strictly increase even when the wall clock stands still or goes back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000_000_000_000 }), { minLength: 1, maxLength: 50 }),
        (walls) => {
          let state = { millis: 0, counter: 0 };
          let previous = '';
          for (const wall of walls) {
            state = tick(state, wall);
            const s = encodeHlc({ ...state, deviceId: DEVICE_A });
            expect(s > previous).toBe(true);
            previous = s;
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('[HLC3] after receiving a stamp, the next local stamp sorts after it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        (localWall, remoteMillis, remoteCounter) => {
          const remote = stamp(remoteMillis, remoteCounter, DEVICE_B);
          const after = tick(
            receive(tick({ millis: 0, counter: 0 }, localWall), remote, localWall),
            localWall,
          );
          expect(encodeHlc({ ...after, deviceId: DEVICE_A }) > remote).toBe(true);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('[HLC4] the server clamps a stamp from a clock set years ahead to its own time plus the allowed drift', () => {
    const now = Date.UTC(2026, 10, 25);
    const future = stamp(Date.UTC(2031, 0, 1), 3, DEVICE_B);
    const clamped = clampHlc(future, now, 5 * 60_000);
    expect(decodeHlc(clamped)).toEqual({ millis: now + 5 * 60_000, counter: 3, deviceId: DEVICE_B });
    // A stamp made ten minutes later by an honest device now wins over the clamped one.
    expect(stamp(now + 10 * 60_000, 0, DEVICE_A) > clamped).toBe(true);
    const honest = stamp(now - 1000, 0);
    expect(clampHlc(honest, now, 5 * 60_000)).toBe(honest);
  });
});
