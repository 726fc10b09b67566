// The StateStore port: small JSON documents by namespace and key, each with an ETag, so
// several bot processes sharing one store never lose an update (optimistic concurrency:
// read, change, write if the ETag still matches, else read again). Adapters: SQLite
// (embedded default) and Azure Blob Storage (production, shared by instances).
// What lives here: conversation references, the approval cards sent, pending requests,
// each conversation's pack, shared secrets and, with the Blob adapter, the outboxes.

export interface StateEntry<T> {
  value: T;
  etag: string;
}

export interface StateStore {
  readonly kind: "sqlite" | "blob";
  get<T>(ns: string, key: string): Promise<StateEntry<T> | undefined>;
  /** writes a new document; StateConflictError when the key exists */
  create<T>(ns: string, key: string, value: T): Promise<string>;
  /** replaces a document if its ETag still matches; StateConflictError otherwise (or when gone) */
  replace<T>(ns: string, key: string, value: T, etag: string): Promise<string>;
  /** writes whatever is there (last writer wins: for data with one writer, like a conversation reference) */
  put<T>(ns: string, key: string, value: T): Promise<string>;
  /** true when something was deleted; with an ETag, only that version */
  delete(ns: string, key: string, etag?: string): Promise<boolean>;
  /** keys of a namespace, in no particular order */
  keys(ns: string): Promise<string[]>;
  /** keys with the store's own time of their last write (epoch ms, the store's clock): retention without reading each document */
  list(ns: string): Promise<{ key: string; modifiedAt: number }[]>;
  close?(): Promise<void> | void;
  /** a local check that the store still works (no remote call: /readyz runs it on every probe); absent: no such check */
  usable?(): boolean;
}

/** someone else wrote first: read again and retry */
export class StateConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateConflictError";
  }
}

/** the store failed; retryable when a later attempt may succeed */
export class StateStoreError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StateStoreError";
  }
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** namespaces and keys are ids (uuids, object ids): nothing that could escape a path or a blob name */
export function checkName(what: "namespace" | "key", s: string): void {
  if (!NAME.test(s) || s.includes("..")) throw new StateStoreError(`invalid state ${what}`, "invalid_name", false);
}

export type Mutator<T> = (current: T | undefined) => T | undefined;

/**
 * read-modify-write with ETag retry. `fn` gets the current value (undefined when absent)
 * and returns the new one, or undefined to leave it as it is. `fn` may run several times:
 * keep it pure. Resolves to what was written (or found), and whether this call wrote it.
 */
export async function updateState<T>(store: StateStore, ns: string, key: string, fn: Mutator<T>, maxAttempts = 20): Promise<{ value: T | undefined; written: boolean }> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const cur = await store.get<T>(ns, key);
    const next = fn(cur?.value);
    if (next === undefined) return { value: cur?.value, written: false };
    try {
      if (cur) await store.replace(ns, key, next, cur.etag);
      else await store.create(ns, key, next);
      return { value: next, written: true };
    } catch (e) {
      if (!(e instanceof StateConflictError)) throw e;
      // a short random pause spreads out processes that collided
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 5 * (attempt + 1))));
    }
  }
  throw new StateStoreError(`${ns}/${key}: still conflicting after ${maxAttempts} attempts`, "conflict", true);
}
