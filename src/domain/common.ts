// Building blocks shared by every record schema: ids, calendar dates, and the fields every synced record carries.
import { z } from 'zod';

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** A calendar date as the user means it (no time zone): YYYY-MM-DD, validated as a real day. */
export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Text a person typed: trimmed, Unicode NFC (input methods also produce NFD), bounded. */
export const text = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max));
export const requiredText = (max: number) => text(max).pipe(z.string().min(1).max(max));

/** A proportion in [0, 1], e.g. an attendance threshold of 80% is 0.8. */
export const Ratio = z.number().min(0).max(1);

/** Fields every synced record carries: the device-made id, the last change time, and a soft-delete flag. */
export const syncedFields = {
  id: Id,
  updatedAt: IsoDateTime,
  deleted: z.boolean(),
};
export const centreScoped = { ...syncedFields, centreId: Id };
