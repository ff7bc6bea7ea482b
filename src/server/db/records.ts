// Converts between table rows and domain records, and writes records with commit-ordered versions. Server-only
// columns (version, password hash) never leave this module in a record.
import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Centre, EntityName, EntityRecord } from '../../domain/entities.ts';
import type { Tx } from './database.ts';
import { centres, entityTables, scopeVersions } from './schema.ts';

export const SERVER_ONLY_COLUMNS = new Set(['version', 'clocks', 'passwordHash']);

export function toRecord<E extends EntityName>(_entity: E, row: Record<string, unknown>): EntityRecord<E> {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (SERVER_ONLY_COLUMNS.has(key)) continue;
    record[key] = value instanceof Date ? value.toISOString() : value;
  }
  return record as EntityRecord<E>;
}

/**
 * Server-only columns of a stored row that a synced write keeps as they are: the write upserts the whole row, and
 * the password hash is never part of a record.
 */
export const KEPT_COLUMNS = ['passwordHash'] as const;

export const keptColumns = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(KEPT_COLUMNS.filter((field) => field in row).map((field) => [field, row[field]]));

const TIMESTAMP_FIELDS = new Set(['updatedAt', 'markedAt', 'takenAt']);

/** A domain record as a table row, with its version (and, for synced writes, the fields' HLC stamps). */
export function toRow(
  record: Record<string, unknown>,
  version: number,
  clocks?: Record<string, string>,
): Record<string, unknown> {
  const row: Record<string, unknown> = { version, ...(clocks && { clocks }) };
  for (const [key, value] of Object.entries(record)) {
    row[key] = TIMESTAMP_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value;
  }
  return row;
}

/**
 * Reserves `count` consecutive versions of a centre and returns the first. The row lock taken by the UPDATE is held
 * until the transaction ends, so a later writer of the same centre gets higher versions only after this one commits:
 * pull cursors can then never skip a row.
 */
export async function allocateVersions(tx: Tx, centreId: string, count: number): Promise<number> {
  const [row] = await tx
    .update(scopeVersions)
    .set({ version: sql`${scopeVersions.version} + ${count}` })
    .where(eq(scopeVersions.centreId, centreId))
    .returning({ version: scopeVersions.version });
  if (!row) throw new Error(`No version counter for centre ${centreId}`);
  return row.version - count + 1;
}

const INSERT_CHUNK = 500;

/**
 * Inserts new records of one centre, each with its own version. `extra` adds server-only columns per record
 * (e.g. a password hash).
 */
export async function insertRecords<E extends EntityName>(
  tx: Tx,
  entity: E,
  centreId: string,
  records: EntityRecord<E>[],
  extra: (record: EntityRecord<E>) => Record<string, unknown> = () => ({}),
): Promise<void> {
  if (records.length === 0) return;
  const first = await allocateVersions(tx, centreId, records.length);
  const table = entityTables[entity] as PgTable;
  for (let i = 0; i < records.length; i += INSERT_CHUNK) {
    const rows = records
      .slice(i, i + INSERT_CHUNK)
      .map((r, j) => ({ ...toRow(r as Record<string, unknown>, first + i + j), ...extra(r) }));
    await tx.insert(table).values(rows);
  }
}

/** Creates a centre with its version counter. */
export async function insertCentre(tx: Tx, centre: Centre): Promise<void> {
  await tx.insert(centres).values(toRow(centre, 1) as typeof centres.$inferInsert);
  await tx.insert(scopeVersions).values({ centreId: centre.id, version: 1 });
}
