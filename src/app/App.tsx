// Routes, and the rule that a stored session opens the app straight away (even offline) while a missing one
// leads to sign-in. Brings data up to date at start and whenever the connection returns.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { useDb } from './db/DbProvider.tsx';
import { useSession } from './db/hooks.ts';
import { HomePage } from './features/home/HomePage.tsx';
import { LoginPage } from './features/login/LoginPage.tsx';
import { download } from './sync/download.ts';
import { UpdatePrompt } from './ui/UpdatePrompt.tsx';

function useDownloadWhenOnline(signedIn: boolean) {
  const db = useDb();
  useEffect(() => {
    if (!signedIn) return;
    const run = () => void download(db);
    if (navigator.onLine) run();
    window.addEventListener('online', run);
    return () => window.removeEventListener('online', run);
  }, [db, signedIn]);
}

function Home() {
  const { t } = useTranslation();
  const session = useSession();
  useDownloadWhenOnline(Boolean(session));
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
