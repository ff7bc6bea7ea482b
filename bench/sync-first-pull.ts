// First download of a big centre into a fresh device, in Chromium: sign in, then time until every page is stored
// and the status bar shows the time of the finished sync. Beside it, in the same browser, the raw IndexedDB baseline: the same
// number of small records put in one transaction. Figures, not a test: `npm run bench:sync` runs it after the push.
import type { AttendanceMark } from '../src/domain/entities.ts';
import { markId, newId } from '../src/domain/ids.ts';
import { insertRecords } from '../src/server/db/records.ts';
import { launchChromium } from '../tests/e2e/helpers/browser.ts';
import { startE2eServer } from '../tests/e2e/helpers/server.ts';

const MARKS = Number(process.env.BENCH_PULL_MARKS ?? 100_000);
const LEARNERS_PER_SESSION = 100;

// Served before the extra marks are added: nobody signs in until they are.
const server = await startE2eServer();
const { database, demo, url } = server;
const centreId = demo.centre.id;
const cls = demo.classes.find((c) => c.year === 2021)!;
const template = demo.sessions.find((s) => s.classId === cls.id)!;
const learners = Array.from({ length: LEARNERS_PER_SESSION }, (_, i) => ({
  ...demo.learners[0]!,
  id: newId(),
  fullName: `Bench ${i}`,
}));
const sessions = Array.from({ length: Math.ceil(MARKS / LEARNERS_PER_SESSION) }, () => ({
  ...template,
  id: newId(),
}));
const admin = demo.users.find((u) => u.role === 'admin')!;
const marks: AttendanceMark[] = sessions.flatMap((s) =>
  learners.map((l) => ({
    id: markId(s.id, l.id),
    centreId,
    updatedAt: '2021-12-31T10:00:00.000Z',
    deleted: false,
    sessionId: s.id,
    learnerId: l.id,
    status: 'present' as const,
    note: '',
    markedBy: admin.id,
    markedAt: '2021-06-01T08:00:00.000+07:00',
  })),
);
await database.db.transaction(async (tx) => {
  await insertRecords(tx, 'learners', centreId, learners);
  await insertRecords(tx, 'sessions', centreId, sessions);
  await insertRecords(tx, 'marks', centreId, marks);
});
const total = MARKS + demo.marks.length;

const browser = await launchChromium();
const page = await (await browser.newContext()).newPage();
await page.goto(`${url}/login`);
await page.getByLabel('Tên đăng nhập').fill('admin');
await page.getByLabel('Mật khẩu').fill('diemdanh');
const started = performance.now();
await page.getByRole('button', { name: 'Đăng nhập' }).click();
await page.locator('.statusbar .sync', { hasText: 'Đồng bộ lúc' }).waitFor({ timeout: 600_000 });
await page.locator('.card').first().waitFor();
const usable = performance.now() - started;
const stored = await page.evaluate(
  () =>
    new Promise<number>((resolve) => {
      const open = indexedDB.open('diem-danh');
      open.onsuccess = () => {
        const rolls = open.result.transaction('rolls').objectStore('rolls').getAll();
        rolls.onsuccess = () =>
          resolve(
            (rolls.result as { marks: object }[]).reduce((n, roll) => n + Object.keys(roll.marks).length, 0),
          );
      };
    }),
);

const baselineMs = await page.evaluate(async (n) => {
  const db = await new Promise<IDBDatabase>((resolve) => {
    const open = indexedDB.open('raw-baseline', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('marks', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
  });
  const start = performance.now();
  const tx = db.transaction('marks', 'readwrite', { durability: 'strict' });
  const store = tx.objectStore('marks');
  for (let i = 0; i < n; i++)
    store.put({
      id: `m${i}`,
      sessionId: `s${i % 1000}`,
      learnerId: `l${i % 100}`,
      status: 'present',
      note: '',
    });
  await new Promise((resolve) => {
    tx.oncomplete = resolve;
  });
  return performance.now() - start;
}, total);

console.log(
  `first pull into Chromium: ${stored.toLocaleString('en-US')} marks stored, usable after ${(usable / 1000).toFixed(1)} s ` +
    `(target ≤ 5 s); raw IndexedDB baseline, ${total.toLocaleString('en-US')} puts in one transaction: ` +
    `${(baselineMs / 1000).toFixed(1)} s; ratio ${(usable / baselineMs).toFixed(2)}×`,
);
await browser.close();
await server.close();
