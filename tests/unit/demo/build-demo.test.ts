// The demo centre reproduces the Kon Rẫy 2021 report (shared/seeds/001) and is internally consistent: valid records,
// marks keyed and scoped as the sync expects, distinct views per role, and the same content on every build.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.ts';
import { type EntityName, entitySchemas } from '../../../src/domain/entities.ts';
import { equivalenceFigures, equivalenceSentence } from '../../../src/domain/equivalence.ts';
import { markId } from '../../../src/domain/ids.ts';
import { buildDemoCentre, DEMO_ACCOUNTS, type DemoData } from '../../../src/server/demo/build-demo.ts';
import { SEED_001_EQUIVALENCE, SEED_001_KINDS } from '../../fixtures/seed-001.ts';

const TODAY = '2026-11-25';
const demo = buildDemoCentre({ today: TODAY });

const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((r) => [r.id, r]));
const classes = byId(demo.classes);
const sessions = byId(demo.sessions);
const classTypes = byId(demo.classTypes);
const classes2021 = demo.classes.filter((c) => c.year === 2021);
const enrolledIn = (classId: string) => demo.enrollments.filter((e) => e.classId === classId);
const user = (username: string) => demo.users.find((u) => u.username === username)!;

describe('buildDemoCentre: records', () => {
  it('builds records that parse unchanged with their domain schemas', () => {
    const lists: { [E in EntityName]: unknown[] } = {
      centres: [demo.centre],
      users: demo.users.map(({ password: _password, ...u }) => u),
      classTypes: demo.classTypes,
      planItems: demo.planItems,
      classes: demo.classes,
      learners: demo.learners,
      enrollments: demo.enrollments,
      sessions: demo.sessions,
      marks: demo.marks,
      attachments: [],
      dossiers: demo.dossiers,
    };
    for (const [entity, records] of Object.entries(lists)) {
      for (const record of records) {
        // Unchanged: names are already NFC and trimmed.
        expect(entitySchemas[entity as EntityName].parse(record)).toEqual(record);
      }
    }
  });

  it('has the report’s 11 class kinds in its order, then the study conference', () => {
    expect(demo.classTypes.map((k) => [k.nameVi, k.category])).toEqual([
      ['Nhận thức về Đảng', 'party'],
      ['Bồi dưỡng công tác Đảng cho Bí thư chi bộ và cấp uỷ viên cơ sở', 'party'],
      ['Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Dân vận ở cơ sở', 'mass'],
      ['Bồi dưỡng nghiệp vụ công tác Đoàn ở cơ sở', 'mass'],
      ['Bồi dưỡng nghiệp vụ công tác Tuyên giáo và tuyên truyền miệng ở cơ sở', 'party'],
      ['Bồi dưỡng nghiệp vụ công tác Đội', 'mass'],
      ['Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Mặt trận ở cơ sở', 'mass'],
      ['Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Hội Nông dân ở cơ sở', 'mass'],
      ['Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Công đoàn', 'mass'],
      ['Đảng viên mới', 'party'],
      ['Sơ cấp lý luận chính trị', 'party'],
      ['Hội nghị học tập, quán triệt nghị quyết', 'conference'],
    ]);
    for (const k of demo.classTypes) expect(k.defaultThreshold).toBe(0.8);
  });
});

