// The demo centre reproduces the Kon Rẫy 2021 report (seed 001) and is internally consistent.
import { describe, expect, it } from 'vitest';
import { entitySchemas } from '../../../src/domain/entities.ts';
import { markId } from '../../../src/domain/ids.ts';
import { buildDemoCentre } from '../../../src/server/demo/build-demo.ts';

const TODAY = '2026-11-25';
const demo = buildDemoCentre({ today: TODAY });

describe('buildDemoCentre', () => {
  it('builds records that all satisfy the domain schemas', () => {
    expect(() => entitySchemas.centres.parse(demo.centre)).not.toThrow();
    const lists = {
      classTypes: demo.classTypes,
      planItems: demo.planItems,
      classes: demo.classes,
      learners: demo.learners,
      enrollments: demo.enrollments,
      sessions: demo.sessions,
      marks: demo.marks,
      users: demo.users.map(({ password: _p, ...u }) => u),
    } as const;
    for (const [entity, records] of Object.entries(lists)) {
      for (const r of records) entitySchemas[entity as keyof typeof lists].parse(r);
    }
  });

  it('holds the 2021 year of the report: 12 classes, 522 learner places, per kind as reported', () => {
    const classes2021 = demo.classes.filter((c) => c.year === 2021);
    expect(classes2021).toHaveLength(12);
    const places = (classId: string) => demo.enrollments.filter((e) => e.classId === classId).length;
    expect(classes2021.reduce((n, c) => n + places(c.id), 0)).toBe(522);
    const perKind = demo.classTypes.map((k) => {
      const ofKind = classes2021.filter((c) => c.classTypeId === k.id);
      return [k.nameVi, ofKind.length, ofKind.reduce((n, c) => n + places(c.id), 0)];
    });
    expect(perKind.filter(([, n]) => n !== 0)).toEqual([
      ['Nhận thức về Đảng', 2, 77],
      ['Bồi dưỡng công tác Đảng cho Bí thư chi bộ và cấp ủy viên cơ sở', 1, 42],
      ['Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Dân vận ở cơ sở', 1, 55],
      ['Bồi dưỡng nghiệp vụ công tác Đoàn ở cơ sở', 1, 50],
      ['Bồi dưỡng nghiệp vụ công tác Tuyên giáo và tuyên truyền miệng ở cơ sở', 1, 50],
      ['Bồi dưỡng nghiệp vụ công tác Đội', 1, 30],
      ['Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Mặt trận ở cơ sở', 1, 50],
      ['Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Hội Nông dân ở cơ sở', 1, 50],
      ['Bồi dưỡng lý luận chính trị và chuyên môn nghiệp vụ công tác Công đoàn', 1, 50],
      ['Đảng viên mới', 1, 33],
      ['Sơ cấp lý luận chính trị', 1, 35],
    ]);
    for (const c of classes2021) {
      expect(demo.sessions.some((s) => s.classId === c.id && !s.cancelled)).toBe(true);
    }
  });

  it('keys every mark by session and learner, for a learner enrolled in that class', () => {
    const sessionClass = new Map(demo.sessions.map((s) => [s.id, s.classId]));
    const enrolled = new Set(demo.enrollments.map((e) => `${e.classId}/${e.learnerId}`));
    for (const m of demo.marks) {
      expect(m.id).toBe(markId(m.sessionId, m.learnerId));
      expect(enrolled.has(`${sessionClass.get(m.sessionId)}/${m.learnerId}`)).toBe(true);
    }
    expect(new Set(demo.marks.map((m) => m.id)).size).toBe(demo.marks.length);
  });

  it('gives the two instructors different classes and the learner a current class and a 2021 one', () => {
    const [, lan, minh, learner] = demo.users;
    const taught = (id: string) => demo.classes.filter((c) => c.instructorIds.includes(id)).map((c) => c.id);
    expect(taught(lan!.id)).not.toEqual(taught(minh!.id));
    const current = demo.classes.filter((c) => c.year === 2026);
    expect(current).toHaveLength(2);
    const own = demo.enrollments
      .filter((e) => e.learnerId === learner!.learnerId)
      .map((e) => demo.classes.find((c) => c.id === e.classId)!.year);
    expect(own.sort()).toEqual([2021, 2026]);
    const upcoming = demo.sessions.filter((s) => s.classId === current[0]!.id && s.date >= TODAY);
    expect(upcoming.length).toBeGreaterThan(0);
  });

  it('is the same for the same day, but for the ids', () => {
    const again = buildDemoCentre({ today: TODAY });
    const names = (d: typeof demo) => d.learners.map((l) => l.fullName);
    expect(names(again)).toEqual(names(demo));
    expect(again.marks.map((m) => m.status)).toEqual(demo.marks.map((m) => m.status));
  });
});
