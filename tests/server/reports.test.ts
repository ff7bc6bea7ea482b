// GET /api/reports/summary over the demo centre (seed 001, Kon Rẫy 2021) on each database: the figures and the
// paragraph the centre filed, the same as the device computes (tests/unit/domain/reports.test.ts); staff only; a bad
// period is refused with the field named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { SEED_001_KINDS } from '../fixtures/seed-001.ts';
import { bearer, login, startTestApp, type TestApp } from './helpers/app.ts';
import { testDatabases } from './helpers/databases.ts';

describe.each(testDatabases)('reports on $name', (target) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(target);
    await seedDemo(t.database.db, '2026-11-25');
    admin = await login(t.app, 'admin', 'diemdanh');
  });
  afterAll(() => t.close());

  const summary = (token: string, query: string) =>
    t.app.inject({ method: 'GET', url: `/api/reports/summary?${query}`, headers: bearer(token) });

  it('gives the 2021 figures of seed 001 and the paragraph', async () => {
    const res = await summary(admin, 'from=2021-01-01&to=2021-12-31');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      classesPlanned: 13,
      classesOpened: 12,
      learnerPlaces: 522,
      distinctLearners: 512,
      conferences: 0,
      conferencePlaces: 0,
      summoned: 522,
    });
    expect(
      body.byKind.map((k: { classes: number; learnerPlaces: number }) => [k.classes, k.learnerPlaces]),
    ).toEqual(SEED_001_KINDS);
    expect(body.paragraph).toContain(
      'Năm 2021, Trung tâm đã tổ chức mở được 12 lớp với 522 lượt học viên tham gia học tập, gồm: ' +
        '(1) 02 lớp Nhận thức về Đảng với 77 học viên;',
    );
  });

  it("counts seed 001's recognition of equivalent training, with the whole centre only", async () => {
    const body = (await summary(admin, 'from=2021-01-01&to=2021-12-31')).json();
    expect(body.equivalence).toMatchObject({ considered: 196, recognised: 151, notRecognised: 45 });
    expect(body.paragraph).toContain(
      'Bên cạnh đó, tổ chức xét công nhận trình độ lý luận chính trị tương đương Sơ cấp lý luận chính trị với tổng ' +
        'số hồ sơ được xét là 196 bộ (trong đó có 151 hồ sơ được công nhận đạt, 45 hồ sơ không được công nhận đạt).',
    );
  });

  it('filters by system', async () => {
    const body = (await summary(admin, 'from=2021-01-01&to=2021-12-31&system=party')).json();
    expect(body.system).toBe('party');
    expect(body.equivalence).toBeNull();
    expect(body.byKind.every((k: { category: string }) => k.category === 'party')).toBe(true);
  });

  it('refuses a period that ends before it starts, and anyone but staff', async () => {
    const backwards = await summary(admin, 'from=2021-12-31&to=2021-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(JSON.stringify(backwards.json())).toContain('to');
    expect((await summary(admin, 'from=2021-02-30&to=2021-12-31')).statusCode).toBe(400);
    const instructor = await login(t.app, 'gv.lan', 'diemdanh');
    expect((await summary(instructor, 'from=2021-01-01&to=2021-12-31')).statusCode).toBe(403);
  });
});
