// Entry point: opens the device database, sets up the language, reads the first screen's data, renders the app.
import './db/open-at-start.ts';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { DbProvider } from './db/DbProvider.tsx';
import { db, firstScreenRead, storageChecked } from './db/open-at-start.ts';
import { STORAGE_FULL_EVENT } from './db/storage-full.ts';
import { initI18n } from './i18n/i18n.ts';
import './ui/app.css';
import { isLowOnSpace, storageSpace } from './ui/device-readiness.ts';
import { listenForInstallOffer } from './ui/install.ts';
import { useUiState } from './ui/ui-store.ts';

listenForInstallOffer();
// The words are set up while the database opens (open-at-start.ts); the first render then shows the first screen's data.
const [i18n, storage, signedIn] = await Promise.all([initI18n(), storageChecked, firstScreenRead]);
useUiState.getState().setStorage(storage);
// Ask the browser to keep the data when the phone runs short of space (it decides; asking costs nothing), and warn
// early if space is already short (neither holds up the start); any screen says so when a write was refused for it.
void navigator.storage?.persist?.().catch(() => false);
window.addEventListener(STORAGE_FULL_EVENT, () => useUiState.setState({ storageFull: true }));
void storageSpace()
  .then((space) => useUiState.setState({ lowSpace: isLowOnSpace(space) }))
  .catch(() => {});

const root = createRoot(document.getElementById('root')!);
const renderApp = () =>
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <DbProvider db={db}>
          <App />
        </DbProvider>
      </I18nextProvider>
    </StrictMode>,
  );
// Signed in, the first screen (its data already read, above) renders in one task: as a transition it was cut into
// slices with other work between them, and the phone's first tap waited for all of them. The sign-in page still
// renders as a transition, in slices of a few milliseconds: on a first visit it competes with the page's loading, and
// no slice holds a slow phone's main thread for long (Lighthouse's total blocking time).
if (signedIn) renderApp();
else startTransition(renderApp);
