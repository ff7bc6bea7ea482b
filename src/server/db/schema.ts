// The server's tables (Drizzle, PostgreSQL 15+ and PGlite). Synced tables mirror src/domain/entities.ts field for
// field, plus `version`: the centre's commit-ordered change counter that pull cursors follow.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CentreSettings } from '../../domain/entities.ts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const synced = {
  id: uuid('id').primaryKey(),
  updatedAt: timestamptz('updated_at').notNull(),
  deleted: boolean('deleted').notNull().default(false),
  /** Assigned from scope_versions inside the writing transaction, so versions follow commit order per centre. */
  version: bigint('version', { mode: 'number' }).notNull(),
  /** HLC stamp of the write that set each field (per-field last-writer-wins, src/sync/merge.ts). */
  clocks: jsonb('clocks').$type<Record<string, string>>().notNull().default({}),
};

export const centres = pgTable('centres', {
  ...synced,
  name: text('name').notNull(),
  level: text('level').notNull(),
  province: text('province').notNull().default(''),
  settings: jsonb('settings').$type<CentreSettings>().notNull(),
});

const centreScoped = {
  ...synced,
  centreId: uuid('centre_id')
    .notNull()
    .references(() => centres.id),
};

/** One row per centre: the last version handed out. Bumping it row-locks, serialising the centre's writers. */
export const scopeVersions = pgTable('scope_versions', {
  centreId: uuid('centre_id')
    .primaryKey()
    .references(() => centres.id),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  /** Highest version of a tombstone purged so far: a device whose cursor is older has missed deletions. */
  purgedThrough: bigint('purged_through', { mode: 'number' }).notNull().default(0),
});

export const users = pgTable(
  'users',
  {
    ...centreScoped,
    role: text('role').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    learnerId: uuid('learner_id'),
    passwordHash: text('password_hash').notNull(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    index('users_centre_version').on(t.centreId, t.version),
  ],
);

/** A signed-in device. Only the SHA-256 of the token is stored, so a database leak gives no usable token. */
export const deviceSessions = pgTable(
  'device_sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    deviceName: text('device_name').notNull().default(''),
    createdAt: timestamptz('created_at').notNull(),
    lastSeenAt: timestamptz('last_seen_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    uniqueIndex('device_sessions_token_hash_key').on(t.tokenHash),
    index('device_sessions_user').on(t.userId),
  ],
);

export const classTypes = pgTable(
  'class_types',
  {
    ...centreScoped,
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull().default(''),
    category: text('category').notNull(),
    defaultThreshold: doublePrecision('default_threshold').notNull(),
  },
  (t) => [index('class_types_centre_version').on(t.centreId, t.version)],
);

export const planItems = pgTable(
  'plan_items',
  {
    ...centreScoped,
    year: integer('year').notNull(),
    classTypeId: uuid('class_type_id')
      .notNull()
      .references(() => classTypes.id),
    plannedClasses: integer('planned_classes').notNull(),
    plannedLearners: integer('planned_learners').notNull(),
  },
  (t) => [index('plan_items_centre_version').on(t.centreId, t.version)],
);

export const classes = pgTable(
  'classes',
  {
    ...centreScoped,
    code: text('code').notNull(),
    name: text('name').notNull(),
    classTypeId: uuid('class_type_id')
      .notNull()
      .references(() => classTypes.id),
    year: integer('year').notNull(),
    commune: text('commune').notNull().default(''),
    location: text('location').notNull().default(''),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    coordinatingBody: text('coordinating_body').notNull().default(''),
    instructorIds: jsonb('instructor_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    index('classes_centre_version').on(t.centreId, t.version),
    index('classes_instructors').using('gin', t.instructorIds),
  ],
);

export const learners = pgTable(
  'learners',
  {
    ...centreScoped,
    fullName: text('full_name').notNull(),
    familyName: text('family_name').notNull().default(''),
    middleName: text('middle_name').notNull().default(''),
    givenName: text('given_name').notNull().default(''),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: text('gender'),
    position: text('position').notNull().default(''),
    unit: text('unit').notNull().default(''),
    phone: text('phone').notNull().default(''),
    partyStatus: text('party_status').notNull(),
  },
  (t) => [index('learners_centre_version').on(t.centreId, t.version)],
);

export const enrollments = pgTable(
  'enrollments',
  {
    ...centreScoped,
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id),
    status: text('status').notNull(),
    walkIn: boolean('walk_in').notNull().default(false),
  },
  (t) => [
    index('enrollments_centre_version').on(t.centreId, t.version),
    index('enrollments_class').on(t.classId),
    index('enrollments_learner').on(t.learnerId),
  ],
);

/**
 * A class's invitation link: a learner who opens it and names themselves (full name and birth date, as on the class
 * list) gets this device signed in to their learner account. Only the token's SHA-256 is stored, as for devices.
 */
export const classInvitations = pgTable(
  'class_invitations',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    // A class's invitations go with it when its tombstone is purged.
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    uniqueIndex('class_invitations_token_hash_key').on(t.tokenHash),
    index('class_invitations_class').on(t.classId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    ...centreScoped,
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id),
    date: date('date', { mode: 'string' }).notNull(),
    partOfDay: text('part_of_day').notNull(),
    periods: integer('periods').notNull(),
    topic: text('topic').notNull().default(''),
    instructorId: uuid('instructor_id'),
    location: text('location').notNull().default(''),
    cancelled: boolean('cancelled').notNull().default(false),
    replacesSessionId: uuid('replaces_session_id'),
  },
  (t) => [index('sessions_centre_version').on(t.centreId, t.version), index('sessions_class').on(t.classId)],
);

