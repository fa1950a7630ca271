let asked: Promise<boolean> | undefined;

/** Asks the browser once to keep this site's storage under pressure; resolves whether it agreed, never rejects. */
export function requestPersistence(): Promise<boolean> {
  asked ??= (async () => {
    try {
      // globalThis: Node before 21 has no navigator at all.
      return (await globalThis.navigator?.storage?.persist?.()) === true;
    } catch {
      return false;
    }
  })();
  return asked;
}
