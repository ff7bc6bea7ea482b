// PostgreSQL's error code (SQLSTATE) of a failed query, whether drizzle wrapped the driver's error or not.
export const sqlState = (err: unknown): string | undefined =>
  (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;

/** Class 22, "data exception": a value the database cannot hold (a NUL in text, a number out of range), i.e. bad input. */
export const isDataException = (err: unknown): boolean => sqlState(err)?.startsWith('22') ?? false;
