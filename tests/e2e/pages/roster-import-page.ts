// Page model of the roster import screen of one class (/lop/:classId/nhap-danh-sach).
import type { Page } from 'playwright-core';

export class RosterImportPage {
  constructor(private readonly page: Page) {}

  /** From the staff home: the "Nhập danh sách" button on the class's card. */
  async openFromHome(classCode: string): Promise<void> {
    const card = this.page.locator('.card', { hasText: classCode });
    await card.getByRole('link', { name: 'Nhập danh sách' }).click();
    await this.page.getByRole('heading', { name: 'Nhập danh sách học viên' }).waitFor();
  }

  async choose(name: string, buffer: Buffer): Promise<void> {
    await this.page.getByLabel('Chọn tệp danh sách').setInputFiles({ name, mimeType: '', buffer });
  }

  get fileProblem() {
    return this.page.getByRole('alert').first();
  }

  get summary() {
    return this.page.locator('.import-summary');
  }

  get saveButton() {
    return this.page.getByRole('button', { name: /^Thêm \d+ học viên vào lớp$/ });
  }

  /** Each preview row as "row · name · status". */
  async rows(): Promise<string[]> {
    return this.page.$$eval('.import-table tbody tr', (trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.firstChild?.textContent ?? '');
        return `${cells[0]} · ${cells[1]} · ${cells[5]}`;
      }),
    );
  }

  async save(): Promise<string> {
    await this.saveButton.click();
    const saved = this.page.getByRole('status').filter({ hasText: 'Đã thêm' });
    await saved.waitFor();
    return (await saved.textContent()) ?? '';
  }
}
