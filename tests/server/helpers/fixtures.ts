// Two small centres with one user of each role, for authorisation and sync tests. Centre A's instructor teaches
// class A1 only; its learner is enrolled in A1 only. Centre B mirrors A.

import {
  type Attachment,
  type AttendanceMark,
  type Class,
  DEFAULT_CENTRE_SETTINGS,
  type Enrollment,
  type Learner,
  type Role,
  type Session,
  type User,
} from '../../../src/domain/entities.ts';
import { markId, newId } from '../../../src/domain/ids.ts';
import { hashPassword } from '../../../src/server/auth/passwords.ts';
import type { Db } from '../../../src/server/db/database.ts';
import { insertCentre, insertRecords } from '../../../src/server/db/records.ts';

export const PASSWORD = 'mat-khau-dung';
const NOW = '2026-01-05T08:00:00.000Z';
const base = (centreId: string) => ({ id: newId(), centreId, updatedAt: NOW, deleted: false });

export interface ClassBundle {
  class: Class;
  session: Session;
  enrollment: Enrollment;
  learner: Learner;
  mark: AttendanceMark;
  attachment: Attachment;
}

export interface CentreFixture {
  centreId: string;
  users: Record<'admin' | 'instructor' | 'otherInstructor' | 'learner', User>;
  classTypeId: string;
  planItemId: string;
  /** A recognition dossier of the learner of `mine`. */
  dossierId: string;
  /** The class taught by `instructor` and attended by `learner`. */
  mine: ClassBundle;
  /** A class of the same centre that neither the instructor nor the learner belongs to. */
  others: ClassBundle;
}

function classWith(centreId: string, classTypeId: string, code: string, instructorIds: string[]): Class {
  return {
    ...base(centreId),
    code,
    name: `Lớp ${code}`,
    classTypeId,
    year: 2026,
    commune: 'Đăk Ruồng',
    location: 'Hội trường xã',
    startDate: '2026-01-05',
    endDate: '2026-01-09',
    status: 'open',
    threshold: 0.8,
    coordinatingBody: '',
    instructorIds,
  };
}

function learnerNamed(centreId: string, fullName: string): Learner {
  const [familyName = '', ...rest] = fullName.split(' ');
  return {
    ...base(centreId),
    fullName,
    familyName,
    middleName: rest.slice(0, -1).join(' '),
    givenName: rest[rest.length - 1] ?? '',
    birthDate: '1990-03-15',
    gender: 'female',
    position: 'Bí thư chi đoàn',
    unit: 'Chi bộ thôn 1',
    phone: '0905123456',
    partyStatus: 'candidate',
  };
}

function classBundle(centreId: string, cls: Class, learner: Learner, instructor: User): ClassBundle {
  const session: Session = {
    ...base(centreId),
    classId: cls.id,
    date: '2026-01-05',
    partOfDay: 'morning',
    periods: 5,
    topic: 'Chuyên đề 1',
    instructorId: instructor.id,
    location: 'Hội trường',
    cancelled: false,
    replacesSessionId: null,
  };
  const enrollment: Enrollment = {
    ...base(centreId),
    classId: cls.id,
    learnerId: learner.id,
    status: 'enrolled',
    walkIn: false,
  };
  const mark: AttendanceMark = {
    ...base(centreId),
    id: markId(session.id, learner.id),
    sessionId: session.id,
    learnerId: learner.id,
    status: 'present',
    note: '',
    markedBy: instructor.id,
    markedAt: NOW,
  };
  const attachment: Attachment = {
    ...base(centreId),
    sessionId: session.id,
    kind: 'signInSheet',
    mime: 'image/jpeg',
    size: 3,
    takenBy: instructor.id,
    takenAt: NOW,
  };
  return { class: cls, session, enrollment, learner, mark, attachment };
}

export async function seedCentre(db: Db, label: string): Promise<CentreFixture> {
  const centreId = newId();
  const user = (role: Role, username: string, learnerId: string | null = null): User => ({
    ...base(centreId),
    role,
    username: `${username}.${label}`,
    displayName: `${role} ${label}`,
    learnerId,
  });
  const learnerMine = learnerNamed(centreId, 'Nguyễn Thị Hoà');
  const learnerOther = learnerNamed(centreId, 'Trần Văn Đức');
  const users = {
    admin: user('admin', 'admin'),
    instructor: user('instructor', 'gv'),
    otherInstructor: user('instructor', 'gv2'),
    learner: user('learner', 'hv', learnerMine.id),
  };
  const classTypeId = newId();
  const planItemId = newId();
  const dossierId = newId();
  const mine = classBundle(
    centreId,
    classWith(centreId, classTypeId, `A1-${label}`, [users.instructor.id]),
    learnerMine,
    users.instructor,
  );
  const others = classBundle(
    centreId,
    classWith(centreId, classTypeId, `A2-${label}`, [users.otherInstructor.id]),
    learnerOther,
    users.otherInstructor,
  );
  const passwordHash = await hashPassword(PASSWORD);
  await db.transaction(async (tx) => {
    await insertCentre(tx, {
      id: centreId,
      updatedAt: NOW,
      deleted: false,
      name: `Trung tâm Chính trị ${label}`,
      level: 'commune',
      province: 'Kon Tum',
      settings: DEFAULT_CENTRE_SETTINGS,
    });
    await insertRecords(tx, 'classTypes', centreId, [
      {
        ...base(centreId),
        id: classTypeId,
        nameVi: 'Nhận thức về Đảng',
        nameEn: 'Understanding the Party',
        category: 'party',
        defaultThreshold: 0.8,
      },
    ]);
    await insertRecords(tx, 'planItems', centreId, [
      { ...base(centreId), id: planItemId, year: 2026, classTypeId, plannedClasses: 2, plannedLearners: 80 },
    ]);
    await insertRecords(tx, 'learners', centreId, [learnerMine, learnerOther]);
    await insertRecords(tx, 'users', centreId, Object.values(users), () => ({ passwordHash }));
    await insertRecords(tx, 'classes', centreId, [mine.class, others.class]);
    await insertRecords(tx, 'enrollments', centreId, [mine.enrollment, others.enrollment]);
    await insertRecords(tx, 'sessions', centreId, [mine.session, others.session]);
    await insertRecords(tx, 'marks', centreId, [mine.mark, others.mark]);
    await insertRecords(tx, 'attachments', centreId, [mine.attachment, others.attachment]);
    await insertRecords(tx, 'dossiers', centreId, [
      {
        ...base(centreId),
        id: dossierId,
        fullName: learnerMine.fullName,
        learnerId: learnerMine.id,
        unit: learnerMine.unit,
        level: 'elementary',
        receivedDate: '2026-01-05',
        decisionDate: null,
        outcome: 'pending',
        decisionRef: '',
        note: '',
      },
    ]);
  });
  return { centreId, users, classTypeId, planItemId, dossierId, mine, others };
}
