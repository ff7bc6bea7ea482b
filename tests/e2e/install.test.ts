// Installing to the home screen: a complete manifest (names, icons including maskable, standalone, shortcuts,
// screenshots, all served), and the app's own install button once Chromium offers installing.
import { describe, expect, it } from 'vitest';
import { signedIn } from './helpers/signed-in.ts';
import { useE2eSuite } from './helpers/suite.ts';

interface Manifest {
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  display: string;
  theme_color: string;
  icons: { src: string; sizes: string; purpose?: string }[];
  shortcuts: { name: string; url: string }[];
  screenshots: { src: string; form_factor: string }[];
}

describe('installing the app', () => {
  const suite = useE2eSuite();

  it('has a complete manifest whose every image is served', async () => {
    const page = await (await suite.browser.newContext()).newPage();
    await page.goto(`${suite.server.url}/login`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = (await (
      await page.request.get(new URL(href!, suite.server.url).href)
    ).json()) as Manifest;
    expect(manifest).toMatchObject({
      short_name: 'Điểm Danh',
      lang: 'vi',
      start_url: '/',
      display: 'standalone',
    });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    expect(manifest.shortcuts.map((s) => s.name)).toEqual(['Buổi học hôm nay', 'Lịch học của tôi']);
    expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const src of [...manifest.icons, ...manifest.screenshots].map((i) => i.src)) {
      const res = await page.request.get(`${suite.server.url}${src}`);
      expect([src, res.status(), res.headers()['content-type']]).toEqual([src, 200, 'image/png']);
    }
    await page.context().close();
  });

  it('shows "Cài ứng dụng" when the browser offers installing, and opens its dialog', async () => {
    const { context, page } = await signedIn(suite, 'gv.lan');
    expect(await page.getByRole('button', { name: 'Cài ứng dụng' }).count()).toBe(0);
    // Chromium fires this itself once its install criteria are met; here it is fired as it would be.
    await page.evaluate(() => {
      const offer = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
        prompt(): Promise<void>;
      };
      offer.prompt = async () => {
        (window as unknown as { prompted: boolean }).prompted = true;
      };
      window.dispatchEvent(offer);
    });
    await page.getByRole('button', { name: 'Cài ứng dụng' }).click();
    expect(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(true);
    // The offer is used once.
    expect(await page.getByRole('button', { name: 'Cài ứng dụng' }).count()).toBe(0);
    await context.close();
  });
});
