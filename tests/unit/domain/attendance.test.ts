// The after-session rules: standing against the class threshold in teaching periods, who can no longer reach it,
// and absences in a row; checked on a class of 10 half-day sessions of 5 tiết, threshold 80%.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classStanding, type LearnerStanding, sessionCounts } from '../../../src/domain/attendance.ts';
import type { AttendanceMark, MarkStatus, PartOfDay, Session } from '../../../src/domain/entities.ts';
import { markId, newId } from '../../../src/domain/ids.ts';
import { compareSessions } from '../../../src/domain/sessions.ts';

const centreId = newId();
const classId = newId();
const instructorId = newId();
const base = { centreId, updatedAt: '2026-03-02T07:00:00.000+07:00', deleted: false };

const session = (date: string, partOfDay: PartOfDay, extra: Partial<Session> = {}): Session => ({
  ...base,
  id: newId(),
  classId,
  date,
  partOfDay,
  periods: 5,
  topic: 'Chuyên đề',
  instructorId,
  location: 'Hội trường xã Đăk Ruồng',
  cancelled: false,
  replacesSessionId: null,
  ...extra,
});

const mark = (s: Pick<Session, 'id'>, learnerId: string, status: MarkStatus): AttendanceMark => ({
  ...base,
  id: markId(s.id, learnerId),
  sessionId: s.id,
  learnerId,
  status,
  note: '',
  markedBy: instructorId,
  markedAt: '2026-03-02T07:30:00.000+07:00',
});

// Lớp Nhận thức về Đảng, Monday 2 to Friday 6 March 2026, morning and afternoon: 10 buổi × 5 tiết = 50 tiết.
const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
const scheduled = days.flatMap((d) => [session(d, 'morning'), session(d, 'afternoon')]);
const held = scheduled.slice(0, 6);
const TODAY = '2026-03-04'; // Wednesday, after the afternoon session: Monday to Wednesday are held (30 tiết).
const cancelled = session('2026-03-03', 'evening', { cancelled: true });
const removed = session('2026-03-02', 'evening', { deleted: true });
const sessions = [...scheduled, cancelled, removed];

const learners = {
  an: 'Nguyễn Văn An',
  nhung: 'Đặng Thị Hồng Nhung',
  tuan: 'Trần Minh Tuấn',
  ha: 'Lê Thị Thu Hà',
  bao: 'Phạm Quốc Bảo',
  dung: 'Hoàng Văn Dũng',
  mai: 'Võ Thị Mai',
  khanh: 'Bùi Văn Khánh',
};
type Who = keyof typeof learners;
const ids = Object.fromEntries(Object.keys(learners).map((k) => [k, newId()])) as Record<Who, string>;

// One letter per held session, Monday morning to Wednesday afternoon: P present, L late, E left early,
// X excused, A absent, - not marked.
const LETTER: Record<string, MarkStatus | undefined> = {
  P: 'present',
  L: 'late',
  E: 'leftEarly',
  X: 'excused',
  A: 'absent',
  '-': undefined,
};
const rollBook: Record<Who, string> = {
  an: 'PPPPPP',
  nhung: 'APAPPP',
  tuan: 'AAPAPP',
  ha: 'PPPPXX',
  bao: 'LPPEPP',
  dung: 'PPPPAP',
  mai: 'PPPPA-',
  khanh: 'PPPPAA',
};
const marks = [
  ...(Object.keys(rollBook) as Who[]).flatMap((who) =>
    [...rollBook[who]].flatMap((letter, i) => {
      const status = LETTER[letter];
      return status ? [mark(held[i]!, ids[who], status)] : [];
    }),
  ),
  // Marks that must not count: everyone "present" in the cancelled and the removed session, and an excuse
  // recorded ahead for Thursday morning.
  ...Object.values(ids).flatMap((id) => [mark(cancelled, id, 'present'), mark(removed, id, 'present')]),
  mark(scheduled[6]!, ids.an, 'excused'),
];

const standing = (options: { excusedCounts?: boolean; today?: string; order?: Session[] } = {}) => {
  const rows = classStanding({
    sessions: options.order ?? sessions,
    marks,
    learnerIds: Object.values(ids),
    threshold: 0.8,
    excusedCounts: options.excusedCounts ?? false,
    today: options.today ?? TODAY,
  });
  return Object.fromEntries((Object.keys(ids) as Who[]).map((who, i) => [who, rows[i]!])) as Record<
    Who,
    LearnerStanding
  >;
};

