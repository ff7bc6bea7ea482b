// Opens the device database and starts reading what the first screen shows as soon as this module is evaluated:
// main.tsx imports it first, so IndexedDB opens while the rest of the app's modules are evaluated and the words are
// set up, instead of after.
import { AppDb } from './app-db.ts';
import { readFirstScreen } from './first-reads.ts';
import { checkStorage } from './storage-check.ts';
import {
  attachWriteWorker,
  type WriteHere,
  type WritePort,
  WriteWorkerClient,
} from './write-worker-client.ts';

export const db = new AppDb();
// Writes go to the write worker, started when first needed (a roll read for the screen, or a write); where no worker
// can be made, the client writes in the page, loading what writing needs then (zod and the schemas, not part of the
// first load).
const writeHere: WriteHere = async (batch, centreId) =>
  (await import('./local-write.ts')).writeHere(db, batch, centreId);
attachWriteWorker(
  db,
  new WriteWorkerClient(
    () =>
      new Worker(new URL('./write-worker-start.ts', import.meta.url), {
        type: 'module',
      }) as unknown as WritePort,
    writeHere,
  ),
);
export const storageChecked = checkStorage(db);
export const firstScreenRead = readFirstScreen(db);
