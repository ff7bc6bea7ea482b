// The app's zod: vite.config.ts resolves `zod` here, so this runs before any schema of the app is built. Zod probes
// `new Function` when it builds its first object schema, to compile faster parsers; the app's Content-Security-Policy
// forbids eval, so the probe always failed and every page load reported a policy violation. Jitless skips the probe;
// parsing is exactly as it was under the policy. The server and the tests use zod as published (with the compiler).
import { config } from 'zod/v4';

config({ jitless: true });

export * from 'zod/v4';
