import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../i18n/en';

// Each test gets fresh modules whose English texts are not loaded (the setup file loaded them into the shared ones),
// and an English module that arrives when the test says, or fails as it would offline before it was cached.
let arrive: () => void;
let fail: (reason: Error) => void;

async function freshModules() {
  vi.resetModules();
  const arrival = new Promise<void>((resolve, reject) => {
    arrive = resolve;
    fail = reject;
  });
  vi.doMock('../i18n/en', async () => {
    await arrival;
    return { en };
  });
  const i18n = await import('../i18n');
  const { LocaleState } = await import('./locale.svelte');
  return { i18n, LocaleState };
}

beforeEach(() => {
  const stored = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
  });
  vi.stubGlobal('location', { href: 'https://example.org/?lang=vi', search: '?lang=vi' });
  vi.stubGlobal('history', { state: null, replaceState: vi.fn() });
});

afterEach(() => {
  vi.doUnmock('../i18n/en');
  vi.unstubAllGlobals();
});

describe('the interface language', () => {
  it('starts with only the Vietnamese texts and refuses to show a language whose texts are not loaded', async () => {
    const { i18n } = await freshModules();
    expect(i18n.hasDictionary('vi')).toBe(true);
    expect(i18n.hasDictionary('en')).toBe(false);
    expect(() => i18n.translate('en', 'app.title')).toThrow(/not loaded/);
  });

  it('opens in English only once the English texts have loaded', async () => {
    const { LocaleState } = await freshModules();
    const locale = new LocaleState('?lang=en');
    expect(locale.current).toBe('vi');
    const opening = locale.open();
    arrive();
    await opening;
    expect(locale.current).toBe('en');
    expect(locale.t('app.title')).toBe('GRDP growth scenarios');
  });

  it('switches after the texts have loaded, showing the current language meanwhile, and remembers the choice', async () => {
    const { LocaleState } = await freshModules();
    const locale = new LocaleState('?lang=vi');
    const switching = locale.set('en');
    await Promise.resolve();
    expect(locale.current).toBe('vi');
    expect(locale.t('app.title')).toBe('Kịch bản tăng trưởng GRDP');
    arrive();
    await switching;
    expect(locale.current).toBe('en');
    expect(localStorage.getItem('grdp-scenarios.lang')).toBe('en');
    expect(history.replaceState).toHaveBeenCalledWith(null, '', new URL('https://example.org/?lang=en'));
    await locale.set('vi');
    expect(locale.t('app.title')).toBe('Kịch bản tăng trưởng GRDP');
  });

  it('keeps the current language and says so when the texts cannot load, without throwing', async () => {
    const { LocaleState } = await freshModules();
    const locale = new LocaleState('?lang=vi');
    const switching = locale.set('en');
    fail(new TypeError('Failed to fetch dynamically imported module'));
    await expect(switching).resolves.toBeUndefined();
    expect(locale.current).toBe('vi');
    expect(locale.loadFailed).toBe(true);
    expect(locale.t('app.title')).toBe('Kịch bản tăng trưởng GRDP');
    expect(localStorage.getItem('grdp-scenarios.lang')).toBeNull();
    locale.dismissLoadFailure();
    expect(locale.loadFailed).toBe(false);
  });

  it('opens in Vietnamese with the message when the English texts of a page opened in English cannot load', async () => {
    const { LocaleState } = await freshModules();
    const locale = new LocaleState('?lang=en');
    const opening = locale.open();
    fail(new TypeError('Failed to fetch dynamically imported module'));
    await opening;
    expect(locale.current).toBe('vi');
    expect(locale.loadFailed).toBe(true);
  });

  it('lets the last choice win over a slower load asked for before it', async () => {
    const { LocaleState } = await freshModules();
    const locale = new LocaleState('?lang=vi');
    const toEnglish = locale.set('en');
    await locale.set('vi');
    arrive();
    await toEnglish;
    expect(locale.current).toBe('vi');
  });
});
