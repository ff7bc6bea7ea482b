// "Mời học viên": staff (or the class's instructor) make the class's invitation link and show its QR code; each
// learner opens it on their own phone and signs in by naming themselves as the class list has them. Links expire and
// can be revoked. The server keeps them, so this screen needs a connection.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { invitationUrl } from '../../../domain/invitation-link.ts';
import { INVITATION_DAYS_DEFAULT, type Invitation, type NewInvitation } from '../../../domain/invitations.ts';
import type { StoredSession } from '../../db/device-state.ts';
import { useClass } from '../../db/hooks.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ApiRequestError } from '../../sync/http.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { useOnline } from '../../ui/useOnline.ts';
import { WideTable } from '../../ui/WideTable.tsx';
import { QrCode } from '../checkin/QrCode.tsx';
import { createInvitation, isWorking, listInvitations, revokeInvitation } from './invitation-actions.ts';

const DAY_CHOICES = [7, INVITATION_DAYS_DEFAULT, 30, 90];

export function InvitePage({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const { classId = '' } = useParams();
  const cls = useClass(classId);
  const online = useOnline();
  const [invitations, setInvitations] = useState<Invitation[] | null>(null);
  const [made, setMade] = useState<NewInvitation | null>(null);
  const [days, setDays] = useState(INVITATION_DAYS_DEFAULT);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const failure = useCallback(
    (err: unknown) => (err instanceof ApiRequestError ? t(`errors.${err.code}`) : t('errors.network')),
    [t],
  );
  const reload = useCallback(
    () => listInvitations(session.token, classId).then(setInvitations, (err) => setMessage(failure(err))),
    [session.token, classId, failure],
  );
  useEffect(() => {
    if (online) void reload();
  }, [online, reload]);

  async function make(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    setCopied(false);
    try {
      setMade(await createInvitation(session.token, classId, days));
      await reload();
    } catch (err) {
      setMessage(failure(err));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setMessage(null);
    try {
      await revokeInvitation(session.token, id);
      if (made?.id === id) setMade(null);
      await reload();
    } catch (err) {
      setMessage(failure(err));
    }
  }

  if (cls === undefined) return <AppShell session={session}>{t('common.loading')}</AppShell>;
  const url = made ? invitationUrl(window.location.origin, made.token) : '';

  return (
    <AppShell session={session}>
      <Link to="/" className="back">
        ← {t('roll.back')}
      </Link>
      <h1>{cls ? t('invite.titleFor', { code: cls.code }) : t('invite.title')}</h1>
      {cls && <p className="muted">{cls.name}</p>}
      <p>{t('invite.intro')}</p>
      {!online && <p className="banner">{t('invite.offline')}</p>}
      <form className="invite-form" onSubmit={make}>
        <label>
          {t('invite.days')}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {DAY_CHOICES.map((d) => (
              <option key={d} value={d}>
                {t('invite.dayCount', { count: d })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || !online}>
          {t('invite.make')}
        </button>
      </form>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      {made && (
        <section className="invite-share" aria-labelledby="invite-share-title">
          <h2 id="invite-share-title">{t('invite.share')}</h2>
          <QrCode text={url} label={t('invite.qrLabel', { code: cls?.code ?? '' })} size={260} />
          <label htmlFor="invite-url">{t('invite.link')}</label>
          <input id="invite-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void navigator.clipboard?.writeText(url).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {t('invite.copy')}
          </button>
          {copied && <span role="status">{t('invite.copied')}</span>}
          <p className="hint">
            {t('invite.shownOnce', { date: formatDateTime(made.expiresAt, i18n.language) })}
          </p>
        </section>
      )}
      <h2>{t('invite.list')}</h2>
      {invitations && invitations.length === 0 && <p className="muted">{t('invite.none')}</p>}
      {invitations && invitations.length > 0 && (
        <WideTable
          headings={[t('invite.createdAt'), t('invite.expiresAt'), t('invite.state'), t('users.actions')]}
          testId="invitations"
        >
          {invitations.map((inv) => {
            const working = isWorking(inv);
            return (
              <tr key={inv.id}>
                <td>{formatDateTime(inv.createdAt, i18n.language)}</td>
                <td>{formatDateTime(inv.expiresAt, i18n.language)}</td>
                <td>{t(working ? 'invite.working' : inv.revokedAt ? 'invite.revoked' : 'invite.expired')}</td>
                <td>
                  {working && (
                    <button
                      type="button"
                      className="secondary small"
                      disabled={!online}
                      onClick={() => void revoke(inv.id)}
                    >
                      {t('invite.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </WideTable>
      )}
    </AppShell>
  );
}
