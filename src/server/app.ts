// The server application factory: everything the API needs is passed in, so tests build as many independent apps
// as they like (no module-level state) and call them with `app.inject`.
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '../sync/protocol.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { ApiError } from './http/api-error.ts';
import { sendError } from './http/error-reply.ts';
import { refuseNulInJson } from './http/json-body.ts';
import { loggableError } from './http/loggable-error.ts';
import { buildOpenApi } from './http/openapi.ts';
import { sendAppShell, serveClient } from './http/static-client.ts';
import { registerAuditRoute } from './routes/audit.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerFileRoutes } from './routes/files.ts';
import { registerHistoryRoutes } from './routes/history.ts';
import { registerInvitationRoutes } from './routes/invitations.ts';
import { registerRecordRoutes } from './routes/records.ts';
import { registerReportRoutes } from './routes/reports.ts';
import { registerUserRoutes } from './routes/users.ts';
import { registerPullRoute } from './sync/pull.ts';
import { registerImportRoute, registerPushRoute } from './sync/push.ts';

export const APP_VERSION = '0.1.0';

export interface AppDeps {
  database: Database;
  config: ServerConfig;
  /** Where the log goes (standard output unless given): tests read it to prove that no secret is written. */
  log?: { write(line: string): void };
}

const HSTS = 'max-age=31536000; includeSubDomains';

const ROBOTS_TXT = 'User-agent: *\nDisallow: /api/\nAllow: /\n';

export async function createApp({ database, config, log }: AppDeps): Promise<FastifyInstance> {
  const { db } = database;
  const app = Fastify({
    // Fastify's default request serializer logs method, URL and address, never headers or bodies, so tokens and
    // passwords stay out of the log; errors are logged without the values a failed query was given.
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, serializers: { err: loggableError }, ...(log && { stream: log }) },
    // Behind a proxy, trust only the hop that talks to us (hop 0): the client address is the one that proxy added to
    // X-Forwarded-For, not whatever a client wrote at its left (which would let it dodge the sign-in throttle).
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    bodyLimit: 5 * 1024 * 1024,
    // A URL Fastify cannot decode is answered like any other error.
    frameworkErrors: sendError,
  });
  app.decorate('routeDocs', []);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Sent below, per request: HSTS only means something on an answer that came over TLS.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCompress, { threshold: 1024 });
  // Over TLS (behind a TLS proxy with TRUST_PROXY=true, the proxy's X-Forwarded-Proto says so), browsers are told to
  // use only HTTPS for a year.
  app.addHook('onRequest', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });

  // Shutting down (SIGTERM): an answer to a request still in flight closes its connection, so the server stops once
  // they are done instead of waiting out a client's keep-alive (Fastify only does this for requests arriving later).
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (draining) reply.header('connection', 'close');
    done(null, payload);
  });

  app.setErrorHandler(sendError);
  refuseNulInJson(app);

  registerAuthRoutes(app, db, config);
  registerRecordRoutes(app, db);
  registerUserRoutes(app, db);
  registerInvitationRoutes(app, db, config);
  registerHistoryRoutes(app, db);
  registerAuditRoute(app, db);
  registerFileRoutes(app, db);
  registerReportRoutes(app, db);
  registerPullRoute(app, db);
  registerPushRoute(app, database, config.pauseInPushMs);
  registerImportRoute(app, database);

  app.get('/api/health', async () => ({
    status: 'ok',
    database: database.kind,
    protocolVersion: PROTOCOL_VERSION,
  }));
  app.get('/api/docs', async () => buildOpenApi(app.routeDocs, APP_VERSION));
  app.get('/robots.txt', (_req, reply) => reply.type('text/plain; charset=utf-8').send(ROBOTS_TXT));

  const hasClient = config.clientDir ? await serveClient(app, config.clientDir) : false;
  app.setNotFoundHandler((req, reply) => {
    if (hasClient && req.method === 'GET' && !req.url.startsWith('/api/')) return sendAppShell(reply);
    throw new ApiError(404, 'notFound');
  });

  return app;
}