describe('buildDemoCentre: the 2021 report', () => {
  it('has 12 classes with 522 learner places, per kind as reported', () => {
    expect(classes2021).toHaveLength(12);
    expect(classes2021.reduce((n, c) => n + enrolledIn(c.id).length, 0)).toBe(522);
    const perKind = demo.classTypes
      .map((k) => {
        const ofKind = classes2021.filter((c) => c.classTypeId === k.id);
        return [ofKind.length, ofKind.reduce((n, c) => n + enrolledIn(c.id).length, 0)];
      })
      .filter(([n]) => n !== 0);
    expect(perKind).toEqual(SEED_001_KINDS);
    for (const c of classes2021) {
      expect(c.status).toBe('closed');
      expect(enrolledIn(c.id).every((e) => e.status === 'enrolled' && !e.walkIn)).toBe(true);
    }
  });

  it('opened every 2021 class: each has a held session, on working days of 2021', () => {
    for (const c of classes2021) {
      const own = demo.sessions.filter((s) => s.classId === c.id);
      expect(own.some((s) => !s.cancelled)).toBe(true);
      for (const s of own) {
        expect(s.date.startsWith('2021-')).toBe(true);
        expect([0, 6]).not.toContain(new Date(`${s.date}T00:00:00Z`).getUTCDay());
        expect(s.date >= c.startDate! && s.date <= c.endDate!).toBe(true);
      }
    }
  });

  it('makes up a cancelled session with a session that points to it', () => {
    const cancelled = demo.sessions.filter((s) => s.cancelled);
    expect(cancelled.length).toBeGreaterThan(0);
    for (const s of cancelled) {
      const makeUp = demo.sessions.find((m) => m.replacesSessionId === s.id)!;
      expect(makeUp.classId).toBe(s.classId);
      expect(makeUp.cancelled).toBe(false);
      expect(makeUp.date > s.date).toBe(true);
      expect(demo.marks.some((m) => m.sessionId === s.id)).toBe(false);
    }
  });

  it('counts every summoned 2021 learner as having studied (attended at least once)', () => {
    const attended = new Set(
      demo.marks
        .filter((m) => m.status !== 'absent' && m.status !== 'excused')
        .map((m) => `${sessions.get(m.sessionId)!.classId}/${m.learnerId}`),
    );
    for (const c of classes2021) {
      for (const e of enrolledIn(c.id)) expect(attended.has(`${c.id}/${e.learnerId}`)).toBe(true);
    }
  });

  it('plans at least what was opened, in 2021 and for the current year', () => {
    const plan2021 = demo.planItems.filter((p) => p.year === 2021);
    expect(plan2021.reduce((n, p) => n + p.plannedClasses, 0)).toBe(13);
    for (const p of plan2021) {
      const opened = classes2021.filter((c) => c.classTypeId === p.classTypeId);
      expect(p.plannedClasses).toBeGreaterThanOrEqual(opened.length);
      expect(p.plannedLearners).toBeGreaterThanOrEqual(
        opened.reduce((n, c) => n + enrolledIn(c.id).length, 0),
      );
    }
    const planNow = demo.planItems.filter((p) => p.year === 2026);
    expect(new Set(planNow.map((p) => p.classTypeId)).size).toBe(demo.classTypes.length);
  });

  it('has 512 distinct learners in 2021 (10 came to two classes) and 577 in all', () => {
    const distinct2021 = new Set(
      demo.enrollments.filter((e) => classes.get(e.classId)!.year === 2021).map((e) => e.learnerId),
    );
    expect(distinct2021.size).toBe(512);
    expect(demo.learners).toHaveLength(577);
    expect(new Set(demo.learners.map((l) => l.fullName)).size).toBe(demo.learners.length);
    for (const id of distinct2021) {
      const born = Number(demo.learners.find((l) => l.id === id)!.birthDate!.slice(0, 4));
      expect(born).toBeGreaterThanOrEqual(1965);
      expect(born).toBeLessThanOrEqual(2003);
    }
  });

  it('gives learners the party status their classes call for', () => {
    const kindOf = (classId: string) => classTypes.get(classes.get(classId)!.classTypeId)!.nameVi;
    const kindsOf = new Map<string, Set<string>>();
    for (const e of demo.enrollments) {
      kindsOf.set(e.learnerId, (kindsOf.get(e.learnerId) ?? new Set()).add(kindOf(e.classId)));
    }
    const statusOf = (kinds: string[]) =>
      new Set(
        demo.learners
          .filter((l) => [...kindsOf.get(l.id)!].sort().join('|') === kinds.sort().join('|'))
          .map((l) => l.partyStatus),
      );
    expect(statusOf(['Nhận thức về Đảng'])).toEqual(new Set(['candidate', 'none']));
    expect(statusOf(['Đảng viên mới'])).toEqual(new Set(['probationary']));
    // Admitted after the March 2021 class: probationary on the year-end record.
    expect(statusOf(['Nhận thức về Đảng', 'Đảng viên mới'])).toEqual(new Set(['probationary']));
    expect(statusOf(['Bồi dưỡng công tác Đảng cho Bí thư chi bộ và cấp uỷ viên cơ sở'])).toEqual(
      new Set(['full']),
    );
    expect(statusOf(['Sơ cấp lý luận chính trị'])).toEqual(new Set(['full']));
  });
});

