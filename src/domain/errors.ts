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
