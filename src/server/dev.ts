// `npm run dev`: the API (restarted on change by tsx watch) on API_PORT, and Vite's dev server with hot reload on
// PORT that proxies /api to it.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const port = Number(process.env.PORT ?? 5173);
const apiPort = Number(process.env.API_PORT ?? 8080);

const api = spawn('npx', ['tsx', 'watch', 'src/server/start.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: String(apiPort), BUILD_CLIENT: 'never' },
});
process.env.API_URL = `http://127.0.0.1:${apiPort}`;
const vite = await createServer({ server: { port } });
await vite.listen();
vite.printUrls();

process.on('SIGINT', async () => {
  api.kill('SIGTERM');
  await vite.close();
  process.exit(0);
});
