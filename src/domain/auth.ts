// The account API's messages (login, the signed-in user), shared by the app and the server.
import { z } from 'zod';
import { Centre, User } from './entities.ts';

export const LoginRequest = z.strictObject({
  username: z
    .string()
    .min(1)
    .max(64)
    .transform((s) => s.trim().toLowerCase()),
  password: z.string().min(1).max(200),
  /** Shown to staff in the list of signed-in devices, e.g. "Chrome on Android". */
  deviceName: z.string().max(120).optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z.strictObject({
  user: User,
  centre: Centre,
  deviceSessionId: z.uuid(),
});
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.strictObject({
  /** Bearer token for this device; the server keeps only its hash, so it can be revoked but never read back. */
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  me: Me,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** Password rule for accounts created by staff or `npm run create-admin`. */
export const NewPassword = z.string().min(8).max(200);
