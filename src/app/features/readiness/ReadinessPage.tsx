// "Sẵn sàng đi lớp": before travelling to a class with no connection, the instructor checks that everything the
// class needs is on the phone (roster, sessions, QR check-in data, the app itself), how old the data is, the
// storage, and what is still unsent; one button refreshes it all while online.
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { clockOffsetMs } from '../../db/clock-offset.ts';
import type { StoredSession } from '../../db/device-state.ts';
import { useClassReadiness } from '../../db/readiness.ts';
import { formatBytes, formatDateTime, formatDuration, formatTimeAgo, localToday } from '../../i18n/format.ts';
import { useSyncStatus } from '../../sync/sync-status.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import {
  isLowOnSpace,
  type OfflineApp,
  refreshEverything,
  useDeviceReadiness,
} from '../../ui/device-readiness.ts';
import { useOnline } from '../../ui/useOnline.ts';

// The roster and the schedule change from day to day; a copy older than a day may miss a late change.
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
// A phone this far off the server's clock is worth setting right; the app itself follows the server's (clock-offset.ts).
const CLOCK_WARN_MS = 2 * 60 * 1000;
// Room for about ten photos of signed sheets at their largest; marks themselves take a few kilobytes.

type Check = 'ok' | 'warn' | 'checking';

const APP_TEXT = {
  cached: 'readiness.appCached',
  notCached: 'readiness.appNotCached',
  unsupported: 'readiness.appUnsupported',
} satisfies Record<OfflineApp, string>;

