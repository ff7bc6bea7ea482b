// [PULL1] Two server instances on one PostgreSQL database apply pushes at the same time, so their transactions
// commit out of order; a device pulling incrementally all the while must still end with every change.

import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markId, newId } from '../../src/domain/ids.ts';
import { createApp } from '../../src/server/app.ts';
import { testConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { insertRecords } from '../../src/server/db/records.ts';
import { marks } from '../../src/server/db/schema.ts';
import { encodeHlc } from '../../src/sync/hlc.ts';
import { PROTOCOL_VERSION, type WireMutation } from '../../src/sync/protocol.ts';
import { login } from './helpers/app.ts';
import { openFreshPostgres } from './helpers/databases.ts';
import { type CentreFixture, seedCentre } from './helpers/fixtures.ts';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('concurrent writers on PostgreSQL', () => {
  let handles: Database[];
  let apps: FastifyInstance[];
  let a: CentreFixture;

  beforeAll(async () => {
    handles = await openFreshPostgres(url!, 2);
    apps = await Promise.all(handles.map((database) => createApp({ database, config: testConfig() })));
    a = await seedCentre(handles[0]!.db, 'a');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await handles[0]!.close();
  });

  it('an incremental puller misses no row while two instances commit out of order', async () => {
    const WRITERS = 6;
    const BATCHES = 15;
    const tokens = await Promise.all(
      Array.from({ length: WRITERS }, () => login(apps[0]!, a.users.instructor.username)),
    );
    const reader = await login(apps[1]!, a.users.admin.username);
    const session = a.mine.session.id;
    // One learner per mutation, so every push creates a new row that the puller must see.
    const learners = Array.from({ length: WRITERS * BATCHES }, (_, i) => ({
      ...a.mine.learner,
      id: newId(),
      fullName: `Học Viên ${i}`,
    }));
    await handles[0]!.db.transaction((tx) => insertRecords(tx, 'learners', a.centreId, learners));

    const seen = new Map<string, string>();
    let cursor = 0;
    let writing = true;
    const pullOnce = async (app: FastifyInstance) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/sync/pull?cursor=${cursor}`,
        headers: { authorization: `Bearer ${reader}` },
      });
      const page = res.json();
      for (const m of page.changes.marks ?? []) if (m.sessionId === session) seen.set(m.id, m.note);
      cursor = page.cursor;
      return page.hasMore as boolean;
    };
    const puller = (async () => {
      let i = 0;
      while (writing) await pullOnce(apps[i++ % 2]!);
    })();

    await Promise.all(
      tokens.map(async (token, w) => {
        const deviceId = newId();
        for (let b = 1; b <= BATCHES; b++) {
          const learnerId = learners[w * BATCHES + b - 1]!.id;
          const m: WireMutation = {
            seq: b,
            entity: 'marks',
            recordId: markId(session, learnerId),
            fields: {
              sessionId: session,
              learnerId,
              status: 'present',
              note: `w${w}-b${b}`,
              markedBy: a.users.instructor.id,
              markedAt: new Date().toISOString(),
              deleted: false,
            },
            hlc: encodeHlc({ millis: Date.now(), counter: b, deviceId }),
          };
          const res = await apps[(w + b) % 2]!.inject({
            method: 'POST',
            url: '/api/sync/push',
            headers: { authorization: `Bearer ${token}` },
            payload: { protocolVersion: PROTOCOL_VERSION, deviceId, mutations: [m] },
          });
          expect(res.json().results[0].outcome).toBe('applied');
        }
      }),
    );
    writing = false;
    await puller;
    while (await pullOnce(apps[0]!));
    await pullOnce(apps[1]!);

    const server = await handles[0]!.db.select().from(marks).where(eq(marks.sessionId, session));
    expect(server).toHaveLength(WRITERS * BATCHES + 1);
    expect([...seen.entries()].sort()).toEqual(server.map((m) => [m.id, m.note] as const).sort());
  });
});
