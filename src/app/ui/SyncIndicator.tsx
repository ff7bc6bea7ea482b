// Always on screen: connection, unsynced changes, last successful sync, the current problem, and "sync now".
import { useTranslation } from 'react-i18next';
import { usePendingCount } from '../db/outbox.ts';
import { formatTime } from '../i18n/format.ts';
import { useSyncStatus } from '../sync/sync-status.ts';
import { useOnline } from './useOnline.ts';

export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const pending = usePendingCount() ?? 0;
  const { running, lastSyncedAt, error, syncNow } = useSyncStatus();
  return (
    <div className="statusbar" aria-live="polite">
      <span className={online ? 'pill online' : 'pill offline'}>
        {online ? t('common.online') : t('common.offline')}
      </span>
      <span className={pending > 0 ? 'pending' : 'synced'} data-testid="pending-count">
        {pending > 0 ? t('sync.pending', { count: pending }) : t('sync.allSynced')}
      </span>
      <span className="sync">
        {running
          ? t('common.syncing')
          : lastSyncedAt
            ? t('common.lastSynced', { time: formatTime(lastSyncedAt, i18n.language) })
            : ''}
        {error && !running && online ? ` · ${t(`sync.error.${error}`)}` : ''}
      </span>
      <button type="button" className="secondary small" onClick={syncNow} disabled={!online || running}>
        {t('sync.now')}
      </button>
    </div>
  );
}
