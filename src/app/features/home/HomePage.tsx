// The signed-in home: one screen per role, all read from the device database.
import type { StoredSession } from '../../db/device-state.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { AdminHome } from './AdminHome.tsx';
import { InstructorHome } from './InstructorHome.tsx';
import { LearnerHome } from './LearnerHome.tsx';

export function HomePage({ session }: { session: StoredSession }) {
  const { user, centre } = session.me;
  return (
    <AppShell session={session}>
      {user.role === 'admin' && <AdminHome />}
      {user.role === 'instructor' && <InstructorHome userId={user.id} />}
      {user.role === 'learner' && <LearnerHome learnerId={user.learnerId} centre={centre} />}
    </AppShell>
  );
}
