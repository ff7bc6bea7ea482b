// Offers a new version when the service worker has one ("Có phiên bản mới — Tải lại"). The app never reloads by
// itself: only the tab where the user pressed "Tải lại" reloads. Another tab, where a form may be open or marks
// being taken, keeps its screen when the new version takes over and asks again. Unsynced changes are in the device
// database, so a reload keeps them and they sync afterwards.

import { useRegisterSW } from 'virtual:pwa-register/react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const acceptedHere = useRef(false);
  const inControl = useRef(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    // The new version is in control, accepted here or in another tab; without this the plugin reloads every tab.
    onNeedReload() {
      inControl.current = true;
      if (acceptedHere.current) window.location.reload();
      else setNeedRefresh(true);
    },
  });
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t('update.available')}</span>
      <button
        type="button"
        onClick={() => {
          acceptedHere.current = true;
          // Accepted in another tab already: the new version waits for nothing but this page's reload.
          if (inControl.current) window.location.reload();
          else void updateServiceWorker(true);
        }}
      >
        {t('update.reload')}
      </button>
      <button type="button" className="secondary" onClick={() => setNeedRefresh(false)}>
        {t('update.later')}
      </button>
    </div>
  );
}
