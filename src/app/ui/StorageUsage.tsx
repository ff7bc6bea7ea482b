// How much of the device's storage the app uses and how much is left, on every signed-in screen, so anyone (a
// learner too) can see it before the phone runs short; the readiness check gives the details.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../i18n/format.ts';
import { type DeviceReadiness, storageSpace } from './device-readiness.ts';

export function StorageUsage() {
  const { t, i18n } = useTranslation();
  const [space, setSpace] = useState<DeviceReadiness['space']>(null);
  useEffect(() => {
    let current = true;
    storageSpace().then(
      (found) => current && setSpace(found),
      () => {},
    );
    return () => {
      current = false;
    };
  }, []);
  if (!space) return null;
  return (
    <p className="muted storage-usage" data-testid="storage-usage">
      {t('storage.usage', {
        used: formatBytes(space.usage, i18n.language),
        free: formatBytes(space.free, i18n.language),
      })}
    </p>
  );
}
