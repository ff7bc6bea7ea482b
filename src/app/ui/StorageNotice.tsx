// Says what happened when the start-up check found the device's data wiped or replaced, warns when the device is
// short of space, before a write fails for it, and says so when a write did fail for it.
import { useTranslation } from 'react-i18next';
import { useUiState } from './ui-store.ts';

export function StorageNotice() {
  const { t } = useTranslation();
  const storage = useUiState((s) => s.storage);
  const lowSpace = useUiState((s) => s.lowSpace);
  const storageFull = useUiState((s) => s.storageFull);
  return (
    <>
      {storageFull && (
        <div className="banner" role="alert">
          <p>{t('storage.full')}</p>
          <button
            type="button"
            className="secondary small"
            onClick={() => useUiState.setState({ storageFull: false })}
          >
            {t('storage.dismiss')}
          </button>
        </div>
      )}
      {(storage === 'wiped' || storage === 'foreign') && (
        <p className="banner" role="status">
          {t(`storage.${storage}`)}
        </p>
      )}
      {lowSpace && (
        <p className="banner" role="status">
          {t('storage.low')}
        </p>
      )}
    </>
  );
}
