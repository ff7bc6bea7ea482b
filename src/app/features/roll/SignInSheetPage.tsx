// The paper that goes alongside the app: an A4 sign-in sheet for one session, the roster in the Vietnamese order
// with each learner's check-in QR code and a column to sign. Printed from the browser; the app's chrome is hidden.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { checkInCode } from '../../../domain/check-in-code.ts';
import type { StoredSession } from '../../db/device-state.ts';
import { useRollRoster } from '../../db/hooks.ts';
import { formatDate } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { QrCode } from '../checkin/QrCode.tsx';

export function SignInSheetPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  // The roster only: the sheet shows no marks.
  const roll = useRollRoster(sessionId);
  if (roll === undefined) return <AppShell session={session}>{t('common.loading')}</AppShell>;
  if (roll === null) return <AppShell session={session}>{t('roll.notOnDevice')}</AppShell>;
  const { cls, learners, enrollments } = roll;
  const when = `${t(`partOfDay.${roll.session.partOfDay}`)}, ${formatDate(roll.session.date)}`;

  return (
    <AppShell session={session}>
      <div className="no-print roll-tools">
        <Link to={`/buoi/${roll.session.id}`} className="back">
          ← {t('signInSheet.back')}
        </Link>
        <button type="button" onClick={() => window.print()}>
          {t('signInSheet.print')}
        </button>
      </div>
      <article className="sheet">
        <header className="sheet-header">
          <p className="sheet-centre">{session.me.centre.name}</p>
          <h1>{t('signInSheet.title')}</h1>
          <p>
            {cls.name} ({cls.code})
          </p>
          <p>
            {t('signInSheet.when', { when })} · {roll.session.location || cls.location}
          </p>
          {roll.session.topic && <p>{t('signInSheet.topic', { topic: roll.session.topic })}</p>}
        </header>
        <table className="sheet-table">
          <thead>
            <tr>
              <th scope="col">{t('signInSheet.number')}</th>
              <th scope="col">{t('signInSheet.name')}</th>
              <th scope="col">{t('signInSheet.unit')}</th>
              <th scope="col">{t('signInSheet.code')}</th>
              <th scope="col">{t('signInSheet.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {learners.map((learner, i) => {
              const enrollment = enrollments.get(learner.id);
              return (
                <tr key={learner.id}>
                  <td>{String(i + 1).padStart(2, '0')}</td>
                  <td>{learner.fullName}</td>
                  <td>{learner.unit}</td>
                  <td>
                    {enrollment && (
                      <QrCode text={checkInCode(enrollment.id)} label={learner.fullName} size={64} />
                    )}
                  </td>
                  <td className="signature" />
                </tr>
              );
            })}
            {/* Blank rows for people who come without being summoned. */}
            {[1, 2, 3].map((n) => (
              <tr key={`blank-${n}`} className="blank">
                <td>{String(learners.length + n).padStart(2, '0')}</td>
                <td />
                <td />
                <td />
                <td className="signature" />
              </tr>
            ))}
          </tbody>
        </table>
        <footer className="sheet-footer">
          <p>{t('signInSheet.total', { count: learners.length })}</p>
          <p className="sheet-signer">{t('signInSheet.instructor')}</p>
        </footer>
      </article>
    </AppShell>
  );
}
