// What an attacker or a broken client sends: bodies, ids, strings and values of the wrong shape, as fixed lists (for
// bad-input.test.ts) and as fast-check arbitraries built on them (for fuzz.test.ts).
import fc from 'fast-check';

export const HOSTILE_BODIES: unknown[] = [
  null,
  [],
  'chuỗi',
  42,
  { username: 123, password: true },
  { username: 'a'.repeat(100_000), password: 'x' },
  {
    role: 'superadmin',
    username: "x'; drop table users; --",
    displayName: '<script>alert(1)</script>',
    password: 'p',
  },
  { role: 'instructor', username: 'ok.name', displayName: '', password: 'short' },
  { role: 'learner', username: 'hv.moi', displayName: 'Học viên', password: 'tre-xanh-bon-mua' },
  { unknownField: 1, __proto__: { admin: true } },
  { password: { $gt: '' } },
];

export const BAD_IDS = ['khong-phai-uuid', '1', "1' or '1'='1", '00000000-0000-0000-0000-00000000000g'];

/** Text aimed at SQL, HTML, templates, paths and parsers. */
export const INJECTIONS = [
  "' OR '1'='1",
  "Robert'); DROP TABLE learners;--",
  '1; SELECT pg_sleep(10)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // A template placeholder on purpose: text that would run if some code evaluated it.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the attack
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '\u0000',
  '\ud800',
  '\u202e\u0644\u0627',
  'Nguyễn Văn A\u0301\u0301\u0301',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...INJECTIONS, ...BAD_IDS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  // Huge, rarely: up to 1 MiB of two-byte characters.
  { arbitrary: fc.constantFrom(5_000, 100_000, 500_000).map((n) => 'đ'.repeat(n)), weight: 1 },
);

/** Any JSON-ish value, nested a little, with hostile strings for keys and leaves. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308),
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('id', 'centreId', 'role')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/** A value of a type no string field accepts. */
export const notAString: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.array(hostileValue, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileValue, { maxKeys: 3 }),
);

/** Raw bodies that are not JSON, or not valid UTF-8, or nested far deeper than any client would. */
export const rawBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  // Invalid UTF-8 inside otherwise well-formed JSON: lone continuation bytes, overlong forms, encoded surrogates.
  fc
    .constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80])
    .map((bad) =>
      Buffer.concat([Buffer.from('{"username":"gv'), Buffer.from(bad), Buffer.from('","password":"x"}')]),
    ),
  fc
    .integer({ min: 1_000, max: 200_000 })
    .map((depth) => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
  fc
    .integer({ min: 1_000, max: 50_000 })
    .map((depth) => Buffer.from(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
  fc.constantFrom('{"username": "a", ', '{', 'nul', '"\\ud800"', '{"a":1}{"b":2}', '\u0000').map(Buffer.from),
);