export const marks = pgTable(
  'marks',
  {
    ...centreScoped,
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => learners.id),
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
    markedBy: uuid('marked_by').notNull(),
    markedAt: timestamptz('marked_at').notNull(),
  },
  (t) => [
    index('marks_centre_version').on(t.centreId, t.version),
    uniqueIndex('marks_session_learner_key').on(t.sessionId, t.learnerId),
    // An instructor's pull reads the marks of their sessions after the cursor, not every mark of the centre since.
    index('marks_session_version').on(t.sessionId, t.version),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    ...centreScoped,
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    kind: text('kind').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    takenBy: uuid('taken_by').notNull(),
    takenAt: timestamptz('taken_at').notNull(),
  },
  (t) => [
    index('attachments_centre_version').on(t.centreId, t.version),
    index('attachments_session').on(t.sessionId),
  ],
);

/** An attachment's bytes, uploaded after its record; removed with the record when its tombstone is purged. */
export const files = pgTable('files', {
  attachmentId: uuid('attachment_id')
    .primaryKey()
    .references(() => attachments.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: timestamptz('uploaded_at').notNull(),
});

/** The register of recognition of equivalent training; `learner_id` only when the person is one of the centre's. */
export const dossiers = pgTable(
  'dossiers',
  {
    ...centreScoped,
    fullName: text('full_name').notNull(),
    learnerId: uuid('learner_id').references(() => learners.id),
    unit: text('unit').notNull().default(''),
    level: text('level').notNull(),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    decisionDate: date('decision_date', { mode: 'string' }),
    outcome: text('outcome').notNull(),
    decisionRef: text('decision_ref').notNull().default(''),
    note: text('note').notNull().default(''),
  },
  (t) => [index('dossiers_centre_version').on(t.centreId, t.version)],
);

/** The synced tables by protocol entity name (see src/domain/entities.ts). */
export const entityTables = {
  centres,
  users,
  classTypes,
  planItems,
  classes,
  learners,
  enrollments,
  sessions,
  marks,
  attachments,
  dossiers,
} as const;

/** Per device: the last outbox seq applied, updated in the same transaction as the mutations (Replicache's rule). */
export const deviceCursors = pgTable('device_cursors', {
  deviceId: uuid('device_id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

/**
 * Every mutation the server received and what became of it: who, when, from which device, each field old → new,
 * and the values that lost a conflict. It is the audit log and the list of conflicts for staff.
 */
export const changeLog = pgTable(
  'change_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    centreId: uuid('centre_id').notNull(),
    entity: text('entity').notNull(),
    recordId: uuid('record_id').notNull(),
    mutationId: uuid('mutation_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    userId: uuid('user_id').notNull(),
    hlc: text('hlc').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    /** Field → [old, new] for the fields this mutation set. */
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull(),
    /** Field → value this mutation wanted but lost to a newer write. */
    lost: jsonb('lost').$type<Record<string, unknown>>().notNull(),
    at: timestamptz('at').notNull(),
  },
  (t) => [
    index('change_log_record').on(t.recordId),
    index('change_log_centre_at').on(t.centreId, t.at),
    index('change_log_mutation').on(t.mutationId),
  ],
);
