// Page model of the office's report screen.
import type { Page } from 'playwright-core';

export class ReportsPage {
  constructor(private readonly page: Page) {}

  async chooseYears(from: number, to = from): Promise<void> {
    await this.page.getByLabel('Từ năm').selectOption(String(from));
    await this.page.getByLabel('Đến năm').selectOption(String(to));
    await this.page.getByText(`Từ 01/01/${from} đến 31/12/${to}`).first().waitFor();
  }

  /** The figure shown under a label, as text. */
  figure(label: string): Promise<string | null> {
    return this.page
      .locator('[data-testid="report-figures"] div')
      .filter({ hasText: label })
      .locator('dd')
      .textContent();
  }

  /** Each kind's row: name, classes, learner places. */
  async kinds(): Promise<string[][]> {
    const rows = this.page.locator('[data-testid="report-kinds"] tbody tr');
    return (
      await rows.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      )
    ).map(([, name, , classes, places]) => [name!, classes!, places!]);
  }

  paragraph(): Promise<string | null> {
    return this.page.getByTestId('report-paragraph').textContent();
  }

  /** Clicks a download button and returns the file's bytes. */
  async download(button: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }
}
