// Notices at start when the device's database is not the one this browser profile had: wiped (the browser evicted
// it, the user cleared site data) or foreign (copied from elsewhere). The app then downloads again and says so.
import { newId } from '../../domain/ids.ts';
import type { AppDb } from './app-db.ts';
import { META_KEYS } from './device-state.ts';

export type StorageState = 'new' | 'ok' | 'wiped' | 'foreign';

const INSTALL_KEY = 'installId';
const MARKER = 'diem-danh.installId';

/** Compares the database's install id with the one remembered beside it (localStorage) and re-aligns them. */
export async function checkStorage(db: AppDb, marker: Storage = localStorage): Promise<StorageState> {
  const remembered = marker.getItem(MARKER);
  const stored = (await db.meta.get(INSTALL_KEY))?.value as string | undefined;
  let state: StorageState;
  if (!remembered && !stored) state = 'new';
  else if (remembered && !stored) state = 'wiped';
  else if (remembered && stored !== remembered) state = 'foreign';
  else state = 'ok';

  const id = stored ?? newId();
  if (!stored) await db.meta.put({ key: INSTALL_KEY, value: id });
  // A foreign copy's cursor says nothing about this server's history: download everything again (the outbox stays).
  if (state === 'foreign') await db.meta.put({ key: META_KEYS.CURSOR, value: 0 });
  marker.setItem(MARKER, id);
  return state;
}
