// A photo of the signed sign-in sheet, kept with the session as evidence: shrunk on the phone (a camera picture is
// several megabytes; a readable A4 page needs far less), then its record and its bytes stored in one transaction.
// The sync engine sends the record with the other changes and the bytes right after.
import { MAX_ATTACHMENT_BYTES } from '../../../domain/entities.ts';
import { newId } from '../../../domain/ids.ts';
import type { AppDb } from '../../db/app-db.ts';
import { serverNowIso } from '../../db/clock-offset.ts';
import { recordTables } from '../../db/local-records.ts';
import { writeChanges } from '../../db/local-write.ts';
import { guardStorage } from '../../db/storage-full.ts';
import type { RollContext } from './roll-actions.ts';

const LONGEST_SIDE = 1600;

/** The photo as a JPEG no longer than LONGEST_SIDE pixels. */
export async function shrinkPhoto(photo: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(photo);
  const scale = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode'))), 'image/jpeg', 0.75),
  );
}

export class PhotoTooLargeError extends Error {}

/** Stores a (shrunk) photo as the session's sign-in sheet evidence; returns the attachment id. */
export async function attachSheetPhoto(db: AppDb, ctx: RollContext, jpeg: Blob): Promise<string> {
  if (jpeg.size > MAX_ATTACHMENT_BYTES) throw new PhotoTooLargeError();
  const id = newId();
  await guardStorage(() =>
    db.transaction('rw', [...recordTables(db), db.outbox, db.meta, db.files], async () => {
      await writeChanges(
        db,
        [
          {
            entity: 'attachments',
            recordId: id,
            changes: {
              sessionId: ctx.session.id,
              kind: 'signInSheet',
              mime: 'image/jpeg',
              size: jpeg.size,
              takenBy: ctx.userId,
              takenAt: serverNowIso(),
            },
          },
        ],
        ctx.centreId,
      );
      await db.files.put({ id, blob: jpeg, uploaded: 0 });
    }),
  );
  return id;
}
