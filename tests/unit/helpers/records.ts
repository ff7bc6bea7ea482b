// Records for app tests, shaped as staff would enter them: only what a test cares about is given.
import type { Class, Learner, Session } from '../../../src/domain/entities.ts';
import { newId } from '../../../src/domain/ids.ts';
import { splitFullName } from '../../../src/domain/vietnamese-text.ts';

/** A learner with the name parts split the Vietnamese way and everything else blank, unless `fields` says. */
export function learnerNamed(
  fullName: string,
  fields: Pick<Learner, 'centreId' | 'updatedAt'> & Partial<Learner>,
): Learner {
  return {
    id: newId(),
    deleted: false,
    fullName,
    ...splitFullName(fullName),
    birthDate: null,
    gender: null,
    position: '',
    unit: '',
    phone: '',
    partyStatus: 'none',
    ...fields,
  };
}

type Owned = Pick<Class, 'centreId' | 'updatedAt'>;

/** An open class of 2026 with nothing else filled in, unless `fields` says. */
export function classRecord(fields: Owned & Partial<Class>): Class {
  return {
    id: newId(),
    deleted: false,
    code: 'NTVĐ-01',
    name: 'Lớp Nhận thức về Đảng',
    classTypeId: newId(),
    year: 2026,
    commune: '',
    location: '',
    startDate: '2026-11-23',
    endDate: '2026-11-27',
    status: 'open',
    threshold: 0.8,
    coordinatingBody: '',
    instructorIds: [],
    ...fields,
  };
}

/** A morning session of a class on a date, with nothing else filled in, unless `fields` says. */
export function sessionRecord(fields: Owned & Pick<Session, 'classId' | 'date'> & Partial<Session>): Session {
  return {
    id: newId(),
    deleted: false,
    partOfDay: 'morning',
    periods: 5,
    topic: '',
    instructorId: null,
    location: '',
    cancelled: false,
    replacesSessionId: null,
    ...fields,
  };
}
