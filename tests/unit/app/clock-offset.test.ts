// @vitest-environment jsdom
// The device learns how far its clock is from the server's from each answer's Date header, and only when it is
// clearly off: a clock a day behind is corrected (and stays corrected at the next start, offline), a well-set one is
// left alone, and a slow answer or a broken header teaches nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';

const DAY = 24 * 3600_000;
const header = (millis: number) => new Date(millis).toUTCString();

async function freshModule() {
  vi.resetModules();
  return import('../../../src/app/db/clock-offset.ts');
}

describe('clock offset', () => {
  afterEach(() => localStorage.clear());

  it('corrects a clock a day behind, within a second, and keeps the correction for the next start', async () => {
    const clock = await freshModule();
    const now = Date.now();
    clock.noteServerDate(header(now + DAY), now - 100, now + 100);
    expect(Math.abs(clock.serverNow() - (Date.now() + DAY))).toBeLessThan(1000);
    expect(Date.parse(clock.serverNowIso())).toBeGreaterThan(Date.now() + DAY - 1000);

    const restarted = await freshModule();
    expect(Math.abs(restarted.serverNow() - (Date.now() + DAY))).toBeLessThan(1000);

    // The clock set right again: the correction goes.
    restarted.noteServerDate(header(Date.now()), Date.now() - 50, Date.now());
    expect(Math.abs(restarted.serverNow() - Date.now())).toBeLessThan(5);
  });

  it('leaves a clock within a few seconds alone, and learns nothing from a slow answer or a broken header', async () => {
    const clock = await freshModule();
    const now = Date.now();
    clock.noteServerDate(header(now + clock.TRUSTED_CLOCK_MS - 1500), now - 100, now);
    expect(Math.abs(clock.serverNow() - Date.now())).toBeLessThan(5);

    clock.noteServerDate(header(now + DAY), now - 3000, now);
    clock.noteServerDate('not a date', now - 100, now);
    clock.noteServerDate(null, now - 100, now);
    expect(Math.abs(clock.serverNow() - Date.now())).toBeLessThan(5);
    expect(localStorage.length).toBe(0);
  });
});
