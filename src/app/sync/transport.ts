// How the sync engine reaches the server: a function from request to status and body. The app uses fetch; tests
// pass the server app in-process behind a transport that drops, repeats and reorders requests. Every answer's Date
// header tells the device how far its clock is off (clock-offset.ts).

import { fetchNotingServerTime } from '../db/clock-offset.ts';

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  token: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with its own type (an attachment's bytes). */
  bytes?: Blob;
}

export interface TransportResponse {
  status: number;
  body: unknown;
}

/** Rejects (throws) when the server cannot be reached at all. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export const fetchTransport: Transport = async ({ method, path, token, body, bytes }) => {
  const res = await fetchNotingServerTime(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(bytes && { 'content-type': bytes.type }),
    },
    body: bytes ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
};
