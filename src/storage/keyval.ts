import { del, entries, get, set, type UseStore } from 'idb-keyval';

/** What a read-modify-write does with the key it read: write a value, delete it, or leave it. */
export type Change = { put: unknown } | 'delete' | 'keep';

/** A key-value store: one IndexedDB database through idb-keyval, or a Map. */
export interface KeyVal {
  get(key: IDBValidKey): Promise<unknown>;
  set(key: IDBValidKey, value: unknown): Promise<void>;
  del(key: IDBValidKey): Promise<void>;
  entries(): Promise<[IDBValidKey, unknown][]>;
  /** Reads a key and, in the same transaction, applies what `decide` returns; rejects if the write fails. */
  change(key: IDBValidKey, decide: (old: unknown) => Change): Promise<void>;
}

// idb-keyval's createStore with the factory passed in (its own always uses the global indexedDB).
function createStore(factory: IDBFactory, dbName: string, storeName: string): UseStore {
  let dbp: Promise<IDBDatabase> | undefined;
  const getDB = (): Promise<IDBDatabase> => {
    if (dbp) return dbp;
    const opening = new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(dbName);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    dbp = opening;
    opening.then(
      (db) => {
        db.onclose = () => (dbp = undefined);
        // Lets another tab upgrade or delete the database instead of being blocked by this connection.
        db.onversionchange = () => {
          db.close();
          dbp = undefined;
        };
      },
      () => (dbp = undefined),
    );
    return opening;
  };
  return (txMode, callback) => getDB().then((db) => callback(db.transaction(storeName, txMode).objectStore(storeName)));
}

/** A key-value store in its own IndexedDB database (idb-keyval keeps one object store per database). */
export function idbKeyVal(factory: IDBFactory, dbName: string, storeName = 'keyval'): KeyVal {
  const use = createStore(factory, dbName, storeName);
  return {
    get: (key) => get<unknown>(key, use),
    set: (key, value) => set(key, value, use),
    del: (key) => del(key, use),
    entries: () => entries<IDBValidKey, unknown>(use),
    change: (key, decide) =>
      use(
        'readwrite',
        (store) =>
          new Promise<void>((resolve, reject) => {
            const tx = store.transaction;
            tx.oncomplete = () => resolve();
            // Waits for the abort, not the bubbling request error: only then does tx.error name the cause (quota…).
            tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
            const request = store.get(key);
            request.onsuccess = () => {
              try {
                const action = decide(request.result);
                if (action === 'delete') store.delete(key);
                else if (action !== 'keep') store.put(action.put, key);
              } catch (error) {
                reject(error);
              }
            };
          }),
      ),
  };
}

/** A key-value store in memory that copies values in and out, as IndexedDB does. */
export function memoryKeyVal(): KeyVal {
  const map = new Map<IDBValidKey, unknown>();
  return {
    get: async (key) => structuredClone(map.get(key)),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    entries: async () => Array.from(map, ([key, value]): [IDBValidKey, unknown] => [key, structuredClone(value)]),
    change: async (key, decide) => {
      const action = decide(structuredClone(map.get(key)));
      if (action === 'delete') map.delete(key);
      else if (action !== 'keep') map.set(key, structuredClone(action.put));
    },
  };
}
