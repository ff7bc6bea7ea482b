// The server application factory: everything the API needs is passed in, so tests build as many independent apps
// as they like (no module-level state) and call them with `app.inject`.
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ApiErrorBody } from '../domain/errors.ts';
import { PROTOCOL_VERSION } from '../sync/protocol.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { ApiError } from './http/api-error.ts';
import { errorMessage, requestLanguage } from './http/messages.ts';
import { buildOpenApi } from './http/openapi.ts';
import { sendAppShell, serveClient } from './http/static-client.ts';
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
}

const ROBOTS_TXT = 'User-agent: *\nDisallow: /api/\nAllow: /\n';

function toApiError(err: FastifyError | ApiError | Error): ApiError {
  if (err instanceof ApiError) return err;
  const status = (err as FastifyError).statusCode ?? 500;
  if (status === 413) return new ApiError(413, 'payloadTooLarge');
  if (status === 415) return new ApiError(415, 'unsupportedMediaType');
  if (status >= 400 && status < 500) {
    return new ApiError(400, 'badRequest', { issues: [{ path: 'body', message: err.message }] });
  }
  return new ApiError(500, 'internal');
}

export async function createApp({ database, config }: AppDeps): Promise<FastifyInstance> {
  const { db } = database;
  const app = Fastify({
    // Fastify's default request serializer logs method, URL and address, never headers or bodies, so tokens and
    // passwords stay out of the log.
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
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
    // HSTS only means something over TLS; a deployment behind a TLS proxy sets TRUST_PROXY=true.
    strictTransportSecurity: config.trustProxy ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCompress, { threshold: 1024 });

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
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
  });

  registerAuthRoutes(app, db, config);
  registerRecordRoutes(app, db);
  registerUserRoutes(app, db);
  registerInvitationRoutes(app, db, config);
  registerHistoryRoutes(app, db);
  registerFileRoutes(app, db);
  registerReportRoutes(app, db);
  registerPullRoute(app, db);
  registerPushRoute(app, db);
  registerImportRoute(app, db);

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
