// The device's own state in the `meta` table: the signed-in session, the pull cursor, when the last sync
// succeeded and a stable device id.
import type { LoginResponse, Me } from '../../domain/auth.ts';
import { newId } from '../../domain/ids.ts';
import type { AppDb, MetaRow } from './app-db.ts';
import { type RememberedQuery, setRemembered } from './remembered.ts';

export interface StoredSession {
  token: string;
  expiresAt: string;
  me: Me;
  /** The server refused the token (revoked or expired): sign in again; local data and pending changes stay. */
  needsSignIn: boolean;
}

const SESSION = 'session';
const CURSOR = 'pullCursor';
const DEVICE_ID = 'deviceId';
const EXPORTED_THROUGH = 'exportedThroughSeq';
const LAST_SYNCED = 'lastSyncedAt';

export async function readSession(db: AppDb): Promise<StoredSession | null> {
  return ((await db.meta.get(SESSION))?.value as StoredSession | undefined) ?? null;
}

/**
 * The session as a remembered query (remembered.ts): every screen reads it, and none should wait for it. Its writers
 * below set what is remembered, so that a screen opened after a sign-in or sign-out does not act on the session before.
 */
export const sessionQuery: RememberedQuery<StoredSession | null> = {
  key: 'session',
  read: readSession,
  // Its writers below set it; the meta table it is in is written by every tap.
  tables: [],
  keepEqual: true,
};

export async function saveSession(db: AppDb, login: LoginResponse): Promise<void> {
  const session: StoredSession = {
    token: login.token,
    expiresAt: login.expiresAt,
    me: login.me,
    needsSignIn: false,
  };
  await db.meta.put({ key: SESSION, value: session });
  setRemembered(db, sessionQuery, session);
}

export async function markSessionRefused(db: AppDb): Promise<void> {
  const refused = await db.transaction('rw', db.meta, async () => {
    const session = await readSession(db);
    if (!session) return null;
    const marked = { ...session, needsSignIn: true };
    await db.meta.put({ key: SESSION, value: marked });
    return marked;
  });
  setRemembered(db, sessionQuery, refused);
}

export async function clearSession(db: AppDb): Promise<void> {
  await db.meta.delete(SESSION);
  setRemembered(db, sessionQuery, null);
}

export async function readCursor(db: AppDb): Promise<number> {
  return ((await db.meta.get(CURSOR))?.value as number | undefined) ?? 0;
}

/** A random id for this installation, made once; it names the device in sync messages and HLC stamps. */
export async function deviceId(db: AppDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => deviceIdOf(db, await db.meta.get(DEVICE_ID)));
}

/**
 * The device id held in its meta row (read by the caller, in a read-write transaction over `meta`), made and stored
 * in that transaction when there is none yet; a failed store fails the caller's transaction.
 */
export function deviceIdOf(db: AppDb, row: MetaRow | undefined): string {
  const existing = row?.value as string | undefined;
  if (existing) return existing;
  const id = newId();
  void db.meta.put({ key: DEVICE_ID, value: id });
  return id;
}

/** When a sync round last succeeded (ISO time), so that the age of the data is still known after a reload. */
export async function saveLastSynced(db: AppDb, iso: string): Promise<void> {
  await db.meta.put({ key: LAST_SYNCED, value: iso });
}

export async function readLastSynced(db: AppDb): Promise<string | null> {
  return ((await db.meta.get(LAST_SYNCED))?.value as string | undefined) ?? null;
}

/** Remembers that every outbox entry up to `seq` was saved to a file. */
export async function markExported(db: AppDb, seq: number): Promise<void> {
  await db.meta.put({ key: EXPORTED_THROUGH, value: seq });
}

/**
 * Changes waiting for the server that were not saved to a file either, and photos not uploaded yet (a file of
 * changes cannot carry them): these must not be abandoned.
 */
export async function unsavedPendingCount(db: AppDb): Promise<number> {
  const through = ((await db.meta.get(EXPORTED_THROUGH))?.value as number | undefined) ?? 0;
  return (await db.outbox.where('seq').above(through).count()) + (await photosToUpload(db));
}

export const photosToUpload = (db: AppDb) => db.files.where('uploaded').equals(0).count();

/** The rows every local write reads and advances: the device's hybrid logical clock, next outbox seq and id. */
export const HEAD_KEYS = { HLC: 'hlc', NEXT_SEQ: 'nextSeq', DEVICE_ID } as const;

/**
 * The write stamp, changed in the same transaction as any roll or head row (write-stamp.ts): equal stamps, same rolls
 * and head. It is a meta row of its own, keyed by its value and holding `slot: WRITE_STAMP` under a unique index, so
 * there is never more than one. A writer that holds stamp S deletes S's row and adds a new one: if S was no longer
 * the stamp, the add meets the current row in the index and fails, in the database itself (guessed-write.ts).
 */
export const WRITE_STAMP = 'writeStamp';

export const writeStampKey = (stamp: string) => `${WRITE_STAMP}/${stamp}`;

export const writeStampRow = (stamp: string): MetaRow => ({
  key: writeStampKey(stamp),
  value: stamp,
  slot: WRITE_STAMP,
});

/** The current write stamp, if any write has made one. */
export async function readWriteStamp(db: AppDb): Promise<string | undefined> {
  return (await db.meta.where('slot').equals(WRITE_STAMP).first())?.value as string | undefined;
}

export const META_KEYS = { SESSION, CURSOR, DEVICE_ID } as const;
