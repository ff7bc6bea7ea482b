// Builds the OpenAPI 3.1 description from the routes' own zod schemas, so the document cannot drift from the code.
import { z } from 'zod';
import type { RouteDoc } from './route.ts';

const ErrorBody = z.object({
  error: z.string().describe('A stable code, e.g. badRequest, forbidden'),
  message: z.string().describe("Human-readable, in the request's language (Accept-Language: vi or en)"),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  retryAfterSeconds: z.int().optional(),
});

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parameters(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

export function buildOpenApi(routes: RouteDoc[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const success =
      r.status === 204
        ? { description: 'Done' }
        : {
            description: 'Success',
            ...(r.response && {
              content: { 'application/json': { schema: jsonSchema(r.response, 'output') } },
            }),
          };
    const error = {
      description: 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
    const operations = paths[path] ?? {};
    paths[path] = operations;
    operations[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.auth && { security: [{ bearer: [] }] }),
      // What the caller must hold in the policy table (src/domain/permissions.ts), for API clients to read.
      ...(r.allow && { 'x-requires': ([] as unknown[]).concat(r.allow) }),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body && {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: jsonSchema(r.body, 'input') } },
        },
      }),
      responses: {
        [String(r.status)]: success,
        '4XX': error,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Điểm Danh API',
      version,
      description:
        'Attendance for political-training centres. Errors are {error, message} with a stable code.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
    },
    paths,
  };
}
