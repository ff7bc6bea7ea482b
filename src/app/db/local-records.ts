// Reading and writing synced records inside one transaction, whatever table holds them: a record of most kinds is a
// row of its own table, a mark is an entry of its session's roll. Writes are gathered and stored at `flush`, so a
// page of 5,000 marks or "everyone remaining present" puts each touched roll once.

import type { AttendanceMark } from '../../domain/entities.ts';
import { type EntityName, entityNames } from '../../domain/entities.ts';
import { type AppDb, type PlainEntity, plainTable, type Roll } from './app-db.ts';

type AnyRecord = Record<string, unknown> & { id: string };

export const plainEntities = entityNames.filter((e): e is PlainEntity => e !== 'marks');

/** Every table that holds synced records, for a transaction's scope. */
export const recordTables = (db: AppDb) => [...plainEntities.map((e) => plainTable(db, e)), db.rolls];

/** Where a record is found: its kind and id, and for a mark its session and learner. */
export type RecordKey =
  | { entity: PlainEntity; recordId: string }
  | { entity: 'marks'; recordId: string; sessionId: string; learnerId: string };

/** The tables holding these records, for the scope of a transaction that reads and writes only them. */
export function tablesHolding(db: AppDb, keys: RecordKey[]) {
  return [...new Set(keys.map((k) => k.entity))].map((e) => (e === 'marks' ? db.rolls : plainTable(db, e)));
}

/**
 * The records one transaction reads and writes. Everything it touches is loaded first (`load`, one bulk read per
 * table), then read and changed synchronously, then stored at `flush`: awaiting anything but Dexie's own promises
 * inside a transaction can let IndexedDB commit it early (Dexie's PrematureCommitError).
 */
export class LocalRecords {
  private readonly plain = new Map<PlainEntity, Map<string, AnyRecord | undefined>>();
  private readonly rolls = new Map<string, Roll>();
  private readonly dirtyPlain = new Map<PlainEntity, Set<string>>();
  private readonly dirtyRolls = new Set<string>();

  constructor(private readonly db: AppDb) {}

  /** Reads these records (for a mark, its session's roll) so that `get` and `put` can use them. */
  async load(keys: RecordKey[]): Promise<void> {
    const sessions = [...new Set(keys.flatMap((k) => (k.entity === 'marks' ? [k.sessionId] : [])))].filter(
      (id) => !this.rolls.has(id),
    );
    // Only when there are rolls to read: the transaction may not include the rolls table.
    const rolls =
      sessions.length > 0 &&
      this.db.rolls.bulkGet(sessions).then((found) => {
        sessions.forEach((sessionId, i) => {
          this.rolls.set(sessionId, found[i] ?? { sessionId, marks: {} });
        });
      });
    const plain = plainEntities.map((entity) => {
      const cache = this.plain.get(entity) ?? new Map<string, AnyRecord | undefined>();
      this.plain.set(entity, cache);
      const ids = [...new Set(keys.filter((k) => k.entity === entity).map((k) => k.recordId))].filter(
        (id) => !cache.has(id),
      );
      if (ids.length === 0) return null;
      return plainTable(this.db, entity)
        .bulkGet(ids)
        .then((found) => {
          ids.forEach((id, i) => {
            cache.set(id, found[i] as AnyRecord | undefined);
          });
        });
    });
    await Promise.all([rolls, ...plain]);
  }

  get(key: RecordKey): AnyRecord | undefined {
    if (key.entity === 'marks') return this.roll(key.sessionId).marks[key.learnerId] as AnyRecord | undefined;
    return this.plain.get(key.entity)?.get(key.recordId);
  }

  /** Replaces a record; for a mark, its roll must have been loaded (a page of marks names its sessions). */
  put(entity: EntityName, record: AnyRecord): void {
    if (entity === 'marks') {
      const mark = record as unknown as AttendanceMark;
      this.roll(mark.sessionId).marks[mark.learnerId] = mark;
      this.dirtyRolls.add(mark.sessionId);
      return;
    }
    const cache = this.plain.get(entity) ?? new Map<string, AnyRecord | undefined>();
    this.plain.set(entity, cache.set(record.id, record));
    this.dirtyPlain.set(entity, (this.dirtyPlain.get(entity) ?? new Set<string>()).add(record.id));
  }

  /**
   * Takes these rolls as what is stored, without reading them (see write-guess.ts): copies, so that the rolls given
   * stay as they are.
   */
  assume(rolls: Roll[]): void {
    for (const roll of rolls) this.rolls.set(roll.sessionId, { ...roll, marks: { ...roll.marks } });
  }

  /** The rolls changed by `put` and not stored yet (for a write that stores them itself). */
  changedRolls(): Roll[] {
    return [...this.dirtyRolls].map((id) => this.rolls.get(id)!);
  }

  /** Stores every record put, all requests issued at once (IndexedDB applies them in order). */
  async flush(): Promise<void> {
    const writes: Promise<unknown>[] = [...this.dirtyPlain].map(([entity, ids]) => {
      const cache = this.plain.get(entity)!;
      return plainTable(this.db, entity).bulkPut([...ids].map((id) => cache.get(id)!));
    });
    const rolls = this.changedRolls();
    // Only when there is a roll to write: the transaction may not include the rolls table.
    if (rolls.length > 0) writes.push(this.db.rolls.bulkPut(rolls));
    this.dirtyPlain.clear();
    this.dirtyRolls.clear();
    await Promise.all(writes);
  }

  private roll(sessionId: string): Roll {
    const roll = this.rolls.get(sessionId);
    if (!roll) throw new Error(`roll ${sessionId} read before it was loaded`);
    return roll;
  }
}

/** The marks of one session on this device, by learner id (deleted ones included). */
export async function rollMarks(db: AppDb, sessionId: string): Promise<Record<string, AttendanceMark>> {
  return (await db.rolls.get(sessionId))?.marks ?? {};
}

/** Every mark on this device (for reports over many sessions, and tests). */
export async function allMarks(db: AppDb): Promise<AttendanceMark[]> {
  return (await db.rolls.toArray()).flatMap((r) => Object.values(r.marks));
}
