// After the session: its tally, and the learners the instructor should act on: below the class threshold but still
// able to reach it (remind them), unable to reach it any more (tell the centre), and away several sessions running.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ABSENCE_ALERT_STREAK,
  classStanding,
  type LearnerStanding,
  sessionCounts,
} from '../../../domain/attendance.ts';
import {
  type AttendanceMark,
  type Class,
  type Learner,
  MarkStatuses,
  type Session,
} from '../../../domain/entities.ts';
import { formatPercent, localToday } from '../../i18n/format.ts';

export interface SessionSummaryProps {
  session: Session;
  cls: Class;
  /** The learners of the roll, in the order to list them. */
  learners: Learner[];
  /** The class's sessions and every mark of them (as `useClassMarks` gives them). */
  sessions: Session[];
  marks: AttendanceMark[];
  /** The centre's setting: whether an excused absence counts as attended. */
  excusedCounts: boolean;
  /** yyyy-mm-dd; the device's own date unless given. */
  today?: string;
}

interface Row {
  id: string;
  name: string;
  detail: string;
}

export function SessionSummary({
  session,
  cls,
  learners,
  sessions,
  marks,
  excusedCounts,
  today = localToday(),
}: SessionSummaryProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const learnerIds = learners.map((l) => l.id);
  const { counts, unmarked } = sessionCounts(
    marks.filter((m) => m.sessionId === session.id),
    learnerIds,
  );
  const standing = classStanding({
    sessions,
    marks,
    learnerIds,
    threshold: cls.threshold,
    excusedCounts,
    today,
  });
  const names = new Map(learners.map((l) => [l.id, l.fullName]));
  const threshold = formatPercent(cls.threshold, i18n.language);
  const rows = (keep: (s: LearnerStanding) => boolean, detail: (s: LearnerStanding) => string): Row[] =>
    standing
      .filter(keep)
      .map((s) => ({ id: s.learnerId, name: names.get(s.learnerId) ?? '', detail: detail(s) }));
  const rate = (s: LearnerStanding) =>
    t('summary.rate', {
      rate: formatPercent(s.rate ?? 0, i18n.language),
      attended: s.attendedPeriods,
      held: s.heldPeriods,
    });

  return (
    <section className="session-summary" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('summary.title')}</h2>
      <ul className="counts" aria-label={t('summary.counts')}>
        {MarkStatuses.map((s) => (
          <li key={s}>
            {t(`markStatus.${s}`)}: <strong>{counts[s]}</strong>
          </li>
        ))}
        <li>
          {t('roll.unmarked')}: <strong>{unmarked.length}</strong>
        </li>
      </ul>
      {/* Apart from those who cannot reach it: one can still be urged on, the other is a matter for the centre. */}
      <SummaryList
        title={t('summary.belowTitle')}
        hint={t('summary.belowHint', { threshold })}
        rows={rows((s) => s.belowThreshold && !s.cannotReach, rate)}
      />
      <SummaryList
        title={t('summary.cannotReachTitle')}
        hint={t('summary.cannotReachHint', { threshold })}
        rows={rows((s) => s.cannotReach, rate)}
      />
      <SummaryList
        title={t('summary.streakTitle', { count: ABSENCE_ALERT_STREAK })}
        rows={rows(
          (s) => s.absentStreak >= ABSENCE_ALERT_STREAK,
          (s) => t('summary.streak', { count: s.absentStreak }),
        )}
      />
    </section>
  );
}

function SummaryList({ title, hint, rows }: { title: string; hint?: string; rows: Row[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {hint && <p className="muted">{hint}</p>}
      {rows.length === 0 ? (
        <p>{t('summary.none')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              <span className="name">{r.name}</span>: {r.detail}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
