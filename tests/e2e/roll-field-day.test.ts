// Issue 4 end to end: an instructor downloads online, then in a hall with no signal reloads the app from the service
// worker, takes a whole roll ("all present" plus exceptions), checks a learner in by QR code, adds a walk-in,
// photographs the signed sheet, closes the page and reopens it, still offline: everything is there. Back online, the
// admin's browser shows exactly those marks, and the photo. axe-core checks the roll screen on the way.
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { checkInCode } from '../../src/domain/check-in-code.ts';
import { newId } from '../../src/domain/ids.ts';
import { runAxe } from './helpers/axe.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { LoginPage } from './pages/login-page.ts';
import { RollPage } from './pages/roll-page.ts';

const qrPng = (text: string) => QRCode.toBuffer(text, { type: 'png', width: 360, margin: 4 });

describe('a field day, offline', () => {
  const suite = useE2eSuite();

  it('takes the roll offline, survives closing the page, and reaches the admin when back online', async () => {
    const { demo, url } = suite.server;
    const lan = demo.users.find((u) => u.username === 'gv.lan')!;
    const cls = demo.classes.find((c) => c.instructorIds.includes(lan.id) && c.status === 'open')!;
    const marked = new Set(demo.marks.map((m) => m.sessionId));
    const session = demo.sessions
      .filter((s) => s.classId === cls.id && !marked.has(s.id) && !s.cancelled)
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;
    const enrolments = demo.enrollments.filter((e) => e.classId === cls.id && e.status !== 'withdrawn');
    const [scanned, absent, late] = enrolments as [
      (typeof enrolments)[0],
      (typeof enrolments)[0],
      (typeof enrolments)[0],
    ];
    const name = (learnerId: string) => demo.learners.find((l) => l.id === learnerId)!.fullName;
    const otherClass = demo.enrollments.find((e) => e.classId !== cls.id)!;

    // A cheap Android phone's screen.
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
    const page = await context.newPage();
    await new LoginPage(page).open(url);
    await new LoginPage(page).signIn('gv.lan', 'diemdanh');
    await page.getByRole('heading', { name: 'Buổi học sắp tới' }).waitFor();
    const roll = new RollPage(page);
    await roll.waitServiceWorker();
    await page.getByTestId('pending-count').filter({ hasText: 'Đã đồng bộ hết' }).waitFor();

    await context.setOffline(true);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await roll.open(url, session.id);

    // QR check-in, then codes that must be refused: another class's, a made-up one, something else entirely.
    expect(await roll.scanPhoto(await qrPng(checkInCode(scanned.id)))).toContain(name(scanned.learnerId));
    expect(await page.locator('.scan-result.ok').count()).toBe(1);
    expect(await roll.scanPhoto(await qrPng(checkInCode(otherClass.id)))).toContain('lớp khác');
    expect(await roll.scanPhoto(await qrPng(checkInCode(newId())))).toContain('Mã không hợp lệ');
    expect(await roll.scanPhoto(await qrPng('https://example.com'))).toContain('không phải mã điểm danh');
    expect(await page.locator('.scan-result.refused').count()).toBe(1);
    await page.getByRole('button', { name: 'Đóng camera' }).click();

    await roll.addWalkIn('Hoàng Thị Mỹ Duyên', 'Hội Phụ nữ xã');
    await roll.allRemainingPresent();
    await roll.mark(absent.learnerId, 'Vắng không phép');
    await roll.mark(late.learnerId, 'Đi muộn');
    const taken = await roll.namedStatuses();
    expect(taken).toHaveLength(enrolments.length + 1);
    expect(taken).toContain('Hoàng Thị Mỹ Duyên: Có mặt');
    expect(taken).toContain(`${name(scanned.learnerId)}: Có mặt`);
    expect(taken).toContain(`${name(absent.learnerId)}: Vắng không phép`);
    expect(taken).toContain(`${name(late.learnerId)}: Đi muộn`);
    expect(await page.locator('.roll-row .pill.walk-in').count()).toBe(1);
    // Made by the write worker, whose script came from the service worker's cache like the page's.
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toContainEqual(
      expect.stringMatching(/^\/assets\/write-worker-start-.*\.js$/),
    );

    // The signed paper sheet, photographed as evidence (any picture will do for the test).
    await page.getByLabel('Chụp ảnh danh sách đã ký').setInputFiles({
      name: 'danh-sach.png',
      mimeType: 'image/png',
      buffer: await qrPng('Danh sách ký tên buổi học'),
    });
    await page.locator('.photo img').waitFor();

    // The session's summary, folded under the roll, looks like something to open (its triangle is drawn, since a
    // flex row loses the browser's), and opens on this roll's tally.
    const summaryLine = page.getByText('Tổng kết buổi học và cảnh báo chuyên cần', { exact: true });
    const triangle = () => summaryLine.evaluate((line) => getComputedStyle(line, '::before').content);
    expect(await triangle()).toMatch(/^"▸"/);
    await summaryLine.click();
    expect(await triangle()).toMatch(/^"▾"/);
    const tally = page.getByRole('list', { name: 'Điểm danh buổi này' });
    expect(await tally.textContent()).toContain('Vắng không phép: 1');
    expect(await tally.textContent()).toContain('Chưa điểm danh: 0');

    // One-handed on 360 px: nothing wider than the screen, every status button a full-size touch target.
    const layout = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      smallestButton: Math.min(
        ...[...document.querySelectorAll('.roll-buttons button')].map(
          (b) => b.getBoundingClientRect().height,
        ),
      ),
    }));
    expect(layout.width).toBeLessThanOrEqual(360);
    expect(layout.smallestButton).toBeGreaterThanOrEqual(44);

    const axe = await runAxe(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);

    // A note is being typed when the tab is closed, and opened again, still without a connection: the roll is as it
    // was, the note still half typed.
    const lateNote = (on: Page) =>
      on
        .locator(`.roll-row[data-learner="${late.learnerId}"]`)
        .getByPlaceholder('Ví dụ: ốm, có giấy phép của xã');
    await page
      .locator(`.roll-row[data-learner="${late.learnerId}"]`)
      .getByRole('button', { name: '+ Ghi chú / lý do' })
      .click();
    await lateNote(page).fill('Xe hỏng giữa đường');
    await page.close();
    const reopened = await context.newPage();
    const again = new RollPage(reopened);
    await again.open(url, session.id);
    expect(await again.namedStatuses()).toEqual(taken);
    expect(await lateNote(reopened).inputValue()).toBe('Xe hỏng giữa đường');
    await reopened.locator('.roll-row .pill.unsent').nth(enrolments.length).waitFor();
    expect(await reopened.locator('.roll-row .pill.unsent').count()).toBe(enrolments.length + 1);
    await reopened.locator('.photo img').waitFor();

    await context.setOffline(false);
    await again.syncNow();
    await again.waitAllSynced();

    const adminContext = await suite.browser.newContext();
    const adminPage = await adminContext.newPage();
    await new LoginPage(adminPage).open(url);
    await new LoginPage(adminPage).signIn('admin', 'diemdanh');
    await adminPage.getByTestId('pending-count').filter({ hasText: 'Đã đồng bộ hết' }).waitFor();
    const admin = new RollPage(adminPage);
    await admin.open(url, session.id);
    await adminPage.locator('.roll-row', { hasText: 'Hoàng Thị Mỹ Duyên' }).waitFor();
    expect(await admin.namedStatuses()).toEqual(taken);
    expect(await admin.counts()).toBe(await again.counts());
    await adminPage.getByRole('button', { name: 'Tải ảnh về' }).click();
    const size = await adminPage
      .locator('.photo img')
      .evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth));
    expect(size).toBeGreaterThan(100);
    await adminContext.close();
    await context.close();
  });
});
