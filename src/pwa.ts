/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/** How often an open page asks whether a new version has been published. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** How long a reload may take to start unloading the page before it counts as kept by a beforeunload dialog. */
const UNLOAD_WAIT_MS = 1000;

/** What the service worker tells the page about new versions. */
export interface UpdateEvents {
  /** A new version is ready and this page does not run it yet: on its install, and again on every check while so. */
  ready(): void;
  /** A new version took control of this page (activated here or in another tab): the page's code is now old. */
  replaced(): void;
}

/** The page's handle on the service worker. */
export interface ServiceWorkerHandle {
  /** Activates the waiting version; every open page then hears `replaced`. */
  activate(): void;
  /** Stops the checks and listeners of this page. */
  stop(): void;
}

/**
 * Registers the service worker that keeps the app working offline (built by vite-plugin-pwa, see vite.config.ts).
 * A new version never replaces the open page by itself: it waits until the user activates it in some tab.
 */
export function startServiceWorker(on: UpdateEvents): ServiceWorkerHandle {
  const container = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  // With clientsClaim the first install takes control of a page that had none: that is not a new version.
  let controlled = !!container?.controller;
  let replaced = false;
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  // Every tab listens, not only the one that activated the version: the others' lazily loaded parts are gone
  // from the new cache, so they have to reload too.
  const onControllerChange = (): void => {
    if (controlled) {
      replaced = true;
      on.replaced();
    }
    controlled = true;
  };
  container?.addEventListener('controllerchange', onControllerChange);
  // registerSW may tell of one waiting version twice (installed, then waiting): a second "ready" would bring back
  // the announcement the user has just dismissed.
  let announced: ServiceWorker | null = null;
  const announce = (waiting: ServiceWorker | null | undefined): void => {
    if (!waiting || waiting === announced || stopped) return;
    announced = waiting;
    on.ready();
  };
  const skipWaiting = registerSW({
    onNeedRefresh: () => void container?.getRegistration().then((registration) => announce(registration?.waiting)),
    // The page reloads on the change of controller above, after its edits are saved; not registerSW's way.
    onNeedReload() {},
    onRegisteredSW(_url, registration) {
      if (!registration || stopped) return;
      // Browsers look for a new worker on navigation only; a planning session can stay open all day. A reminder
      // dismissed with "later" comes back with the next check.
      timer = setInterval(async () => {
        if (navigator.onLine) await registration.update().catch(() => {});
        if (registration.waiting || replaced) on.ready();
      }, UPDATE_CHECK_MS);
    },
    onRegisterError(error: unknown) {
      // Without a worker the app still works online; only the offline copy is missing.
      console.warn('Service worker registration failed', error);
    },
  });
  return {
    activate: () => void skipWaiting(),
    stop: () => {
      stopped = true;
      clearInterval(timer);
      container?.removeEventListener('controllerchange', onControllerChange);
    },
  };
}

/** Reloads the page; resolves only if the page is still here a moment later (a beforeunload dialog kept it). */
export function reloadPage(): Promise<void> {
  return new Promise((stayed) => {
    let leaving = false;
    const onPageHide = (): void => void (leaving = true);
    addEventListener('pagehide', onPageHide, { once: true });
    location.reload();
    setTimeout(() => {
      if (leaving) return;
      removeEventListener('pagehide', onPageHide);
      stayed();
    }, UNLOAD_WAIT_MS);
  });
}
