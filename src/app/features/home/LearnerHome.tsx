// A learner's home: their schedule (next session first) and their attendance in each class against its threshold.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classStanding, learnerAttendance } from '../../../domain/attendance.ts';
import { addDays } from '../../../domain/calendar.ts';
import { checkInCode } from '../../../domain/check-in-code.ts';
import type { AttendanceMark, Centre, Class, Session } from '../../../domain/entities.ts';
import { compareSessions } from '../../../domain/sessions.ts';
import { useLearnerRecord } from '../../db/hooks.ts';
import { formatPercent, localToday } from '../../i18n/format.ts';
import { useFirstScreenShown } from '../../ui/first-screen.ts';
import { QrCode } from '../checkin/QrCode.tsx';
import { SessionList } from './SessionList.tsx';

/** The learner's check-in code, drawn when opened: a phone that only looks at the schedule never loads the QR library. */
function MyCode({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="my-code" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('learner.myCode')}</summary>
      {open && <QrCode text={text} label={label} size={220} />}
      <p className="muted">{t('learner.myCodeHint')}</p>
    </details>
  );
}

export function LearnerHome({ learnerId, centre }: { learnerId: string | null; centre: Centre }) {
  const { t, i18n } = useTranslation();
  const today = localToday();
  const record = useLearnerRecord(learnerId);
  useFirstScreenShown(record !== undefined);
  if (record === undefined) return <p>{t('common.loading')}</p>;

  // How many more sessions may be missed, counting today's session as still to come until its roll is taken (as
  // the rate above does).
  const allowance = (
    cls: Class,
    sessions: Session[],
    marks: AttendanceMark[],
    marked: Set<string>,
  ): string => {
    const rollTakenToday = sessions.some((s) => s.date === today && marked.has(s.id));
    const [standing] = classStanding({
      sessions,
      marks,
      learnerIds: [learnerId ?? ''],
      threshold: cls.threshold,
      excusedCounts: centre.settings.excusedCounts,
      today: rollTakenToday ? today : addDays(today, -1),
    });
    if (!standing || standing.totalPeriods === standing.heldPeriods) return '';
    if (standing.cannotReach) return t('learner.cannotReach');
    return standing.absencesLeft === 0
      ? t('learner.noAbsenceLeft')
      : t('learner.absencesLeft', { count: standing.absencesLeft });
  };

  const upcoming = record
    .flatMap((r) => r.sessions.filter((s) => s.date >= today).map((session) => ({ session, cls: r.cls })))
    .sort((a, b) => compareSessions(a.session, b.session));

  return (
    <>
      <section id="lich-hoc" aria-labelledby="schedule-title">
        <h1 id="schedule-title">{t('learner.schedule')}</h1>
        {upcoming.length === 0 ? (
          <p>{t('learner.noSchedule')}</p>
        ) : (
          <SessionList sessions={upcoming} today={today} />
        )}
      </section>
      <section aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t('learner.attendance')}</h2>
        {record.length === 0 && <p>{t('learner.noClasses')}</p>}
        <ul className="cards">
          {record.map(({ cls, enrollment, sessions, marks }) => {
            // Held: an earlier session, or today's once the roll for it has been taken.
            const marked = new Set(marks.map((m) => m.sessionId));
            const held = sessions.filter((s) => !s.cancelled && (s.date < today || marked.has(s.id))).length;
            const allowed = enrollment.status === 'withdrawn' ? '' : allowance(cls, sessions, marks, marked);
            const a = learnerAttendance(
              marks.map((m) => m.status),
              held,
              centre.settings.excusedCounts,
            );
            return (
              <li key={cls.id} className="card">
                <div className="card-title">
                  <span className="code">{cls.code}</span> {cls.name}
                </div>
                <p>
                  {a.rate === null
                    ? t('learner.notYet')
                    : t('learner.rate', {
                        rate: formatPercent(a.rate, i18n.language),
                        attended: a.attended,
                        held: a.held,
                      })}
                </p>
                <p className="muted">
                  {t('learner.threshold', { threshold: formatPercent(cls.threshold, i18n.language) })}
                </p>
                {allowed && <p data-testid="absences-left">{allowed}</p>}
                <ul className="counts">
                  {(['present', 'late', 'leftEarly', 'excused', 'absent'] as const).map((s) => (
                    <li key={s}>
                      {t(`markStatus.${s}`)}: <strong>{a.counts[s]}</strong>
                    </li>
                  ))}
                </ul>
                {enrollment.status !== 'withdrawn' &&
                  cls.status !== 'closed' &&
                  cls.status !== 'cancelled' && (
                    <MyCode
                      text={checkInCode(enrollment.id)}
                      label={t('learner.myCodeFor', { code: cls.code })}
                    />
                  )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
