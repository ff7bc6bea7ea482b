// Error codes shared by server and app. Codes travel; words are chosen at the edge (app i18n, API messages).
export const ErrorCodes = {
  badRequest: 'badRequest',
  invalidCredentials: 'invalidCredentials',
  tooManyAttempts: 'tooManyAttempts',
  unauthenticated: 'unauthenticated',
  sessionRevoked: 'sessionRevoked',
  forbidden: 'forbidden',
  notFound: 'notFound',
  conflict: 'conflict',
  /** A new password among the first guesses, of too few characters, or containing the username (see isGuessablePassword). */
  weakPassword: 'weakPassword',
  payloadTooLarge: 'payloadTooLarge',
  unsupportedMediaType: 'unsupportedMediaType',
  /** A class invitation link that is unknown, expired or revoked (which of these is not said). */
  invitationInvalid: 'invitationInvalid',
  /** No learner on the invited class's list has this full name and birth date. */
  invitationNoMatch: 'invitationNoMatch',
  /** Two learners on the list share the name and birth date: the centre has to give the account. */
  invitationAmbiguous: 'invitationAmbiguous',
  /** The app is older than the server's sync protocol: update it (its pending changes are kept). */
  clientTooOld: 'clientTooOld',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** The body of every error answer from the API. */
export interface ApiErrorBody {
  error: ErrorCode;
  message: string;
  /** For validation errors: which fields, with the rule each broke. */
  issues?: { path: string; message: string }[];
  retryAfterSeconds?: number;
}
