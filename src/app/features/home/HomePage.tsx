// The signed-in home: one screen per role, all read from the device database. A learner's is part of the first
// load (a phone opened to see the schedule paints it at once); staff and instructors' load with their first visit.
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredSession } from '../../db/device-state.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { lazyScreen } from '../../ui/lazy-screen.ts';
import { LearnerHome } from './LearnerHome.tsx';

const AdminHome = lazyScreen(() => import('./AdminHome.tsx').then((m) => m.AdminHome));
const InstructorHome = lazyScreen(() => import('./InstructorHome.tsx').then((m) => m.InstructorHome));

export function HomePage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { user, centre } = session.me;
  return (
    <AppShell session={session}>
      <Suspense fallback={<p>{t('common.loading')}</p>}>
        {user.role === 'admin' && <AdminHome />}
        {user.role === 'instructor' && <InstructorHome userId={user.id} />}
      </Suspense>
      {user.role === 'learner' && <LearnerHome learnerId={user.learnerId} centre={centre} />}
    </AppShell>
  );
}
