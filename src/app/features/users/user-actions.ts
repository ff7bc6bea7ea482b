// Accounts are the server's business (passwords never sync): creating one, resetting a password and signing a user's
// devices out are API calls, online only. The new account reaches every device by the next sync.
import { z } from 'zod';
import { type Role, User } from '../../../domain/entities.ts';
import { apiRequest } from '../../sync/http.ts';

export interface NewAccount {
  role: Role;
  username: string;
  displayName: string;
  password: string;
  learnerId: string | null;
}

export const createAccount = (token: string, account: NewAccount) =>
  apiRequest('/api/users', { method: 'POST', token, body: account, schema: User });

export const resetPassword = (token: string, userId: string, password: string) =>
  apiRequest(`/api/users/${userId}/password`, { method: 'PUT', token, body: { password }, schema: null });

export const revokeDevices = (token: string, userId: string) =>
  apiRequest(`/api/users/${userId}/revoke-devices`, {
    method: 'POST',
    token,
    schema: z.object({ revoked: z.int() }),
  });
