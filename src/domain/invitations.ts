// A class's invitation link (and its QR code): staff make one per class; a learner opens it on their phone, says who
// they are as the class list has it (full name and birth date), and the device is signed in to their learner account.
import { z } from 'zod';
import { LoginRequest } from './auth.ts';
import { Id, IsoDate, IsoDateTime, requiredText } from './common.ts';

/** 256 random bits, base64url: as unguessable as a device token, and only its hash is kept on the server. */
export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const INVITATION_DAYS_DEFAULT = 14;
export const INVITATION_DAYS_MAX = 90;

export const CreateInvitation = z.strictObject({
  /** How long the link works; a class's links can also be revoked at any time. */
  days: z.int().min(1).max(INVITATION_DAYS_MAX).default(INVITATION_DAYS_DEFAULT),
});

export const Invitation = z.strictObject({
  id: Id,
  classId: Id,
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

/** Returned once, when it is made: the server cannot show the token again. */
export const NewInvitation = Invitation.extend({ token: InvitationToken });
export type NewInvitation = z.infer<typeof NewInvitation>;

export const InvitationLookup = z.strictObject({ token: InvitationToken });

/** What the learner sees before answering: which centre and class invite them. */
export const InvitedClass = z.strictObject({
  centreName: z.string(),
  classCode: z.string(),
  className: z.string(),
  expiresAt: IsoDateTime,
});
export type InvitedClass = z.infer<typeof InvitedClass>;

/** The learner's answer: compared with the class list as the roster import compares people (see identityKey). */
export const InvitationAnswer = z.strictObject({
  token: InvitationToken,
  fullName: requiredText(120),
  birthDate: IsoDate,
  deviceName: LoginRequest.shape.deviceName,
});
export type InvitationAnswer = z.infer<typeof InvitationAnswer>;
