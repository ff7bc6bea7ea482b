// The frame of every signed-in screen: app and centre name, who is signed in, connection and sync state, language,
// sign-out.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDb } from '../db/DbProvider.tsx';
import type { StoredSession } from '../db/device-state.ts';
import { formatTime } from '../i18n/format.ts';
import { signOut } from '../sync/account.ts';
import { useSyncStatus } from '../sync/sync-status.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useOnline } from './useOnline.ts';

export function AppShell({ session, children }: { session: StoredSession; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const navigate = useNavigate();
  const online = useOnline();
  const { running, lastSyncedAt, error } = useSyncStatus();
  const { user, centre } = session.me;

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="app-name">{t('app.name')}</span>
          <span className="centre-name">{centre.name}</span>
        </div>
        <div className="topbar-actions">
          <LanguageSwitch />
          <button
            type="button"
            className="secondary"
            onClick={async () => {
              await signOut(db);
              navigate('/login', { replace: true });
            }}
          >
            {t('common.signOut')}
          </button>
        </div>
      </header>
      <div className="statusbar" aria-live="polite">
        <span className={online ? 'pill online' : 'pill offline'}>
          {online ? t('common.online') : t('common.offline')}
        </span>
        <span className="who">
          {user.displayName} · {t(`roles.${user.role}`)}
        </span>
        <span className="sync">
          {running
            ? t('common.syncing')
            : lastSyncedAt
              ? t('common.lastSynced', { time: formatTime(lastSyncedAt, i18n.language) })
              : ''}
          {error && !running && online ? ` · ${t(`errors.${error}`)}` : ''}
        </span>
      </div>
      {session.needsSignIn && (
        <p className="banner" role="alert">
          {t('common.needsSignIn')}{' '}
          <button type="button" onClick={() => navigate('/login')}>
            {t('common.signInAgain')}
          </button>
        </p>
      )}
      <main id="main">{children}</main>
    </div>
  );
}
