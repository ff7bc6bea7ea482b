// Where the app opens a class invitation (kept apart from the schemas, so the app's first load need not carry zod).

/** The token travels in the fragment, so it never reaches a server log or a Referer header. */
export const INVITATION_PATH = '/moi';

export const invitationUrl = (origin: string, token: string): string =>
  `${origin}${INVITATION_PATH}#${token}`;
