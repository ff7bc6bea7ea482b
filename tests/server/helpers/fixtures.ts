// Two small centres with one user of each role, for authorisation and sync tests. Centre A's instructor teaches
// class A1 only; its learner is enrolled in A1 only. Centre B mirrors A.

import {
  type Attachment,
  type AttendanceMark,
  type Class,
  type ClassType,
  DEFAULT_CENTRE_SETTINGS,
  type Dossier,
  type Enrollment,
  type Learner,
  type PlanItem,
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

export function classWith(
  centreId: string,
  classTypeId: string,
  code: string,
  instructorIds: string[],
): Class {
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

export function learnerNamed(centreId: string, fullName: string): Learner {
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

export const sessionOf = (cls: Class, instructorId: string): Session => ({
  ...base(cls.centreId),
  classId: cls.id,
  date: '2026-01-05',
  partOfDay: 'morning',
  periods: 5,
  topic: 'Chuyên đề 1',
  instructorId,
  location: 'Hội trường',
  cancelled: false,
  replacesSessionId: null,
});

export const enrollmentOf = (cls: Class, learner: Learner): Enrollment => ({
  ...base(cls.centreId),
  classId: cls.id,
  learnerId: learner.id,
  status: 'enrolled',
  walkIn: false,
});

export const markOf = (session: Session, learner: Learner, markedBy: string): AttendanceMark => ({
  ...base(session.centreId),
  id: markId(session.id, learner.id),
  sessionId: session.id,
  learnerId: learner.id,
  status: 'present',
  note: '',
  markedBy,
  markedAt: NOW,
});

export const attachmentOn = (session: Session, takenBy: string): Attachment => ({
  ...base(session.centreId),
  sessionId: session.id,
  kind: 'signInSheet',
  mime: 'image/jpeg',
  size: 3,
  takenBy,
  takenAt: NOW,
});

export const classTypeIn = (centreId: string): ClassType => ({
  ...base(centreId),
  nameVi: 'Nhận thức về Đảng',
  nameEn: 'Understanding the Party',
  category: 'party',
  defaultThreshold: 0.8,
});

export const planItemFor = (centreId: string, classTypeId: string): PlanItem => ({
  ...base(centreId),
  year: 2026,
  classTypeId,
  plannedClasses: 2,
  plannedLearners: 80,
});

export const dossierOf = (learner: Learner): Dossier => ({
  ...base(learner.centreId),
  fullName: learner.fullName,
  learnerId: learner.id,
  unit: learner.unit,
  level: 'elementary',
  receivedDate: '2026-01-05',
  decisionDate: null,
  outcome: 'pending',
  decisionRef: '',
  note: '',
});

export const userIn = (
  centreId: string,
  role: Role,
  username: string,
  learnerId: string | null = null,
): User => ({
  ...base(centreId),
  role,
  username,
  displayName: `${role} ${username}`,
  learnerId,
});

function classBundle(cls: Class, learner: Learner, instructor: User): ClassBundle {
  const session = sessionOf(cls, instructor.id);
  return {
    class: cls,
    session,
    enrollment: enrollmentOf(cls, learner),
    learner,
    mark: markOf(session, learner, instructor.id),
    attachment: attachmentOn(session, instructor.id),
  };
}

export async function seedCentre(db: Db, label: string): Promise<CentreFixture> {
  const centreId = newId();
  const user = (role: Role, username: string, learnerId: string | null = null): User => ({
    ...userIn(centreId, role, `${username}.${label}`, learnerId),
    displayName: `${role} ${label}`,
  });
  const learnerMine = learnerNamed(centreId, 'Nguyễn Thị Hoà');
  const learnerOther = learnerNamed(centreId, 'Trần Văn Đức');
  const users = {
    admin: user('admin', 'admin'),
    instructor: user('instructor', 'gv'),
    otherInstructor: user('instructor', 'gv2'),
    learner: user('learner', 'hv', learnerMine.id),
  };
  const classType = classTypeIn(centreId);
  const classTypeId = classType.id;
  const planItem = planItemFor(centreId, classTypeId);
  const dossier = dossierOf(learnerMine);
  const mine = classBundle(
    classWith(centreId, classTypeId, `A1-${label}`, [users.instructor.id]),
    learnerMine,
    users.instructor,
  );
  const others = classBundle(
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
    await insertRecords(tx, 'classTypes', centreId, [classType]);
    await insertRecords(tx, 'planItems', centreId, [planItem]);
    await insertRecords(tx, 'learners', centreId, [learnerMine, learnerOther]);
    await insertRecords(tx, 'users', centreId, Object.values(users), () => ({ passwordHash }));
    await insertRecords(tx, 'classes', centreId, [mine.class, others.class]);
    await insertRecords(tx, 'enrollments', centreId, [mine.enrollment, others.enrollment]);
    await insertRecords(tx, 'sessions', centreId, [mine.session, others.session]);
    await insertRecords(tx, 'marks', centreId, [mine.mark, others.mark]);
    await insertRecords(tx, 'attachments', centreId, [mine.attachment, others.attachment]);
    await insertRecords(tx, 'dossiers', centreId, [dossier]);
  });
  return { centreId, users, classTypeId, planItemId: planItem.id, dossierId: dossier.id, mine, others };
}
