// Attendance rules of shared/domain.md: what counts as attended, a learner's rate against the class threshold, and
// the after-session warnings (below the threshold, unable to reach it any more, absent several sessions running).
import type { AttendanceMark, MarkStatus, Session } from './entities.ts';
import { MarkStatuses } from './mark-statuses.ts';
import { compareSessions, isHeld } from './sessions.ts';

/** Late counts as present; leaving early still counts as attending; excused counts only where the centre says so. */
export function countsAsAttended(status: MarkStatus, excusedCounts: boolean): boolean {
  return (
    status === 'present' ||
    status === 'late' ||
    status === 'leftEarly' ||
    (excusedCounts && status === 'excused')
  );
}

const emptyCounts = () => Object.fromEntries(MarkStatuses.map((s) => [s, 0])) as Record<MarkStatus, number>;

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
  const counts = emptyCounts();
  for (const s of statuses) counts[s]++;
  const attended = statuses.filter((s) => countsAsAttended(s, excusedCounts)).length;
  return { counts, attended, held, rate: held > 0 ? attended / held : null };
}

type MarkOfRoll = Pick<AttendanceMark, 'sessionId' | 'learnerId' | 'status' | 'deleted'>;
type TimedSession = Pick<Session, 'id' | 'date' | 'partOfDay' | 'periods' | 'cancelled' | 'deleted'>;

export interface SessionCounts {
  counts: Record<MarkStatus, number>;
  /** Ids of the roll's learners without a mark, in the roll's order. */
  unmarked: string[];
}

/** The tally of one session's roll; marks of learners not on the roll (withdrawn) are left out. */
export function sessionCounts(
  marks: Iterable<Omit<MarkOfRoll, 'sessionId'>>,
  learnerIds: readonly string[],
): SessionCounts {
  const status = new Map<string, MarkStatus>();
  for (const m of marks) if (!m.deleted) status.set(m.learnerId, m.status);
  const counts = emptyCounts();
  const unmarked: string[] = [];
  for (const id of learnerIds) {
    const s = status.get(id);
    if (s) counts[s]++;
    else unmarked.push(id);
  }
  return { counts, unmarked };
}

/** How many absences in a row, up to the latest held session, call for an alert. */
export const ABSENCE_ALERT_STREAK = 2;

export interface ClassStandingInput {
  /** The class's sessions; cancelled and deleted ones do not count. */
  sessions: readonly TimedSession[];
  /** The marks of those sessions; deleted ones are ignored. */
  marks: Iterable<MarkOfRoll>;
  learnerIds: readonly string[];
  /** The class's threshold, a ratio of teaching periods (0.8 = 80%). */
  threshold: number;
  /** The centre's setting: whether an excused absence counts as attended. */
  excusedCounts: boolean;
  /** yyyy-mm-dd: sessions dated on or before it have been held. */
  today: string;
}

export interface LearnerStanding {
  learnerId: string;
  /** Teaching periods (tiết) of held sessions the learner attended. */
  attendedPeriods: number;
  heldPeriods: number;
  /** Periods of every session of the class that counts, held or still to come. */
  totalPeriods: number;
  /** attendedPeriods / heldPeriods, or null before any session was held. */
  rate: number | null;
  belowThreshold: boolean;
  /** Even attending every remaining session would leave the learner below the threshold. */
  cannotReach: boolean;
  /** Held sessions in a row, counting back from the latest, the learner was away from. */
  absentStreak: number;
  /**
   * How many of the sessions still to come, from the next one on, the learner may miss and still reach the
   * threshold by attending the rest (0 when they must attend all, or cannot reach it any more).
   */
  absencesLeft: number;
}

/**
 * Each learner's attendance so far against the class threshold, in periods (a short session weighs less). A learner
 * without a mark in a held session counts as absent: by the end of a session everyone present has been marked.
 */
export function classStanding(input: ClassStandingInput): LearnerStanding[] {
  const counting = input.sessions.filter((s) => !s.cancelled && !s.deleted);
  const held = counting.filter((s) => isHeld(s, input.today)).sort(compareSessions);
  const totalPeriods = sumPeriods(counting);
  const heldPeriods = sumPeriods(held);
  const statusOf = marksBySessionAndLearner(input.marks);
  const toCome = counting.filter((s) => !isHeld(s, input.today)).sort(compareSessions);
  return input.learnerIds.map((learnerId) => {
    const statuses = held.map((s) => statusOf.get(`${s.id}/${learnerId}`));
    const attendedPeriods = sumPeriods(held.filter((_, i) => attended(statuses[i], input.excusedCounts)));
    return {
      learnerId,
      attendedPeriods,
      heldPeriods,
      totalPeriods,
      rate: heldPeriods > 0 ? attendedPeriods / heldPeriods : null,
      // Ratios rather than `attended < threshold * held`: 0.7 * 10 is 7.000000000000001 in floating point.
      belowThreshold: heldPeriods > 0 && attendedPeriods / heldPeriods < input.threshold,
      cannotReach:
        totalPeriods > 0 && (attendedPeriods + totalPeriods - heldPeriods) / totalPeriods < input.threshold,
      absentStreak: absentStreak(statuses),
      absencesLeft: absencesLeft(
        attendedPeriods + totalPeriods - heldPeriods,
        totalPeriods,
        input.threshold,
        toCome,
      ),
    };
  });
}

/**
 * Sessions to come the learner can miss, in order, while `reachable` periods (attended so far plus all still to come)
 * stay at or above the threshold. Compared as ratios, like the threshold itself.
 */
function absencesLeft(
  reachable: number,
  total: number,
  threshold: number,
  toCome: readonly TimedSession[],
): number {
  let left = reachable;
  let missed = 0;
  for (const s of toCome) {
    if ((left - s.periods) / total < threshold) break;
    left -= s.periods;
    missed += 1;
  }
  return missed;
}

const sumPeriods = (sessions: readonly TimedSession[]) => sessions.reduce((sum, s) => sum + s.periods, 0);

const attended = (status: MarkStatus | undefined, excusedCounts: boolean) =>
  status !== undefined && countsAsAttended(status, excusedCounts);

function marksBySessionAndLearner(marks: Iterable<MarkOfRoll>): Map<string, MarkStatus> {
  const status = new Map<string, MarkStatus>();
  for (const m of marks) if (!m.deleted) status.set(`${m.sessionId}/${m.learnerId}`, m.status);
  return status;
}

/**
 * Absences at the end of `statuses` (held sessions, oldest first). An excused absence extends the streak whatever
 * the centre setting: the alert asks someone to get in touch with a learner who has stopped coming, and a learner
 * with permission to miss two sessions has still missed them; the threshold is where the setting matters.
 */
function absentStreak(statuses: (MarkStatus | undefined)[]): number {
  let streak = 0;
  for (let i = statuses.length - 1; i >= 0 && !attended(statuses[i], false); i--) streak++;
  return streak;
}
