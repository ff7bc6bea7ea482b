// Page model of the sign-in screen.
import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/login`);
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Tên đăng nhập').fill(username);
    await this.page.getByLabel('Mật khẩu').fill(password);
    await this.page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  get error() {
    return this.page.getByRole('alert');
  }
}
