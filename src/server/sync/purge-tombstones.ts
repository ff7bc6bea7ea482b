// Removes tombstones older than the retention period, so deleted rows do not pile up for ever, and remembers per
// centre the highest version removed: a device whose cursor is older has missed deletions and must reset (PULL4).
import { and, eq, lt, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { TOMBSTONE_RETENTION_DAYS } from '../../sync/protocol.ts';
import type { Db } from '../db/database.ts';
import {
  attachments,
  classes,
  classTypes,
  dossiers,
  enrollments,
  learners,
  marks,
  planItems,
  scopeVersions,
  sessions,
} from '../db/schema.ts';

type Purgeable = PgTable & {
  id: PgColumn;
  centreId: PgColumn;
  version: PgColumn;
  deleted: PgColumn;
  updatedAt: PgColumn;
};

/** Children first; a tombstone still referenced by a live row waits until that row goes. */
const PURGE_ORDER: { table: Purgeable; referencedBy: { table: PgTable; column: PgColumn }[] }[] = [
  { table: marks, referencedBy: [] },
  // Its file goes with it (ON DELETE CASCADE).
  { table: attachments, referencedBy: [] },
  { table: enrollments, referencedBy: [] },
  { table: planItems, referencedBy: [] },
  { table: dossiers, referencedBy: [] },
  {
    table: sessions,
    referencedBy: [
      { table: marks, column: marks.sessionId },
      { table: attachments, column: attachments.sessionId },
    ],
  },
  {
    table: learners,
    referencedBy: [
      { table: marks, column: marks.learnerId },
      { table: enrollments, column: enrollments.learnerId },
      { table: dossiers, column: dossiers.learnerId },
    ],
  },
  {
    table: classes,
    referencedBy: [
      { table: sessions, column: sessions.classId },
      { table: enrollments, column: enrollments.classId },
    ],
  },
  {
    table: classTypes,
    referencedBy: [
      { table: classes, column: classes.classTypeId },
      { table: planItems, column: planItems.classTypeId },
    ],
  },
];

export async function purgeTombstones(
  db: Db,
  now = new Date(),
  retentionDays = TOMBSTONE_RETENTION_DAYS,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  let purged = 0;
  for (const { table, referencedBy } of PURGE_ORDER) {
    const unreferenced = referencedBy.map(
      ({ table: child, column }) => sql`not exists (select 1 from ${child} where ${column} = ${table.id})`,
    );
    await db.transaction(async (tx) => {
      const removed = await tx
        .delete(table)
        .where(and(eq(table.deleted, true), lt(table.updatedAt, cutoff), ...unreferenced))
        .returning({ centreId: table.centreId, version: table.version });
      const highest = new Map<string, number>();
      for (const r of removed as { centreId: string; version: number }[]) {
        highest.set(r.centreId, Math.max(highest.get(r.centreId) ?? 0, r.version));
      }
      for (const [centreId, version] of highest) {
        await tx
          .update(scopeVersions)
          .set({ purgedThrough: sql`greatest(${scopeVersions.purgedThrough}, ${version})` })
          .where(eq(scopeVersions.centreId, centreId));
      }
      purged += removed.length;
    });
  }
  return purged;
}
