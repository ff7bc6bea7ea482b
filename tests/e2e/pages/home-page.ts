// Page model of the signed-in home (any role).
import type { Page } from 'playwright-core';

export class HomePage {
  constructor(private readonly page: Page) {}

  get title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get centreName() {
    return this.page.locator('.centre-name');
  }

  get cards() {
    return this.page.locator('.card');
  }

  get sessions() {
    return this.page.locator('.session');
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Đăng xuất' }).click();
  }
}
