// `npm start` builds the PWA when dist/ is missing or older than its sources, so a fresh clone needs no extra step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const CLIENT_SOURCES = [
  'src/app',
  'src/domain',
  'src/sync',
  'public',
  'index.html',
  'vite.config.ts',
  'package.json',
];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs);
}

export function clientIsStale(rootDir: string): boolean {
  const built = path.join(rootDir, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return CLIENT_SOURCES.some((p) => newestMtime(path.join(rootDir, p)) > builtAt);
}

export async function buildClient(rootDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root: rootDir, logLevel: 'warn' });
}
