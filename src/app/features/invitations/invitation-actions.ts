// Class invitations are the server's business (its tokens never sync): staff make, list and revoke them online; a
// learner's phone looks one up and answers it, and the session the server then opens is kept like a sign-in's.
import { z } from 'zod';
import { LoginResponse } from '../../../domain/auth.ts';
import {
  Invitation,
  type InvitationAnswer,
  InvitedClass,
  NewInvitation,
} from '../../../domain/invitations.ts';
import type { AppDb } from '../../db/app-db.ts';
import { apiRequest } from '../../sync/http.ts';
import { beginSession } from '../../sync/sign-in.ts';

export const listInvitations = (token: string, classId: string) =>
  apiRequest(`/api/classes/${classId}/invitations`, { token, schema: z.array(Invitation) });

export const createInvitation = (token: string, classId: string, days: number) =>
  apiRequest(`/api/classes/${classId}/invitations`, {
    method: 'POST',
    token,
    body: { days },
    schema: NewInvitation,
  });

export const revokeInvitation = (token: string, invitationId: string) =>
  apiRequest(`/api/invitations/${invitationId}/revoke`, { method: 'POST', token, schema: Invitation });

export const lookUpInvitation = (invitationToken: string) =>
  apiRequest('/api/invitations/lookup', {
    method: 'POST',
    body: { token: invitationToken },
    schema: InvitedClass,
  });

/** Answers the invitation; when the server recognises the learner, this device is signed in as them. */
export async function acceptInvitation(db: AppDb, answer: InvitationAnswer, language: string): Promise<void> {
  const login = await apiRequest('/api/invitations/accept', {
    method: 'POST',
    body: answer,
    schema: LoginResponse,
    language,
  });
  await beginSession(db, login);
}

/** Whether an invitation still works at `now` (neither revoked nor expired). */
export const isWorking = (invitation: Invitation, now = new Date()): boolean =>
  invitation.revokedAt === null && Date.parse(invitation.expiresAt) > now.getTime();
