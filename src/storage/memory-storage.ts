/** A Web Storage held in a Map, for tests and for places without localStorage; `failing` makes writes throw. */
export class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  /** When true, setItem throws as a full localStorage does. */
  failing = false;

  get length(): number {
    return this.#items.size;
  }

  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.#items.set(key, String(value));
  }

  removeItem(key: string): void {
    this.#items.delete(key);
  }

  clear(): void {
    this.#items.clear();
  }
}
