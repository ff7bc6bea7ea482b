// Entry point: opens the device database, sets up the language, renders the app.
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { AppDb } from './db/app-db.ts';
import { DbProvider } from './db/DbProvider.tsx';
import { checkStorage } from './db/storage-check.ts';
import { STORAGE_FULL_EVENT } from './db/storage-full.ts';
import { initI18n } from './i18n/i18n.ts';
import './ui/app.css';
import { isLowOnSpace, storageSpace } from './ui/device-readiness.ts';
import { listenForInstallOffer } from './ui/install.ts';
import { useUiState } from './ui/ui-store.ts';

listenForInstallOffer();
const i18n = await initI18n();
const db = new AppDb();
useUiState.getState().setStorage(await checkStorage(db));
// Ask the browser to keep the data when the phone runs short of space (it decides; asking costs nothing), and warn
// early if space is already short (neither holds up the start); any screen says so when a write was refused for it.
void navigator.storage?.persist?.().catch(() => false);
window.addEventListener(STORAGE_FULL_EVENT, () => useUiState.setState({ storageFull: true }));
void storageSpace()
  .then((space) => useUiState.setState({ lowSpace: isLowOnSpace(space) }))
  .catch(() => {});

const root = createRoot(document.getElementById('root')!);
// As a transition, the first render yields to the browser every few milliseconds instead of holding a slow phone's
// main thread for one long task.
startTransition(() =>
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <DbProvider db={db}>
          <App />
        </DbProvider>
      </I18nextProvider>
    </StrictMode>,
  ),
);
