// Pull pages: small pages add up to the full download, a cursor returns only later changes, deletions come as
// tombstones. (The full sync protocol, with push and faults, has its own suites.)
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocateVersions } from '../../src/server/db/records.ts';
import { classes } from '../../src/server/db/schema.ts';
import { bearer, login, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';
import { type CentreFixture, seedCentre } from './helpers/fixtures.ts';

type Page = { cursor: number; hasMore: boolean; changes: Record<string, { id: string; deleted: boolean }[]> };

describe.each(testDatabases)('pull on $name', (target) => {
  let t: TestApp;
  let a: CentreFixture;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    a = await seedCentre(t.database.db, 'a');
    await seedCentre(t.database.db, 'b');
    token = await login(t.app, a.users.admin.username);
  });
  afterAll(() => t.close());

  async function pull(cursor: number, limit: number): Promise<Page> {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/sync/pull?cursor=${cursor}&limit=${limit}`,
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  const ids = (page: Page) =>
    Object.values(page.changes)
      .flat()
      .map((r) => r.id);

  it('pages of 3 add up to exactly the one-page download, with no repeats', async () => {
    const whole = await pull(0, 5000);
    expect(whole.hasMore).toBe(false);
    const seen: string[] = [];
    let cursor = 0;
    for (let guard = 0; guard < 50; guard++) {
      const page = await pull(cursor, 3);
      seen.push(...ids(page));
      expect(page.cursor).toBeGreaterThanOrEqual(cursor);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen.sort()).toEqual(ids(whole).sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect((await pull(cursor, 100)).changes).toEqual({});
  });

  it('after the cursor, only later changes arrive; a deletion arrives as a tombstone', async () => {
    const { cursor } = await pull(0, 5000);
    await t.database.db.transaction(async (tx) => {
      const version = await allocateVersions(tx, a.centreId, 1);
      await tx
        .update(classes)
        .set({ deleted: true, version, updatedAt: new Date() })
        .where(eq(classes.id, a.others.class.id));
    });
    const next = await pull(cursor, 100);
    expect(next.changes).toEqual({
      classes: [expect.objectContaining({ id: a.others.class.id, deleted: true })],
    });
    expect(next.cursor).toBeGreaterThan(cursor);
  });

  it('[PULL2] pulled records are exactly the records the REST routes give (same fields, same formats)', async () => {
    const page = await pull(0, 5000);
    for (const [entity, records] of Object.entries(page.changes)) {
      const path = entity.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const res = await t.app.inject({ method: 'GET', url: `/api/${path}`, headers: bearer(token) });
      const byId = new Map((res.json() as { id: string }[]).map((r) => [r.id, r]));
      for (const record of records.filter((r) => !r.deleted))
        expect(record, entity).toEqual(byId.get(record.id));
    }
  });
});
