// Builds the demo centre as plain records (no database): the Kon Rẫy centre's 2021 year exactly as its report gives
// it (12 classes, 522 learner places), plus two classes running around `today` so every role has live data.
// Deterministic for a given `today` (a seeded generator), except the ids.
import {
  type AttendanceMark,
  type Centre,
  type Class,
  type ClassType,
  DEFAULT_CENTRE_SETTINGS,
  type Enrollment,
  type Learner,
  type MarkStatus,
  type PartOfDay,
  type PlanItem,
  type Session,
  type User,
} from '../../domain/entities.ts';
import { markId, newId } from '../../domain/ids.ts';
import { splitFullName } from '../../domain/vietnamese-text.ts';
import {
  COMMUNES,
  DEMO_KINDS,
  type DemoKind,
  ETHNIC_NAMES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  POSITIONS,
  TOPICS,
} from './demo-tables.ts';

export interface DemoData {
  centre: Centre;
  classTypes: ClassType[];
  planItems: PlanItem[];
  classes: Class[];
  learners: Learner[];
  enrollments: Enrollment[];
  sessions: Session[];
  marks: AttendanceMark[];
  users: (User & { password: string })[];
}

export const DEMO_PASSWORD = 'diemdanh';
export const DEMO_ACCOUNTS = [
  { username: 'admin', role: 'admin', displayName: 'Nguyễn Thị Thu Hà — Giáo vụ', password: DEMO_PASSWORD },
  { username: 'gv.lan', role: 'instructor', displayName: 'Trần Thị Lan', password: DEMO_PASSWORD },
  { username: 'gv.minh', role: 'instructor', displayName: 'Lê Quang Minh', password: DEMO_PASSWORD },
  { username: 'hv.demo', role: 'learner', displayName: 'Y Hương', password: DEMO_PASSWORD },
] as const;

/** mulberry32: a tiny seeded generator, so the demo is the same on every machine. */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const addDays = (isoDate: string, days: number): string => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** Weekdays only: classes do not meet at weekends. */
const nextWeekday = (isoDate: string): string => {
  let d = isoDate;
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
};

