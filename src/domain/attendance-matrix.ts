// A class's attendance record as staff print and file it: learners × sessions, each learner's rate in teaching
// periods and where they stand against the class threshold (the certificate needs it).
import { type ClassStandingInput, classStanding, type LearnerStanding } from './attendance.ts';
import type { MarkStatus, Session } from './entities.ts';
import { compareSessions } from './sessions.ts';

/** Where a learner stands: qualifies so far, below the threshold, can no longer reach it, or nothing held yet. */
export type Standing = 'eligible' | 'belowThreshold' | 'cannotReach' | 'notYet';

export interface MatrixRow {
  learnerId: string;
  /** One per column: the learner's mark, or null (not marked, or the session is still to come). */
  cells: (MarkStatus | null)[];
  standing: LearnerStanding;
  verdict: Standing;
}

export interface AttendanceMatrix<S> {
  /** The columns: the class's sessions that count (not cancelled), in time order. */
  sessions: S[];
  rows: MatrixRow[];
}

export function verdictOf(s: LearnerStanding): Standing {
  if (s.cannotReach) return 'cannotReach';
  if (s.rate === null) return 'notYet';
  return s.belowThreshold ? 'belowThreshold' : 'eligible';
}

type MatrixSession = ClassStandingInput['sessions'][number] & Pick<Session, 'id'>;

export function attendanceMatrix<S extends MatrixSession>(
  input: Omit<ClassStandingInput, 'sessions'> & { sessions: readonly S[] },
): AttendanceMatrix<S> {
  const sessions = input.sessions
    .filter((s) => !s.cancelled && !s.deleted)
    .sort((a, b) => compareSessions(a, b));
  const marks = [...input.marks];
  const status = new Map(
    marks.filter((m) => !m.deleted).map((m) => [`${m.sessionId}/${m.learnerId}`, m.status]),
  );
  const standings = classStanding({ ...input, marks });
  return {
    sessions,
    rows: standings.map((standing) => ({
      learnerId: standing.learnerId,
      cells: sessions.map((s) => status.get(`${s.id}/${standing.learnerId}`) ?? null),
      standing,
      verdict: verdictOf(standing),
    })),
  };
}
