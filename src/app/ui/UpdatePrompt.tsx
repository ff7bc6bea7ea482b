// Offers a new version when the service worker has one ("Có phiên bản mới — Tải lại"). The app never reloads by
// itself: only the tab where the user pressed "Tải lại" reloads. Another tab, where a form may be open or marks
// being taken, keeps its screen when the new version takes over and still offers it (pressed there, it reloads at
// once). Unsynced changes are in the device database, so a reload keeps them and they sync afterwards.

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AppUpdates, watchAppUpdates } from './app-updates.ts';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const [offered, setOffered] = useState(false);
  // The new version may take a moment to take over (its worker clears the old files first): the press shows.
  const [accepted, setAccepted] = useState(false);
  const updates = useRef<AppUpdates>(undefined);
  useEffect(() => {
    // The development server has no service worker (vite-plugin-pwa builds it).
    if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
    const watch = watchAppUpdates({ onOffer: () => setOffered(true) });
    updates.current = watch;
    return () => watch.stop();
  }, []);
  if (!offered) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t('update.available')}</span>
      <button
        type="button"
        disabled={accepted}
        onClick={() => {
          setAccepted(true);
          updates.current?.accept();
        }}
      >
        {accepted ? t('update.reloading') : t('update.reload')}
      </button>
      <button type="button" className="secondary" onClick={() => setOffered(false)}>
        {t('update.later')}
      </button>
    </div>
  );
}
