import { afterEach, describe, expect, it, vi } from 'vitest';

// persist.ts asks once per page, so each test loads a fresh copy of the module.
async function fresh(): Promise<() => Promise<boolean>> {
  vi.resetModules();
  return (await import('./persist')).requestPersistence;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requestPersistence', () => {
  it.each([
    ['granted', true, true],
    ['refused', false, false],
  ])('says whether the browser %s, asking only once', async (_what, answer, expected) => {
    const persist = vi.fn(async () => answer);
    vi.stubGlobal('navigator', { storage: { persist } });
    const requestPersistence = await fresh();
    expect(await requestPersistence()).toBe(expected);
    expect(await requestPersistence()).toBe(expected);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['there is no navigator', undefined],
    ['there is no storage manager', {}],
    ['persist is missing', { storage: {} }],
    [
      'persist throws',
      {
        storage: {
          persist: () => {
            throw new Error('nope');
          },
        },
      },
    ],
    ['persist rejects', { storage: { persist: () => Promise.reject(new Error('nope')) } }],
  ])('answers false without throwing when %s', async (_what, navigator) => {
    vi.stubGlobal('navigator', navigator);
    const requestPersistence = await fresh();
    await expect(requestPersistence()).resolves.toBe(false);
  });
});
