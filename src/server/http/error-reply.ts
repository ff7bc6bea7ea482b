// Every error answer of the API, from a route, from Fastify itself (a body it cannot parse, a URL it cannot decode)
// or from the database: `{ error, message }` with a stable code and words in the request's language. Only a 5xx is
// logged, without the values of a failed query (loggable-error.ts).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../../domain/errors.ts';
import { isDataException } from '../db/sql-state.ts';
import { ApiError } from './api-error.ts';
import { errorMessage, requestLanguage } from './messages.ts';

function toApiError(err: FastifyError | ApiError | Error): ApiError {
  if (err instanceof ApiError) return err;
  // A value the database refused to hold came from the request; whatever let it through, the answer is a 400.
  if (isDataException(err)) return new ApiError(400, 'badRequest');
  const fastify = err as FastifyError;
  const status = fastify.statusCode ?? 500;
  if (status === 413) return new ApiError(413, 'payloadTooLarge');
  if (status === 415) return new ApiError(415, 'unsupportedMediaType');
  if (status >= 400 && status < 500) {
    const path = fastify.code === 'FST_ERR_BAD_URL' ? 'url' : 'body';
    return new ApiError(400, 'badRequest', { issues: [{ path, message: err.message }] });
  }
  return new ApiError(500, 'internal');
}

export function sendError(err: FastifyError | ApiError | Error, req: FastifyRequest, reply: FastifyReply) {
  const apiError = toApiError(err);
  if (apiError.status >= 500) req.log.error({ err }, 'request failed');
  const lang = requestLanguage(req.headers['accept-language']);
  const { issues, retryAfterSeconds } = apiError.details;
  if (retryAfterSeconds) reply.header('Retry-After', String(retryAfterSeconds));
  const body: ApiErrorBody = {
    error: apiError.code,
    message: errorMessage(apiError.code, lang, { seconds: retryAfterSeconds ?? 0 }),
    ...(issues && { issues }),
    ...(retryAfterSeconds && { retryAfterSeconds }),
  };
  return reply.code(apiError.status).send(body);
}