describe('classStanding', () => {
  it('counts held periods up to today and every period of the class, ignoring cancelled and removed sessions', () => {
    const { an } = standing();
    expect(an).toMatchObject({ attendedPeriods: 30, heldPeriods: 30, totalPeriods: 50, rate: 1 });
  });

  it('puts a learner under 80% of the periods held so far below the threshold', () => {
    const { nhung, an } = standing();
    expect(nhung).toMatchObject({ attendedPeriods: 20, heldPeriods: 30, belowThreshold: true });
    expect(nhung.rate).toBeCloseTo(2 / 3);
    expect(an.belowThreshold).toBe(false);
  });

  it('still lets a learner reach the threshold by attending every remaining session (40/50 is exactly 80%)', () => {
    expect(standing().nhung.cannotReach).toBe(false);
  });

  it('says when a learner can no longer reach the threshold', () => {
    const { tuan } = standing();
    expect(tuan).toMatchObject({ attendedPeriods: 15, belowThreshold: true, cannotReach: true });
  });

  it('counts late and left early as attended', () => {
    expect(standing().bao).toMatchObject({ attendedPeriods: 30, belowThreshold: false });
  });

  it('counts excused absences as attended only when the centre setting says so', () => {
    expect(standing({ excusedCounts: false }).ha).toMatchObject({
      attendedPeriods: 20,
      belowThreshold: true,
    });
    expect(standing({ excusedCounts: true }).ha).toMatchObject({
      attendedPeriods: 30,
      belowThreshold: false,
    });
  });

  it('does not count future sessions as held, nor a mark recorded ahead for one', () => {
    expect(standing({ excusedCounts: true }).an).toMatchObject({ attendedPeriods: 30, heldPeriods: 30 });
    const beforeTheClass = standing({ today: '2026-03-01' });
    expect(beforeTheClass.tuan).toMatchObject({
      heldPeriods: 0,
      rate: null,
      belowThreshold: false,
      cannotReach: false,
      absentStreak: 0,
    });
  });

  it('raises the alert after two absences in a row', () => {
    expect(standing().khanh).toMatchObject({ absentStreak: 2, belowThreshold: true, cannotReach: false });
  });

  it('counts an excused absence in the streak, whatever the centre setting', () => {
    expect(standing({ excusedCounts: false }).ha.absentStreak).toBe(2);
    expect(standing({ excusedCounts: true }).ha.absentStreak).toBe(2);
  });

  it('counts a learner not marked in a held session as absent', () => {
    expect(standing().mai).toMatchObject({ absentStreak: 2, attendedPeriods: 20 });
  });

  it('raises no alert after an absence followed by a presence', () => {
    const { dung, nhung, tuan } = standing();
    expect(dung).toMatchObject({ absentStreak: 0, attendedPeriods: 25, belowThreshold: false });
    expect(nhung.absentStreak).toBe(0);
    expect(tuan.absentStreak).toBe(0);
  });

  it('orders sessions by date, then morning before afternoon, however they are given', () => {
    const { khanh, dung } = standing({ order: [...sessions].reverse() });
    expect(khanh.absentStreak).toBe(2);
    expect(dung.absentStreak).toBe(0);
  });

  it('skips a cancelled session between two absences, so the streak goes on', () => {
    const [tue, wed] = [session('2026-03-03', 'afternoon'), session('2026-03-04', 'morning')];
    const off = session('2026-03-03', 'evening', { cancelled: true });
    const [row] = classStanding({
      sessions: [tue, off, wed],
      marks: [mark(tue, ids.an, 'absent'), mark(off, ids.an, 'present'), mark(wed, ids.an, 'excused')],
      learnerIds: [ids.an],
      threshold: 0.8,
      excusedCounts: false,
      today: TODAY,
    });
    expect(row).toMatchObject({ absentStreak: 2, heldPeriods: 10, totalPeriods: 10 });
  });

  it('says how many more sessions a learner may miss and still reach the threshold', () => {
    // Ten half-days of 5 periods, four held; An missed one: at most two of ten may be missed at 80%, so one more.
    const ten = Array.from({ length: 10 }, (_, i) =>
      session(`2026-03-${String(i + 2).padStart(2, '0')}`, 'morning'),
    );
    const [row] = classStanding({
      sessions: ten,
      marks: ten.slice(0, 4).map((s, i) => mark(s, ids.an, i === 1 ? 'absent' : 'present')),
      learnerIds: [ids.an],
      threshold: 0.8,
      excusedCounts: false,
      today: '2026-03-05',
    });
    expect(row).toMatchObject({ heldPeriods: 20, attendedPeriods: 15, absencesLeft: 1, cannotReach: false });
  });

  it('weighs sessions by their teaching periods', () => {
    const long = session('2026-03-02', 'morning', { periods: 5 });
    const short = session('2026-03-02', 'afternoon', { periods: 2 });
    const [row] = classStanding({
      sessions: [long, short],
      marks: [mark(long, ids.an, 'present'), mark(short, ids.an, 'absent')],
      learnerIds: [ids.an],
      threshold: 0.7,
      excusedCounts: false,
      today: TODAY,
    });
    expect(row).toMatchObject({ attendedPeriods: 5, heldPeriods: 7, belowThreshold: false });
  });

  it('never has someone unable to reach the threshold who is not below it, nor more attended than held', () => {
    const statuses = fc.option(
      fc.constantFrom<MarkStatus>('present', 'late', 'leftEarly', 'excused', 'absent'),
    );
    const plan = fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 9 }),
        partOfDay: fc.constantFrom<PartOfDay>('morning', 'afternoon', 'evening'),
        periods: fc.integer({ min: 1, max: 12 }),
        cancelled: fc.boolean(),
        statuses: fc.array(statuses, { minLength: 3, maxLength: 3 }),
      }),
      { maxLength: 12 },
    );
    const people = [ids.an, ids.nhung, ids.tuan];
    fc.assert(
      fc.property(
        plan,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        (rows, percent, todayDay, excusedCounts) => {
          const planned = rows.map((r) => ({
            session: session(`2026-03-0${r.day}`, r.partOfDay, {
              periods: r.periods,
              cancelled: r.cancelled,
            }),
            statuses: r.statuses,
          }));
          const result = classStanding({
            sessions: planned.map((p) => p.session),
            marks: planned.flatMap((p) =>
              p.statuses.flatMap((s, i) => (s ? [mark(p.session, people[i]!, s)] : [])),
            ),
            learnerIds: people,
            threshold: percent / 100,
            excusedCounts,
            today: `2026-03-${String(todayDay).padStart(2, '0')}`,
          });
          const today = `2026-03-${String(todayDay).padStart(2, '0')}`;
          const toCome = planned
            .map((p) => p.session)
            .filter((x) => !x.cancelled && x.date > today)
            .sort(compareSessions);
          // The periods attended at the end if the learner misses the next `k` sessions and attends the rest.
          const finalRate = (r: LearnerStanding, k: number) =>
            (r.attendedPeriods + toCome.slice(k).reduce((n, x) => n + x.periods, 0)) / r.totalPeriods;
          for (const r of result) {
            expect(r.attendedPeriods).toBeLessThanOrEqual(r.heldPeriods);
            expect(r.heldPeriods).toBeLessThanOrEqual(r.totalPeriods);
            if (r.cannotReach) expect([r.belowThreshold, r.absencesLeft]).toEqual([true, 0]);
            // Missing as many as allowed still reaches the threshold; one more would not.
            else if (r.totalPeriods > 0) {
              expect(finalRate(r, r.absencesLeft)).toBeGreaterThanOrEqual(percent / 100);
              if (r.absencesLeft < toCome.length)
                expect(finalRate(r, r.absencesLeft + 1)).toBeLessThan(percent / 100);
            }
          }
        },
      ),
    );
  });
});

