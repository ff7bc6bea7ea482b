// The province the load benchmark runs against: several centres, each the demo centre (a year of history: 12
// classes, 522 learner places, 4,000 marks) with its user names made unique, plus the morning's instructors, each
// with a class of 30–50 learners whose sessions of the last days are still to be marked on the server.
import { addDays } from '../src/domain/calendar.ts';
import type { Class, Enrollment, Learner, PartOfDay, Session, User } from '../src/domain/entities.ts';
import { newId } from '../src/domain/ids.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import type { Db } from '../src/server/db/database.ts';
import { insertRecords } from '../src/server/db/records.ts';
import { buildDemoCentre, DEMO_PASSWORD } from '../src/server/demo/build-demo.ts';
import { createRng } from '../src/server/demo/prng.ts';
import { insertDemo } from '../src/server/demo/seed-demo.ts';

export interface LoadShape {
  centres: number;
  devicesPerCentre: number;
  /** Sessions each device marks in each phase of the benchmark. */
  sessionsPerPhase: number;
  phases: number;
  today: string;
}

/** One instructor's phone: who signs in on it and the roll it takes. */
export interface DevicePlan {
  username: string;
  password: string;
  userId: string;
  classId: string;
  learnerIds: string[];
  /** `phases` runs of `sessionsPerPhase` sessions, oldest first. */
  sessionsByPhase: string[][];
}

const PARTS: PartOfDay[] = ['morning', 'afternoon'];

export async function seedProvince(db: Db, shape: LoadShape): Promise<DevicePlan[]> {
  const rng = createRng(20_260_301);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const plans: DevicePlan[] = [];
  for (let c = 0; c < shape.centres; c++) {
    const demo = buildDemoCentre({ today: shape.today });
    for (const u of demo.users) u.username = `${u.username}.c${c}`;
    await insertDemo(db, demo);

    const centreId = demo.centre.id;
    const model = demo.classes.find((k) => k.status === 'open')!;
    const stamp = `${shape.today}T06:00:00.000+07:00`;
    const base = { centreId, updatedAt: stamp, deleted: false };
    const instructors: User[] = [];
    const classes: Class[] = [];
    const learners: Learner[] = [];
    const enrollments: Enrollment[] = [];
    const sessions: Session[] = [];
    for (let d = 0; d < shape.devicesPerCentre; d++) {
      const instructor: User = {
        ...base,
        id: newId(),
        role: 'instructor',
        username: `gv.tai.${c}.${d}`,
        displayName: `Giảng viên ${c}.${d}`,
        learnerId: null,
      };
      const cls: Class = {
        ...model,
        ...base,
        id: newId(),
        code: `TAI-${c}-${d}`,
        name: `Lớp bồi dưỡng ${c}.${d}`,
        instructorIds: [instructor.id],
      };
      // Learners drawn from the centre's people, each as a new record: a roll of 30 to 50.
      const roll = rng
        .sample(demo.learners, rng.int(30, 50))
        .map((l): Learner => ({ ...l, ...base, id: newId() }));
      const count = shape.sessionsPerPhase * shape.phases;
      const own = Array.from(
        { length: count },
        (_, i): Session => ({
          ...base,
          id: newId(),
          classId: cls.id,
          date: addDays(shape.today, -Math.floor((count - 1 - i) / 2)),
          partOfDay: PARTS[i % 2]!,
          periods: 5,
          topic: `Chuyên đề ${i + 1}`,
          instructorId: instructor.id,
          location: model.location,
          cancelled: false,
          replacesSessionId: null,
        }),
      );
      instructors.push(instructor);
      classes.push(cls);
      learners.push(...roll);
      sessions.push(...own);
      enrollments.push(
        ...roll.map(
          (l): Enrollment => ({
            ...base,
            id: newId(),
            classId: cls.id,
            learnerId: l.id,
            status: 'enrolled',
            walkIn: false,
          }),
        ),
      );
      plans.push({
        username: instructor.username,
        password: DEMO_PASSWORD,
        userId: instructor.id,
        classId: cls.id,
        learnerIds: roll.map((l) => l.id),
        sessionsByPhase: Array.from({ length: shape.phases }, (_, p) =>
          own.slice(p * shape.sessionsPerPhase, (p + 1) * shape.sessionsPerPhase).map((s) => s.id),
        ),
      });
    }
    await db.transaction(async (tx) => {
      await insertRecords(tx, 'users', centreId, instructors, () => ({ passwordHash }));
      await insertRecords(tx, 'learners', centreId, learners);
      await insertRecords(tx, 'classes', centreId, classes);
      await insertRecords(tx, 'enrollments', centreId, enrollments);
      await insertRecords(tx, 'sessions', centreId, sessions);
    });
  }
  return plans;
}
