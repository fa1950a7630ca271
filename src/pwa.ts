/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/** How often an open page asks whether a new version has been published. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker that keeps the app working offline (built by vite-plugin-pwa, see vite.config.ts).
 * A new version never replaces the open page by itself: it waits, onNeedRefresh is called, and the returned
 * function activates it and reloads when the user agrees.
 */
export function startServiceWorker(onNeedRefresh: () => void): () => Promise<void> {
  const skipWaiting = registerSW({
    onNeedRefresh,
    // registerSW reloads only if a worker already controlled the page when it registered, which misses
    // the page of the very first visit, so the function returned here reloads on the change of controller.
    onNeedReload() {},
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // Browsers look for a new worker on navigation only; a planning session can stay open all day.
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => {});
      }, UPDATE_CHECK_MS);
    },
    onRegisterError(error: unknown) {
      // Without a worker the app still works online; only the offline copy is missing.
      console.warn('Service worker registration failed', error);
    },
  });
  return async () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    await skipWaiting(true);
  };
}
