// Builds the demo centre as plain records (no database): the Kon Rẫy centre's 2021 year as its report tells it
// (shared/seeds/001: 12 classes, 522 learner places, 196 equivalence dossiers), plus two classes running around `today` so every role has
// live data. Pure: for a given `today` everything but the ids is the same on every build (a seeded generator).

import { addDays, daysFrom, weekdayOnOrAfter, weekdaysFrom, yearOf } from '../../domain/calendar.ts';
import { IsoDate } from '../../domain/common.ts';
import {
  type AttendanceMark,
  type Centre,
  type Class,
  type ClassStatus,
  type ClassType,
  DEFAULT_CENTRE_SETTINGS,
  type Dossier,
  type Enrollment,
  type Learner,
  type PartOfDay,
  type PlanItem,
  type Role,
  type Session,
  type User,
} from '../../domain/entities.ts';
import { markId, newId } from '../../domain/ids.ts';
import { createPeopleFactory, type PeopleFactory } from './demo-people.ts';
import {
  CENTRE_INFO,
  CLASSES_2021,
  type ClassSpec,
  currentClasses,
  DEFAULT_THRESHOLD,
  DEMO_LEARNER,
  EQUIVALENCE_2021,
  EQUIVALENCE_PENDING_NOW,
  type EquivalenceRound,
  HABITS,
  type InstructorKey,
  KINDS,
  type Kind,
  type KindKey,
  MARK_NOTES,
  MARK_ODDS,
  NOT_RECOGNISED_NOTES,
  PLAN_2021,
  PLAN_2021_APPROVED_AT,
  PLAN_CURRENT,
  type PlanTable,
  STAFF,
} from './demo-tables.ts';
import { createRng, type Rng } from './prng.ts';

export interface DemoData {
  centre: Centre;
  classTypes: ClassType[];
  planItems: PlanItem[];
  classes: Class[];
  learners: Learner[];
  enrollments: Enrollment[];
  sessions: Session[];
  marks: AttendanceMark[];
  dossiers: Dossier[];
  users: (User & { password: string })[];
}

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

export const DEMO_PASSWORD = 'diemdanh';

const account = (username: string, role: Role, displayName: string): DemoAccount => ({
  username,
  password: DEMO_PASSWORD,
  role,
  displayName,
});

/** The demo accounts, for the server to print and the README to list. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account(STAFF.admin.username, 'admin', STAFF.admin.displayName),
  account(STAFF.lan.username, 'instructor', STAFF.lan.displayName),
  account(STAFF.minh.username, 'instructor', STAFF.minh.displayName),
  account(DEMO_LEARNER.username, 'learner', DEMO_LEARNER.fullName),
];

const SEED = 20_211_231;
/** Last change of the 2021 records: the year-end report. All demo timestamps carry +07:00 so they compare as text. */
const STAMP_2021 = '2021-12-31T17:00:00.000+07:00';
const MARK_TIME: Record<PartOfDay, string> = { morning: '08:00', afternoon: '14:00', evening: '19:00' };
const PERIODS_PER_SESSION = 5;

type IdsByKind = Record<KindKey, string>;

/** The state threaded through the builder: the output so far and what later classes need from earlier ones. */
interface Build {
  centreId: string;
  rng: Rng;
  people: PeopleFactory;
  classTypeIds: IdsByKind;
  instructorIds: Record<InstructorKey, string>;
  /** Learners of each class spec, for classes that summon some of them again. */
  cohorts: Map<string, Learner[]>;
  demoLearner: Learner | null;
  out: DemoData;
}

/** Year, status and timestamps shared by the classes of one period (2021, or the year of `today`). */
interface Period {
  year: number;
  status: ClassStatus;
  /** updatedAt of the records prepared for the class. */
  stamp: string;
  /** Roll call has been taken for the sessions before this date. */
  markBefore: string;
}