describe('buildDemoCentre: recognition of equivalent training', () => {
  const year2021 = { from: '2021-01-01', to: '2021-12-31' };

  it('considered 196 dossiers in 2021, 151 recognised and 45 not, in the seed’s words', () => {
    const figures = equivalenceFigures(demo.dossiers, year2021);
    expect(figures).toMatchObject({
      considered: SEED_001_EQUIVALENCE.considered,
      recognised: SEED_001_EQUIVALENCE.recognised,
      notRecognised: SEED_001_EQUIVALENCE.notRecognised,
      pendingReceived: 0,
    });
    expect(equivalenceSentence(figures)).toBe(SEED_001_EQUIVALENCE.sentence);
  });

  it('gives every dossier a name no learner has, and a few of this year still pending', () => {
    const learnerNames = new Set(demo.learners.map((l) => l.fullName));
    expect(new Set(demo.dossiers.map((d) => d.fullName)).size).toBe(demo.dossiers.length);
    for (const d of demo.dossiers) expect(learnerNames.has(d.fullName)).toBe(false);
    const now = equivalenceFigures(demo.dossiers, { from: '2026-01-01', to: TODAY });
    expect(now).toMatchObject({ considered: 0, pendingReceived: 6 });
  });
});

describe('buildDemoCentre: marks', () => {
  it('keys every mark by session and learner, for a learner enrolled in that class', () => {
    const enrolled = new Set(demo.enrollments.map((e) => `${e.classId}/${e.learnerId}`));
    for (const m of demo.marks) {
      const s = sessions.get(m.sessionId)!;
      expect(m.id).toBe(markId(m.sessionId, m.learnerId));
      expect(enrolled.has(`${s.classId}/${m.learnerId}`)).toBe(true);
      expect(s.cancelled).toBe(false);
      expect(m.markedBy).toBe(s.instructorId);
      expect(m.markedAt.startsWith(`${s.date}T`)).toBe(true);
    }
    expect(new Set(demo.marks.map((m) => m.id)).size).toBe(demo.marks.length);
  });

  it('uses every roll-call status, mostly present', () => {
    const counts = new Map<string, number>();
    for (const m of demo.marks) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['absent', 'excused', 'late', 'leftEarly', 'present']);
    expect(counts.get('present')! / demo.marks.length).toBeGreaterThan(0.85);
  });
});

