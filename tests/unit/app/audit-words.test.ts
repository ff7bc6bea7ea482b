// The change log in words: what an entry is about, named from the device's records, and each value as staff read
// it — statuses translated, dates day first, ids as names, a password only as set — in Vietnamese and English.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CentreDirectory } from '../../../src/app/db/office-hooks.ts';
import {
  deviceWords,
  subjectWords,
  valueWords,
  type Words,
} from '../../../src/app/features/audit/audit-words.ts';
import { initI18n, loadScreenWords } from '../../../src/app/i18n/i18n.ts';
import { type AuditEntry, SECRET_SET } from '../../../src/domain/audit.ts';
import type { Class, Session, User } from '../../../src/domain/entities.ts';
import { newId } from '../../../src/domain/ids.ts';
import { learnerNamed } from '../helpers/records.ts';

const centreId = newId();
const stamp = '2026-01-05T08:00:00.000+07:00';
const base = { centreId, updatedAt: stamp, deleted: false };
const learner = learnerNamed('Nguyễn Thị Hoà', { centreId, updatedAt: stamp });
const instructor: User = {
  ...base,
  id: newId(),
  role: 'instructor',
  username: 'gv.lan',
  displayName: 'Trần Thị Ngọc Lan',
  learnerId: null,
};
const cls = { ...base, id: newId(), code: 'NTVĐ-01', name: 'Nhận thức về Đảng' } as Class;
const session = {
  ...base,
  id: newId(),
  classId: cls.id,
  date: '2026-01-05',
  partOfDay: 'morning',
} as Session;
const directory: CentreDirectory = {
  centre: undefined,
  classes: new Map([[cls.id, cls]]),
  sessions: new Map([[session.id, session]]),
  learners: new Map([[learner.id, learner]]),
  enrollments: [],
  users: new Map([[instructor.id, instructor]]),
  classTypes: new Map(),
  planItems: new Map(),
  dossiers: new Map(),
};

const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: stamp,
  entity: 'marks',
  recordId: newId(),
  outcome: 'applied',
  reason: null,
  userId: instructor.id,
  userName: instructor.displayName,
  deviceId: '0193ab12-0000-7000-8000-00000000abcd',
  deviceName: null,
  changes: {},
  lost: {},
  classId: cls.id,
  sessionId: session.id,
  learnerId: learner.id,
  ...fields,
});

describe('the change log in words', () => {
  let vi: Words;
  let en: Words;
  beforeAll(async () => {
    // The change log is a screen loaded on first use: its words come with it.
    const [viI18n, enI18n] = [await initI18n('vi'), await initI18n('en')];
    await Promise.all([loadScreenWords(viI18n), loadScreenWords(enI18n)]);
    vi = { t: viI18n.t, language: 'vi', directory };
    en = { t: enI18n.t, language: 'en', directory };
  });

  it('names a mark by its learner and session, a class by code and name, an unknown record by its id', () => {
    expect(subjectWords(vi, entry({}))).toBe('Nguyễn Thị Hoà — NTVĐ-01, 05/01/2026 Sáng');
    expect(subjectWords(en, entry({}))).toBe('Nguyễn Thị Hoà — NTVĐ-01, 05/01/2026 Morning');
    expect(subjectWords(vi, entry({ entity: 'classes', recordId: cls.id }))).toBe(
      'NTVĐ-01 — Nhận thức về Đảng',
    );
    expect(subjectWords(vi, entry({ entity: 'users', recordId: instructor.id }))).toBe('Trần Thị Ngọc Lan');
    const purged = entry({
      recordId: '0193ab12-0000-7000-8000-0000feedbeef',
      sessionId: null,
      learnerId: null,
    });
    expect(subjectWords(vi, purged)).toBe('…feedbeef');
  });

  it('words values: statuses, dates day first, yes/no, percentages, ids as names, a password only as set', () => {
    expect(valueWords(vi, 'marks', 'status', 'absent')).toBe('Vắng không phép');
    expect(valueWords(en, 'marks', 'status', 'leftEarly')).toBe('Left early');
    expect(valueWords(vi, 'classes', 'status', 'open')).toBe('Đang học');
    expect(valueWords(vi, 'classes', 'startDate', '2026-01-05')).toBe('05/01/2026');
    expect(valueWords(vi, 'sessions', 'cancelled', true)).toBe('Có');
    expect(valueWords(vi, 'classes', 'threshold', 0.8)).toBe('80%');
    expect(valueWords(vi, 'marks', 'markedBy', instructor.id)).toBe('Trần Thị Ngọc Lan');
    expect(valueWords(vi, 'classes', 'instructorIds', [instructor.id])).toBe('Trần Thị Ngọc Lan');
    expect(valueWords(vi, 'marks', 'note', '')).toBe('—');
    expect(valueWords(vi, 'users', 'password', SECRET_SET)).toBe('đã đặt (không ghi lại mật khẩu)');
    expect(valueWords(en, 'attachments', 'file', 2048)).toBe('2048 bytes');
    expect(valueWords(vi, 'marks', 'status', 'somethingNew')).toBe('somethingNew');
  });

  it('names a device by the name it signed in with, else by the end of its id', () => {
    expect(deviceWords(vi, entry({}))).toBe('Máy 0000abcd');
    expect(deviceWords(en, entry({ deviceName: 'Galaxy A05' }))).toBe('Galaxy A05');
  });
});
