// GET /api/audit: the change log for staff, newest first, a page at a time, narrowed to a class (the class, its
// sessions, enrolments, marks and attachments), a session (it, its marks and attachments), a learner (their record,
// enrolments, marks and dossiers), the changes one user made, one kind of record, or a range of days. What a record
// belongs to is found through the records themselves (their indexes), so the push path writes nothing extra.
import { and, desc, eq, getTableColumns, gte, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { AuditPage, AuditQuery } from '../../domain/audit.ts';
import { CHANGE_LOG_READER } from '../../domain/permissions.ts';
import type { Db } from '../db/database.ts';
import {
  attachments,
  changeLog,
  deviceSessions,
  dossiers,
  enrollments,
  marks,
  sessions,
  users,
} from '../db/schema.ts';
import { addRoute } from '../http/route.ts';

/** Vietnam keeps UTC+7 all year: a day of its calendar starts at 00:00+07:00. */
const vietnamDayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00.000+07:00`);
const DAY_MS = 24 * 60 * 60 * 1000;

const ids = (...queries: (SQL | { getSQL(): SQL })[]) =>
  sql`${changeLog.recordId} in (${sql.join(
    queries.map((q) => sql`${q}`),
    sql` union all `,
  )})`;

function ofClass(db: Db, classId: string): SQL {
  const sessionIds = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.classId, classId));
  return ids(
    sql`select ${classId}::uuid`,
    sessionIds,
    db.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.classId, classId)),
    db
      .select({ id: marks.id })
      .from(marks)
      .innerJoin(sessions, eq(sessions.id, marks.sessionId))
      .where(eq(sessions.classId, classId)),
    db
      .select({ id: attachments.id })
      .from(attachments)
      .innerJoin(sessions, eq(sessions.id, attachments.sessionId))
      .where(eq(sessions.classId, classId)),
  );
}

function ofSession(db: Db, sessionId: string): SQL {
  return ids(
    sql`select ${sessionId}::uuid`,
    db.select({ id: marks.id }).from(marks).where(eq(marks.sessionId, sessionId)),
    db.select({ id: attachments.id }).from(attachments).where(eq(attachments.sessionId, sessionId)),
  );
}

function ofLearner(db: Db, learnerId: string): SQL {
  return ids(
    sql`select ${learnerId}::uuid`,
    db.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.learnerId, learnerId)),
    // Through the learner's classes: marks are indexed by session, then learner.
    db
      .select({ id: marks.id })
      .from(enrollments)
      .innerJoin(sessions, eq(sessions.classId, enrollments.classId))
      .innerJoin(marks, and(eq(marks.sessionId, sessions.id), eq(marks.learnerId, learnerId)))
      .where(eq(enrollments.learnerId, learnerId)),
    db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.learnerId, learnerId)),
  );
}

/** `<ISO time>~<log id>` of the last entry shown: the next page is what comes after it, newest first. */
const cursorOf = (at: Date, id: number) => `${at.toISOString()}~${id}`;
function afterCursor(cursor: string): SQL {
  const [at, id] = cursor.split('~') as [string, string];
  return sql`(${changeLog.at}, ${changeLog.id}) < (${at}::timestamptz, ${id}::bigint)`;
}

export function registerAuditRoute(app: FastifyInstance, db: Db): void {
  const author = alias(users, 'author');

  addRoute(app, {
    method: 'GET',
    url: '/api/audit',
    summary:
      'The change log, newest first, by class, session, learner, user, kind of record or days (staff); page with nextCursor',
    tag: 'audit',
    auth: true,
    allow: CHANGE_LOG_READER,
    query: AuditQuery,
    response: AuditPage,
    handler: async ({ user, query }) => {
      const where = and(
        eq(changeLog.centreId, user.centreId),
        query.classId ? ofClass(db, query.classId) : undefined,
        query.sessionId ? ofSession(db, query.sessionId) : undefined,
        query.learnerId ? ofLearner(db, query.learnerId) : undefined,
        query.userId ? eq(changeLog.userId, query.userId) : undefined,
        query.entity ? eq(changeLog.entity, query.entity) : undefined,
        query.from ? gte(changeLog.at, vietnamDayStart(query.from)) : undefined,
        query.to ? lt(changeLog.at, new Date(vietnamDayStart(query.to).getTime() + DAY_MS)) : undefined,
        query.cursor ? afterCursor(query.cursor) : undefined,
      );
      const page = db
        .select(getTableColumns(changeLog))
        .from(changeLog)
        .where(where)
        .orderBy(desc(changeLog.at), desc(changeLog.id))
        .limit(query.limit + 1)
        .as('page');
      const sessionOf = sql`coalesce(case when ${page.entity} = 'sessions' then ${page.recordId} end, ${marks.sessionId}, ${attachments.sessionId})`;
      const rows = await db
        .select({
          id: page.id,
          at: page.at,
          entity: page.entity,
          recordId: page.recordId,
          outcome: page.outcome,
          reason: page.reason,
          userId: page.userId,
          userName: author.displayName,
          deviceId: page.deviceId,
          deviceName: deviceSessions.deviceName,
          changes: page.changes,
          lost: page.lost,
          classId: sql<
            string | null
          >`coalesce(case when ${page.entity} = 'classes' then ${page.recordId} end, ${sessions.classId}, ${enrollments.classId})`,
          sessionId: sql<string | null>`${sessions.id}`,
          learnerId: sql<
            string | null
          >`coalesce(case when ${page.entity} = 'learners' then ${page.recordId} end, ${marks.learnerId}, ${enrollments.learnerId}, ${dossiers.learnerId})`,
        })
        .from(page)
        .leftJoin(marks, and(eq(page.entity, 'marks'), eq(marks.id, page.recordId)))
        .leftJoin(attachments, and(eq(page.entity, 'attachments'), eq(attachments.id, page.recordId)))
        .leftJoin(enrollments, and(eq(page.entity, 'enrollments'), eq(enrollments.id, page.recordId)))
        .leftJoin(dossiers, and(eq(page.entity, 'dossiers'), eq(dossiers.id, page.recordId)))
        .leftJoin(sessions, eq(sessions.id, sessionOf))
        .leftJoin(author, eq(author.id, page.userId))
        .leftJoin(deviceSessions, eq(deviceSessions.id, page.deviceId))
        .orderBy(desc(page.at), desc(page.id));
      const shown = rows.slice(0, query.limit);
      const last = shown.at(-1);
      return {
        entries: shown.map((r) => ({ ...r, at: r.at.toISOString() })) as AuditPage['entries'],
        nextCursor: rows.length > query.limit && last ? cursorOf(last.at, last.id) : null,
      };
    },
  });
}
