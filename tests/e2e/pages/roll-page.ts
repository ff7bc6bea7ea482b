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
