// The domain schemas accept good records, store text as NFC, and refuse impossible values.
import { describe, expect, it } from 'vitest';
import { Learner, Session } from '../../../src/domain/entities.ts';
import { markId, newId } from '../../../src/domain/ids.ts';

const learner = {
  id: newId(),
  centreId: newId(),
  updatedAt: '2026-11-25T08:00:00.000+07:00',
  deleted: false,
  fullName: 'Nguyễn Thị Hoà'.normalize('NFD'),
  familyName: 'Nguyễn',
  middleName: 'Thị',
  givenName: 'Hoà',
  birthDate: '1990-02-28',
  gender: 'female',
  position: 'Bí thư chi bộ',
  unit: 'Chi bộ thôn 2',
  phone: '0905123456',
  partyStatus: 'full',
};

describe('Learner', () => {
  it('normalises names to NFC and trims', () => {
    const parsed = Learner.parse({ ...learner, fullName: `  ${learner.fullName} ` });
    expect(parsed.fullName).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
  });

  it('refuses an impossible birth date, an empty name and unknown fields', () => {
    expect(Learner.safeParse({ ...learner, birthDate: '1990-02-30' }).success).toBe(false);
    expect(Learner.safeParse({ ...learner, fullName: '   ' }).success).toBe(false);
    expect(Learner.safeParse({ ...learner, isAdmin: true }).success).toBe(false);
  });
});

describe('Session', () => {
  it('refuses a part of day that does not exist', () => {
    const s = {
      id: newId(),
      centreId: newId(),
      updatedAt: '2026-11-25T01:00:00.000Z',
      deleted: false,
      classId: newId(),
      date: '2026-11-25',
      partOfDay: 'morning',
      periods: 5,
      topic: 'Chuyên đề 1',
      instructorId: null,
      location: '',
      cancelled: false,
      replacesSessionId: null,
    };
    expect(Session.safeParse(s).success).toBe(true);
    expect(Session.safeParse({ ...s, partOfDay: 'night' }).success).toBe(false);
  });
});

describe('ids', () => {
  it('mints time-ordered UUIDv7 ids on the device', () => {
    const a = newId();
    const b = newId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it('gives a mark the same id on every device for the same session and learner', () => {
    const session = newId();
    const learnerId = newId();
    expect(markId(session, learnerId)).toBe(markId(session, learnerId));
    expect(markId(session, learnerId)).not.toBe(markId(session, newId()));
  });
});