/** The current time, moving on every minute so that "x phút trước" and "today" stay true on an open screen. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function CheckItem({ check, label, children }: { check: Check; label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className={`readiness-item ${check}`}>
      <span className="readiness-mark" aria-hidden="true">
        {check === 'ok' ? '✓' : check === 'warn' ? '⚠' : '…'}
      </span>
      <div>
        <strong>{label}</strong>
        <span className="visually-hidden">: {t(`readiness.${check}`)}</span>
        <div className="readiness-detail">{children}</div>
      </div>
    </li>
  );
}

export function ReadinessPage({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const { classId = '' } = useParams();
  const now = useMinuteClock();
  // Today by the server's clock (clock-offset.ts), read again as `now` moves on each minute.
  const readiness = useClassReadiness(classId, localToday());
  const { device, recheck } = useDeviceReadiness();
  const online = useOnline();
  const { running, syncNow } = useSyncStatus();
  const [refreshing, setRefreshing] = useState(false);

  if (readiness === undefined) return <AppShell session={session}>{t('common.loading')}</AppShell>;
  if (readiness === null) {
    return (
      <AppShell session={session}>
        <p>{t('readiness.notOnDevice')}</p>
        <Link to="/">{t('readiness.back')}</Link>
      </AppShell>
    );
  }

  const { cls, roster, learnersOnDevice, sessions, upcoming, qrReady, unsynced, lastSyncedAt } = readiness;
  const language = i18n.language;
  const stale = !lastSyncedAt || now.getTime() - new Date(lastSyncedAt).getTime() > STALE_AFTER_MS;
  const lowSpace = device ? isLowOnSpace(device.space) : false;
  const clockOff = clockOffsetMs();
  const checks = {
    roster: roster > 0 && learnersOnDevice === roster ? 'ok' : 'warn',
    sessions: upcoming > 0 ? 'ok' : 'warn',
    qr: roster > 0 && qrReady === roster ? 'ok' : 'warn',
    app: device ? (device.offlineApp === 'cached' ? 'ok' : 'warn') : 'checking',
    age: stale ? 'warn' : 'ok',
    storage: device ? (device.persisted === true && !lowSpace ? 'ok' : 'warn') : 'checking',
    clock: Math.abs(clockOff) < CLOCK_WARN_MS ? 'ok' : 'warn',
    unsynced: unsynced === 0 ? 'ok' : 'warn',
  } satisfies Record<string, Check>;
  const states: Check[] = Object.values(checks);
  const toCheck = states.filter((c) => c === 'warn').length;
  const summary: Check = toCheck > 0 ? 'warn' : states.includes('checking') ? 'checking' : 'ok';
  const busy = refreshing || running;

  async function refresh() {
    setRefreshing(true);
    try {
      await refreshEverything(syncNow);
    } finally {
      setRefreshing(false);
      recheck();
    }
  }

  return (
    <AppShell session={session}>
      <Link to="/" className="back">
        ← {t('readiness.back')}
      </Link>
      <h1>{t('readiness.title')}</h1>
      <p className="muted">
        <span className="code">{cls.code}</span> {cls.name}
      </p>
      <p>{t('readiness.intro')}</p>
      <p className={`readiness-summary ${summary}`} role="status">
        {summary === 'warn'
          ? t('readiness.toCheck', { count: toCheck })
          : t(summary === 'ok' ? 'readiness.allReady' : 'readiness.checking')}
      </p>
      <ul className="readiness-list">
        <CheckItem check={checks.roster} label={t('readiness.roster')}>
          {roster === 0 ? t('readiness.rosterNone') : t('readiness.rosterCount', { count: roster })}
          {roster > learnersOnDevice && (
            <p>{t('readiness.rosterMissing', { count: roster - learnersOnDevice })}</p>
          )}
        </CheckItem>
        <CheckItem check={checks.sessions} label={t('readiness.sessions')}>
          {sessions === 0
            ? t('readiness.sessionsNone')
            : t('readiness.sessionsCount', { count: sessions, upcoming })}
        </CheckItem>
        <CheckItem check={checks.qr} label={t('readiness.qr')}>
          {t('readiness.qrCount', { ready: qrReady, total: roster })}
        </CheckItem>
        <CheckItem check={checks.app} label={t('readiness.app')}>
          {device ? t(APP_TEXT[device.offlineApp]) : t('readiness.checking')}
        </CheckItem>
        <CheckItem check={checks.age} label={t('readiness.age')}>
          {lastSyncedAt
            ? t('readiness.ageAt', {
                time: formatDateTime(lastSyncedAt, language),
                ago: formatTimeAgo(lastSyncedAt, language, now),
              })
            : t('readiness.ageNever')}
          {stale && <p>{t('readiness.ageStale')}</p>}
        </CheckItem>
        <CheckItem check={checks.storage} label={t('readiness.storage')}>
          {!device ? (
            t('readiness.checking')
          ) : (
            <>
              {device.space
                ? t('readiness.storageSpace', {
                    used: formatBytes(device.space.usage, language),
                    free: formatBytes(device.space.free, language),
                  })
                : t('readiness.storageUnknown')}
              {lowSpace && <p>{t('readiness.storageLow')}</p>}
              <p>
                {device.persisted === null
                  ? t('readiness.persistUnknown')
                  : device.persisted
                    ? t('readiness.persisted')
                    : t('readiness.notPersisted')}
              </p>
            </>
          )}
        </CheckItem>
        <CheckItem check={checks.clock} label={t('readiness.clock')}>
          {checks.clock === 'ok'
            ? t('readiness.clockOk')
            : t(clockOff > 0 ? 'readiness.clockBehind' : 'readiness.clockAhead', {
                amount: formatDuration(clockOff, language),
              })}
        </CheckItem>
        <CheckItem check={checks.unsynced} label={t('readiness.unsynced')}>
          {unsynced === 0 ? t('readiness.unsyncedNone') : t('readiness.unsyncedCount', { count: unsynced })}
        </CheckItem>
      </ul>
      <div className="readiness-refresh">
        <button type="button" disabled={!online || busy} onClick={() => void refresh()}>
          {busy ? t('readiness.refreshing') : t('readiness.refresh')}
        </button>
        <p className="muted">{online ? t('readiness.refreshHint') : t('readiness.offlineHint')}</p>
      </div>
    </AppShell>
  );
}
