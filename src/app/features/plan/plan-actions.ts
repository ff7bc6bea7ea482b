// Setting a kind's plan for a year: one local write, creating the plan item the first time.
import type { PlanItem } from '../../../domain/entities.ts';
import { newId } from '../../../domain/ids.ts';
import type { AppDb } from '../../db/app-db.ts';
import { writeChange } from '../../db/local-write.ts';

export type PlanFigures = Pick<PlanItem, 'plannedClasses' | 'plannedLearners'>;

export async function setPlan(
  db: AppDb,
  centreId: string,
  target: { year: number; classTypeId: string; planItemId: string | null },
  figures: PlanFigures,
): Promise<void> {
  await writeChange(
    db,
    target.planItemId
      ? { entity: 'planItems', recordId: target.planItemId, changes: figures }
      : {
          entity: 'planItems',
          recordId: newId(),
          changes: { year: target.year, classTypeId: target.classTypeId, ...figures },
        },
    centreId,
  );
}
