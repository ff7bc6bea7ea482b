// Serves the built PWA from dist/: hashed assets cached for a year, the shell (index.html, sw.js, manifest) always
// revalidated so an update is seen, and index.html for any unknown non-API path (client-side routes).
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Returns whether a built client was found (and is now served). */
export async function serveClient(app: FastifyInstance, clientDir: string): Promise<boolean> {
  if (!existsSync(path.join(clientDir, 'index.html'))) {
    app.log.warn(`No built client in ${clientDir}; serving the API only.`);
    return false;
  }
  await app.register(fastifyStatic, {
    root: clientDir,
    wildcard: true,
    index: false,
    setHeaders: (res, filePath) => {
      const rel = path.relative(clientDir, filePath);
      res.header('Cache-Control', rel.startsWith(`assets${path.sep}`) ? IMMUTABLE : REVALIDATE);
    },
  });
  app.get('/', (_req, reply) => sendAppShell(reply));
  return true;
}

export const sendAppShell = (reply: FastifyReply) =>
  reply.header('Cache-Control', REVALIDATE).sendFile('index.html');
