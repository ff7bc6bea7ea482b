// The frame of every signed-in screen: app and centre name, who is signed in, the sync indicator, changes the
// server refused, language, sign-out (refused while changes wait to be sent), the device storage used and the app's version.
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDb } from '../db/DbProvider.tsx';
import type { StoredSession } from '../db/device-state.ts';
import { PendingChangesError, signOut } from '../sync/account.ts';
import { AppVersion } from './AppVersion.tsx';
import { InstallButton } from './InstallButton.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { PendingFileTools } from './PendingFileTools.tsx';
import { RejectedChanges } from './RejectedChanges.tsx';
import { StorageNotice } from './StorageNotice.tsx';
import { StorageUsage } from './StorageUsage.tsx';
import { SyncIndicator } from './SyncIndicator.tsx';

export function AppShell({ session, children }: { session: StoredSession; children: ReactNode }) {
  const { t } = useTranslation();
  const db = useDb();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
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
              try {
                await signOut(db);
                navigate('/login', { replace: true });
              } catch (err) {
                if (err instanceof PendingChangesError)
                  setNotice(t('sync.cannotSignOut', { count: err.pending }));
              }
            }}
          >
            {t('common.signOut')}
          </button>
        </div>
      </header>
      <SyncIndicator />
      <StorageNotice />
      <RejectedChanges />
      <div className="who-line">
        <span className="who">
          {user.displayName} · {t(`roles.${user.role}`)}
        </span>
        <InstallButton />
      </div>
      {notice && (
        <p className="banner" role="alert">
          {notice}
        </p>
      )}
      {session.needsSignIn && (
        <p className="banner" role="alert">
          {t('common.needsSignIn')}{' '}
          <button type="button" onClick={() => navigate('/login')}>
            {t('common.signInAgain')}
          </button>
        </p>
      )}
      <main id="main" className="screen">
        {children}
      </main>
      <footer className="footer">
        <PendingFileTools />
        <StorageUsage />
        <AppVersion />
      </footer>
    </div>
  );
}
