// StateStore on a local SQLite file (data/state.sqlite): the embedded default. Several
// processes on one machine may share the file; the ETag is a random id per write, so a
// document deleted and created again never matches an old ETag. Statements are prepared once.
import { randomUUID } from "node:crypto";
import { migrate, usable, type Db } from "../storage/sqlite";
import { checkName, StateConflictError, StateStoreError, type StateEntry, type StateStore } from "./store";

const MIGRATIONS = [
  {
    name: "state-1",
    sql: `CREATE TABLE state (
      ns TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      etag TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (ns, key)
    )`,
  },
];

export interface SqliteStateOptions {
  /**
   * namespaces of preferences (a user's language, a conversation's pack) committed without
   * waiting for the disk (synchronous=NORMAL in WAL: a process crash loses nothing, a power
   * cut may lose the last such writes). Everything else (pending approvals, secrets,
   * outboxes) stays synchronous=FULL: an fsync per write, milliseconds on a busy disk, that
   * blocked every turn while a language switch was saved.
   */
  relaxed?: Iterable<string>;
}

export class SqliteStateStore implements StateStore {
  readonly kind = "sqlite" as const;
  private readonly relaxed: ReadonlySet<string>;
  private readonly sql;

  constructor(
    private readonly db: Db,
    private readonly ownsDb = false,
    opts: SqliteStateOptions = {},
  ) {
    migrate(db, MIGRATIONS);
    this.relaxed = new Set(opts.relaxed ?? []);
    this.sql = {
      get: db.prepare<[string, string], { value: string; etag: string }>("SELECT value, etag FROM state WHERE ns = ? AND key = ?"),
      create: db.prepare("INSERT INTO state (ns, key, value, etag, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (ns, key) DO NOTHING"),
      replace: db.prepare("UPDATE state SET value = ?, etag = ?, updated_at = ? WHERE ns = ? AND key = ? AND etag = ?"),
      put: db.prepare(
        "INSERT INTO state (ns, key, value, etag, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at",
      ),
      delete: db.prepare("DELETE FROM state WHERE ns = ? AND key = ?"),
      deleteIf: db.prepare("DELETE FROM state WHERE ns = ? AND key = ? AND etag = ?"),
      keys: db.prepare<[string], { key: string }>("SELECT key FROM state WHERE ns = ?"),
      list: db.prepare<[string], { key: string; updated_at: string }>("SELECT key, updated_at FROM state WHERE ns = ?"),
      normal: db.prepare("PRAGMA synchronous = NORMAL"),
      full: db.prepare("PRAGMA synchronous = FULL"),
    };
  }

  async get<T>(ns: string, key: string): Promise<StateEntry<T> | undefined> {
    checkName("namespace", ns);
    checkName("key", key);
    const r = this.run(() => this.sql.get.get(ns, key));
    return r ? { value: JSON.parse(r.value) as T, etag: r.etag } : undefined;
  }

  async create<T>(ns: string, key: string, value: T): Promise<string> {
    checkName("namespace", ns);
    checkName("key", key);
    const etag = randomUUID();
    const r = this.write(ns, () => this.sql.create.run(ns, key, JSON.stringify(value), etag, new Date().toISOString()));
    if (r.changes !== 1) throw new StateConflictError(`${ns}/${key} exists`);
    return etag;
  }

  async replace<T>(ns: string, key: string, value: T, ifMatch: string): Promise<string> {
    checkName("namespace", ns);
    checkName("key", key);
    const etag = randomUUID();
    const r = this.write(ns, () => this.sql.replace.run(JSON.stringify(value), etag, new Date().toISOString(), ns, key, ifMatch));
    if (r.changes !== 1) throw new StateConflictError(`${ns}/${key} changed or is gone`);
    return etag;
  }

  async put<T>(ns: string, key: string, value: T): Promise<string> {
    checkName("namespace", ns);
    checkName("key", key);
    const etag = randomUUID();
    this.write(ns, () => this.sql.put.run(ns, key, JSON.stringify(value), etag, new Date().toISOString()));
    return etag;
  }

  async delete(ns: string, key: string, etag?: string): Promise<boolean> {
    checkName("namespace", ns);
    checkName("key", key);
    const r = this.write(ns, () => (etag === undefined ? this.sql.delete.run(ns, key) : this.sql.deleteIf.run(ns, key, etag)));
    return r.changes > 0;
  }

  async keys(ns: string): Promise<string[]> {
    checkName("namespace", ns);
    return this.run(() => this.sql.keys.all(ns)).map((r) => r.key);
  }

  async list(ns: string): Promise<{ key: string; modifiedAt: number }[]> {
    checkName("namespace", ns);
    return this.run(() => this.sql.list.all(ns)).map((r) => ({ key: r.key, modifiedAt: Date.parse(r.updated_at) }));
  }

  usable(): boolean {
    return usable(this.db);
  }

  close(): void {
    if (this.ownsDb) this.db.close();
  }

  /** a write, without waiting for the disk in a relaxed namespace (the setting is per connection: restored at once) */
  private write<R>(ns: string, fn: () => R): R {
    if (!this.relaxed.has(ns)) return this.run(fn);
    this.run(() => this.sql.normal.run());
    try {
      return this.run(fn);
    } finally {
      this.run(() => this.sql.full.run());
    }
  }

  private run<R>(fn: () => R): R {
    try {
      return fn();
    } catch (e) {
      const code = (e as { code?: string }).code ?? "sqlite_error";
      throw new StateStoreError(e instanceof Error ? e.message : String(e), code, code === "SQLITE_BUSY" || code === "SQLITE_LOCKED", { cause: e });
    }
  }
}
