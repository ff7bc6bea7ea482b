// A performance trace of a page, as DevTools' Performance panel records it, saved to a file the panel opens.
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

// What the Performance panel records, and V8's sampling profiler when asked (it slows the page down).
const categories = (withJs: boolean) => [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'blink.user_timing',
  'loading',
  'v8.execute',
  ...(withJs ? ['disabled-by-default-v8.cpu_profiler'] : []),
];

export async function startTrace(cdp: CDPSession, withJs: boolean): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: categories(withJs) },
  });
}

export async function saveTrace(cdp: CDPSession, file: string): Promise<void> {
  const complete = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', ({ stream }) => resolve(stream!)),
  );
  await cdp.send('Tracing.end');
  const handle = await complete;
  const chunks: Buffer[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle });
    chunks.push(Buffer.from(data, base64Encoded ? 'base64' : 'utf8'));
    if (eof) break;
  }
  await cdp.send('IO.close', { handle });
  writeFileSync(file, Buffer.concat(chunks));
}