describe('buildDemoCentre: the running classes and the accounts', () => {
  const current = demo.classes.filter((c) => c.year === 2026);
  const lan = user('gv.lan');
  const minh = user('gv.minh');

  it('lists the demo accounts as users, all with the demo password', () => {
    expect(demo.users.map((u) => [u.username, u.role, u.displayName, u.password])).toEqual(
      DEMO_ACCOUNTS.map((a) => [a.username, a.role, a.displayName, a.password]),
    );
    expect(DEMO_ACCOUNTS.every((a) => a.password === 'diemdanh')).toBe(true);
  });

  it('assigns classes to instructor users only, and differently to the two instructors', () => {
    const instructors = new Set(demo.users.filter((u) => u.role === 'instructor').map((u) => u.id));
    for (const c of demo.classes) for (const id of c.instructorIds) expect(instructors.has(id)).toBe(true);
    for (const s of demo.sessions) expect(classes.get(s.classId)!.instructorIds).toContain(s.instructorId);
    const taught = (id: string) =>
      new Set(demo.classes.filter((c) => c.instructorIds.includes(id)).map((c) => c.id));
    expect(taught(lan.id)).not.toEqual(taught(minh.id));
    const onlyMinh = current.filter((c) => c.instructorIds.length === 1 && c.instructorIds[0] === minh.id);
    expect(onlyMinh).toHaveLength(1);
  });

  it('runs a Nhận thức về Đảng class around today: roll call taken before today, none from today on', () => {
    expect(current).toHaveLength(2);
    const ntvd = current.find((c) => classTypes.get(c.classTypeId)!.nameVi === 'Nhận thức về Đảng')!;
    expect(ntvd.status).toBe('open');
    expect(ntvd.instructorIds).toEqual([lan.id, minh.id]);
    const own = demo.sessions.filter((s) => s.classId === ntvd.id);
    expect(own).toHaveLength(10);
    expect(own[0]!.date).toBe(addDays(TODAY, -2));
    expect(own.filter((s) => s.date === TODAY).map((s) => s.partOfDay)).toEqual(['morning', 'afternoon']);
    for (const s of own) {
      const marked = demo.marks.filter((m) => m.sessionId === s.id).length;
      expect(marked).toBe(s.date < TODAY ? enrolledIn(ntvd.id).length : 0);
    }
  });

  it('enrols the demo learner in a running class and in a 2021 class', () => {
    const learnerId = user('hv.demo').learnerId!;
    expect(demo.learners.some((l) => l.id === learnerId)).toBe(true);
    const years = demo.enrollments
      .filter((e) => e.learnerId === learnerId)
      .map((e) => classes.get(e.classId)!)
      .map((c) => [c.year, c.status]);
    expect(years.sort()).toEqual([
      [2021, 'closed'],
      [2026, 'open'],
    ]);
  });
});

describe('buildDemoCentre: determinism', () => {
  /** The data with every id replaced by the order in which it first appears. */
  function withoutIds(data: DemoData): unknown {
    const ordinals = new Map<string, string>();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    return JSON.parse(
      JSON.stringify(data, (_key, value: unknown) => {
        if (typeof value !== 'string' || !uuid.test(value)) return value;
        if (!ordinals.has(value)) ordinals.set(value, `#${ordinals.size}`);
        return ordinals.get(value);
      }),
    );
  }

  it('builds the same centre for the same day, but for the ids', () => {
    expect(withoutIds(buildDemoCentre({ today: TODAY }))).toEqual(withoutIds(demo));
  });

  it('keeps the 2021 year the same whatever the day', () => {
    const roster2021 = (d: DemoData) =>
      d.enrollments.flatMap((e) => {
        const c = d.classes.find((x) => x.id === e.classId)!;
        const l = d.learners.find((x) => x.id === e.learnerId)!;
        return c.year === 2021 ? [`${c.code} ${l.fullName} ${l.birthDate}`] : [];
      });
    expect(roster2021(buildDemoCentre({ today: '2027-03-02' }))).toEqual(roster2021(demo));
    const dossiers2021 = (d: DemoData) =>
      d.dossiers.flatMap((x) => (x.receivedDate < '2022' ? [`${x.fullName} ${x.outcome}`] : []));
    expect(dossiers2021(buildDemoCentre({ today: '2027-03-02' }))).toEqual(dossiers2021(demo));
  });

  it('refuses a day that is not a date after 2021', () => {
    expect(() => buildDemoCentre({ today: '2026-02-30' })).toThrow(RangeError);
    expect(() => buildDemoCentre({ today: '2021-06-01' })).toThrow(RangeError);
  });
});
