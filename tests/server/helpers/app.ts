// Builds a fresh app on a fresh database for one test file, and signs users in through the real login route.
import type { FastifyInstance } from 'fastify';
import { type AppDeps, createApp } from '../../../src/server/app.ts';
import { type ServerConfig, testConfig } from '../../../src/server/config.ts';
import type { Database } from '../../../src/server/db/database.ts';
import { encodeHlc } from '../../../src/sync/hlc.ts';
import { PROTOCOL_VERSION } from '../../../src/sync/protocol.ts';
import type { TestDatabase } from './databases.ts';
import { PASSWORD } from './fixtures.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export async function startTestApp(
  target: TestDatabase,
  config: Partial<ServerConfig> = {},
  log?: AppDeps['log'],
): Promise<TestApp> {
  const database = await target.open();
  const app = await createApp({ database, config: testConfig(config), log });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return res.json().token as string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A change as a test writes it: the record's kind and id, and the fields set. */
export interface TestChange {
  entity: string;
  recordId: string;
  fields: object;
}

/** POST /api/sync/push of these changes from one device, numbered from seq 1, each with a fresh stamp. */
export function pushChanges(app: FastifyInstance, token: string, deviceId: string, changes: TestChange[]) {
  return app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: bearer(token),
    payload: {
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      mutations: changes.map((change, i) => ({
        seq: i + 1,
        ...change,
        hlc: encodeHlc({ millis: Date.now(), counter: i, deviceId }),
      })),
    },
  });
}
