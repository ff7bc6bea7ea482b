// A learner's QR code names their enrolment; anything else is not one of ours.
import { describe, expect, it } from 'vitest';
import { checkInCode, parseCheckInCode } from '../../../src/domain/check-in-code.ts';
import { newId } from '../../../src/domain/ids.ts';

describe('check-in codes', () => {
  it('round-trips an enrolment id, whatever the case and surrounding spaces', () => {
    const id = newId();
    expect(parseCheckInCode(checkInCode(id))).toBe(id);
    expect(parseCheckInCode(` ${checkInCode(id).toUpperCase()} `)).toBe(id);
  });

  it('refuses texts that are not our codes', () => {
    for (const text of ['', 'DD1:', 'DD1:not-a-uuid', `DD2:${newId()}`, 'https://example.com', newId()]) {
      expect(parseCheckInCode(text), text).toBeNull();
    }
  });
});
