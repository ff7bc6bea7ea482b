// Issue 6 acceptance, updates: an instructor's phone runs build A with marks taken offline and not yet synced; build B
// is deployed on the same address; the phone offers "Có phiên bản mới — Tải lại"; accepted, the page runs B with the
// marks still pending, and they sync once the server is reachable. The phone's page is the one signed in on, never
// reloaded (its service worker took control of it on the first visit). A second tab with a note being typed is
// never reloaded behind the instructor's back: it keeps its text and offers the update itself.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markId } from '../../src/domain/ids.ts';
import { marks } from '../../src/server/db/schema.ts';
import { launchChromium } from './helpers/browser.ts';
import { recordPageState } from './helpers/page-state.ts';
import { builtClientDir, type E2eServer, startE2eServer } from './helpers/server.ts';
import { LoginPage } from './pages/login-page.ts';
import { RollPage } from './pages/roll-page.ts';

const BUILD_B = 'bản thử B';

describe('updating the app', () => {
  let dir: string;
  let live: string;
  let buildB: string;
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'diem-danh-update-'));
    live = path.join(dir, 'live');
    buildB = path.join(dir, 'b');
    // Build A is the suite's dist/; build B is the same code built again under another name, so its app file,
    // precache list and service worker differ, as with any release.
    cpSync(builtClientDir, live, { recursive: true });
    execFileSync(
      process.execPath,
      [
        path.resolve('node_modules/vite/bin/vite.js'),
        'build',
        '--outDir',
        buildB,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      // NODE_ENV: vitest sets it to 'test', which would make a development build of React.
      { env: { ...process.env, NODE_ENV: 'production', APP_BUILD: BUILD_B }, stdio: 'inherit' },
    );
    server = await startE2eServer(live);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps offline marks pending through an accepted update, syncs them after, and reloads no other tab', async () => {
    const { demo, url } = server;
    const lan = demo.users.find((u) => u.username === 'gv.lan')!;
    const cls = demo.classes.find((c) => c.instructorIds.includes(lan.id) && c.status === 'open')!;
    const marked = new Set(demo.marks.map((m) => m.sessionId));
    const session = demo.sessions
      .filter((s) => s.classId === cls.id && !marked.has(s.id) && !s.cancelled)
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;
    const [absent, noted] = demo.enrollments.filter((e) => e.classId === cls.id && e.status !== 'withdrawn');

    const context = await browser.newContext();
    const page = await context.newPage();
    const pageState = recordPageState(page);
    await new LoginPage(page).open(url);
    await new LoginPage(page).signIn('gv.lan', 'diemdanh');
    await page.getByRole('heading', { name: 'Buổi học sắp tới' }).waitFor();
    const roll = new RollPage(page);
    await roll.waitServiceWorker();
    await roll.waitAllSynced();
    const versionA = await page.getByTestId('app-version').textContent();
    expect(versionA).not.toContain(BUILD_B);

    // In the hall, no signal, on the page the instructor signed in on (a first visit, which its service worker
    // claimed: never reloaded): the app is ready offline, and one learner is absent. In a second tab, a note half
    // typed.
    await context.setOffline(true);
    await page.locator(`a[href="/lop/${cls.id}/san-sang"]`).click();
    const offlineApp = page.locator('.readiness-item').filter({ hasText: 'Ứng dụng dùng khi không có mạng' });
    await expect.poll(() => offlineApp.textContent(), { timeout: 10_000 }).toContain('Đạt');
    await page.getByRole('link', { name: '← Về trang chính' }).click();
    await page.locator(`a[href="/buoi/${session.id}"]`).click();
    await page.locator('.roll-row').first().waitFor();
    await roll.mark(absent!.learnerId, 'Vắng không phép');
    await page.getByTestId('pending-count').filter({ hasText: '1 thay đổi chưa đồng bộ' }).waitFor();
    const other = await context.newPage();
    await new RollPage(other).open(url, session.id);
    const row = other.locator(`.roll-row[data-learner="${noted!.learnerId}"]`);
    await row.getByRole('button', { name: '+ Ghi chú / lý do' }).click();
    await row.getByPlaceholder('Ví dụ: ốm, có giấy phép của xã').fill('Xin về sớm lúc 10 giờ');
    await other.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    // Build B goes live on the same address (new hashed files beside the old ones, as a real deployment leaves
    // them); the phone gets signal back but its sync requests do not get through yet.
    cpSync(buildB, live, { recursive: true, force: true });
    await context.route('**/api/sync/**', (route) => route.abort('connectionrefused'));
    await context.setOffline(false);
    // What the browser does by itself whenever the app is opened: ask whether the service worker changed.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.getByText('Có phiên bản mới').waitFor({ timeout: 30_000 });
    await other.getByText('Có phiên bản mới').waitFor();
    await page.getByRole('button', { name: 'Tải lại' }).click();

    // This tab now runs build B; the mark is still on the device, still waiting for the server.
    await pageState.explain(
      page.getByTestId('app-version').filter({ hasText: BUILD_B }).waitFor({ timeout: 30_000 }),
    );
    await page.locator('.roll-row').first().waitFor();
    expect(await page.getByTestId('pending-count').textContent()).toBe('1 thay đổi chưa đồng bộ');
    expect((await roll.statuses())[absent!.learnerId]).toBe('Vắng không phép');

    // The other tab was left alone: same document, the note still being typed, and the offer to reload.
    expect(await other.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    expect(await row.getByPlaceholder('Ví dụ: ốm, có giấy phép của xã').inputValue()).toBe(
      'Xin về sớm lúc 10 giờ',
    );
    expect(await other.getByText('Có phiên bản mới').isVisible()).toBe(true);
    expect(await other.getByTestId('app-version').textContent()).toBe(versionA);

    // The server is reachable again: the mark goes up.
    await context.unroute('**/api/sync/**');
    await roll.syncNow();
    await roll.waitAllSynced();
    const [stored] = await server.database.db
      .select()
      .from(marks)
      .where(eq(marks.id, markId(session.id, absent!.learnerId)));
    expect(stored).toMatchObject({ status: 'absent', markedBy: lan.id });

    // The other tab (still build A, under build B's worker now) opens a screen it had not loaded, whose file is gone
    // from the device: B's worker does not keep A's files, and the browser's own cache may have dropped them (here
    // the file is refused). The screen says why and what to do, inside the usual frame, instead of a blank page.
    await context.route('**/assets/ClassRecordPage-*.js', (route) => route.abort('internetdisconnected'));
    await other.getByRole('link', { name: '← Về trang chính' }).click();
    await other.locator(`a[href="/lop/${cls.id}/diem-danh"]`).click();
    await other.getByRole('alert').filter({ hasText: 'ứng dụng vừa được cập nhật' }).waitFor();
    expect(await other.getByTestId('pending-count').textContent()).toBe('Đã đồng bộ hết');
    await context.unroute('**/assets/ClassRecordPage-*.js');

    // The other tab reloads when the instructor says so, onto build B.
    await other.getByRole('button', { name: 'Tải lại', exact: true }).click();
    await other.getByTestId('app-version').filter({ hasText: BUILD_B }).waitFor({ timeout: 30_000 });
    // The note it had half typed, never saved, is still there on the roll.
    await new RollPage(other).open(url, session.id);
    expect(await row.getByPlaceholder('Ví dụ: ốm, có giấy phép của xã').inputValue()).toBe(
      'Xin về sớm lúc 10 giờ',
    );
    await context.close();
  });
});