export function buildDemoCentre({ today }: { today: string }): DemoData {
  const rnd = seededRandom(2021);
  const currentYear = Number(today.slice(0, 4));
  const stamp2021 = '2021-12-31T10:00:00.000Z';
  const stampNow = `${today}T01:00:00.000Z`;
  const centreId = newId();
  const base = (updatedAt: string) => ({ id: newId(), centreId, updatedAt, deleted: false });

  const centre: Centre = {
    id: centreId,
    updatedAt: stamp2021,
    deleted: false,
    name: 'Trung tâm Chính trị huyện Kon Rẫy',
    level: 'district',
    province: 'Kon Tum',
    settings: DEFAULT_CENTRE_SETTINGS,
  };

  const kinds = new Map<string, ClassType>();
  for (const k of DEMO_KINDS) {
    kinds.set(k.key, {
      ...base(stamp2021),
      nameVi: k.nameVi,
      nameEn: k.nameEn,
      category: k.category,
      defaultThreshold: 0.8,
    });
  }
  const kindOf = (key: string) => kinds.get(key)!;

  const users = DEMO_ACCOUNTS.map((a): User & { password: string } => ({
    ...base(stamp2021),
    role: a.role,
    username: a.username,
    displayName: a.displayName,
    learnerId: null,
    password: a.password,
  }));
  const [, lan, minh, learnerUser] = users as [User, User, User, User & { password: string }];

  const learners: Learner[] = [];
  function makeLearner(kind: DemoKind, commune: string, updatedAt: string): Learner {
    const gender = rnd.next() < 0.5 ? 'male' : 'female';
    const ethnic = rnd.next() < 0.3;
    const fullName = ethnic
      ? rnd.pick(ETHNIC_NAMES[gender])
      : `${rnd.pick(FAMILY_NAMES)} ${rnd.pick(MIDDLE_NAMES[gender])} ${rnd.pick(GIVEN_NAMES[gender])}`;
    const learner: Learner = {
      ...base(updatedAt),
      fullName,
      ...splitFullName(fullName),
      birthDate: `${1965 + rnd.int(39)}-${pad(1 + rnd.int(12))}-${pad(1 + rnd.int(28))}`,
      gender,
      position: rnd.pick(POSITIONS),
      unit: `Chi bộ thôn ${1 + rnd.int(9)}, xã ${commune.replace('thị trấn ', '')}`,
      phone: `09${String(10_000_000 + rnd.int(89_999_999))}`,
      partyStatus: kind.partyStatus,
    };
    learners.push(learner);
    return learner;
  }

  const classes: Class[] = [];
  const enrollments: Enrollment[] = [];
  const sessions: Session[] = [];
  const marks: AttendanceMark[] = [];

  function addClass(
    kind: DemoKind,
    course: number,
    year: number,
    start: string,
    roster: Learner[],
    instructors: User[],
    updatedAt: string,
    status: Class['status'],
  ): Class {
    const commune = roster.length > 0 ? (roster[0]!.unit.split('xã ')[1] ?? COMMUNES[0]!) : COMMUNES[0]!;
    const cls: Class = {
      ...base(updatedAt),
      code: `${kind.codePrefix}-${pad(course)}/${year}`,
      name: `Lớp ${kind.nameVi.charAt(0).toLowerCase()}${kind.nameVi.slice(1)} khóa ${course} năm ${year}`,
      classTypeId: kindOf(kind.key).id,
      year,
      commune,
      location: `Hội trường UBND xã ${commune}`,
      startDate: nextWeekday(start),
      endDate: null,
      status,
      threshold: 0.8,
      coordinatingBody: kind.coordinatingBody ?? '',
      instructorIds: instructors.map((u) => u.id),
    };
    classes.push(cls);
    for (const learner of roster) {
      enrollments.push({
        ...base(updatedAt),
        classId: cls.id,
        learnerId: learner.id,
        status: 'enrolled',
        walkIn: false,
      });
    }
    // Two sessions a weekday (morning, afternoon) until the kind's count is reached.
    let day = nextWeekday(start);
    for (let i = 0; i < kind.sessions; i++) {
      const partOfDay: PartOfDay = i % 2 === 0 ? 'morning' : 'afternoon';
      const instructor = instructors[i % instructors.length]!;
      sessions.push({
        ...base(updatedAt),
        classId: cls.id,
        date: day,
        partOfDay,
        periods: 5,
        topic: TOPICS[i % TOPICS.length]!,
        instructorId: instructor.id,
        location: cls.location,
        cancelled: false,
        replacesSessionId: null,
      });
      if (partOfDay === 'afternoon') day = nextWeekday(addDays(day, 1));
    }
    cls.endDate = sessions[sessions.length - 1]!.date;
    return cls;
  }

  function markPastSessions(cls: Class, roster: Learner[], before: string, updatedAt: string): void {
    for (const s of sessions.filter((x) => x.classId === cls.id && x.date < before && !x.cancelled)) {
      for (const learner of roster) {
        const r = rnd.next();
        const status: MarkStatus =
          r < 0.86 ? 'present' : r < 0.92 ? 'late' : r < 0.95 ? 'excused' : r < 0.98 ? 'absent' : 'leftEarly';
        marks.push({
          ...base(updatedAt),
          id: markId(s.id, learner.id),
          sessionId: s.id,
          learnerId: learner.id,
          status,
          note: status === 'excused' ? 'Có giấy xin phép' : '',
          markedBy: s.instructorId!,
          markedAt: `${s.date}T${s.partOfDay === 'morning' ? '08' : '14'}:00:00.000+07:00`,
        });
      }
    }
  }

  // The 2021 year of the report: classes spread from March to November.
  let classIndex = 0;
  for (const kind of DEMO_KINDS) {
    kind.classes2021.forEach((size, i) => {
      const commune = COMMUNES[classIndex % COMMUNES.length]!;
      const roster = Array.from({ length: size }, () => makeLearner(kind, commune, stamp2021));
      const start = `2021-${pad(3 + Math.floor((classIndex * 9) / 12))}-${pad(5 + ((classIndex * 7) % 20))}`;
      const instructors = classIndex % 2 === 0 ? [lan, minh] : [minh, lan];
      const cls = addClass(kind, i + 1, 2021, start, roster, instructors, stamp2021, 'closed');
      markPastSessions(cls, roster, '2022-01-01', stamp2021);
      classIndex++;
    });
  }

  // Classes running now: one taught by both instructors with the demo learner in it, one by gv.minh alone.
  const ntvd = DEMO_KINDS.find((k) => k.key === 'ntvd')!;
  const dvm = DEMO_KINDS.find((k) => k.key === 'dvm')!;
  const currentRoster = Array.from({ length: 39 }, () => makeLearner(ntvd, 'Đăk Ruồng', stampNow));
  const demoLearner = makeLearner(ntvd, 'Đăk Ruồng', stampNow);
  Object.assign(demoLearner, { fullName: 'Y Hương', ...splitFullName('Y Hương'), gender: 'female' });
  currentRoster.push(demoLearner);
  learnerUser.learnerId = demoLearner.id;
  const start = nextWeekday(addDays(today, -2));
  const current = addClass(ntvd, 1, currentYear, start, currentRoster, [lan, minh], stampNow, 'open');
  markPastSessions(current, currentRoster, today, stampNow);
  const secondRoster = Array.from({ length: 28 }, () => makeLearner(dvm, 'Tân Lập', stampNow));
  const second = addClass(
    dvm,
    1,
    currentYear,
    nextWeekday(addDays(today, 1)),
    secondRoster,
    [minh],
    stampNow,
    'open',
  );
  markPastSessions(second, secondRoster, today, stampNow);

  // The demo learner also attended the 2021 Đảng viên mới class: their history spans years.
  const dvm2021 = classes.find((c) => c.year === 2021 && c.classTypeId === kindOf('dvm').id)!;
  const replaced = enrollments.find((e) => e.classId === dvm2021.id)!;
  const replacedLearner = replaced.learnerId;
  replaced.learnerId = demoLearner.id;
  for (const m of marks.filter((x) => x.learnerId === replacedLearner)) {
    m.learnerId = demoLearner.id;
    m.id = markId(m.sessionId, demoLearner.id);
  }
  learners.splice(
    learners.findIndex((l) => l.id === replacedLearner),
    1,
  );

  const planItems: PlanItem[] = [];
  for (const kind of DEMO_KINDS) {
    const held = kind.classes2021.length;
    planItems.push({
      ...base(stamp2021),
      year: 2021,
      classTypeId: kindOf(kind.key).id,
      plannedClasses: kind.key === 'ntvd' ? 3 : held,
      plannedLearners: kind.classes2021.reduce((a, b) => a + b, 0) + (kind.key === 'ntvd' ? 40 : 0),
    });
    planItems.push({
      ...base(stampNow),
      year: currentYear,
      classTypeId: kindOf(kind.key).id,
      plannedClasses: Math.max(1, held),
      plannedLearners: Math.max(
        30,
        kind.classes2021.reduce((a, b) => a + b, 0),
      ),
    });
  }

  return {
    centre,
    classTypes: [...kinds.values()],
    planItems,
    classes,
    learners,
    enrollments,
    sessions,
    marks,
    users,
  };
}
