// Page model of the roll screen of one session.
import type { Page } from 'playwright-core';

export class RollPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, sessionId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/buoi/${sessionId}`);
    await this.page.locator('.roll-row').first().waitFor();
  }

  async allRemainingPresent(): Promise<void> {
    await this.page.getByRole('button', { name: /^Tất cả còn lại có mặt/ }).click();
  }

  async mark(
    learnerId: string,
    status: 'Có mặt' | 'Đi muộn' | 'Vắng có phép' | 'Vắng không phép',
  ): Promise<void> {
    const row = this.page.locator(`.roll-row[data-learner="${learnerId}"]`);
    await row.getByRole('button', { name: status, exact: true }).click();
    await row.locator(`button[aria-pressed="true"]`, { hasText: status }).waitFor();
    // The button shows pressed at once; the row stops being busy once the mark is on the device.
    await this.page.locator(`.roll-row[data-learner="${learnerId}"][aria-busy="false"]`).waitFor();
  }

  /** The status pressed on each learner's row, by learner id. */
  async statuses(): Promise<Record<string, string>> {
    return this.page.$$eval('.roll-row', (rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute('data-learner') ?? '',
          r.querySelector('button[aria-pressed="true"]')?.textContent ?? '',
        ]),
      ),
    );
  }

  /** Feeds a picture of a QR code to the scanner, as a photo taken with the phone's camera app. */
  async scanPhoto(png: Buffer): Promise<string> {
    const scanner = this.page.getByRole('region', { name: 'Quét mã điểm danh' });
    if (!(await scanner.isVisible())) await this.page.getByRole('button', { name: 'Quét mã QR' }).click();
    const before = await this.page
      .locator('.scan-result')
      .textContent()
      .catch(() => null);
    await this.page.getByLabel('Chụp / chọn ảnh mã').setInputFiles({
      name: 'ma-qr.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await this.page.waitForFunction((previous) => {
      const text = document.querySelector('.scan-result')?.textContent;
      return Boolean(text) && text !== previous;
    }, before);
    return (await this.page.locator('.scan-result').textContent()) ?? '';
  }

  async addWalkIn(fullName: string, unit: string): Promise<void> {
    await this.page.getByRole('button', { name: '+ Học viên vãng lai' }).click();
    await this.page.getByLabel('Họ và tên').fill(fullName);
    await this.page.getByLabel('Đơn vị, cơ quan').fill(unit);
    await this.page.getByRole('button', { name: 'Thêm và điểm danh có mặt' }).click();
    await this.page.locator('.roll-row', { hasText: fullName }).waitFor();
  }

  /** Each learner's name and the status pressed on their row, sorted by name (for comparing two screens). */
  async namedStatuses(): Promise<string[]> {
    const rows = await this.page.$$eval('.roll-row', (rows) =>
      rows.map(
        (r) =>
          `${r.querySelector('.name')?.textContent ?? ''}: ${r.querySelector('button[aria-pressed="true"]')?.textContent ?? '—'}`,
      ),
    );
    return rows.sort();
  }

  async counts(): Promise<string> {
    return (await this.page.getByTestId('roll-counts').textContent()) ?? '';
  }

  async syncNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  }

  async waitAllSynced(): Promise<void> {
    await this.page
      .getByTestId('pending-count')
      .filter({ hasText: 'Đã đồng bộ hết' })
      .waitFor({ timeout: 30_000 });
  }

  async waitServiceWorker(): Promise<void> {
    await this.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const sw = reg.active!;
      if (sw.state !== 'activated') {
        await new Promise((r) =>
          sw.addEventListener('statechange', () => sw.state === 'activated' && r(null)),
        );
      }
    });
  }
}
