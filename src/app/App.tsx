// Routes, and the rule that a stored session opens the app straight away (even offline) while a missing one
// leads to sign-in. While signed in, the sync scheduler runs.
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { INVITATION_PATH } from '../domain/invitation-link.ts';
import { useDb } from './db/DbProvider.tsx';
import type { StoredSession } from './db/device-state.ts';
import { useSession } from './db/hooks.ts';
import { HomePage } from './features/home/HomePage.tsx';
import { LoginPage } from './features/login/LoginPage.tsx';
import { ReadinessPage } from './features/readiness/ReadinessPage.tsx';
import { RollPage } from './features/roll/RollPage.tsx';
import { SignInSheetPage } from './features/roll/SignInSheetPage.tsx';
import { startSyncScheduler } from './sync/scheduler.ts';
import { UpdatePrompt } from './ui/UpdatePrompt.tsx';

// Staff screens load on first use (the service worker keeps them for offline): a phone taking roll never pays for them.
const ClassRecordPage = lazy(() =>
  import('./features/reports/ClassRecordPage.tsx').then((m) => ({ default: m.ClassRecordPage })),
);
const PlanPage = lazy(() => import('./features/plan/PlanPage.tsx').then((m) => ({ default: m.PlanPage })));
const UsersPage = lazy(() =>
  import('./features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const RosterImportPage = lazy(() =>
  import('./features/roster-import/RosterImportPage.tsx').then((m) => ({ default: m.RosterImportPage })),
);
const ClassKindsPage = lazy(() =>
  import('./features/office/ClassKindsPage.tsx').then((m) => ({ default: m.ClassKindsPage })),
);
const ClassFormPage = lazy(() =>
  import('./features/office/ClassFormPage.tsx').then((m) => ({ default: m.ClassFormPage })),
);
const SchedulePage = lazy(() =>
  import('./features/office/SchedulePage.tsx').then((m) => ({ default: m.SchedulePage })),
);
const LearnerHistoryPage = lazy(() =>
  import('./features/reports/LearnerHistoryPage.tsx').then((m) => ({ default: m.LearnerHistoryPage })),
);
const DossiersPage = lazy(() =>
  import('./features/dossiers/DossiersPage.tsx').then((m) => ({ default: m.DossiersPage })),
);
const InvitePage = lazy(() =>
  import('./features/invitations/InvitePage.tsx').then((m) => ({ default: m.InvitePage })),
);
const JoinPage = lazy(() =>
  import('./features/invitations/JoinPage.tsx').then((m) => ({ default: m.JoinPage })),
);
const ReportsPage = lazy(() =>
  import('./features/reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })),
);

function useSyncWhileSignedIn(signedIn: boolean) {
  const db = useDb();
  useEffect(() => (signedIn ? startSyncScheduler(db) : undefined), [db, signedIn]);
}

function Loading() {
  const { t } = useTranslation();
  return <p className="loading">{t('common.loading')}</p>;
}

/** Renders a signed-in screen, or sends to sign-in; data comes from the device, so this works offline. */
function SignedIn({ screen }: { screen: (session: StoredSession) => ReactNode }) {
  const session = useSession();
  useSyncWhileSignedIn(Boolean(session && !session.needsSignIn));
  if (session === undefined) return <Loading />;
  if (session === null) return <Navigate to="/login" replace />;
  // Staff screens are loaded on first use: shown as loading meanwhile.
  return <Suspense fallback={<Loading />}>{screen(session)}</Suspense>;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path={INVITATION_PATH}
          element={
            <Suspense fallback={<Loading />}>
              <JoinPage />
            </Suspense>
          }
        />
        <Route path="/buoi/:sessionId" element={<SignedIn screen={(s) => <RollPage session={s} />} />} />
        <Route
          path="/buoi/:sessionId/in"
          element={<SignedIn screen={(s) => <SignInSheetPage session={s} />} />}
        />
        <Route
          path="/lop/:classId/san-sang"
          element={<SignedIn screen={(s) => <ReadinessPage session={s} />} />}
        />
        <Route path="/ke-hoach" element={<SignedIn screen={(s) => <PlanPage session={s} />} />} />
        <Route path="/nguoi-dung" element={<SignedIn screen={(s) => <UsersPage session={s} />} />} />
        <Route path="/loai-lop" element={<SignedIn screen={(s) => <ClassKindsPage session={s} />} />} />
        <Route path="/lop/moi" element={<SignedIn screen={(s) => <ClassFormPage session={s} />} />} />
        <Route
          path="/lop/:classId/sua"
          element={<SignedIn screen={(s) => <ClassFormPage session={s} />} />}
        />
        <Route
          path="/lop/:classId/lich"
          element={<SignedIn screen={(s) => <SchedulePage session={s} />} />}
        />
        <Route
          path="/hoc-vien/:learnerId"
          element={<SignedIn screen={(s) => <LearnerHistoryPage session={s} />} />}
        />
        <Route
          path="/ho-so-tuong-duong"
          element={<SignedIn screen={(s) => <DossiersPage session={s} />} />}
        />
        <Route path="/bao-cao" element={<SignedIn screen={(s) => <ReportsPage session={s} />} />} />
        <Route
          path="/lop/:classId/diem-danh"
          element={<SignedIn screen={(s) => <ClassRecordPage session={s} />} />}
        />
        <Route
          path="/lop/:classId/moi-hoc-vien"
          element={<SignedIn screen={(s) => <InvitePage session={s} />} />}
        />
        <Route
          path="/lop/:classId/nhap-danh-sach"
          element={<SignedIn screen={(s) => <RosterImportPage session={s} />} />}
        />
        <Route path="*" element={<SignedIn screen={(s) => <HomePage session={s} />} />} />
      </Routes>
      <UpdatePrompt />
    </BrowserRouter>
  );
}
