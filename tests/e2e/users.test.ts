// The centre's accounts in Chromium: staff create an instructor's account (it reaches the list by sync), a taken user
// name is refused in words, a reset password works at once on another device, and offline the actions wait.
import { describe, expect, it } from 'vitest';
import { signedIn } from './helpers/signed-in.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { LoginPage } from './pages/login-page.ts';

describe('accounts in Chromium', () => {
  const suite = useE2eSuite();

  it('creates an account, refuses a taken name, resets a password; offline the actions are disabled', async () => {
    const { context, page } = await signedIn(suite, 'admin');
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    const form = page.getByRole('form', { name: 'Tạo tài khoản' });

    const create = async (username: string, name: string) => {
      await form.getByLabel('Họ tên hiển thị').fill(name);
      await form.getByLabel('Tên đăng nhập').fill(username);
      await form.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill('mat-khau-moi-1');
      await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    };
    await create('gv.hoa', 'Trần Thị Hoà');
    await form.getByRole('status').filter({ hasText: 'Đã tạo tài khoản gv.hoa.' }).waitFor();
    const accounts = page.getByTestId('accounts');
    await accounts.getByRole('rowheader', { name: 'Trần Thị Hoà' }).waitFor();

    await create('gv.hoa', 'Người khác');
    expect(await form.getByRole('alert').textContent()).toBe(
      'Tên đăng nhập này đã có người dùng. Hãy chọn tên khác.',
    );

    const row = accounts.getByRole('row').filter({ hasText: 'gv.hoa' });
    await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await row.getByLabel('Mật khẩu mới cho Trần Thị Hoà').fill('mat-khau-thu-2');
    await row.getByRole('button', { name: 'Lưu' }).click();
    await row.getByRole('status').waitFor();

    const phone = await suite.browser.newContext();
    const phonePage = await phone.newPage();
    await new LoginPage(phonePage).open(suite.server.url);
    await new LoginPage(phonePage).signIn('gv.hoa', 'mat-khau-thu-2');
    await phonePage.getByRole('heading', { name: 'Lớp của tôi' }).waitFor();
    await phone.close();

    await context.setOffline(true);
    await page.getByText('Đang không có mạng').waitFor();
    expect(await form.getByRole('button', { name: 'Tạo tài khoản' }).isDisabled()).toBe(true);
    await context.close();
  });
});
