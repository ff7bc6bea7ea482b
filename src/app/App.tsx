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
import { loadSyncScheduler } from './sync/load-scheduler.ts';
import { AppShell } from './ui/AppShell.tsx';
import { useAfterFirstScreen } from './ui/first-screen.ts';
import { lazyScreen } from './ui/lazy-screen.ts';
import { ScreenGuard } from './ui/ScreenErrorBoundary.tsx';
import { ScrollOnNavigate } from './ui/scroll-on-navigate.ts';

// The instructor's screens load on first use too, so that the sign-in page and a learner's schedule paint without
// them; an instructor's phone fetches the roll as soon as the home screen is up, so opening a session never waits.
const loadRollPage = () => import('./features/roll/RollPage.tsx');
const RollPage = lazyScreen(() => loadRollPage().then((m) => m.RollPage));
const SignInSheetPage = lazyScreen(() =>
  import('./features/roll/SignInSheetPage.tsx').then((m) => m.SignInSheetPage),
);
const ReadinessPage = lazyScreen(() =>
  import('./features/readiness/ReadinessPage.tsx').then((m) => m.ReadinessPage),
);

// Staff screens load on first use (the service worker keeps them for offline): a phone taking roll never pays for them.
const ClassRecordPage = lazyScreen(() =>
  import('./features/reports/ClassRecordPage.tsx').then((m) => m.ClassRecordPage),
);
const PlanPage = lazyScreen(() => import('./features/plan/PlanPage.tsx').then((m) => m.PlanPage));
const UsersPage = lazyScreen(() => import('./features/users/UsersPage.tsx').then((m) => m.UsersPage));
const RosterImportPage = lazyScreen(() =>
  import('./features/roster-import/RosterImportPage.tsx').then((m) => m.RosterImportPage),
);
const ClassKindsPage = lazyScreen(() =>
  import('./features/office/ClassKindsPage.tsx').then((m) => m.ClassKindsPage),
);
const ClassFormPage = lazyScreen(() =>
  import('./features/office/ClassFormPage.tsx').then((m) => m.ClassFormPage),
);
const SchedulePage = lazyScreen(() =>
  import('./features/office/SchedulePage.tsx').then((m) => m.SchedulePage),
);
const LearnerHistoryPage = lazyScreen(() =>
  import('./features/reports/LearnerHistoryPage.tsx').then((m) => m.LearnerHistoryPage),
);
const DossiersPage = lazyScreen(() =>
  import('./features/dossiers/DossiersPage.tsx').then((m) => m.DossiersPage),
);
const AuditLogPage = lazyScreen(() =>
  import('./features/audit/AuditLogPage.tsx').then((m) => m.AuditLogPage),
);
const InvitePage = lazyScreen(() =>
  import('./features/invitations/InvitePage.tsx').then((m) => m.InvitePage),
);
const JoinPage = lazyScreen(() => import('./features/invitations/JoinPage.tsx').then((m) => m.JoinPage));
// The service worker's registration and its update prompt come once the first screen is up, which needs neither.
const UpdatePrompt = lazy(() => import('./ui/UpdatePrompt.tsx').then((m) => ({ default: m.UpdatePrompt })));
const ReportsPage = lazyScreen(() => import('./features/reports/ReportsPage.tsx').then((m) => m.ReportsPage));

/**
 * Runs the sync scheduler while signed in; its code (and the protocol's schemas) loads a moment after the first
 * screen is up (first-screen.ts). A component of its own that renders nothing: when the first screen says it is
 * shown, only this re-renders, not the screen (on a slow phone that re-render was one long task right after the
 * schedule appeared).
 */
function SyncWhileSignedIn({ session }: { session: StoredSession }) {
  const db = useDb();
  const ready = useAfterFirstScreen();
  const settled = useAfterFirstScreen(true);
  const signedIn = !session.needsSignIn && settled;
  useEffect(() => {
    if (!signedIn) return;
    let stop: (() => void) | undefined;
    let stopped = false;
    void loadSyncScheduler().then(({ startSyncScheduler }) => {
      if (!stopped) stop = startSyncScheduler(db);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [db, signedIn]);
  const role = session.me.user.role;
  useEffect(() => {
    if (ready && role === 'instructor') void loadRollPage();
  }, [ready, role]);
  return null;
}

/** The service worker's registration and its update prompt, once the first screen is up (same reason as above). */
function UpdatesAfterFirstScreen() {
  const ready = useAfterFirstScreen(true);
  return ready ? (
    <Suspense fallback={null}>
      <UpdatePrompt />
    </Suspense>
  ) : null;
}

function Loading() {
  const { t } = useTranslation();
  return <p className="loading">{t('common.loading')}</p>;
}

/** Renders a signed-in screen, or sends to sign-in; data comes from the device, so this works offline. */
function SignedIn({ screen }: { screen: (session: StoredSession) => ReactNode }) {
  const session = useSession();
  if (session === undefined) return <Loading />;
  if (session === null) return <Navigate to="/login" replace />;
  // Screens loaded on first use show as loading meanwhile.
  return (
    <>
      <SyncWhileSignedIn session={session} />
      <ScreenGuard frame={(message) => <AppShell session={session}>{message}</AppShell>}>
        <Suspense fallback={<Loading />}>{screen(session)}</Suspense>
      </ScreenGuard>
    </>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <ScrollOnNavigate />
      {/* Sign-in, joining, and a failure before a signed-in screen's own frame is up (the device's database). */}
      <ScreenGuard>
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
          <Route path="/nhat-ky" element={<SignedIn screen={(s) => <AuditLogPage session={s} />} />} />
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
      </ScreenGuard>
      <UpdatesAfterFirstScreen />
    </BrowserRouter>
  );
}
