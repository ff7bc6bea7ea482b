// Routes, and the rule that a stored session opens the app straight away (even offline) while a missing one
// leads to sign-in. While signed in, the sync scheduler runs.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { useDb } from './db/DbProvider.tsx';
import { useSession } from './db/hooks.ts';
import { HomePage } from './features/home/HomePage.tsx';
import { LoginPage } from './features/login/LoginPage.tsx';
import { startSyncScheduler } from './sync/scheduler.ts';
import { UpdatePrompt } from './ui/UpdatePrompt.tsx';

function useSyncWhileSignedIn(signedIn: boolean) {
  const db = useDb();
  useEffect(() => (signedIn ? startSyncScheduler(db) : undefined), [db, signedIn]);
}

function Home() {
  const { t } = useTranslation();
  const session = useSession();
  useSyncWhileSignedIn(Boolean(session && !session.needsSignIn));
  if (session === undefined) return <p className="loading">{t('common.loading')}</p>;
  if (session === null) return <Navigate to="/login" replace />;
  return <HomePage session={session} />;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Home />} />
      </Routes>
      <UpdatePrompt />
    </BrowserRouter>
  );
}
