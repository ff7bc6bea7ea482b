// Which build of the app this device runs, for support calls ("which version is on your phone?") and to tell, after
// an update, that the new one is running.
import { useTranslation } from 'react-i18next';

// Set by vite.config.ts at build time; absent when the code runs unbuilt (unit tests).
declare const __APP_BUILD__: string | undefined;

export function AppVersion() {
  const { t } = useTranslation();
  const build = typeof __APP_BUILD__ === 'string' ? __APP_BUILD__ : 'dev';
  return (
    <p className="muted storage-usage" data-testid="app-version">
      {t('app.version', { build })}
    </p>
  );
}
