// The sync protocol's messages, parsed at the boundary on both sides. Rules are numbered in SPEC.md.
import { z } from 'zod';
import { entitySchemas } from '../domain/entities.ts';
import { HLC_PATTERN } from './hlc.ts';

/** Bumped when a message changes shape; a client older than the server's minimum is told to update (see SPEC.md). */
export const PROTOCOL_VERSION = 1;

export const PULL_PAGE_DEFAULT = 2000;
export const PULL_PAGE_MAX = 5000;

/** Tombstones are kept this long, far beyond any realistic time offline; a cursor older than that must reset. */
export const TOMBSTONE_RETENTION_DAYS = 90;

export const PullQuery = z.strictObject({
  /** The last version this device has applied; 0 for a first download. */
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(PULL_PAGE_MAX).default(PULL_PAGE_DEFAULT),
});
export type PullQuery = z.infer<typeof PullQuery>;

const changeLists = Object.fromEntries(
  Object.entries(entitySchemas).map(([name, schema]) => [name, z.array(schema).optional()]),
) as { [E in keyof typeof entitySchemas]: z.ZodOptional<z.ZodArray<(typeof entitySchemas)[E]>> };

export const PullResponse = z.strictObject({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  /** Pass back as `cursor` to get what changed after this page. */
  cursor: z.int().min(0),
  hasMore: z.boolean(),
  /** Changed records by entity; deleted ones arrive with `deleted: true` (tombstones). */
  changes: z.strictObject(changeLists),
  /**
   * The cursor cannot be continued (older than the purged tombstones, or ahead of a server restored from an older
   * backup): the device drops its copy of the data, keeps its outbox, and downloads again from cursor 0 (PULL4).
   */
  reset: z.literal(true).optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** The oldest client protocol the server still accepts; older clients are told to update and keep their outbox. */
export const MIN_CLIENT_PROTOCOL = 1;

/** Limits of one push: a device with more pending sends several batches, oldest first. */
export const PUSH_MAX_MUTATIONS = 1000;
export const PUSH_MAX_BYTES = 1024 * 1024;

/** Fields the server sets itself; a mutation may not write them. */
export const SERVER_FIELDS = ['id', 'centreId', 'updatedAt'] as const;

/** A mutation as it travels. Its id is not sent: both sides derive it from the device id and seq (mutationId). */
export const WireMutation = z.strictObject({
  /** Position in the device's outbox, from 1 without gaps; the server remembers the last one applied per device. */
  seq: z.int().min(1),
  entity: z.enum(
    Object.keys(entitySchemas) as [keyof typeof entitySchemas, ...(keyof typeof entitySchemas)[]],
  ),
  recordId: z.uuid(),
  /** The changed fields with their new values (all fields when the record is created). */
  fields: z.record(z.string().max(40), z.unknown()),
  hlc: z.string().regex(HLC_PATTERN),
});
export type WireMutation = z.infer<typeof WireMutation>;

/** A mutation with its id (the idempotency key): a replay with the same id is answered as before, not re-applied. */
export type Mutation = WireMutation & { id: string };

export const PushRequest = z.strictObject({
  protocolVersion: z.int(),
  deviceId: z.uuid(),
  mutations: z.array(WireMutation).max(PUSH_MAX_MUTATIONS),
  /**
   * Set when the device no longer holds the mutations the server asks for (a server restored from an older backup
   * after the device pruned its sent archive): the server then accepts the first seq sent as the next one.
   */
  acceptGap: z.boolean().optional(),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const RejectReasons = {
  /** The record that would result breaks the schema (a required field missing, a wrong type, …). */
  invalid: 'invalid',
  /** The user may not write this record. */
  forbidden: 'forbidden',
  /** The record points at something that does not exist (a session, a learner, …). */
  badReference: 'badReference',
} as const;
export type RejectReason = (typeof RejectReasons)[keyof typeof RejectReasons];

export const PushOutcome = z.enum(['applied', 'superseded', 'duplicate', 'rejected']);
export type PushOutcome = z.infer<typeof PushOutcome>;

/** The answer for one mutation, identified by its seq. */
export const PushResult = z.strictObject({
  seq: z.int(),
  outcome: PushOutcome,
  reason: z.enum(Object.values(RejectReasons) as [RejectReason, ...RejectReason[]]).optional(),
  /** For `invalid`: which field broke which rule. */
  detail: z.string().optional(),
});
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = z.strictObject({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  /** The last seq of this device the server has applied; everything up to it may leave the outbox. */
  lastSeq: z.int().min(0),
  results: z.array(PushResult),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** A file of pending changes saved on a device, to carry to the server another way (USB, a chat app). */
export const PendingFile = z.strictObject({
  format: z.literal('diem-danh-pending'),
  protocolVersion: z.int(),
  deviceId: z.uuid(),
  userId: z.uuid(),
  exportedAt: z.iso.datetime({ offset: true }),
  mutations: z.array(WireMutation).max(100_000),
});
export type PendingFile = z.infer<typeof PendingFile>;
