// The device's database (IndexedDB through Dexie): one table per synced record kind, mirroring src/domain, except
// that marks live in their session's roll (one record per session); plus `meta` for the device's own state
// (session, pull cursor, device id). Only src/app/db touches Dexie.
import Dexie, { type EntityTable } from 'dexie';
import type {
  Attachment,
  AttendanceMark,
  Centre,
  Class,
  ClassType,
  Dossier,
  Enrollment,
  EntityName,
  Learner,
  PlanItem,
  Session,
  User,
} from '../../domain/entities.ts';
import { durabilityMiddleware, FLUSH_TABLE } from './durability.ts';
import { writeStampMiddleware } from './write-stamp.ts';

export interface MetaRow {
  key: string;
  value: unknown;
  /** Only on the write stamp's row, under a unique index (device-state.ts). */
  slot?: string;
}

/**
 * A session's marks, keyed by learner id. One IndexedDB record per session rather than per mark: a centre's first
 * download is ~1,000 puts instead of ~100,000, and the roll screen reads one record. Each mark keeps its own fields
 * and id, so sync still merges per mark and per field (src/sync/SPEC.md).
 */
export interface Roll {
  sessionId: string;
  marks: Record<string, AttendanceMark>;
}

/** A photo taken on this device for an attachment record, kept until the server has its bytes (and after). */
export interface StoredFile {
  id: string;
  blob: Blob;
  /** 0 until the server has stored the bytes, then 1 (IndexedDB cannot index booleans). */
  uploaded: 0 | 1;
}

/** A change made on this device and not yet acknowledged by the server (see src/sync/SPEC.md, DEV1). */
export interface OutboxEntry {
  seq: number;
  id: string;
  entity: EntityName;
  recordId: string;
  fields: Record<string, unknown>;
  hlc: string;
  createdAt: string;
}

/** A change the server refused for good; kept, with the reason, until the user has seen it (DEV3). */
export interface RejectedEntry extends OutboxEntry {
  reason: string;
  detail?: string;
  rejectedAt: string;
}

export class AppDb extends Dexie {
  centres!: EntityTable<Centre, 'id'>;
  users!: EntityTable<User, 'id'>;
  classTypes!: EntityTable<ClassType, 'id'>;
  planItems!: EntityTable<PlanItem, 'id'>;
  classes!: EntityTable<Class, 'id'>;
  learners!: EntityTable<Learner, 'id'>;
  enrollments!: EntityTable<Enrollment, 'id'>;
  sessions!: EntityTable<Session, 'id'>;
  rolls!: EntityTable<Roll, 'sessionId'>;
  attachments!: EntityTable<Attachment, 'id'>;
  files!: EntityTable<StoredFile, 'id'>;
  dossiers!: EntityTable<Dossier, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  rejected!: EntityTable<RejectedEntry, 'id'>;
  sent!: EntityTable<OutboxEntry, 'seq'>;

  constructor(name = 'diem-danh') {
    // Durability: relaxed commits with a strict flush behind each write (durability.ts). No query cache: a tap is
    // written below Dexie (guessed-write.ts), which would leave the cache's copy of the roll stale.
    super(name, { cache: 'disabled' });
    // Versions in order; each says why it exists. Never edit a published version: add the next one.
    // Only the versions with an upgrade function and the current one are declared; the others stay here as comments.
    // Dexie parses every declared version's schema again for each one declared, on each new database object (warm, in
    // Node on the project's machine, ~2.7 ms for seven and ~0.6 ms for two; the phone's one object at start is made
    // by code not yet optimised, at 4× CPU), and it does not need them to open an older database: it reads that
    // database's own schema, adds the tables and indexes of the declared versions after it and runs their upgrades in
    // order (databases at v1, v3, v6 and the current one: tests/unit/app/db-versions.test.ts). So a declared version
    // holds the stores of the versions folded into it, and the next version without an upgrade takes the current
    // one's stores and leaves it as a comment. This bends the rule of listing every version (conventions, 4).
    // v1: the domain tables, indexed for the home screens and the roll, and the device's meta.
    // v2: the outbox of local changes waiting for the server, and the list of changes it refused.
    // v3: acknowledged changes kept for a while, to resend to a server restored from an older backup.
    // v4: marks move into one roll per session (see Roll); Dexie drops the old table after this upgrade has run.
    this.version(4)
      .stores({
        centres: 'id',
        users: 'id',
        classTypes: 'id',
        planItems: 'id, year',
        classes: 'id, year, *instructorIds',
        learners: 'id',
        enrollments: 'id, classId, learnerId',
        sessions: 'id, classId, date',
        meta: 'key',
        outbox: 'seq, recordId',
        rejected: 'id, rejectedAt',
        sent: 'seq, createdAt',
        rolls: 'sessionId',
        marks: null,
      })
      .upgrade(async (tx) => {
        const rolls = new Map<string, Roll>();
        for (const mark of (await tx.table('marks').toArray()) as AttendanceMark[]) {
          const roll = rolls.get(mark.sessionId) ?? { sessionId: mark.sessionId, marks: {} };
          roll.marks[mark.learnerId] = mark;
          rolls.set(mark.sessionId, roll);
        }
        await tx.table('rolls').bulkPut([...rolls.values()]);
      });
    // v5: photos kept as evidence for a session (the signed sheet): their records, and their bytes until uploaded.
    // v6: the register of recognition of equivalent training (hồ sơ xét công nhận tương đương), for staff.
    // v7: the one row a disk flush writes, in a table of its own so that a flush never holds up a write.
    // v8: the write stamp becomes a row of its own under a unique index, so a write can check it without reading it
    // (device-state.ts); the single row that held it goes.
    this.version(8)
      .stores({
        attachments: 'id, sessionId',
        files: 'id, uploaded',
        dossiers: 'id',
        [FLUSH_TABLE]: 'key',
        meta: 'key, &slot',
      })
      // The key v1–v7 kept the stamp under, written out: history, not the current constant.
      .upgrade((tx) => tx.table('meta').delete('writeStamp'));
    this.use(writeStampMiddleware);
    this.use(durabilityMiddleware(this));
  }
}

export type PlainEntity = Exclude<EntityName, 'marks'>;

/** The table holding records of one kind other than marks (the table names are the protocol's entity names). */
export const plainTable = (db: AppDb, entity: PlainEntity) => db.table(entity);
