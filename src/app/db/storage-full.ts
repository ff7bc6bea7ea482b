// A write the browser refused because the device is out of storage (QuotaExceededError, however Dexie wraps it).
// Every local change is one transaction, so nothing of it was stored; the write fails with StorageFullError and a
// window event tells every screen to say so in words (src/app/db cannot reach the screens otherwise).
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
}

export const STORAGE_FULL_EVENT = 'diem-danh:storage-full';

/**
 * Whether `err`, or an error it wraps, is the browser refusing for lack of space. Dexie wraps it in `inner`, and a
 * bulk write's failures (one per record) in a BulkError's `failures`.
 */
export function isStorageFull(err: unknown): boolean {
  const e = err as
    | { name?: string; inner?: unknown; cause?: unknown; failures?: unknown[] }
    | null
    | undefined;
  if (!e || typeof e !== 'object') return false;
  return (
    e.name === 'QuotaExceededError' ||
    e instanceof StorageFullError ||
    isStorageFull(e.inner) ||
    isStorageFull(e.cause) ||
    (Array.isArray(e.failures) && e.failures.some(isStorageFull))
  );
}

/** Runs a local write; a refusal for lack of space is announced and rethrown as StorageFullError. */
export async function guardStorage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isStorageFull(err)) throw err;
    globalThis.window?.dispatchEvent(new Event(STORAGE_FULL_EVENT));
    throw err instanceof StorageFullError ? err : new StorageFullError('storageFull', { cause: err });
  }
}
