// The built app runs under the server's strict Content-Security-Policy (no inline script or style, nothing from
// another origin): signing in as each role and opening their screens, Chromium reports no violation. The same
// listener is then shown to catch an inline script, so a silent run means something.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/build-demo.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { LoginPage } from './pages/login-page.ts';
import { RollPage } from './pages/roll-page.ts';

interface Violation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

/** Every violation any document of the context reports, and every console line of the browser about the policy. */
async function watchPolicy(context: BrowserContext): Promise<Violation[]> {
  const seen: Violation[] = [];
  await context.exposeBinding('reportCspViolation', ({ page }, v: Omit<Violation, 'page'>) => {
    seen.push({ page: page.url(), ...v });
  });
  // Added through DevTools, so the policy under test does not apply to this listener itself.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(v: object): void }).reportCspViolation({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        sample: e.sample,
      });
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      seen.push({
        page: message.page()?.url() ?? '',
        directive: 'console',
        blocked: '',
        sample: message.text(),
      });
    }
  });
  return seen;
}

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Lazy chunks, images and the service worker's fetches settle.
  await page.waitForLoadState('networkidle');
}

describe('Content-Security-Policy in Chromium', () => {
  const suite = useE2eSuite();

  it('the app signs in and shows every role its screens without a single violation', async () => {
    const { url, demo } = suite.server;
    const lan = demo.users.find((u) => u.username === 'gv.lan')!;
    const taught = demo.classes.find((c) => c.instructorIds.includes(lan.id) && c.status === 'open')!;
    const session = demo.sessions.find((s) => s.classId === taught.id && !s.cancelled)!;
    const past = demo.classes.find((c) => c.year === 2021)!;
    const learner = demo.enrollments.find((e) => e.classId === past.id)!.learnerId;
    const screens: Record<string, string[]> = {
      admin: [
        '/',
        '/bao-cao',
        '/ke-hoach',
        '/loai-lop',
        '/lop/moi',
        `/lop/${past.id}/sua`,
        `/lop/${past.id}/lich`,
        `/lop/${past.id}/diem-danh`,
        `/hoc-vien/${learner}`,
        `/lop/${past.id}/nhap-danh-sach`,
        '/ho-so-tuong-duong',
        '/nguoi-dung',
      ],
      'gv.lan': ['/', `/buoi/${session.id}`, `/buoi/${session.id}/in`, `/lop/${taught.id}/san-sang`],
      'hv.demo': ['/'],
    };
    let visited = 0;
    for (const [username, paths] of Object.entries(screens)) {
      const context = await suite.browser.newContext();
      const violations = await watchPolicy(context);
      const page = await context.newPage();
      const login = new LoginPage(page);
      const shell = await page.goto(`${url}/login`);
      const csp = String(shell?.headers()['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      await login.signIn(username, DEMO_PASSWORD);
      await new RollPage(page).waitAllSynced();
      for (const path of paths) {
        await visit(page, `${url}${path}`);
        visited++;
      }
      expect(violations, username).toEqual([]);

      // The listener works, and the policy is in force on a page the service worker may have served.
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineScriptRan = true';
        document.body.append(script);
        return new Promise((resolve) =>
          setTimeout(
            () => resolve((window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan),
            200,
          ),
        );
      });
      expect(ran).toBeUndefined();
      expect(violations.filter((v) => v.directive.startsWith('script-src')).length).toBeGreaterThan(0);
      await context.close();
    }
    expect(visited).toBe(17);
  });
});
