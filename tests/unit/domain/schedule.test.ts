// Scheduling a class's sessions at once: a week of mornings and afternoons without the weekend, topics in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PartOfDay } from '../../../src/domain/entities.ts';
import { planSessions } from '../../../src/domain/schedule.ts';
import { compareSessions } from '../../../src/domain/sessions.ts';

describe('planning sessions', () => {
  it('gives every chosen part of every working day, in time order, with the topics in order', () => {
    // 23/11/2026 is a Monday; 28 and 29 are Saturday and Sunday.
    const planned = planSessions({
      from: '2026-11-23',
      to: '2026-11-29',
      parts: ['afternoon', 'morning'],
      includeSaturdays: false,
      topics: ['Chuyên đề 1', 'Chuyên đề 2', 'Chuyên đề 3'],
    });
    expect(planned).toHaveLength(10);
    expect(planned.slice(0, 4)).toEqual([
      { date: '2026-11-23', partOfDay: 'morning', topic: 'Chuyên đề 1' },
      { date: '2026-11-23', partOfDay: 'afternoon', topic: 'Chuyên đề 2' },
      { date: '2026-11-24', partOfDay: 'morning', topic: 'Chuyên đề 3' },
      { date: '2026-11-24', partOfDay: 'afternoon', topic: 'Chuyên đề 3' },
    ]);
    expect(planned.at(-1)?.date).toBe('2026-11-27');
  });

  it('keeps Saturdays when asked, never Sundays', () => {
    const days = planSessions({
      from: '2026-11-28',
      to: '2026-11-29',
      parts: ['morning'],
      includeSaturdays: true,
      topics: [],
    }).map((s) => s.date);
    expect(days).toEqual(['2026-11-28']);
  });

  it('is sorted, within the dates, without Sundays, whatever the request', () => {
    const part = fc.constantFrom<PartOfDay>('morning', 'afternoon', 'evening');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.nat(40),
        fc.array(part, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (start, length, parts, includeSaturdays) => {
          const from = start.toISOString().slice(0, 10);
          const to = new Date(start.getTime() + length * 86_400_000).toISOString().slice(0, 10);
          const planned = planSessions({ from, to, parts, includeSaturdays, topics: ['x'] });
          expect([...planned].sort(compareSessions)).toEqual(planned);
          for (const s of planned) {
            expect(s.date >= from && s.date <= to).toBe(true);
            expect(new Date(`${s.date}T00:00:00Z`).getUTCDay()).not.toBe(0);
          }
          expect(new Set(planned.map((s) => `${s.date}/${s.partOfDay}`)).size).toBe(planned.length);
        },
      ),
      { seed: 20261125, numRuns: 200 },
    );
  });
});
