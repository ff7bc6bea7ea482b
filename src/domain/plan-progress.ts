// A year's plan (kế hoạch mở lớp) against what was done, kind by kind: planned classes and learners, classes opened
// and learner places (seed 000 writes it "10/29 lớp (tỷ lệ 34%)"). Opened classes count as the report counts them.
import type { ClassType, PlanItem } from './entities.ts';
import { byCreation } from './ids.ts';
import { type ReportRecords, summaryReport } from './reports.ts';

export interface KindPlan {
  classTypeId: string;
  name: string;
  category: ClassType['category'];
  /** The plan item of this kind and year, if the centre made one. */
  planItemId: string | null;
  plannedClasses: number;
  plannedLearners: number;
  classesOpened: number;
  learnerPlaces: number;
}

export interface PlanProgress {
  year: number;
  kinds: KindPlan[];
  plannedClasses: number;
  classesOpened: number;
}

export function planProgress(
  records: Omit<ReportRecords, 'planItems'> & {
    planItems: readonly Pick<
      PlanItem,
      'id' | 'year' | 'classTypeId' | 'plannedClasses' | 'plannedLearners' | 'deleted'
    >[];
  },
  year: number,
  options: { today: string; excusedCounts: boolean },
): PlanProgress {
  const done = summaryReport(records, { from: `${year}-01-01`, to: `${year}-12-31` }, options);
  const doneByKind = new Map(
    [...done.byKind, ...done.conferencesByKind, ...done.coordinatedByKind].map((k) => [k.classTypeId, k]),
  );
  const planByKind = new Map(
    records.planItems.filter((p) => !p.deleted && p.year === year).map((p) => [p.classTypeId, p]),
  );
  const kinds = records.classTypes
    .filter((k) => !k.deleted)
    .sort(byCreation)
    .map((k): KindPlan => {
      const plan = planByKind.get(k.id);
      const opened = doneByKind.get(k.id);
      return {
        classTypeId: k.id,
        name: k.nameVi,
        category: k.category,
        planItemId: plan?.id ?? null,
        plannedClasses: plan?.plannedClasses ?? 0,
        plannedLearners: plan?.plannedLearners ?? 0,
        classesOpened: opened?.classes ?? 0,
        learnerPlaces: opened?.learnerPlaces ?? 0,
      };
    });
  return { year, kinds, plannedClasses: done.classesPlanned, classesOpened: done.classesOpened };
}
