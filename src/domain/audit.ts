// The audit log as staff read it: every change the server made (who, when, from which device, each field old → new),
// the filters that narrow it to a class, a session, a learner or a user, and how a secret is written in it.
import { z } from 'zod';
import { Id, IsoDate } from './common.ts';
import { type EntityName, entityNames } from './entities.ts';

/**
 * What the log keeps of a secret (a password) in place of its value: only that it was set. Neither the password nor
 * its hash is ever written to the log.
 */
export const SECRET_SET = '<secret set>';

/**
 * Fields the log has beside a record's own: `password` (set, never shown), `signedInDevices` (how many of an
 * account's devices were signed in, before and after staff signed them out) and `file` (an attachment's uploaded
 * bytes, in bytes).
 */
export const ServerOnlyAuditFields = ['password', 'signedInDevices', 'file'] as const;

/** Entities the log names: the synced records. */
const AuditEntity = z.enum(entityNames as [EntityName, ...EntityName[]]);

/** `<ISO time>~<log id>`: where the next page starts (the log is read newest first). */
const AuditCursor = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z~\d{1,18}$/, 'not a cursor');

export const AuditQuery = z
  .strictObject({
    /** The class, its sessions, enrolments, marks and attachments. */
    classId: Id.optional(),
    /** The session, its marks and attachments. */
    sessionId: Id.optional(),
    /** The learner's record, enrolments, marks, dossiers and account. */
    learnerId: Id.optional(),
    /** Changes made by this user. */
    userId: Id.optional(),
    entity: AuditEntity.optional(),
    /** First and last day (Vietnam's calendar), inclusive. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    cursor: AuditCursor.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'before from' });
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditEntry = z.object({
  /** The log line's own id, for keys and the cursor. */
  id: z.int(),
  at: z.string(),
  entity: AuditEntity,
  recordId: Id,
  outcome: z.enum(['applied', 'superseded', 'rejected']),
  reason: z.string().nullable(),
  userId: Id,
  userName: z.string().nullable(),
  deviceId: Id,
  /** The name a signed-in device gave (changes made through the REST API carry their device session). */
  deviceName: z.string().nullable(),
  /** Field → [old, new]. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  /** Field → value this change wanted but lost to a newer one. */
  lost: z.record(z.string(), z.unknown()),
  /** What the record belongs to, where that applies, so the screen can name it. */
  classId: Id.nullable(),
  sessionId: Id.nullable(),
  learnerId: Id.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
