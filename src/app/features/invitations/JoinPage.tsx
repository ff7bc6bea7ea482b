// A learner opens the class's invitation link (or scans its QR code) on their phone, says who they are as the class
// list has it, and the phone is signed in to their learner account: from then on it opens like any signed-in device.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { InvitationToken, type InvitedClass } from '../../../domain/invitations.ts';
import { useDb } from '../../db/DbProvider.tsx';
import { PendingChangesError } from '../../sync/account.ts';
import { ApiRequestError } from '../../sync/http.ts';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { useOnline } from '../../ui/useOnline.ts';
import { acceptInvitation, lookUpInvitation } from './invitation-actions.ts';

type Invited =
  | { state: 'checking' }
  | { state: 'ok'; invited: InvitedClass }
  | { state: 'refused'; error: unknown };

export function JoinPage() {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const navigate = useNavigate();
  const online = useOnline();
  // The token is in the fragment, so it reaches neither the server's logs nor a Referer header.
  const token = useLocation().hash.slice(1);
  const wellFormed = InvitationToken.safeParse(token).success;
  const [invited, setInvited] = useState<Invited>({ state: 'checking' });
  const [fullName, setFullName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const words = (err: unknown) =>
    err instanceof PendingChangesError
      ? t('sync.otherUserPending', { count: err.pending })
      : err instanceof ApiRequestError
        ? t(`errors.${err.code}`, { seconds: err.retryAfterSeconds ?? 0 })
        : t('errors.network');

  useEffect(() => {
    if (!wellFormed || !online) return;
    let current = true;
    lookUpInvitation(token).then(
      (found) => current && setInvited({ state: 'ok', invited: found }),
      (error) => current && setInvited({ state: 'refused', error }),
    );
    return () => {
      current = false;
    };
  }, [token, wellFormed, online]);
  const refusal = !wellFormed
    ? t('errors.invitationInvalid')
    : invited.state === 'refused'
      ? words(invited.error)
      : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await acceptInvitation(
        db,
        { token, fullName, birthDate, deviceName: navigator.userAgent.slice(0, 120) },
        i18n.language,
      );
      navigate('/', { replace: true });
    } catch (err) {
      setError(words(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login">
      <div className="login-card">
        <div className="login-top">
          <LanguageSwitch />
        </div>
        <h1>{t('app.name')}</h1>
        <h2>{t('join.title')}</h2>
        {!online && wellFormed && <p className="banner">{t('join.offline')}</p>}
        {wellFormed && invited.state === 'checking' && online && <p>{t('common.loading')}</p>}
        {refusal && (
          <p className="error" role="alert">
            {refusal}
          </p>
        )}
        {invited.state === 'ok' && (
          <form onSubmit={submit} noValidate>
            <p data-testid="invited-class">
              {t('join.invited', {
                centre: invited.invited.centreName,
                code: invited.invited.classCode,
                name: invited.invited.className,
              })}
            </p>
            <p className="hint">{t('join.intro')}</p>
            <label htmlFor="join-name">{t('join.fullName')}</label>
            <input
              id="join-name"
              name="fullName"
              autoComplete="name"
              required
              value={fullName}
              onChange={(e) => setFullName(e.target.value)}
            />
            <label htmlFor="join-birth-date">{t('join.birthDate')}</label>
            <input
              id="join-birth-date"
              name="birthDate"
              type="date"
              autoComplete="bday"
              required
              value={birthDate}
              onChange={(e) => setBirthDate(e.target.value)}
            />
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" disabled={busy || !online || !fullName.trim() || !birthDate}>
              {busy ? t('login.submitting') : t('join.submit')}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
