// The device's database (IndexedDB through Dexie): one table per synced record kind, mirroring src/domain, plus
// `meta` for the device's own state (session, pull cursor, device id). Only src/app/db touches Dexie.
import Dexie, { type EntityTable } from 'dexie';
import type {
  AttendanceMark,
  Centre,
  Class,
  ClassType,
  Enrollment,
  EntityName,
  Learner,
  PlanItem,
  Session,
  User,
} from '../../domain/entities.ts';

export interface MetaRow {
  key: string;
  value: unknown;
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
  marks!: EntityTable<AttendanceMark, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = 'diem-danh') {
    super(name);
    // Versions in order; each says why it exists. Never edit a published version: add the next one.
    // v1: the domain tables, indexed for the home screens and the roll, and the device's meta.
    this.version(1).stores({
      centres: 'id',
      users: 'id',
      classTypes: 'id',
      planItems: 'id, year',
      classes: 'id, year, *instructorIds',
      learners: 'id',
      enrollments: 'id, classId, learnerId',
      sessions: 'id, classId, date',
      marks: 'id, sessionId, learnerId',
      meta: 'key',
    });
  }
}

/** The table holding records of one entity kind (the table names are the protocol's entity names). */
export const entityTable = (db: AppDb, entity: EntityName) => db.table(entity);