export function buildDemoCentre({ today }: { today: string }): DemoData {
  const year = checkToday(today);
  const centreId = newId();
  const rng = createRng(SEED);
  const people = createPeopleFactory(rng, centreId);
  for (const staff of Object.values(STAFF)) people.reserveName(staff.fullName);

  const classTypes = KINDS.map((kind) => makeClassType(centreId, kind));
  const classTypeIds = Object.fromEntries(KINDS.map((k, i) => [k.key, classTypes[i]!.id])) as IdsByKind;
  const planItems = [
    ...makePlanItems(centreId, classTypeIds, 2021, PLAN_2021, PLAN_2021_APPROVED_AT),
    ...makePlanItems(centreId, classTypeIds, year, PLAN_CURRENT, `${year - 1}-12-15T08:00:00.000+07:00`),
  ];
  const build: Build = {
    centreId,
    rng,
    people,
    classTypeIds,
    instructorIds: { lan: newId(), minh: newId() },
    cohorts: new Map(),
    demoLearner: null,
    out: {
      centre: makeCentre(centreId),
      classTypes,
      planItems,
      classes: [],
      learners: [],
      enrollments: [],
      sessions: [],
      marks: [],
      dossiers: [],
      users: [],
    },
  };

  const closed2021: Period = { year: 2021, status: 'closed', stamp: STAMP_2021, markBefore: '2022-01-01' };
  for (const spec of CLASSES_2021) addClass(build, spec, closed2021);

  // Records of the running classes were prepared a little over two weeks ago; roll call is taken up to yesterday.
  const running: Period = {
    year,
    status: 'open',
    stamp: at(addDays(today, -16), '08:00'),
    markBefore: today,
  };
  for (const spec of currentClasses(today)) addClass(build, spec, running);
  // Drawn after the classes, so the dossiers take nothing from the classes' draws.
  for (const round of EQUIVALENCE_2021) addEquivalenceRound(build, round);
  addPendingDossiers(build, today);

  build.out.users = makeUsers(build);
  return build.out;
}

