// [MERGE3][PUSH2][PUSH3][DEV2] The convergence property: four devices (two phones of one instructor, two of the
// admin) mark the same learners while going offline, reloading, and syncing through a transport that loses, repeats
// and replays requests, while the server restarts. After healing, every device and the server hold the same marks,
// and every mutation any device made is either on the server or listed as rejected on its device.
// Before anything imports Dexie: the devices' IndexedDB.
import 'fake-indexeddb/auto';
import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollMarks } from '../../src/app/db/local-records.ts';
import { writeChange } from '../../src/app/db/local-write.ts';
import type { LoginResponse } from '../../src/domain/auth.ts';
import type { Learner, MarkStatus, Session } from '../../src/domain/entities.ts';
import { newId } from '../../src/domain/ids.ts';
import { createApp } from '../../src/server/app.ts';
import { testConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { insertRecords } from '../../src/server/db/records.ts';
import { changeLog, marks } from '../../src/server/db/schema.ts';
import { testDatabases } from './helpers/databases.ts';
import {
  type Fault,
  faultyTransport,
  inProcessTransport,
  SimulatedDevice,
  signInOnServer,
} from './helpers/devices.ts';
import { type CentreFixture, PASSWORD, seedCentre } from './helpers/fixtures.ts';

const RUNS = Number(process.env.SOAK_RUNS ?? 200);
const LEARNERS = 4;
const STATUSES: MarkStatus[] = ['present', 'late', 'leftEarly', 'excused', 'absent'];

type Command =
  | { kind: 'mark'; device: number; learner: number; status: MarkStatus }
  | { kind: 'note'; device: number; learner: number; note: string }
  | { kind: 'delete'; device: number; learner: number }
  | { kind: 'sync'; device: number }
  | { kind: 'reload'; device: number }
  | { kind: 'toggleOnline'; device: number }
  | { kind: 'restartServer' };

const device = fc.integer({ min: 0, max: 3 });
const learner = fc.integer({ min: 0, max: LEARNERS - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('mark' as const),
      device,
      learner,
      status: fc.constantFrom(...STATUSES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('note' as const),
      device,
      learner,
      note: fc.constantFrom('', 'Ốm', 'Đi công tác', 'Xe hỏng'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, learner }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reload' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggleOnline' as const), device }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restartServer' as const }) },
);
const faults = fc.array(
  fc.constantFrom<Fault>('none', 'none', 'none', 'dropRequest', 'dropResponse', 'duplicate', 'replayOld'),
  {
    minLength: 1,
    maxLength: 20,
  },
);

describe.each(testDatabases)('convergence on $name', (target) => {
  let database: Database;
  let app: FastifyInstance;
  let a: CentreFixture;
  let logins: LoginResponse[];

  beforeAll(async () => {
    database = await target.open();
    app = await createApp({ database, config: testConfig() });
    a = await seedCentre(database.db, 'a');
    logins = [
      await signInOnServer(app, a.users.instructor.username, PASSWORD),
      await signInOnServer(app, a.users.instructor.username, PASSWORD),
      await signInOnServer(app, a.users.admin.username, PASSWORD),
      await signInOnServer(app, a.users.admin.username, PASSWORD),
    ];
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** A new session of the instructor's class with LEARNERS enrolled learners, written straight into the database. */
  async function freshRoll(): Promise<{ session: Session; learners: Learner[] }> {
    const now = new Date().toISOString();
    const base = () => ({ id: newId(), centreId: a.centreId, updatedAt: now, deleted: false });
    const learners: Learner[] = Array.from({ length: LEARNERS }, (_, i) => ({
      ...a.mine.learner,
      ...base(),
      fullName: `Học Viên ${i}`,
      givenName: String(i),
    }));
    const session: Session = { ...a.mine.session, ...base(), topic: 'Kiểm thử hội tụ' };
    await database.db.transaction(async (tx) => {
      await insertRecords(tx, 'learners', a.centreId, learners);
      await insertRecords(
        tx,
        'enrollments',
        a.centreId,
        learners.map((l) => ({
          ...base(),
          classId: a.mine.class.id,
          learnerId: l.id,
          status: 'enrolled' as const,
          walkIn: false,
        })),
      );
      await insertRecords(tx, 'sessions', a.centreId, [session]);
    });
    return { session, learners };
  }

  it(`every device and the server converge, and no mutation is lost (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 5, maxLength: 30 }),
        faults,
        async (commands, faultPlan) => {
          const { session, learners } = await freshRoll();
          let f = 0;
          let healed = false;
          const nextFault = () => (healed ? 'none' : faultPlan[f++ % faultPlan.length]!);
          const users = [a.users.instructor, a.users.instructor, a.users.admin, a.users.admin];
          const devices = users.map(
            (_, i) =>
              new SimulatedDevice(
                `d${i}`,
                faultyTransport(
                  inProcessTransport(() => app),
                  nextFault,
                ),
              ),
          );
          const created = devices.map(() => new Set<string>());
          try {
            for (const [i, d] of devices.entries()) await d.adoptSession(logins[i]!);

            for (const c of commands) {
              if (c.kind === 'restartServer') {
                await app.close();
                app = await createApp({ database, config: testConfig() });
                continue;
              }
              const d = devices[c.device]!;
              const lid =
                c.kind === 'mark' || c.kind === 'note' || c.kind === 'delete' ? learners[c.learner]!.id : '';
              if (c.kind === 'mark' || c.kind === 'note' || c.kind === 'delete') {
                const exists = (await rollMarks(d.db, session.id))[lid];
                const changes =
                  c.kind === 'mark'
                    ? { status: c.status }
                    : c.kind === 'note'
                      ? { note: c.note }
                      : { deleted: true };
                const full = {
                  status: 'present' as const,
                  note: '',
                  markedBy: users[c.device]!.id,
                  markedAt: new Date().toISOString(),
                  deleted: false,
                };
                await writeChange(
                  d.db,
                  {
                    entity: 'marks',
                    sessionId: session.id,
                    learnerId: lid,
                    changes: exists ? changes : { ...full, ...changes },
                  },
                  a.centreId,
                );
                const last = await d.db.outbox.orderBy('seq').last();
                created[c.device]!.add(last!.id);
              } else if (c.kind === 'sync') await d.sync();
              else if (c.kind === 'reload') await d.reload();
              else d.online = !d.online;
            }

            // Heal: everyone online, no more faults, then sync until quiet.
            healed = true;
            for (const d of devices) d.online = true;
            for (let round = 0; round < 3; round++) {
              for (const d of devices) expect(await d.sync()).toBeNull();
            }

            const serverMarks = await database.db.select().from(marks).where(eq(marks.sessionId, session.id));
            const view = (rows: { id: string; status: string; note: string; deleted: boolean }[]) =>
              rows.map((m) => `${m.id} ${m.status} ${m.note} ${m.deleted}`).sort();
            for (const d of devices) {
              expect(await d.db.outbox.count()).toBe(0);
              const local = Object.values(await rollMarks(d.db, session.id));
              expect(view(local), d.label).toEqual(view(serverMarks));
            }

            for (const [i, d] of devices.entries()) {
              const ids = [...created[i]!];
              if (ids.length === 0) continue;
              const logged = await database.db
                .select({ id: changeLog.mutationId })
                .from(changeLog)
                .where(
                  and(
                    inArray(changeLog.mutationId, ids),
                    inArray(changeLog.outcome, ['applied', 'superseded']),
                  ),
                );
              const rejected = (await d.db.rejected.bulkGet(ids)).filter(Boolean).map((r) => r!.id);
              const accounted = new Set([...logged.map((r) => r.id), ...rejected]);
              expect(
                ids.filter((id) => !accounted.has(id)),
                d.label,
              ).toEqual([]);
            }
          } finally {
            for (const d of devices) await d.destroy();
          }
        },
      ),
      { seed: 20261125, numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);
});
