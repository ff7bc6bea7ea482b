// The staff's forms (class kinds, classes) save through the sync engine like every tap. Before saving, the record as
// it would be stored is checked against its domain schema, so a bad field is named on screen and nothing is written.
import type { z } from 'zod';
import { type EntityName, entitySchemas } from '../../../domain/entities.ts';
import type { AppDb } from '../../db/app-db.ts';
import { type Change, type Changes, writeChange } from '../../db/local-write.ts';

/** The fields of `record` the schema refuses (empty when it may be saved). */
export function refusedFields<E extends EntityName>(entity: E, record: Record<string, unknown>): Set<string> {
  const parsed = (entitySchemas[entity] as z.ZodType).safeParse(record);
  return new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0] ?? '')));
}

/** The placeholder fields a new record's check needs (the write fills the real ones). */
export const draftFields = (centreId: string, id: string) => ({
  id,
  centreId,
  updatedAt: new Date().toISOString(),
  deleted: false,
});

/**
 * Saves `fields` as a new record (`existing` null) or as changes to `existing`, if the result passes its schema;
 * returns the refused fields otherwise, having written nothing.
 */
export async function saveRecord<E extends Exclude<EntityName, 'marks'>>(
  db: AppDb,
  centreId: string,
  entity: E,
  recordId: string,
  existing: Record<string, unknown> | null,
  fields: Changes<E>,
): Promise<Set<string>> {
  const refused = refusedFields(entity, { ...(existing ?? draftFields(centreId, recordId)), ...fields });
  if (refused.size > 0) return refused;
  await writeChange(db, { entity, recordId, changes: fields } as Change, centreId);
  return refused;
}
