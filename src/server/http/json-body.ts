// JSON bodies as Fastify parses them by default (prototype poisoning refused), except that a NUL character is refused
// anywhere in them: no person types one, and PostgreSQL text cannot hold one, so it would only fail later and deeper.
import type { FastifyInstance } from 'fastify';

/** A `\u0000` escape that is not itself an escaped backslash followed by "u0000". */
const NUL_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u0000/;

export function refuseNulInJson(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (NUL_ESCAPE.test(body as string)) {
      done(
        Object.assign(new Error('A NUL character (\\u0000) is not accepted.'), { statusCode: 400 }),
        undefined,
      );
      return;
    }
    parse(req, body as string, done);
  });
}
