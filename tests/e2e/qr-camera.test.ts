// The QR scanner with a camera: Chromium's fake capture device plays a video of a learner's code, the way a phone's
// camera would see the card held up, and the roll marks that learner present without a tap.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInCode } from '../../src/domain/check-in-code.ts';
import { launchChromium } from './helpers/browser.ts';
import { type E2eServer, startE2eServer } from './helpers/server.ts';
import { LoginPage } from './pages/login-page.ts';
import { RollPage } from './pages/roll-page.ts';

const SIZE = 480;

/** A still video (YUV4MPEG2, 4:2:0) of a black-on-white QR code, which Chromium loops as its camera. */
function qrVideo(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = Math.floor(SIZE / (modules.size + 8));
  const offset = Math.floor((SIZE - modules.size * scale) / 2);
  const luma = Buffer.alloc(SIZE * SIZE, 235);
  for (let y = 0; y < modules.size * scale; y++) {
    for (let x = 0; x < modules.size * scale; x++) {
      if (modules.get(Math.floor(x / scale), Math.floor(y / scale)))
        luma[(offset + y) * SIZE + offset + x] = 16;
    }
  }
  const chroma = Buffer.alloc((SIZE / 2) * (SIZE / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const path = join(tmpdir(), `qr-camera-${process.pid}.y4m`);
  writeFileSync(
    path,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${SIZE} H${SIZE} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]),
  );
  return path;
}

describe('QR check-in with the camera', () => {
  let server: E2eServer;
  let browser: Browser;
  let enrolment: E2eServer['demo']['enrollments'][number];
  let session: E2eServer['demo']['sessions'][number];

  beforeAll(async () => {
    server = await startE2eServer();
    const { demo } = server;
    const lan = demo.users.find((u) => u.username === 'gv.lan')!;
    const cls = demo.classes.find((c) => c.instructorIds.includes(lan.id) && c.status === 'open')!;
    const marked = new Set(demo.marks.map((m) => m.sessionId));
    session = demo.sessions
      .filter((s) => s.classId === cls.id && !marked.has(s.id) && !s.cancelled)
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;
    enrolment = demo.enrollments.find((e) => e.classId === cls.id && e.status !== 'withdrawn')!;
    browser = await launchChromium([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${qrVideo(checkInCode(enrolment.id))}`,
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks the learner whose code the camera sees, once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new LoginPage(page).open(server.url);
    await new LoginPage(page).signIn('gv.lan', 'diemdanh');
    await page.getByRole('heading', { name: 'Buổi học sắp tới' }).waitFor();
    const roll = new RollPage(page);
    await roll.open(server.url, session.id);
    await page.getByRole('button', { name: 'Quét mã QR' }).click();

    const learner = server.demo.learners.find((l) => l.id === enrolment.learnerId)!;
    await page.locator('.scan-result.ok', { hasText: learner.fullName }).waitFor({ timeout: 20_000 });
    const row = page.locator(`.roll-row[data-learner="${learner.id}"]`);
    await row.locator('button[aria-pressed="true"]', { hasText: 'Có mặt' }).waitFor();
    // The card stays in view: it is not counted again, and nobody else is marked.
    await page.waitForTimeout(1500);
    expect(Object.values(await roll.statuses()).filter(Boolean)).toEqual(['Có mặt']);
    expect(await page.locator('.scan-result').textContent()).toContain(learner.fullName);
    await context.close();
  });
});
