// A class's attendance matrix: cancelled sessions are not columns, sessions to come are empty, each learner's verdict
// against the threshold follows the rules of shared/domain.md (late and left-early attend; excused only if the
// centre says so; a session weighs its teaching periods).
import { describe, expect, it } from 'vitest';
import { attendanceMatrix } from '../../../src/domain/attendance-matrix.ts';
import type { MarkStatus } from '../../../src/domain/entities.ts';

const session = (id: string, date: string, periods = 5, cancelled = false) => ({
  id,
  date,
  partOfDay: 'morning' as const,
  periods,
  cancelled,
  deleted: false,
});
const sessions = [
  session('s3', '2026-11-26'),
  session('s1', '2026-11-23'),
  session('sX', '2026-11-23', 5, true),
  session('s2', '2026-11-24'),
];
const mark = (sessionId: string, learnerId: string, status: MarkStatus) => ({
  sessionId,
  learnerId,
  status,
  deleted: false,
});

const input = {
  sessions,
  learnerIds: ['an', 'binh', 'chi'],
  marks: [
    mark('s1', 'an', 'present'),
    mark('s2', 'an', 'late'),
    mark('s1', 'binh', 'excused'),
    mark('s2', 'binh', 'leftEarly'),
    mark('s1', 'chi', 'absent'),
    mark('s2', 'chi', 'absent'),
  ],
  threshold: 0.8,
  excusedCounts: false,
  today: '2026-11-25',
};

describe('attendance matrix', () => {
  it('has a column per session that counts, in time order, and empty cells for sessions to come', () => {
    const matrix = attendanceMatrix(input);
    expect(matrix.sessions.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(matrix.rows.map((r) => r.cells)).toEqual([
      ['present', 'late', null],
      ['excused', 'leftEarly', null],
      ['absent', 'absent', null],
    ]);
  });

  it('gives each learner a verdict against the threshold', () => {
    const at60 = attendanceMatrix({ ...input, threshold: 0.6 });
    expect(at60.rows.map((r) => [r.learnerId, r.verdict, r.standing.rate])).toEqual([
      ['an', 'eligible', 1],
      // 5 of 10 periods so far; attending the last session would make 10 of 15.
      ['binh', 'belowThreshold', 0.5],
      // None of 10 so far: at most 5 of 15.
      ['chi', 'cannotReach', 0],
    ]);
    // At 80%, 10 of 15 is out of reach too.
    expect(attendanceMatrix(input).rows[1]!.verdict).toBe('cannotReach');
    const excusedCount = attendanceMatrix({ ...input, excusedCounts: true }).rows[1]!;
    expect(excusedCount.verdict).toBe('eligible');
  });

  it('says "not yet" before any session was held', () => {
    const early = attendanceMatrix({ ...input, today: '2026-11-01', marks: [] });
    expect(early.rows.every((r) => r.verdict === 'notYet' && r.cells.every((c) => c === null))).toBe(true);
  });
});
