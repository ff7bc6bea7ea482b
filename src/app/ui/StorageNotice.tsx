// Says what happened when the start-up check found the device's data wiped or replaced.
import { useTranslation } from 'react-i18next';
import { useUiState } from './ui-store.ts';

export function StorageNotice() {
  const { t } = useTranslation();
  const storage = useUiState((s) => s.storage);
  if (storage !== 'wiped' && storage !== 'foreign') return null;
  return (
    <p className="banner" role="status">
      {t(`storage.${storage}`)}
    </p>
  );
}
