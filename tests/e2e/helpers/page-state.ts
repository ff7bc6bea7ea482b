// When a wait on a page times out, what the page was showing: its address, its text, its service worker's state and
// what it printed to the console. A rare failure on CI then says where the page stood, not only what was missing.
import type { Page } from 'playwright-core';

/** Starts recording the page's console errors and warnings and its uncaught exceptions; `explain` adds them to a failure. */
export function recordPageState(page: Page): { explain: (wait: Promise<unknown>) => Promise<void> } {
  const printed: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      printed.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => printed.push(`uncaught: ${error.message}`));
  return {
    explain: async (wait) => {
      try {
        await wait;
      } catch (err) {
        const state = await page
          .evaluate(async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            return {
              url: location.href,
              text: (document.body.textContent ?? '').slice(0, 400),
              controller: navigator.serviceWorker.controller?.scriptURL ?? null,
              active: registration?.active?.state ?? null,
              waiting: registration?.waiting?.state ?? null,
              installing: registration?.installing?.state ?? null,
            };
          })
          .catch((evaluateError: unknown) => ({ evaluateError: String(evaluateError) }));
        throw new Error(
          `${String(err)}\npage: ${JSON.stringify(state, null, 1)}\nconsole: ${printed.join('\n')}`,
        );
      }
    },
  };
}
