// The sync protocol's messages, parsed at the boundary on both sides. Rules are numbered in SPEC.md.
import { z } from 'zod';
import { entitySchemas } from '../domain/entities.ts';

/** Bumped when a message changes shape; a client older than the server's minimum is told to update (see SPEC.md). */
export const PROTOCOL_VERSION = 1;

export const PULL_PAGE_DEFAULT = 2000;
export const PULL_PAGE_MAX = 5000;

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
});
export type PullResponse = z.infer<typeof PullResponse>;
