// The server's configuration, read from the environment once (at start) and passed down; nothing else reads env.
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Days a device stays signed in without being used; each use extends it. */
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  /** Seed the Kon Rẫy demo centre into an empty database at start. */
  DEMO_DATA: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set behind a TLS-terminating proxy so HSTS is sent and client addresses come from X-Forwarded-For. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /**
   * Tests only (tests/server/crash.test.ts): a push waits this long inside its transaction, its rows written and its
   * cursor not yet, so a test can kill or stop the process at that moment. 0 (the default) in any real deployment.
   */
  TEST_PAUSE_IN_PUSH_MS: z.coerce.number().int().min(0).max(600_000).default(0),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionTtlDays: number;
  demoData: boolean;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  trustProxy: boolean;
  /** The built client (dist/); absent in API-only tests. */
  clientDir: string | undefined;
  login: { maxFailures: number; windowSeconds: number };
  /** See TEST_PAUSE_IN_PUSH_MS: 0 except in the crash test. */
  pauseInPushMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv, rootDir: string): ServerConfig {
  // An empty variable (`DATABASE_URL=`) means "not set", as shells and service files often write it.
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(rootDir, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    demoData: e.DEMO_DATA === 'on',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    clientDir: path.resolve(rootDir, 'dist'),
    login: defaultLoginLimits,
    pauseInPushMs: e.TEST_PAUSE_IN_PUSH_MS,
  };
}

export const defaultLoginLimits = { maxFailures: 5, windowSeconds: 15 * 60 };

/** A configuration for tests: no client, no demo data, nothing read from the environment. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '',
    databaseUrl: undefined,
    sessionTtlDays: 60,
    demoData: false,
    logLevel: 'silent',
    trustProxy: false,
    clientDir: undefined,
    login: defaultLoginLimits,
    pauseInPushMs: 0,
    ...overrides,
  };
}
