// What a failed request's error says in the log. Drizzle writes the values a failed query was given into its message
// and `params`, and PostgreSQL repeats a refused row in `detail`: among them a password hash or a token hash. The log
// keeps the kind of failure, the SQL text (placeholders only) and where it happened, never the values.

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  query?: string;
  stack?: string;
  cause?: unknown;
}

/** The message without the bound values drizzle appends after "params:". */
const withoutParams = (message = '') => message.split('\nparams:')[0]!;

/** The stack's frames only: its first lines repeat the message, values included. */
const framesOf = (stack = '') =>
  stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');

export function loggableError(err: unknown): {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
} {
  const e = (err ?? {}) as ErrorLike;
  const cause = e.cause as ErrorLike | undefined;
  const code = e.code ?? cause?.code;
  return {
    type: e.name ?? typeof err,
    message: withoutParams(e.message),
    ...(code && { code }),
    ...(e.query && { query: e.query }),
    ...(cause && { cause: { type: cause.name, message: withoutParams(cause.message) } }),
    stack: framesOf(e.stack),
  };
}
