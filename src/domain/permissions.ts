// Who may do what: one table of role × record kind × scope, read by the server (enforcement) and the app (what to
// offer). A scope says which records of the centre a role reaches; anything outside the user's centre is never in scope.
import { type EntityName, entityNames, type Role } from './entities.ts';

/**
 * - `centre`: every record of the user's centre.
 * - `assigned`: records of the classes the instructor is assigned to (and their learners, sessions and marks).
 * - `own`: for a learner, their own record, enrolments, classes, sessions and marks; for users, the account itself.
 * - `none`: nothing.
 */
export type Scope = 'centre' | 'assigned' | 'own' | 'none';

export interface Grant {
  read: Scope;
  write: Scope;
}

const grant = (read: Scope, write: Scope): Grant => ({ read, write });

export const POLICY: Record<Role, Record<EntityName, Grant>> = {
  admin: {
    centres: grant('centre', 'centre'),
    users: grant('centre', 'centre'),
    classTypes: grant('centre', 'centre'),
    planItems: grant('centre', 'centre'),
    classes: grant('centre', 'centre'),
    learners: grant('centre', 'centre'),
    enrollments: grant('centre', 'centre'),
    sessions: grant('centre', 'centre'),
    marks: grant('centre', 'centre'),
    attachments: grant('centre', 'centre'),
    dossiers: grant('centre', 'centre'),
  },
  instructor: {
    centres: grant('centre', 'none'),
    users: grant('own', 'none'),
    classTypes: grant('centre', 'none'),
    planItems: grant('none', 'none'),
    classes: grant('assigned', 'none'),
    // Walk-ins: an instructor creates and enrols a learner who turned up without being summoned.
    learners: grant('assigned', 'assigned'),
    enrollments: grant('assigned', 'assigned'),
    sessions: grant('assigned', 'assigned'),
    marks: grant('assigned', 'assigned'),
    attachments: grant('assigned', 'assigned'),
    // The recognition register is the office's paperwork, not a class's.
    dossiers: grant('none', 'none'),
  },
  learner: {
    centres: grant('centre', 'none'),
    users: grant('own', 'none'),
    classTypes: grant('centre', 'none'),
    planItems: grant('none', 'none'),
    classes: grant('own', 'none'),
    learners: grant('own', 'none'),
    enrollments: grant('own', 'none'),
    sessions: grant('own', 'none'),
    marks: grant('own', 'none'),
    attachments: grant('none', 'none'),
    // Not even their own: most dossiers belong to people who are not learners here, and the outcome reaches the
    // person as the centre's decision (quyết định), not through the app.
    dossiers: grant('none', 'none'),
  },
};

/**
 * What a request needs from the table: to read or write a record kind at all, or, for figures over the whole centre
 * (reports, account management), to reach every record of that kind in the centre.
 */
export interface Access {
  entity: EntityName;
  action: keyof Grant;
  wholeCentre?: boolean;
}

/** Reading the change log, which holds every kind of the centre's records: whole-centre reads of all of them. */
export const CHANGE_LOG_READER: readonly Access[] = entityNames.map((entity) => ({
  entity,
  action: 'read',
  wholeCentre: true,
}));

/** Whether `role` holds every access listed: the one kind-level question the server asks of the table. */
export function allows(role: Role, needs: Access | readonly Access[]): boolean {
  return ([] as Access[]).concat(needs).every(({ entity, action, wholeCentre }) => {
    const scope = POLICY[role][entity][action];
    return wholeCentre ? scope === 'centre' : scope !== 'none';
  });
}

/** A role that may change nothing at all (a learner's account reads its own records only). */
export const writesNothing = (role: Role): boolean =>
  Object.values(POLICY[role]).every((g) => g.write === 'none');
