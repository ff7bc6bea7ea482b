// Simulated phones for sync tests: the real app database and sync engine on fake-indexeddb, talking to the real
// server app in-process through a transport that can lose, repeat and replay requests.
import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { saveSession } from '../../../src/app/db/device-state.ts';
import { SyncError, syncOnce } from '../../../src/app/sync/engine.ts';
import type { Transport, TransportRequest } from '../../../src/app/sync/transport.ts';
import { LoginResponse } from '../../../src/domain/auth.ts';
import { newId } from '../../../src/domain/ids.ts';

export type Fault = 'none' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'replayOld';

/** Calls the app in-process; `app()` is read on every call so a test can restart the server under the devices. */
export function inProcessTransport(app: () => FastifyInstance): Transport {
  return async ({ method, path, token, body, bytes }) => {
    const res = await app().inject({
      method,
      url: path,
      headers: { authorization: `Bearer ${token}`, ...(bytes && { 'content-type': bytes.type }) },
      ...(body !== undefined && { payload: body as object }),
      ...(bytes && { payload: Buffer.from(await bytes.arrayBuffer()) }),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
}

/**
 * Wraps a transport with faults chosen by `nextFault` for each request: a lost request, a lost answer after the
 * server committed, a request sent twice, or an old request replayed later (out of order).
 */
export function faultyTransport(inner: Transport, nextFault: () => Fault): Transport {
  const sent: TransportRequest[] = [];
  return async (request) => {
    const fault = nextFault();
    if (fault === 'dropRequest') throw new Error('request lost');
    if (fault === 'replayOld' && sent.length > 0)
      await inner(sent[Math.floor(sent.length / 2)]!).catch(() => {});
    sent.push(request);
    const response = await inner(request);
    if (fault === 'dropResponse') throw new Error('response lost');
    if (fault === 'duplicate') return inner(request);
    return response;
  };
}

export async function signInOnServer(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<LoginResponse> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  return LoginResponse.parse(res.json());
}

export class SimulatedDevice {
  db: AppDb;
  online = true;
  private readonly name = `device-${newId()}`;

  constructor(
    readonly label: string,
    readonly transport: Transport,
  ) {
    this.db = new AppDb(this.name);
  }

  /** Stores a session obtained by `signInOnServer` (one login can serve many simulated devices). */
  async adoptSession(login: LoginResponse): Promise<void> {
    await saveSession(this.db, login);
  }

  /** Closes the database and opens it again, as a page reload does. */
  async reload(): Promise<void> {
    this.db.close();
    this.db = new AppDb(this.name);
    await this.db.open();
  }

  /** One sync round; failures are expected under faults and only reported. */
  async sync(): Promise<SyncError | null> {
    if (!this.online) return new SyncError('network');
    try {
      await syncOnce(this.db, this.transport);
      return null;
    } catch (err) {
      if (err instanceof SyncError) return err;
      throw err;
    }
  }

  async destroy(): Promise<void> {
    await this.db.delete();
  }
}
