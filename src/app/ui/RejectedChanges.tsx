// Changes the server refused for good: listed with the reason, in words, until the user dismisses each one, so
// nothing disappears without being seen (SPEC DEV3).
import { useTranslation } from 'react-i18next';
import { useDb } from '../db/DbProvider.tsx';
import { dismissRejected, useRejected } from '../db/outbox.ts';
import { formatDate } from '../i18n/format.ts';

export function RejectedChanges() {
  const { t } = useTranslation();
  const db = useDb();
  const rejected = useRejected();
  if (!rejected || rejected.length === 0) return null;
  return (
    <section className="banner rejected" aria-labelledby="rejected-title">
      <h2 id="rejected-title">{t('sync.rejectedTitle', { count: rejected.length })}</h2>
      <ul>
        {rejected.map((r) => (
          <li key={r.id}>
            {t(`sync.entity.${r.entity}`)} · {formatDate(r.createdAt)} — {t(`sync.reason.${r.reason}`)}
            {r.detail ? ` (${r.detail})` : ''}{' '}
            <button type="button" className="secondary small" onClick={() => void dismissRejected(db, r.id)}>
              {t('sync.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
