// Declares an API route once: the auth check runs first, then the policy table's answer for the access the route
// declares (the one place a REST route is authorised by kind), then its zod schemas validate the request; the same
// declaration feeds the OpenAPI description served at /api/docs. Which rows a user reaches is scope.ts's business.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Access, allows } from '../../domain/permissions.ts';
import type { AuthUser } from '../auth/authenticate.ts';
import { ApiError, forbidden } from './api-error.ts';
import { parseInput, requestLanguage } from './messages.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<B, Q, P, A extends boolean> {
  req: FastifyRequest;
  reply: FastifyReply;
  body: B;
  query: Q;
  params: P;
  user: A extends true ? AuthUser : null;
}

export interface RouteDef<B, Q, P, A extends boolean> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  /** Requires a signed-in device (Bearer token). */
  auth: A;
  /** What the signed-in user must hold in the policy table (src/domain/permissions.ts); refused with 403 otherwise. */
  allow?: Access | readonly Access[];
  body?: z.ZodType<B>;
  /** The body is a file's bytes (parsed by a content-type parser of its own), which the handler checks. */
  bytes?: true;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** Documents the success body. */
  response?: z.ZodType;
  /** Success status when not 200 (e.g. 201, 204). */
  status?: number;
  handler(ctx: RouteContext<B, Q, P, A>): Promise<unknown>;
}

export interface RouteDoc {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  auth: boolean;
  allow?: Access | readonly Access[];
  body?: z.ZodType;
  bytes?: true;
  query?: z.ZodType;
  params?: z.ZodType;
  response?: z.ZodType;
  status: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeDocs: RouteDoc[];
    authenticate(req: FastifyRequest): Promise<AuthUser>;
  }
}

/** What a route without a query or body schema accepts: nothing, so a stray parameter or body is refused, not ignored. */
const Nothing = z.strictObject({});

function parsePart<T>(
  schema: z.ZodType<T> | undefined,
  input: unknown,
  req: FastifyRequest,
  where: string,
): T {
  if (!schema) return undefined as T;
  const result = parseInput(schema, input, requestLanguage(req.headers['accept-language']));
  if (!result.success) {
    throw new ApiError(400, 'badRequest', {
      issues: result.error.issues.map((i) => ({
        path: [where, ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    });
  }
  return result.data;
}

export function addRoute<B = undefined, Q = undefined, P = undefined, A extends boolean = boolean>(
  app: FastifyInstance,
  def: RouteDef<B, Q, P, A>,
): void {
  const status = def.status ?? 200;
  app.routeDocs.push({ ...def, status } as RouteDoc);
  app.route({
    method: def.method,
    url: def.url,
    handler: async (req, reply) => {
      const user = def.auth ? await app.authenticate(req) : null;
      if (def.allow && !(user && allows(user.role, def.allow))) throw forbidden();
      const params = parsePart(def.params, req.params, req, 'params');
      if (!def.query) parsePart(Nothing, req.query, req, 'query');
      const query = parsePart(def.query, req.query, req, 'query');
      if (!def.body && !def.bytes && req.body !== undefined) parsePart(Nothing, req.body, req, 'body');
      const body = parsePart(def.body, req.body ?? {}, req, 'body');
      const result = await def.handler({ req, reply, body, query, params, user } as RouteContext<B, Q, P, A>);
      reply.code(status);
      return status === 204 ? reply.send() : result;
    },
  });
}
