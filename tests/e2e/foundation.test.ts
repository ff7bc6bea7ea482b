// Issue 2 acceptance in Chromium: the login is in Vietnamese; each demo account signs in and sees its own home with
// data read from the device; the shell works offline after sign-in.
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/server/demo/build-demo.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { HomePage } from './pages/home-page.ts';
import { LoginPage } from './pages/login-page.ts';

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

describe('foundation in Chromium', () => {
  const suite = useE2eSuite();

  it('shows the sign-in page in Vietnamese and refuses a wrong password with a Vietnamese message', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const login = new LoginPage(page);
    await page.goto(suite.server.url);
    await page.waitForURL('**/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await login.heading.textContent()).toBe('Điểm Danh');
    await login.signIn('admin', 'sai-mat-khau');
    expect(await login.error.textContent()).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    await context.close();
  });

  it('the admin sees the 2021 classes of the centre', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await new LoginPage(page).open(suite.server.url);
    await new LoginPage(page).signIn('admin', account('admin').password);
    const home = new HomePage(page);
    await home.title.filter({ hasText: 'Các lớp năm' }).waitFor();
    expect(await home.centreName.textContent()).toBe('Trung tâm Chính trị huyện Kon Rẫy');
    await page.getByLabel('Năm', { exact: true }).selectOption('2021');
    await home.title.filter({ hasText: '2021' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 12);
    const figures = await page.locator('.figures dd').allTextContents();
    expect(figures).toEqual(['12', '522']);
    await context.close();
  });

  it('each instructor sees only their own classes, with upcoming sessions', async () => {
    const seen: string[][] = [];
    for (const username of ['gv.lan', 'gv.minh']) {
      const context = await suite.browser.newContext();
      const page = await context.newPage();
      await new LoginPage(page).open(suite.server.url);
      await new LoginPage(page).signIn(username, account('instructor').password);
      const home = new HomePage(page);
      await page.getByRole('heading', { name: 'Lớp của tôi' }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.card').length > 0);
      const me = suite.server.demo.users.find((u) => u.username === username)!;
      const mine = suite.server.demo.classes.filter((c) => c.instructorIds.includes(me.id));
      const expected = mine.map((c) => c.code);
      // The classes that have ended are folded below the others, with their number.
      const ended = mine.filter((c) => c.status === 'closed' || c.status === 'cancelled').length;
      if (ended > 0) await page.getByText(`Lớp đã kết thúc hoặc đã hủy (${ended})`, { exact: true }).click();
      // The folded list is drawn once the panel has opened (its toggle event comes a moment after the click).
      await page.waitForFunction(
        (n) => document.querySelectorAll('.card .code').length === n,
        expected.length,
      );
      const codes = await page.locator('.card .code').allTextContents();
      expect(codes.sort()).toEqual(expected.sort());
      expect(await home.sessions.count()).toBeGreaterThan(0);
      expect(await home.sessions.first().locator('.date').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      seen.push(codes);
      await context.close();
    }
    expect(seen[0]).not.toEqual(seen[1]);
  });

  it('the learner sees their schedule and attendance, and the app reopens offline from the service worker', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await new LoginPage(page).open(suite.server.url);
    await new LoginPage(page).signIn('hv.demo', account('learner').password);
    await page.getByRole('heading', { name: 'Lịch học của tôi' }).waitFor();
    await page.getByRole('heading', { name: 'Chuyên cần của tôi' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.card').length >= 2);
    const learnerId = suite.server.demo.users.find((u) => u.username === 'hv.demo')!.learnerId;
    const classCount = suite.server.demo.enrollments.filter((e) => e.learnerId === learnerId).length;
    expect(await page.locator('.card').count()).toBe(classCount);
    expect(await page.locator('.card').first().textContent()).toMatch(/Tỷ lệ tham gia|Chưa có buổi học/);
    // A running class tells the learner how many more sessions they may miss (the finished 2021 class does not).
    expect(await page.getByTestId('absences-left').first().textContent()).toMatch(
      /^(Còn được vắng tối đa \d+ buổi nữa mà vẫn đủ điều kiện\.|Cần học đủ tất cả các buổi còn lại để đủ điều kiện\.|Không còn đủ buổi để đạt yêu cầu tham gia của lớp\.)$/,
    );

    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const sw = reg.active!;
      if (sw.state !== 'activated')
        await new Promise((r) =>
          sw.addEventListener('statechange', () => sw.state === 'activated' && r(null)),
        );
    });
    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { name: 'Lịch học của tôi' }).waitFor();
    expect(await page.locator('.card').count()).toBe(classCount);
    expect(await page.locator('.pill.offline').textContent()).toBe('Không có mạng');
    await context.close();
  });

  it('opens a screen at its top, a page loaded afresh too, and Back or a reload return to where it was left', async () => {
    // A phone's screen, on which an instructor's home is several screens long.
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await new LoginPage(page).open(suite.server.url);
    await new LoginPage(page).signIn('gv.lan', account('instructor').password);
    await page.getByRole('heading', { name: 'Lớp của tôi' }).waitFor();
    // The lowest link is in the folded list of ended classes, which stays open through Back and a reload.
    await page.getByText(/^Lớp đã kết thúc hoặc đã hủy/).click();
    await page.locator('.ended-classes .card').first().waitFor();
    const scrolled = () => page.evaluate(() => Math.round(window.scrollY));
    const lowest = page.getByRole('link', { name: 'Sẵn sàng đi lớp' }).last();
    await lowest.scrollIntoViewIfNeeded();
    const left = await scrolled();
    expect(left).toBeGreaterThan(740);

    await lowest.click();
    await page.waitForURL('**/san-sang');
    await page.getByRole('heading', { name: /Sẵn sàng đi lớp/ }).waitFor();
    expect(await scrolled()).toBe(0);

    await page.goBack();
    await page.getByRole('heading', { name: 'Lớp của tôi' }).waitFor();
    await expect.poll(scrolled, { timeout: 5000 }).toBe(left);

    // A reload starts the page again: the place comes back from this tab's session storage.
    await page.reload();
    await page.getByRole('heading', { name: 'Lớp của tôi' }).waitFor();
    await expect.poll(scrolled, { timeout: 5000 }).toBe(left);

    // The address opened afresh, twice (the second time after scrolling): each is a new page, shown at its top.
    for (let i = 0; i < 2; i++) {
      await page.goto(`${suite.server.url}/`);
      await page.getByRole('heading', { name: 'Lớp của tôi' }).waitFor();
      await lowest.waitFor();
      expect(await scrolled()).toBe(0);
      await lowest.scrollIntoViewIfNeeded();
    }
    await context.close();
  });
});