describe('sessionCounts', () => {
  it('tallies the roll per status and lists who is not marked yet, in the roll’s order', () => {
    const wedPm = held[5]!;
    const onRoll = Object.values(ids);
    const withdrawn = newId();
    const theirMarks = [
      ...marks.filter((m) => m.sessionId === wedPm.id && m.learnerId !== ids.an),
      mark(wedPm, withdrawn, 'absent'),
      { ...mark(wedPm, ids.an, 'late'), deleted: true },
    ];
    const { counts, unmarked } = sessionCounts(theirMarks, onRoll);
    expect(counts).toEqual({ present: 4, late: 0, leftEarly: 0, excused: 1, absent: 1 });
    expect(unmarked).toEqual([ids.an, ids.mai]);
  });
});

describe('compareSessions', () => {
  it('puts the earlier date first, then morning, afternoon, evening', () => {
    const order = [
      session('2026-03-03', 'morning'),
      session('2026-03-02', 'evening'),
      session('2026-03-02', 'morning'),
      session('2026-03-02', 'afternoon'),
    ].sort(compareSessions);
    expect(order.map((s) => `${s.date} ${s.partOfDay}`)).toEqual([
      '2026-03-02 morning',
      '2026-03-02 afternoon',
      '2026-03-02 evening',
      '2026-03-03 morning',
    ]);
  });
});
