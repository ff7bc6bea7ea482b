// The demo centre's plan for 2021 (13 classes, Kế hoạch 14-KH/HU) against what it opened: kind by kind, with the
// kind that fell short (Nhận thức về Đảng: 3 planned, 2 opened: "chậm hơn so với lộ trình" in seed 001).
import { describe, expect, it } from 'vitest';
import { planProgress } from '../../../src/domain/plan-progress.ts';
import { buildDemoCentre } from '../../../src/server/demo/build-demo.ts';

const demo = buildDemoCentre({ today: '2026-11-25' });
const options = { today: '2026-11-25', excusedCounts: false };

describe('plan progress', () => {
  it('puts each kind’s plan beside what it opened', () => {
    const progress = planProgress(demo, 2021, options);
    expect([progress.plannedClasses, progress.classesOpened]).toEqual([13, 12]);
    const ntvd = progress.kinds.find((k) => k.name === 'Nhận thức về Đảng')!;
    expect(ntvd).toMatchObject({
      plannedClasses: 3,
      plannedLearners: 120,
      classesOpened: 2,
      learnerPlaces: 77,
    });
    expect(ntvd.planItemId).not.toBeNull();
    expect(progress.kinds.reduce((n, k) => n + k.plannedClasses, 0)).toBe(13);
  });

  it('lists every kind for a year without a plan, with nothing planned', () => {
    const progress = planProgress(demo, 2030, options);
    expect(progress.kinds).toHaveLength(demo.classTypes.length);
    expect(
      progress.kinds.every((k) => k.planItemId === null && k.plannedClasses === 0 && k.classesOpened === 0),
    ).toBe(true);
  });

  it.each([
    ['Hội nghị học tập, quán triệt', 'conference'],
    ['Bồi dưỡng chính trị hè', 'coordinated'],
  ] as const)(
    'counts what a kind reported apart (%s) held, in lượt, against its plan',
    (nameVi, category) => {
      const kind = { id: 'k', nameVi, category, deleted: false };
      const progress = planProgress(
        {
          classTypes: [kind],
          planItems: [
            {
              id: 'p',
              year: 2026,
              classTypeId: 'k',
              plannedClasses: 4,
              plannedLearners: 800,
              deleted: false,
            },
          ],
          classes: [{ id: 'c', classTypeId: 'k', deleted: false }],
          enrollments: ['a', 'b', 'c'].map((learnerId) => ({
            classId: 'c',
            learnerId,
            status: 'summoned' as const,
            deleted: false,
          })),
          sessions: [{ id: 's', classId: 'c', date: '2026-03-02', cancelled: false, deleted: false }],
          marks: [],
        },
        2026,
        options,
      );
      expect(progress.kinds[0]).toMatchObject({
        plannedClasses: 4,
        plannedLearners: 800,
        classesOpened: 1,
        learnerPlaces: 3,
      });
      // Conferences and coordinated classes are not the centre's own: the plan's class total leaves them out, as the
      // report does.
      expect([progress.plannedClasses, progress.classesOpened]).toEqual([0, 0]);
    },
  );
});
