// [DEV4] Retries back off exponentially with jitter and never wait more than 5 minutes.
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/app/sync/scheduler.ts';

describe('backoffDelay', () => {
  it('doubles from 2 s, with jitter between half and all of the ceiling', () => {
    expect(backoffDelay(1, () => 0)).toBe(1000);
    expect(backoffDelay(1, () => 1)).toBe(2000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(3, () => 0.5)).toBe(6000);
  });

  it('is capped at 5 minutes however many failures', () => {
    for (const failures of [9, 10, 50, 1000]) expect(backoffDelay(failures, () => 1)).toBe(5 * 60_000);
  });
});
