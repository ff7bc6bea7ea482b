// The centre office's screens: their data is the whole centre's, which only staff hold on their devices.
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredSession } from '../db/device-state.ts';
import { AppShell } from './AppShell.tsx';

function StaffOnly({ session, children }: { session: StoredSession; children: ReactNode }) {
  const { t } = useTranslation();
  if (session.me.user.role === 'admin') return children;
  return (
    <AppShell session={session}>
      <p>{t('common.staffOnly')}</p>
    </AppShell>
  );
}

type Screen = ComponentType<{ session: StoredSession }>;

/** A screen shown to staff only (others are told why). */
export function staffScreen(Screen: Screen): Screen {
  return function StaffScreen({ session }) {
    return (
      <StaffOnly session={session}>
        <Screen session={session} />
      </StaffOnly>
    );
  };
}
