// Calls the API: JSON in, zod-checked JSON out, and error answers turned into an ApiRequestError carrying the code
// (the screen words it through i18next). A network failure is its own error, so callers can tell "offline".
import type { z } from 'zod';
import type { ApiErrorBody, ErrorCode } from '../../domain/errors.ts';
import { fetchNotingServerTime } from '../db/clock-offset.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

export class NetworkError extends Error {}

export async function apiRequest<T extends z.ZodType>(
  path: string,
  options: { method?: string; token?: string; body?: unknown; schema: T | null; language?: string },
): Promise<z.infer<T>> {
  let res: Response;
  try {
    // Sign-in is the first answer a new device gets: its stamps and "today" are right from the start.
    res = await fetchNotingServerTime(path, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.body !== undefined && { 'content-type': 'application/json' }),
        ...(options.token && { authorization: `Bearer ${options.token}` }),
        ...(options.language && { 'accept-language': options.language }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new NetworkError('network');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as Partial<ApiErrorBody>;
    throw new ApiRequestError(res.status, body.error ?? 'internal', body.retryAfterSeconds);
  }
  if (!options.schema) return undefined as z.infer<T>;
  return options.schema.parse(await res.json());
}
