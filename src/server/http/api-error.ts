// A failure a route reports on purpose: an HTTP status and a code; the words are added by the error handler.
import type { ErrorCode } from '../../domain/errors.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly details: { issues?: { path: string; message: string }[]; retryAfterSeconds?: number } = {},
  ) {
    super(code);
  }
}

export const forbidden = () => new ApiError(403, 'forbidden');
export const notFound = () => new ApiError(404, 'notFound');
