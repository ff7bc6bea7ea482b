// The checks every mutation passes, shared by the batch path and the one-by-one path of push: who may write what,
// which fields, the merged record's validity, and the references it holds.
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type EntityName, entitySchemas } from '../../domain/entities.ts';
import { allows } from '../../domain/permissions.ts';
import type { Mutation, RejectReason } from '../../sync/protocol.ts';
import { SERVER_FIELDS } from '../../sync/protocol.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { classes, classTypes, learners, sessions, users } from '../db/schema.ts';
import { isDataException, sqlState } from '../db/sql-state.ts';
import { markId } from './derived-ids.ts';

/** A device clock may run at most this far ahead of the server's; later stamps are pulled back (see hlc.ts). */
export const MAX_CLOCK_DRIFT_MS = 5 * 60 * 1000;

export type ReferenceTable = PgTable & { id: PgColumn; centreId: PgColumn };

/** Fields that point at another record of the same centre, with the entity and table they point into. */
export const REFERENCES: Record<string, { entity: EntityName; table: ReferenceTable }> = {
  classId: { entity: 'classes', table: classes },
  learnerId: { entity: 'learners', table: learners },
  sessionId: { entity: 'sessions', table: sessions },
  replacesSessionId: { entity: 'sessions', table: sessions },
  classTypeId: { entity: 'classTypes', table: classTypes },
  instructorId: { entity: 'users', table: users },
};

const REFERENCE_FIELDS = Object.entries(REFERENCES).map(([field, { entity }]) => ({ field, entity }));

/** Every (entity, id) a record points at, `instructorIds` included. */
export function referencesOf(
  record: Record<string, unknown>,
): { field: string; entity: EntityName; id: string }[] {
  const refs: { field: string; entity: EntityName; id: string }[] = [];
  for (const { field, entity } of REFERENCE_FIELDS) {
    const id = record[field];
    if (typeof id === 'string') refs.push({ field, entity, id });
  }
  if (Array.isArray(record.instructorIds)) {
    for (const id of record.instructorIds)
      if (typeof id === 'string') refs.push({ field: 'instructorIds', entity: 'users', id });
  }
  return refs;
}

export class Rejection extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

/** Per entity, the fields a mutation may carry: the schema's, less those the server sets. */
const WRITABLE_FIELDS = Object.fromEntries(
  Object.entries(entitySchemas).map(([entity, schema]) => [
    entity,
    new Set(Object.keys(schema.shape).filter((f) => !(SERVER_FIELDS as readonly string[]).includes(f))),
  ]),
) as Record<EntityName, Set<string>>;

/** Checks what can be checked without the database and returns the fields to merge. */
export function checkMutation(user: AuthUser, m: Mutation): Record<string, unknown> {
  if (!allows(user.role, { entity: m.entity, action: 'write' })) throw new Rejection('forbidden');
  if (m.entity === 'centres' && m.recordId !== user.centreId) throw new Rejection('forbidden');
  const writable = WRITABLE_FIELDS[m.entity];
  for (const field of Object.keys(m.fields)) {
    if (!writable.has(field)) {
      throw new Rejection('invalid', `${field}: not a writable field`);
    }
  }
  const fields = { ...m.fields };
  // A mark or a photo records who took it: the signed-in user, whatever the device claims.
  if (m.entity === 'marks' && 'markedBy' in fields) fields.markedBy = user.id;
  if (m.entity === 'attachments' && 'takenBy' in fields) fields.takenBy = user.id;
  return fields;
}

/** The record after the winning fields are laid on `current` (or on a new record), validated by the domain schema. */
export function mergedRecord(
  user: AuthUser,
  entity: EntityName,
  recordId: string,
  current: Record<string, unknown> | undefined,
  won: Record<string, unknown>,
  now: Date,
): Record<string, unknown> {
  // An account needs a password, which never travels in a record: accounts are made through POST /api/users.
  if (!current && entity === 'users')
    throw new Rejection('invalid', 'users: created with a password by staff');
  const base = current ?? {
    id: recordId,
    deleted: false,
    ...(entity === 'centres' ? {} : { centreId: user.centreId }),
  };
  const parsed = entitySchemas[entity].safeParse({ ...base, ...won, updatedAt: now.toISOString() });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Rejection('invalid', issue ? `${issue.path.join('.')}: ${issue.message}` : undefined);
  }
  const record = parsed.data as Record<string, unknown>;
  if (entity === 'marks' && record.id !== markId(String(record.sessionId), String(record.learnerId))) {
    throw new Rejection('invalid', 'id: a mark is identified by its session and learner');
  }
  return record;
}

/** A learner created by an instructor (a walk-in) is reachable only once enrolled, which the next mutation does. */
export const isWalkInCreation = (user: AuthUser, entity: EntityName, existed: boolean) =>
  !existed && entity === 'learners' && user.role === 'instructor';

/**
 * PostgreSQL's own refusals that are the mutation's fault: a dangling reference, a broken uniqueness rule, a value
 * it cannot hold (class 22).
 */
export function asRejection(err: unknown): Rejection | null {
  if (err instanceof Rejection) return err;
  const code = sqlState(err);
  if (code === '23503') return new Rejection('badReference');
  if (code === '23505' || code === '23502' || isDataException(err)) return new Rejection('invalid', code);
  return null;
}
