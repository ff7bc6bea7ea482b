// Builds the PWA into dist/: React, and a generated service worker that precaches the app shell (never the API:
// the device database is the cache). Updates wait for the user's consent (registerType 'prompt').
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// Which build a device runs, shown under every screen (and how a test tells two deployments apart): the release and
// the build time, unless APP_BUILD names it.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const appBuild = `${version} · ${process.env.APP_BUILD ?? new Date().toISOString().slice(0, 16).replace('T', ' ')}`;

/** The chunks the first screen loads (the '$initial' groups below). */
const FIRST_LOAD_CHUNKS = new Set(['vendor', 'app']);

/**
 * Starts the first screen's chunks with V8's compile hint (Chrome 136+): it compiles all their functions as it first
 * parses the file (off the main thread while the file streams in) instead of each on the main thread when first
 * called during the start. Added after minifying, which would drop the comment.
 */
function compileFirstLoadEagerly(): Plugin {
  return {
    name: 'compile-first-load-eagerly',
    apply: 'build',
    // After Vite's own changes to the chunks (its preload helper goes at the top of the app's).
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk' && FIRST_LOAD_CHUNKS.has(file.name))
            file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
        }
      },
    },
  };
}

export default defineConfig({
  // zod configured for the app's strict CSP before any schema is built (see src/app/zod.ts).
  resolve: {
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('src/app/zod.ts', import.meta.url)) }],
  },
  define: { __APP_BUILD__: JSON.stringify(appBuild) },
  // The write worker (src/app/db/write-worker-start.ts) is a module worker: one file, its imports bundled in.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the first screen needs ('$initial': imported from the entry, not on demand) in two files, the
          // libraries (changing rarely, so still cached after an update) and the app, instead of a score of small
          // shared chunks. Everything else (zod, QR, spreadsheets, the roll, office screens) loads on first use.
          groups: [
            { name: 'vendor', test: /node_modules/, tags: ['$initial'] },
            { name: 'app', tags: ['$initial'] },
            { name: 'zod', test: /node_modules\/zod\// },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:8080' },
  },
  plugins: [
    react(),
    compileFirstLoadEagerly(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Điểm Danh — Trung tâm Chính trị',
        short_name: 'Điểm Danh',
        description: 'Điểm danh học viên tại Trung tâm Chính trị, dùng được cả khi không có mạng.',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#9b1c1c',
        background_color: '#fafaf9',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Both open the home screen, which puts today's sessions first for an instructor and the schedule first for
        // a learner; the fragment only names where to look.
        shortcuts: [
          {
            name: 'Buổi học hôm nay',
            short_name: 'Hôm nay',
            url: '/#hom-nay',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
          {
            name: 'Lịch học của tôi',
            short_name: 'Lịch học',
            url: '/#lich-hoc',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
        screenshots: [
          {
            src: '/screenshots/phone.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Buổi học sắp tới của giảng viên',
          },
          {
            src: '/screenshots/wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'Báo cáo kết quả mở lớp năm của trung tâm',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Screenshots are for the install dialog, online; not worth a phone's storage.
        globIgnores: ['screenshots/**'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/robots\.txt$/],
        cleanupOutdatedCaches: true,
        // A first visit's page is controlled as soon as its worker is ready, not from its next load: an instructor who
        // signs in at the centre and goes offline without reloading still gets screens, the QR decoder and icons from
        // the device. New versions still wait for "Tải lại" (registerType 'prompt'); claiming only adds pages the
        // worker did not control.
        clientsClaim: true,
        runtimeCaching: [],
      },
    }),
  ],
});
