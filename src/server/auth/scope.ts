// Turns the policy table (src/domain/permissions.ts) into SQL: which rows of each table a user may read or write.
// Every query that returns or changes centre data goes through `visibleRows`, so the rule lives in one place.
import { and, eq, inArray, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { EntityName, Role } from '../../domain/entities.ts';
import { POLICY } from '../../domain/permissions.ts';
import type { Db } from '../db/database.ts';
import {
  attachments,
  centres,
  classes,
  classTypes,
  dossiers,
  enrollments,
  learners,
  marks,
  planItems,
  sessions,
  users,
} from '../db/schema.ts';
import type { AuthUser } from './authenticate.ts';

const never = sql`false`;

/**
 * Whom the rows are for: a signed-in user, or for a statement prepared once per role (db/prepared.ts) placeholders
 * filled from `scopeValues` when it runs.
 */
export interface ScopeUser {
  role: Role;
  id: string | Placeholder;
  centreId: string | Placeholder;
  learnerId: string | null | Placeholder;
}

export const scopeUserOfRole = (role: Role): ScopeUser => ({
  role,
  id: sql.placeholder('userId'),
  centreId: sql.placeholder('centreId'),
  learnerId: sql.placeholder('learnerId'),
});

export const scopeValues = (user: AuthUser) => ({
  userId: user.id,
  centreId: user.centreId,
  learnerId: user.learnerId,
});

/** The column holding each table's centre (a centre row is its own centre). */
const centreColumn = {
  centres: centres.id,
  users: users.centreId,
  classTypes: classTypes.centreId,
  planItems: planItems.centreId,
  classes: classes.centreId,
  learners: learners.centreId,
  enrollments: enrollments.centreId,
  sessions: sessions.centreId,
  marks: marks.centreId,
  attachments: attachments.centreId,
  dossiers: dossiers.centreId,
} as const;

function assignedClassIds(db: Db, user: ScopeUser) {
  return db
    .select({ id: classes.id })
    .from(classes)
    .where(
      and(
        eq(classes.centreId, user.centreId),
        sql`${classes.instructorIds} @> jsonb_build_array(${user.id}::text)`,
      ),
    );
}

function assignedSessionIds(db: Db, user: ScopeUser) {
  return db
    .select({ id: sessions.id })
    .from(sessions)
    .where(inArray(sessions.classId, assignedClassIds(db, user)));
}

function ownClassIds(db: Db, user: ScopeUser) {
  return db
    .select({ id: enrollments.classId })
    .from(enrollments)
    .where(and(eq(enrollments.learnerId, user.learnerId ?? sql`null`), eq(enrollments.deleted, false)));
}

function classScoped(db: Db, user: ScopeUser, scope: 'assigned' | 'own') {
  return scope === 'assigned' ? assignedClassIds(db, user) : ownClassIds(db, user);
}

/** Rows of the user's own scope for an entity, beyond "same centre". */
function narrower(db: Db, user: ScopeUser, entity: EntityName, scope: 'assigned' | 'own'): SQL {
  switch (entity) {
    case 'classes':
      return inArray(classes.id, classScoped(db, user, scope));
    case 'sessions':
      return inArray(sessions.classId, classScoped(db, user, scope));
    case 'enrollments':
      return scope === 'own'
        ? eq(enrollments.learnerId, user.learnerId ?? sql`null`)
        : inArray(enrollments.classId, assignedClassIds(db, user));
    case 'learners':
      return scope === 'own'
        ? eq(learners.id, user.learnerId ?? sql`null`)
        : inArray(
            learners.id,
            db
              .select({ id: enrollments.learnerId })
              .from(enrollments)
              .where(inArray(enrollments.classId, assignedClassIds(db, user))),
          );
    case 'marks':
      return scope === 'own'
        ? eq(marks.learnerId, user.learnerId ?? sql`null`)
        : inArray(marks.sessionId, assignedSessionIds(db, user));
    case 'attachments':
      return scope === 'own' ? never : inArray(attachments.sessionId, assignedSessionIds(db, user));
    case 'users':
      return eq(users.id, user.id);
    default:
      return never;
  }
}

/** The SQL condition selecting the rows of `entity` that `user` may read (or write, with `access: 'write'`). */
export function visibleRows(
  db: Db,
  user: ScopeUser,
  entity: EntityName,
  access: 'read' | 'write' = 'read',
): SQL {
  const scope = POLICY[user.role][entity][access];
  if (scope === 'none') return never;
  const sameCentre = eq(centreColumn[entity], user.centreId);
  if (scope === 'centre') return sameCentre;
  return and(sameCentre, narrower(db, user, entity, scope)) as SQL;
}
