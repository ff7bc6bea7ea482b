// Upcoming sessions, soonest first: date, part of day, topic, class; today's and cancelled ones flagged.
import { useTranslation } from 'react-i18next';
import type { SessionWithClass } from '../../db/hooks.ts';
import { formatDate } from '../../i18n/format.ts';

export function SessionList({ sessions, today }: { sessions: SessionWithClass[]; today: string }) {
  const { t } = useTranslation();
  return (
    <ol className="sessions">
      {sessions.map(({ session, cls }) => (
        <li key={session.id} className={session.cancelled ? 'session cancelled' : 'session'}>
          <div className="session-when">
            <span className="date">{formatDate(session.date)}</span>
            <span>{t(`partOfDay.${session.partOfDay}`)}</span>
            {session.date === today && <span className="pill today">{t('instructor.today')}</span>}
            {session.cancelled && <span className="pill cancelled">{t('instructor.cancelled')}</span>}
          </div>
          <div className="session-topic">{session.topic}</div>
          <div className="session-class">
            {cls.code} · {session.location || cls.location}
          </div>
        </li>
      ))}
    </ol>
  );
}
