// Attendance rules of shared/domain.md: what counts as attended, a learner's rate against the class threshold.
import type { MarkStatus } from './entities.ts';

/** Late counts as present; leaving early still counts as attending; excused counts only where the centre says so. */
export function countsAsAttended(status: MarkStatus, excusedCounts: boolean): boolean {
  return (
    status === 'present' ||
    status === 'late' ||
    status === 'leftEarly' ||
    (excusedCounts && status === 'excused')
  );
}

export interface LearnerAttendance {
  counts: Record<MarkStatus, number>;
  attended: number;
  held: number;
  /** attended / held, or null before any session was held. */
  rate: number | null;
}

export function learnerAttendance(
  statuses: MarkStatus[],
  held: number,
  excusedCounts: boolean,
): LearnerAttendance {
  const counts: Record<MarkStatus, number> = { present: 0, late: 0, leftEarly: 0, excused: 0, absent: 0 };
  for (const s of statuses) counts[s]++;
  const attended = statuses.filter((s) => countsAsAttended(s, excusedCounts)).length;
  return { counts, attended, held, rate: held > 0 ? attended / held : null };
}
