// One learner's history at the centre (staff): who they are, and every class they were on with their attendance in
// teaching periods and where they stand against that class's threshold.

import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { classStanding } from '../../../domain/attendance.ts';
import { verdictOf } from '../../../domain/attendance-matrix.ts';
import type { StoredSession } from '../../db/device-state.ts';
import { useLearnerRecord } from '../../db/hooks.ts';
import { useLearner } from '../../db/office-hooks.ts';
import { formatDate, formatPercent, localToday } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { staffScreen } from '../../ui/StaffOnly.tsx';
import { WideTable } from '../../ui/WideTable.tsx';

export const LearnerHistoryPage = staffScreen(LearnerHistory);

function LearnerHistory({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const { learnerId = '' } = useParams();
  const learner = useLearner(learnerId);
  const record = useLearnerRecord(learnerId);
  if (learner === undefined || record === undefined)
    return <AppShell session={session}>{t('common.loading')}</AppShell>;
  if (learner === null)
    return (
      <AppShell session={session}>
        <p>{t('history.notOnDevice')}</p>
      </AppShell>
    );
  const percent = (ratio: number) => formatPercent(ratio, i18n.language);
  const today = localToday();
  const rows = record
    .map(({ cls, enrollment, sessions, marks }) => {
      const [standing] = classStanding({
        sessions,
        marks,
        learnerIds: [learnerId],
        threshold: cls.threshold,
        excusedCounts: session.me.centre.settings.excusedCounts,
        today,
      });
      return { cls, enrollment, standing: standing! };
    })
    .sort((a, b) => (b.cls.startDate ?? '').localeCompare(a.cls.startDate ?? ''));

  return (
    <AppShell session={session}>
      <Link to="/" className="back">
        ← {t('roll.back')}
      </Link>
      <h1>{learner.fullName}</h1>
      <p>
        {[
          learner.birthDate && t('history.born', { date: formatDate(learner.birthDate) }),
          learner.position,
          learner.unit,
          learner.partyStatus !== 'none' && t(`history.party.${learner.partyStatus}`),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p>
        <Link to={`/nhat-ky?learnerId=${learner.id}`}>{t('audit.ofLearner')}</Link>
      </p>
      <WideTable
        headings={[t('admin.code'), t('admin.name'), t('classRecord.rate'), t('classRecord.verdict')]}
        testId="learner-history"
      >
        {rows.map(({ cls, enrollment, standing }) => (
          <tr key={cls.id}>
            <td>
              <Link to={`/lop/${cls.id}/diem-danh`}>{cls.code}</Link>
            </td>
            <td>
              {cls.name}
              {enrollment.status === 'withdrawn' && <span className="pill">{t('history.withdrawn')}</span>}
            </td>
            <td className="num">
              {standing.rate === null
                ? '—'
                : `${percent(standing.rate)} (${standing.attendedPeriods}/${standing.heldPeriods} ${t('history.periods')})`}
            </td>
            <td>{t(`classRecord.verdicts.${verdictOf(standing)}`)}</td>
          </tr>
        ))}
      </WideTable>
    </AppShell>
  );
}
