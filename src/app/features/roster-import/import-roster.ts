// Saving an imported roster: new learners and their summons to the class, in one local write (one transaction),
// or nothing at all. The preview is made again from what the device holds now, so a learner synced in since the
// screen showed it is reused rather than created twice.
import { newId } from '../../../domain/ids.ts';
import type { SheetCell } from '../../../domain/roster-cells.ts';
import {
  canImport,
  type PreviewRow,
  previewRosterImport,
  type RosterPreview,
} from '../../../domain/roster-import.ts';
import type { AppDb } from '../../db/app-db.ts';
import { readClassRoster } from '../../db/class-roster.ts';
import { type Change, writeChanges } from '../../db/local-write.ts';

export interface ImportTarget {
  classId: string;
  centreId: string;
  /** YYYY-MM-DD: no birth date may be later. */
  today: string;
}

export type ImportOutcome =
  | { saved: true; created: number; enrolled: number }
  | { saved: false; preview: RosterPreview | null };

/** The changes that put one row's learner on the class list (creating the learner when new). */
function changesOf(row: PreviewRow, classId: string): Change[] {
  const { status, learner } = row;
  if (status.kind === 'alreadyEnrolled' || status.kind === 'invalid') return [];
  const learnerId = status.kind === 'matched' ? status.learnerId : newId();
  const enrolment: Change = {
    entity: 'enrollments',
    recordId: newId(),
    changes: { classId, learnerId, status: 'summoned', walkIn: false },
  };
  if (status.kind === 'matched') return [enrolment];
  return [{ entity: 'learners', recordId: learnerId, changes: learner }, enrolment];
}

/** Saves the sheet's learners into the class, all or nothing; when a row has a problem, nothing is written. */
export async function importRoster(
  db: AppDb,
  target: ImportTarget,
  rows: SheetCell[][],
): Promise<ImportOutcome> {
  const existing = await readClassRoster(db, target.classId);
  if (!existing) return { saved: false, preview: null };
  const preview = previewRosterImport(rows, existing, target.today);
  if (!preview.ok || !canImport(preview)) return { saved: false, preview };
  const batch = preview.rows.flatMap((row) => changesOf(row, target.classId));
  await writeChanges(db, batch, target.centreId);
  return {
    saved: true,
    created: batch.filter((c) => c.entity === 'learners').length,
    enrolled: batch.filter((c) => c.entity === 'enrollments').length,
  };
}
