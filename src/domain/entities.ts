// The domain model: one zod schema per record kind, used by the device (Dexie) and the server (Drizzle) alike.
// See shared/domain.md for the glossary; enum values are English codes, labels come from i18n.
import { z } from 'zod';
import { centreScoped, Id, IsoDate, IsoDateTime, Ratio, requiredText, syncedFields, text } from './common.ts';
import { MarkStatuses } from './mark-statuses.ts';

export const Roles = ['admin', 'instructor', 'learner'] as const;
export const Role = z.enum(Roles);
export type Role = z.infer<typeof Role>;

/** Administrative level of a centre: kept as data because units merge and are renamed (no district level since 7/2025). */
export const CentreLevel = z.enum(['commune', 'ward', 'specialZone', 'district', 'province']);
export type CentreLevel = z.infer<typeof CentreLevel>;

export const CentreSettings = z.strictObject({
  defaultThreshold: Ratio,
  /** Whether an excused absence counts as attended for the threshold (default: no, unless made up). */
  excusedCounts: z.boolean(),
});
export type CentreSettings = z.infer<typeof CentreSettings>;
export const DEFAULT_CENTRE_SETTINGS: CentreSettings = { defaultThreshold: 0.8, excusedCounts: false };

export const Centre = z.strictObject({
  ...syncedFields,
  name: requiredText(200),
  level: CentreLevel,
  province: text(100),
  settings: CentreSettings,
});
export type Centre = z.infer<typeof Centre>;

export const User = z.strictObject({
  ...centreScoped,
  role: Role,
  username: z
    .string()
    .min(3)
    .max(64)
    .regex(/^[a-z0-9._-]+$/),
  displayName: requiredText(120),
  /** For a learner account: the learner record it belongs to. */
  learnerId: Id.nullable(),
});
export type User = z.infer<typeof User>;

export const ClassCategories = [
  'party',
  'state',
  'mass',
  'knowledgeUpdate',
  'conference',
  'coordinated',
] as const;
export const ClassCategory = z.enum(ClassCategories);
export type ClassCategory = z.infer<typeof ClassCategory>;

export const ClassType = z.strictObject({
  ...centreScoped,
  nameVi: requiredText(200),
  nameEn: text(200),
  category: ClassCategory,
  defaultThreshold: Ratio,
});
export type ClassType = z.infer<typeof ClassType>;

