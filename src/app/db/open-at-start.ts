// Opens the device database and starts reading what the first screen shows as soon as this module is evaluated:
// main.tsx imports it first, so IndexedDB opens while the rest of the app's modules are evaluated and the words are
// set up, instead of after.
import { AppDb } from './app-db.ts';
import { readFirstScreen } from './first-reads.ts';
import { checkStorage } from './storage-check.ts';

export const db = new AppDb();
export const storageChecked = checkStorage(db);
export const firstScreenRead = readFirstScreen(db);
