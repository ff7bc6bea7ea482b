// `npm run bench`: figures for the foundation, printed, never asserted. Later benchmarks (bench:sync, bench:ui,
// bench:web, bench:load) live beside this file.
import { gzipSync } from 'node:zlib';
import { createApp } from '../src/server/app.ts';
import { testConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { seedDemo, vietnamToday } from '../src/server/demo/seed-demo.ts';

const target = process.env.DATABASE_URL
  ? { databaseUrl: process.env.DATABASE_URL }
  : { memory: true as const };
const t0 = performance.now();
const database = await openDatabase(target);
const opened = performance.now();
const demo = await seedDemo(database.db, vietnamToday());
const seeded = performance.now();
const app = await createApp({ database, config: testConfig() });

const loginStart = performance.now();
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'admin', password: 'diemdanh' },
});
const loginMs = performance.now() - loginStart;
const token = login.json().token as string;

const pullStart = performance.now();
let cursor = 0;
let records = 0;
let bytes = 0;
let gzipBytes = 0;
for (;;) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/sync/pull?cursor=${cursor}`,
    headers: { authorization: `Bearer ${token}` },
  });
  const page = res.json();
  records += Object.values(page.changes as Record<string, unknown[]>).reduce((n, list) => n + list.length, 0);
  bytes += res.rawPayload.length;
  gzipBytes += gzipSync(res.rawPayload).length;
  cursor = page.cursor;
  if (!page.hasMore) break;
}
const pullMs = performance.now() - pullStart;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
console.log(`database                      ${database.kind}`);
console.log(`open + migrate                ${fmt(opened - t0)} ms`);
console.log(`seed demo (${demo.marks.length} marks)       ${fmt(seeded - opened)} ms`);
console.log(`login (scrypt N=16384)        ${fmt(loginMs)} ms`);
console.log(
  `admin full pull               ${fmt(records)} records in ${fmt(pullMs)} ms = ${fmt(records / (pullMs / 1000))} records/s`,
);
console.log(
  `pull size                     ${fmt(bytes / 1024)} KiB raw, ${fmt(gzipBytes / 1024)} KiB gzip (${fmt(gzipBytes / records)} B/record)`,
);
await app.close();
await database.close();
