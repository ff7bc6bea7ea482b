// Attachment bytes (photos of signed sign-in sheets): uploaded once the record is on the server, only by someone who
// may write the record, only when type and size match it; read back by whoever may read the record.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import { type CentreFixture, seedCentre } from './helpers/fixtures.ts';

const JPEG = Buffer.from([0xff, 0xd8, 0xff]); // the fixture's records say: image/jpeg, 3 bytes

describe.each(testDatabases)('attachment files on $name', (target) => {
  let t: TestApp;
  let a: CentreFixture;
  let b: CentreFixture;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(target);
    a = await seedCentre(t.database.db, 'a');
    b = await seedCentre(t.database.db, 'b');
    for (const role of ['admin', 'instructor', 'learner'] as const) {
      tokens[role] = await login(t.app, a.users[role].username);
    }
  });
  afterAll(() => t.close());

  const put = (id: string, token: string, body: Buffer, type = 'image/jpeg') =>
    t.app.inject({
      method: 'PUT',
      url: `/api/files/${id}`,
      headers: { ...bearer(token), 'content-type': type },
      payload: body,
    });
  const get = (id: string, token: string) =>
    t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: bearer(token) });
  const storedFiles = async () =>
    Number(
      (
        (await t.database.db.execute(sql`select count(*)::int as n from files`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n,
    );

  it('refuses bytes that do not match the record, from the wrong person, or of another kind, and stores nothing', async () => {
    const mine = a.mine.attachment.id;
    expect((await put(mine, tokens.instructor!, Buffer.from([1, 2]))).statusCode).toBe(400); // size differs
    expect((await put(mine, tokens.instructor!, JPEG, 'image/png')).statusCode).toBe(400); // type differs
    expect((await put(mine, tokens.instructor!, JPEG, 'text/plain')).statusCode).toBe(415);
    expect((await put(a.others.attachment.id, tokens.instructor!, JPEG)).statusCode).toBe(404); // not their class
    expect((await put(b.mine.attachment.id, tokens.admin!, JPEG)).statusCode).toBe(404); // another centre
    expect((await put(mine, tokens.learner!, JPEG)).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'PUT',
      url: `/api/files/${mine}`,
      headers: { 'content-type': 'image/jpeg' },
      payload: JPEG,
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await storedFiles()).toBe(0);
  });

  it("stores the instructor's photo once, however often it is sent, and gives it back to those who may read it", async () => {
    const mine = a.mine.attachment.id;
    expect((await get(mine, tokens.admin!)).statusCode).toBe(404); // not uploaded yet
    expect((await put(mine, tokens.instructor!, JPEG)).statusCode).toBe(204);
    expect((await put(mine, tokens.instructor!, JPEG)).statusCode).toBe(204);
    expect(await storedFiles()).toBe(1);

    for (const role of ['admin', 'instructor'] as const) {
      const res = await get(mine, tokens[role]!);
      expect(res.statusCode, role).toBe(200);
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.rawPayload.equals(JPEG)).toBe(true);
    }
    expect((await get(mine, tokens.learner!)).statusCode).toBe(403);
    const otherCentre = await login(t.app, b.users.admin.username);
    expect((await get(mine, otherCentre)).statusCode).toBe(404);
  });
});
