// The figures a centre files (issue 5), computed by the same pure functions the device uses (src/domain/reports.ts)
// over the centre's records, so the office's screen offline and this API agree.
import { and, eq, gte, lte } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IsoDate } from '../../domain/common.ts';
import { ClassCategory, type EntityName, type MarkStatus } from '../../domain/entities.ts';
import { equivalenceFigures } from '../../domain/equivalence.ts';
import { reportParagraph } from '../../domain/report-paragraph.ts';
import { summaryReport } from '../../domain/reports.ts';
import type { Db } from '../db/database.ts';
import { toRecord } from '../db/records.ts';
import {
  centres,
  classes,
  classTypes,
  dossiers,
  enrollments,
  marks,
  planItems,
  sessions,
} from '../db/schema.ts';
import { vietnamToday } from '../demo/seed-demo.ts';
import { addRoute } from '../http/route.ts';

const SummaryQuery = z
  .strictObject({ from: IsoDate, to: IsoDate, system: ClassCategory.optional() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

const KindFigures = z.object({
  classTypeId: z.uuid(),
  name: z.string(),
  category: ClassCategory,
  classes: z.int(),
  learnerPlaces: z.int(),
  participated: z.int(),
});

const Turnout = z.object({ summoned: z.int(), participated: z.int() });

const Summary = z.object({
  period: z.object({ from: IsoDate, to: IsoDate }),
  system: ClassCategory.nullable(),
  classesPlanned: z.int(),
  classesOpened: z.int(),
  learnerPlaces: z.int(),
  distinctLearners: z.int(),
  conferences: z.int(),
  conferencePlaces: z.int(),
  coordinated: z.int(),
  summoned: z.int(),
  participated: z.int(),
  turnout: z.object({ classes: Turnout, coordinated: Turnout, conferences: Turnout }),
  attendanceRate: z.number().nullable(),
  byKind: z.array(KindFigures),
  conferencesByKind: z.array(KindFigures),
  coordinatedByKind: z.array(KindFigures),
  equivalence: z
    .object({
      considered: z.int(),
      recognised: z.int(),
      notRecognised: z.int(),
      pendingReceived: z.int(),
    })
    .nullable(),
  paragraph: z.string(),
});

const REPORT_INPUTS: EntityName[] = [
  'centres',
  'classTypes',
  'planItems',
  'classes',
  'enrollments',
  'sessions',
  'marks',
  'dossiers',
];

export function registerReportRoutes(app: FastifyInstance, db: Db): void {
  addRoute(app, {
    method: 'GET',
    url: '/api/reports/summary',
    summary:
      'The figures of a period (classes opened against plan, learner places, conferences and coordinated classes ' +
      'apart, participation against summoned, attendance rate, classes by kind) and the report paragraph in ' +
      'Vietnamese (staff)',
    tag: 'reports',
    auth: true,
    // Figures over the whole centre: only for whoever reads every record they count.
    allow: REPORT_INPUTS.map((entity) => ({ entity, action: 'read', wholeCentre: true })),
    query: SummaryQuery,
    response: Summary,
    handler: async ({ user, query }) => {
      const { centreId } = user;
      const inCentre = (t: { centreId: PgColumn }) => eq(t.centreId, centreId);
      const [[centre], kinds, plans, classRows, enrolled, sessionRows, markRows, dossierRows] =
        await Promise.all([
          db.select({ settings: centres.settings }).from(centres).where(eq(centres.id, centreId)),
          db.select().from(classTypes).where(inCentre(classTypes)),
          db.select().from(planItems).where(inCentre(planItems)),
          db.select().from(classes).where(inCentre(classes)),
          db.select().from(enrollments).where(inCentre(enrollments)),
          db
            .select()
            .from(sessions)
            .where(and(inCentre(sessions), gte(sessions.date, query.from), lte(sessions.date, query.to))),
          db
            .select({
              sessionId: marks.sessionId,
              learnerId: marks.learnerId,
              status: marks.status,
              deleted: marks.deleted,
            })
            .from(marks)
            .innerJoin(sessions, eq(sessions.id, marks.sessionId))
            .where(and(inCentre(marks), gte(sessions.date, query.from), lte(sessions.date, query.to))),
          db.select().from(dossiers).where(inCentre(dossiers)),
        ]);
      const summary = summaryReport(
        {
          classTypes: kinds.map((r) => toRecord('classTypes', r)),
          planItems: plans.map((r) => toRecord('planItems', r)),
          classes: classRows.map((r) => toRecord('classes', r)),
          enrollments: enrolled.map((r) => toRecord('enrollments', r)),
          sessions: sessionRows.map((r) => toRecord('sessions', r)),
          marks: markRows.map((m) => ({ ...m, status: m.status as MarkStatus })),
        },
        query,
        {
          today: vietnamToday(),
          excusedCounts: centre?.settings.excusedCounts ?? false,
          system: query.system,
        },
      );
      // Recognition of equivalent training belongs to no class system: reported with the whole centre only.
      const equivalence = query.system
        ? null
        : equivalenceFigures(
            dossierRows.map((r) => toRecord('dossiers', r)),
            query,
          );
      return { ...summary, equivalence, paragraph: reportParagraph(summary, equivalence ?? undefined) };
    },
  });
}