/** `today` must be a real date after 2021, so the running classes never mix with the report's year. */
function checkToday(today: string): number {
  if (!IsoDate.safeParse(today).success) throw new RangeError(`today must be YYYY-MM-DD, got "${today}"`);
  const year = yearOf(today);
  if (year <= 2021 || year > 2099) throw new RangeError(`today must fall in 2022–2099, got ${today}`);
  return year;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const at = (date: string, time: string): string => `${date}T${time}:00.000+07:00`;
const later = (a: string, b: string): string => (a > b ? a : b);
const kindOf = (key: KindKey): Kind => KINDS.find((k) => k.key === key)!;

function makeCentre(id: string): Centre {
  return {
    id,
    updatedAt: STAMP_2021,
    deleted: false,
    ...CENTRE_INFO,
    settings: { ...DEFAULT_CENTRE_SETTINGS },
  };
}

function makeClassType(centreId: string, kind: Kind): ClassType {
  return {
    id: newId(),
    centreId,
    updatedAt: STAMP_2021,
    deleted: false,
    nameVi: kind.nameVi.normalize('NFC'),
    nameEn: kind.nameEn,
    category: kind.category,
    defaultThreshold: DEFAULT_THRESHOLD,
  };
}

function makePlanItems(
  centreId: string,
  classTypeIds: IdsByKind,
  year: number,
  table: PlanTable,
  updatedAt: string,
): PlanItem[] {
  return KINDS.flatMap((kind) => {
    const planned = table[kind.key];
    if (!planned) return [];
    const [plannedClasses, plannedLearners] = planned;
    return [
      {
        id: newId(),
        centreId,
        updatedAt,
        deleted: false,
        year,
        classTypeId: classTypeIds[kind.key],
        plannedClasses,
        plannedLearners,
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The register of recognition of equivalent training: people with posts like the Sơ cấp class's, whose names no
// learner has (so a dossier is never mistaken for a learner's).

function addDossier(
  b: Build,
  year: number,
  receivedDate: string,
  decision: Pick<Dossier, 'decisionDate' | 'outcome' | 'decisionRef' | 'note'>,
  updatedAt: string,
): void {
  const person = b.people.create(kindOf('sc').profile, year, updatedAt);
  b.out.dossiers.push({
    id: newId(),
    centreId: b.centreId,
    updatedAt,
    deleted: false,
    fullName: person.fullName,
    learnerId: null,
    unit: person.unit,
    level: 'elementary',
    receivedDate,
    ...decision,
  });
}

/** One round: dossiers received over some working days, all decided by one decision, `recognised` of them passed. */
function addEquivalenceRound(b: Build, round: EquivalenceRound): void {
  const days = weekdaysFrom(round.receivedFrom, round.receivingDays);
  const indices = Array.from({ length: round.dossiers }, (_, i) => i);
  const refused = new Set(b.rng.sample(indices, round.dossiers - round.recognised));
  for (const i of indices) {
    addDossier(
      b,
      yearOf(round.decisionDate),
      b.rng.pick(days),
      {
        decisionDate: round.decisionDate,
        outcome: refused.has(i) ? 'notRecognised' : 'recognised',
        decisionRef: round.decisionRef,
        note: refused.has(i) ? b.rng.pick(NOT_RECOGNISED_NOTES) : '',
      },
      at(round.decisionDate, '15:00'),
    );
  }
}

/** This year's round, still being received: pending dossiers from the last three weeks. */
function addPendingDossiers(b: Build, today: string): void {
  const days = weekdaysFrom(addDays(today, -21), 15).filter((d) => d < today);
  const received = Array.from({ length: EQUIVALENCE_PENDING_NOW }, () => b.rng.pick(days)).sort();
  for (const date of received) {
    addDossier(
      b,
      yearOf(today),
      date,
      { decisionDate: null, outcome: 'pending', decisionRef: '', note: '' },
      at(date, '10:00'),
    );
  }
}

function makeUsers(b: Build): (User & { password: string })[] {
  const user = (id: string, account: DemoAccount, learnerId: string | null) => ({
    id,
    centreId: b.centreId,
    updatedAt: STAMP_2021,
    deleted: false,
    role: account.role,
    username: account.username,
    displayName: account.displayName,
    learnerId,
    password: account.password,
  });
  const [admin, lan, minh, learner] = DEMO_ACCOUNTS as [DemoAccount, DemoAccount, DemoAccount, DemoAccount];
  return [
    user(newId(), admin, null),
    user(b.instructorIds.lan, lan, null),
    user(b.instructorIds.minh, minh, null),
    user(newId(), learner, b.demoLearner!.id),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// One class: its roster, record, enrolments, sessions and marks.

function addClass(b: Build, spec: ClassSpec, period: Period): void {
  const kind = kindOf(spec.kind);
  const roster = summon(b, spec, period);
  const classId = newId();
  const sessions = scheduleSessions(b, spec, kind, classId, period.stamp);
  const dates = sessions.map((s) => s.date).sort();
  b.out.classes.push({
    id: classId,
    centreId: b.centreId,
    updatedAt: period.stamp,
    deleted: false,
    code: `${kind.code}-${pad2(spec.course)}/${period.year}`,
    name: `Lớp ${kind.nameVi}${kind.numberedCourses ? ` khóa ${spec.course}` : ''} năm ${period.year}`,
    classTypeId: b.classTypeIds[spec.kind],
    year: period.year,
    commune: spec.commune,
    location: spec.location,
    startDate: dates[0] ?? null,
    endDate: dates[dates.length - 1] ?? null,
    status: period.status,
    threshold: DEFAULT_THRESHOLD,
    coordinatingBody: spec.coordinatingBody,
    instructorIds: spec.instructors.map((k) => b.instructorIds[k]),
  });
  const noShows = new Set(roster.slice(roster.length - spec.noShows).map((l) => l.id));
  for (const learner of roster) {
    b.out.enrollments.push({
      id: newId(),
      centreId: b.centreId,
      updatedAt: period.stamp,
      deleted: false,
      classId,
      learnerId: learner.id,
      // Everyone summoned came, except the no-shows, who stay on the summons list.
      status: noShows.has(learner.id) ? 'summoned' : 'enrolled',
      walkIn: false,
    });
  }
  b.out.sessions.push(...sessions);
  const held = sessions.filter((s) => !s.cancelled && s.date < period.markBefore);
  b.out.marks.push(...takeRollCalls(b, held, roster, noShows, period.stamp));
}

/** The class list: the demo learner if the spec says so, learners of earlier classes summoned again, then new ones. */
function summon(b: Build, spec: ClassSpec, { year, stamp }: Period): Learner[] {
  const roster: Learner[] = [];
  if (spec.includesDemoLearner) {
    if (!b.demoLearner) {
      b.demoLearner = b.people.createFixed(DEMO_LEARNER, stamp);
      b.out.learners.push(b.demoLearner);
    }
    b.demoLearner.updatedAt = later(b.demoLearner.updatedAt, stamp);
    roster.push(b.demoLearner);
  }
  for (const reuse of spec.reuse) {
    const earlier = (b.cohorts.get(reuse.from) ?? []).filter(
      (l) => l !== b.demoLearner && !roster.includes(l),
    );
    for (const learner of b.rng.sample(earlier, reuse.count)) {
      // The learner record holds the latest state: the party status they came to this class with.
      learner.partyStatus = reuse.partyStatus;
      learner.updatedAt = later(learner.updatedAt, stamp);
      roster.push(learner);
    }
  }
  const profile = kindOf(spec.kind).profile;
  while (roster.length < spec.learners) {
    const learner = b.people.create(profile, year, stamp);
    b.out.learners.push(learner);
    roster.push(learner);
  }
  b.cohorts.set(spec.key, roster);
  return roster;
}

/**
 * A morning and an afternoon buổi per teaching day, one topic each, the class's instructors taking turns. A
 * cancelled buổi is made up on the morning of the next teaching day after the last one.
 */
function scheduleSessions(b: Build, spec: ClassSpec, kind: Kind, classId: string, stamp: string): Session[] {
  const days = spec.schedule.flatMap((block) =>
    spec.weekdaysOnly ? weekdaysFrom(block.start, block.days) : daysFrom(block.start, block.days),
  );
  if (kind.topics.length !== days.length * 2) {
    throw new Error(`${spec.key}: ${days.length * 2} sessions but ${kind.topics.length} topics`);
  }
  const session = (
    date: string,
    partOfDay: PartOfDay,
    topic: string,
    instructorId: string | null,
  ): Session => ({
    id: newId(),
    centreId: b.centreId,
    updatedAt: stamp,
    deleted: false,
    classId,
    date,
    partOfDay,
    periods: PERIODS_PER_SESSION,
    topic,
    instructorId,
    location: spec.location,
    cancelled: false,
    replacesSessionId: null,
  });
  const instructorOf = (turn: number) => b.instructorIds[spec.instructors[turn % spec.instructors.length]!];
  const sessions = days.flatMap((date, day) =>
    (['morning', 'afternoon'] as const).map((part, p) =>
      session(date, part, kind.topics[day * 2 + p]!, instructorOf(day + p)),
    ),
  );
  if (spec.cancelledSession !== null) {
    const cancelled = sessions[spec.cancelledSession]!;
    cancelled.cancelled = true;
    const next = addDays(days[days.length - 1]!, 1);
    const date = spec.weekdaysOnly ? weekdayOnOrAfter(next) : next;
    const makeUp = session(date, 'morning', cancelled.topic, cancelled.instructorId);
    makeUp.replacesSessionId = cancelled.id;
    sessions.push(makeUp);
  }
  return sessions;
}

/**
 * One mark per learner and held session. Each learner has a habit (steady, busy, struggling) that sets the odds;
 * everyone who came attended at least once (the report counts all 522 as having studied); no-shows are absent.
 */
function takeRollCalls(
  b: Build,
  held: readonly Session[],
  roster: readonly Learner[],
  noShows: ReadonlySet<string>,
  stamp: string,
): AttendanceMark[] {
  const habits = roster.map((l) => (noShows.has(l.id) ? null : b.rng.weighted(HABITS)));
  const marks: AttendanceMark[] = [];
  const firstMark = new Map<string, AttendanceMark>();
  const attended = new Set<string>();
  for (const s of held) {
    const markedAt = at(s.date, MARK_TIME[s.partOfDay]);
    roster.forEach((learner, i) => {
      const habit = habits[i];
      const status = habit ? b.rng.weighted(MARK_ODDS[habit]) : 'absent';
      const mark: AttendanceMark = {
        id: markId(s.id, learner.id),
        centreId: b.centreId,
        updatedAt: later(stamp, markedAt),
        deleted: false,
        sessionId: s.id,
        learnerId: learner.id,
        status,
        note: b.rng.pick(MARK_NOTES[status]),
        markedBy: s.instructorId!,
        markedAt,
      };
      marks.push(mark);
      if (!firstMark.has(learner.id)) firstMark.set(learner.id, mark);
      if (status === 'present' || status === 'late' || status === 'leftEarly') attended.add(learner.id);
    });
  }
  for (const [learnerId, mark] of firstMark) {
    if (!attended.has(learnerId) && !noShows.has(learnerId))
      Object.assign(mark, { status: 'present', note: '' });
  }
  return marks;
}
