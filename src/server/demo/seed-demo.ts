// Writes the demo centre (see build-demo.ts) into an empty database in one transaction.
import { count } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.ts';
import type { Db } from '../db/database.ts';
import { insertCentre, insertRecords } from '../db/records.ts';
import { centres } from '../db/schema.ts';
import { buildDemoCentre, type DemoData } from './build-demo.ts';

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(centres);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(db: Db, today: string): Promise<DemoData> {
  const demo = buildDemoCentre({ today });
  await insertDemo(db, demo);
  return demo;
}

/** Writes a built demo centre (the load benchmark writes several, their user names made unique). */
export async function insertDemo(db: Db, demo: DemoData): Promise<void> {
  const hashes = new Map(
    await Promise.all(demo.users.map(async (u) => [u.id, await hashPassword(u.password)] as const)),
  );
  const users = demo.users.map(({ password: _password, ...user }) => user);
  const centreId = demo.centre.id;
  await db.transaction(async (tx) => {
    await insertCentre(tx, demo.centre);
    // Parents before children: foreign keys are checked row by row.
    await insertRecords(tx, 'classTypes', centreId, demo.classTypes);
    await insertRecords(tx, 'planItems', centreId, demo.planItems);
    await insertRecords(tx, 'learners', centreId, demo.learners);
    await insertRecords(tx, 'users', centreId, users, (u) => ({ passwordHash: hashes.get(u.id) }));
    await insertRecords(tx, 'classes', centreId, demo.classes);
    await insertRecords(tx, 'enrollments', centreId, demo.enrollments);
    await insertRecords(tx, 'sessions', centreId, demo.sessions);
    await insertRecords(tx, 'marks', centreId, demo.marks);
    await insertRecords(tx, 'dossiers', centreId, demo.dossiers);
  });
}

/** Today as YYYY-MM-DD in Vietnam (UTC+7), where the centres are. */
export const vietnamToday = (now = new Date()): string =>
  new Date(now.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
