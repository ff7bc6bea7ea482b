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

/** Password length rule for accounts created by staff or `npm run create-admin`; see also `isGuessablePassword`. */
export const NewPassword = z.string().min(8).max(200);

/**
 * The passwords tried first by anyone guessing (the top of published leak lists, Vietnamese ones included, and this
 * app's own name, which is also the demo accounts' password), compared without case, spaces or separators.
 */
const COMMON_PASSWORDS = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '87654321',
  '12341234',
  '11223344',
  'abcd1234',
  'abc12345',
  'a1234567',
  'password',
  'password1',
  'password123',
  'qwertyui',
  'qwerty123',
  'iloveyou',
  'admin123',
  'matkhau',
  'matkhau1',
  'matkhau123',
  'anhyeuem',
  'emyeuanh',
  'vietnam1',
  'vietnam123',
  'diemdanh',
  'diemdanh1',
  'diemdanh123',
]);

const simplified = (s: string) => s.toLowerCase().replace(/[\s._-]+/g, '');

/**
 * A password of the allowed length is still refused when it is among the first guesses, has fewer than four
 * different characters (11111111, abababab), or contains the account's username: the throttle slows guessing, this
 * keeps the first guesses from working.
 */
export function isGuessablePassword(password: string, username: string): boolean {
  const p = simplified(password);
  const name = simplified(username);
  return COMMON_PASSWORDS.has(p) || new Set(p).size < 4 || (name.length >= 3 && p.includes(name));
}
