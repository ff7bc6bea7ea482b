// The photos kept with a session, with their bytes where this device has them.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Attachment } from '../../domain/entities.ts';
import { alive } from './alive.ts';
import type { AppDb } from './app-db.ts';
import { useDb } from './DbProvider.tsx';

export interface SessionPhoto {
  attachment: Attachment;
  /** Null when the photo was taken on another device and not fetched here yet. */
  blob: Blob | null;
  /** The server has the bytes. */
  uploaded: boolean;
}

export function useSessionPhotos(sessionId: string): SessionPhoto[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const attachments = alive(await db.attachments.where('sessionId').equals(sessionId).toArray()).sort(
      (a, b) => a.takenAt.localeCompare(b.takenAt),
    );
    const files = await db.files.bulkGet(attachments.map((a) => a.id));
    return attachments.map((attachment, i) => ({
      attachment,
      blob: files[i]?.blob ?? null,
      uploaded: files[i]?.uploaded === 1,
    }));
  }, [db, sessionId]);
}

/** Keeps bytes fetched from the server, so the photo shows offline next time. */
export async function keepDownloadedPhoto(db: AppDb, id: string, blob: Blob): Promise<void> {
  await db.files.put({ id, blob, uploaded: 1 });
}
