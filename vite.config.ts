import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

// The built page's policy; README "Hosting" gives the header a host should send (this plus frame-ancestors).
// No data: or blob: images: the QR code is inline SVG, and the exports are downloads, not images.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Build only: the dev server injects styles inline for hot reload, which style-src 'self' forbids.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        // First in the head, so the policy already applies to every script and stylesheet after it.
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [
    svelte(),
    contentSecurityPolicy(),
    // Offline after the first visit, installable, and a new version waits for the user (src/ui/UpdatePrompt.svelte).
    VitePWA({
      registerType: 'prompt',
      // The app registers the worker itself (src/pwa.ts), so no registerSW.js script is injected.
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Kịch bản tăng trưởng GRDP',
        short_name: 'GRDP',
        description: 'Kịch bản tăng trưởng GRDP — GRDP growth scenarios',
        lang: 'vi',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Every built file, lazily loaded chunks included, so every view works offline; not the README screenshot.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['screenshot.png'],
        // The first install takes control of the open page at once (offline from the first visit);
        // later versions wait until the user chooses to reload (no skipWaiting).
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  base: './',
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/english.ts'],
    // A hang guard, not a speed check: the property tests run thousands of cases on a 2-core CI machine.
    testTimeout: 60_000,
  },
});