export const PlanItem = z.strictObject({
  ...centreScoped,
  year: z.int().min(2000).max(2100),
  classTypeId: Id,
  plannedClasses: z.int().min(0).max(10_000),
  plannedLearners: z.int().min(0).max(1_000_000),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const ClassStatus = z.enum(['planned', 'open', 'closed', 'cancelled']);
export type ClassStatus = z.infer<typeof ClassStatus>;

export const Class = z.strictObject({
  ...centreScoped,
  code: requiredText(40),
  name: requiredText(300),
  classTypeId: Id,
  year: z.int().min(2000).max(2100),
  commune: text(120),
  location: text(200),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  status: ClassStatus,
  threshold: Ratio,
  coordinatingBody: text(200),
  instructorIds: z.array(Id).max(50),
});
export type Class = z.infer<typeof Class>;

export const Gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof Gender>;
/** đảng viên chính thức / dự bị, quần chúng ưu tú (membership candidate), or not a member. */
export const PartyStatus = z.enum(['none', 'candidate', 'probationary', 'full']);
export type PartyStatus = z.infer<typeof PartyStatus>;

export const Learner = z.strictObject({
  ...centreScoped,
  fullName: requiredText(120),
  familyName: text(40),
  middleName: text(80),
  givenName: text(40),
  birthDate: IsoDate.nullable(),
  gender: Gender.nullable(),
  position: text(200),
  unit: text(200),
  phone: text(20),
  partyStatus: PartyStatus,
});
export type Learner = z.infer<typeof Learner>;

export const EnrollmentStatus = z.enum(['summoned', 'enrolled', 'withdrawn']);
export type EnrollmentStatus = z.infer<typeof EnrollmentStatus>;

export const Enrollment = z.strictObject({
  ...centreScoped,
  classId: Id,
  learnerId: Id,
  status: EnrollmentStatus,
  /** Came without being summoned; the centre reviews it (and may merge the learner with an existing one). */
  walkIn: z.boolean(),
});
export type Enrollment = z.infer<typeof Enrollment>;

export const PartOfDay = z.enum(['morning', 'afternoon', 'evening']);
export type PartOfDay = z.infer<typeof PartOfDay>;

export const Session = z.strictObject({
  ...centreScoped,
  classId: Id,
  date: IsoDate,
  partOfDay: PartOfDay,
  /** Teaching periods (tiết) in this session; a half-day buổi is usually 5. */
  periods: z.int().min(1).max(12),
  topic: text(300),
  instructorId: Id.nullable(),
  location: text(200),
  cancelled: z.boolean(),
  /** For a make-up session (học bù): the session it replaces. */
  replacesSessionId: Id.nullable(),
});
export type Session = z.infer<typeof Session>;

export { MarkStatuses };
export const MarkStatus = z.enum(MarkStatuses);
export type MarkStatus = z.infer<typeof MarkStatus>;

export const AttendanceMark = z.strictObject({
  ...centreScoped,
  sessionId: Id,
  learnerId: Id,
  status: MarkStatus,
  note: text(500),
  markedBy: Id,
  markedAt: IsoDateTime,
});
export type AttendanceMark = z.infer<typeof AttendanceMark>;

/** Photos the app accepts as evidence; the device re-encodes a camera picture to JPEG well under the limit. */
export const AttachmentMime = z.enum(['image/jpeg', 'image/png', 'image/webp']);
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/**
 * A photo kept with a session as evidence (the signed sign-in sheet). The record syncs like any other; the bytes
 * travel apart (PUT/GET /api/files/:id), so a page of records never carries images.
 */
export const Attachment = z.strictObject({
  ...centreScoped,
  sessionId: Id,
  kind: z.enum(['signInSheet']),
  mime: AttachmentMime,
  size: z.int().min(1).max(MAX_ATTACHMENT_BYTES),
  takenBy: Id,
  takenAt: IsoDateTime,
});
export type Attachment = z.infer<typeof Attachment>;

/** The level a dossier asks to be recognised as equivalent to: Sơ cấp (elementary) or Trung cấp lý luận chính trị. */
export const EquivalentLevels = ['elementary', 'intermediate'] as const;
export const EquivalentLevel = z.enum(EquivalentLevels);
export type EquivalentLevel = z.infer<typeof EquivalentLevel>;

export const DossierOutcomes = ['pending', 'recognised', 'notRecognised'] as const;
export const DossierOutcome = z.enum(DossierOutcomes);
export type DossierOutcome = z.infer<typeof DossierOutcome>;

/**
 * A dossier for recognition of equivalent training (hồ sơ xét công nhận tương đương, seed 001: 196 considered, 151
 * recognised). The person is often not a learner of the centre (they studied elsewhere), so the name is the record's
 * own and `learnerId` links one only when there is one. Counted in the period of its decision (src/domain/equivalence.ts).
 */
export const Dossier = z.strictObject({
  ...centreScoped,
  fullName: requiredText(120),
  learnerId: Id.nullable(),
  unit: text(200),
  level: EquivalentLevel,
  receivedDate: IsoDate,
  decisionDate: IsoDate.nullable(),
  outcome: DossierOutcome,
  /** Số quyết định, e.g. "08-QĐ/TTCT". */
  decisionRef: text(60),
  note: text(500),
});
export type Dossier = z.infer<typeof Dossier>;

/** Every synced record kind, by the name used in the protocol, the Dexie table and the server table. */
export const entitySchemas = {
  centres: Centre,
  users: User,
  classTypes: ClassType,
  planItems: PlanItem,
  classes: Class,
  learners: Learner,
  enrollments: Enrollment,
  sessions: Session,
  marks: AttendanceMark,
  attachments: Attachment,
  dossiers: Dossier,
} as const;
export type EntityName = keyof typeof entitySchemas;
export const entityNames = Object.keys(entitySchemas) as EntityName[];
export type EntityRecord<E extends EntityName> = z.infer<(typeof entitySchemas)[E]>;
