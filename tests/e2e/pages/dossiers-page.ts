// Page model of the recognition register (/ho-so-tuong-duong).
import type { Page } from 'playwright-core';

export interface NewDossier {
  fullName: string;
  unit: string;
  receivedDate: string;
}

export interface DecisionInput {
  outcome: 'Đạt' | 'Không đạt';
  decisionDate: string;
  decisionRef: string;
}

export class DossiersPage {
  constructor(private readonly page: Page) {}

  /** From the staff home: the office link. */
  async openFromHome(): Promise<void> {
    await this.page.getByRole('link', { name: 'Hồ sơ xét tương đương' }).click();
    await this.page.getByRole('heading', { name: /^Hồ sơ xét công nhận tương đương năm/ }).waitFor();
  }

  async chooseYear(year: number): Promise<void> {
    await this.page.locator('.year-picker select').selectOption(String(year));
    await this.page.getByRole('heading', { name: `Hồ sơ xét công nhận tương đương năm ${year}` }).waitFor();
  }

  /** The figure shown under a label, as text. */
  figure(label: string): Promise<string | null> {
    return this.page
      .locator('[data-testid="dossier-figures"] div')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .locator('dd')
      .textContent();
  }

  sentence(): Promise<string | null> {
    return this.page.getByTestId('dossier-sentence').textContent();
  }

  private get form() {
    return this.page.getByRole('form', { name: 'Thêm hồ sơ' });
  }

  /** Fills and saves the new-dossier form. */
  async add(dossier: NewDossier): Promise<void> {
    if (!(await this.form.isVisible())) await this.page.getByText('Thêm hồ sơ', { exact: true }).click();
    await this.form.getByLabel('Họ và tên').fill(dossier.fullName);
    await this.form.getByLabel('Đơn vị').fill(dossier.unit);
    await this.form.getByLabel('Ngày nhận hồ sơ').fill(dossier.receivedDate);
    await this.form.getByRole('button', { name: 'Lưu' }).click();
  }

  /** The form's refusal, in words. */
  get addError() {
    return this.form.getByRole('alert');
  }

  /** Waits for the form to say the dossier of `fullName` was added. */
  async added(fullName: string): Promise<void> {
    await this.form
      .getByRole('status')
      .filter({ hasText: `Đã thêm hồ sơ của ${fullName}.` })
      .waitFor();
  }

  row(fullName: string) {
    return this.page.getByTestId('dossiers').getByRole('row').filter({ hasText: fullName });
  }

  private outcomeForm(fullName: string) {
    return this.row(fullName).getByRole('form', { name: `Ghi kết quả xét hồ sơ của ${fullName}` });
  }

  /** Fills and saves the outcome of a pending dossier (opening its form in the row if needed). */
  async recordOutcome(fullName: string, decision: DecisionInput): Promise<void> {
    const form = this.outcomeForm(fullName);
    if (!(await form.isVisible()))
      await this.row(fullName).getByRole('button', { name: 'Ghi kết quả' }).click();
    await form.getByLabel('Kết quả').selectOption({ label: decision.outcome });
    await form.getByLabel('Ngày quyết định').fill(decision.decisionDate);
    await form.getByLabel('Số quyết định').fill(decision.decisionRef);
    await form.getByRole('button', { name: 'Lưu' }).click();
  }

  /** The outcome form's refusal, in words. */
  outcomeError(fullName: string) {
    return this.outcomeForm(fullName).getByRole('alert');
  }

  /** Waits for the row to show `outcome` ("Đạt", "Không đạt", "Chờ xét"). */
  async shows(fullName: string, outcome: string): Promise<void> {
    await this.row(fullName)
      .locator('[data-outcome]')
      .filter({ hasText: new RegExp(`^${outcome}$`) })
      .waitFor();
  }
}
