// Sign-in. Errors are shown in the interface language from the API's error code.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDb } from '../../db/DbProvider.tsx';
import { PendingChangesError } from '../../sync/account.ts';
import { ApiRequestError } from '../../sync/http.ts';
import { useFirstScreenShown } from '../../ui/first-screen.ts';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { StorageNotice } from '../../ui/StorageNotice.tsx';
import { useOnline } from '../../ui/useOnline.ts';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const navigate = useNavigate();
  const online = useOnline();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useFirstScreenShown(true);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { signIn } = await import('../../sync/sign-in.ts');
      await signIn(db, username, password, i18n.language);
      navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiRequestError) {
        setError(t(`errors.${err.code}`, { seconds: err.retryAfterSeconds ?? 0 }));
      } else if (err instanceof PendingChangesError) {
        setError(t('sync.otherUserPending', { count: err.pending }));
      } else {
        setError(t('errors.network'));
      }
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
        <p className="tagline">{t('app.tagline')}</p>
        <StorageNotice />
        <form onSubmit={submit} noValidate>
          <h2>{t('login.title')}</h2>
          <label htmlFor="username">{t('login.username')}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <label htmlFor="password">{t('login.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {!online && <p className="hint">{t('login.offlineHint')}</p>}
          <button type="submit" disabled={busy || !username || !password}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
