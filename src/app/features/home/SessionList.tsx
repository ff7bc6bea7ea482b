// Upcoming sessions, soonest first: date, part of day, topic, class; today's, cancelled and moved ones flagged.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionWithClass } from '../../db/hooks.ts';
import { formatDate } from '../../i18n/format.ts';

export function SessionList({
  sessions,
  today,
  linkToRoll = false,
}: {
  sessions: SessionWithClass[];
  today: string;
  /** Instructors and staff open the roll from here; learners only read. */
  linkToRoll?: boolean;
}) {
  const { t } = useTranslation();
  const byId = new Map(sessions.map((s) => [s.session.id, s.session]));
  return (
    <ol className="sessions">
      {sessions.map(({ session, cls }) => (
        <li key={session.id} className={session.cancelled ? 'session cancelled' : 'session'}>
          <div className="session-when">
            <span className="date">{formatDate(session.date)}</span>
            <span>{t(`partOfDay.${session.partOfDay}`)}</span>
            {session.date === today && <span className="pill today">{t('instructor.today')}</span>}
            {session.cancelled && <span className="pill cancelled">{t('instructor.cancelled')}</span>}
            {session.replacesSessionId && (
              <span className="pill moved">
                {byId.has(session.replacesSessionId)
                  ? t('instructor.replaces', { date: formatDate(byId.get(session.replacesSessionId)!.date) })
                  : t('instructor.replacement')}
              </span>
            )}
          </div>
          <div className="session-topic">
            {linkToRoll && !session.cancelled ? (
              <Link to={`/buoi/${session.id}`}>{session.topic}</Link>
            ) : (
              session.topic
            )}
          </div>
          <div className="session-class">
            {cls.code} · {session.location || cls.location}
          </div>
        </li>
      ))}
    </ol>
  );
}
