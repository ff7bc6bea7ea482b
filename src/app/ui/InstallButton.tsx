// "Cài ứng dụng" beside who is signed in when the browser offers installing; on an iPhone, how to add it to the home
// screen.
import { useTranslation } from 'react-i18next';
import { acceptInstallOffer, needsIosInstructions, useInstallState } from './install.ts';

export function InstallButton() {
  const { t } = useTranslation();
  const offer = useInstallState((s) => s.offer);
  if (offer)
    return (
      <button type="button" className="secondary" onClick={() => acceptInstallOffer()}>
        {t('install.button')}
      </button>
    );
  if (!needsIosInstructions()) return null;
  return (
    <details className="install-ios">
      <summary>{t('install.button')}</summary>
      <p>{t('install.ios')}</p>
    </details>
  );
}
