// StateStore on a local SQLite file (data/state.sqlite): the embedded default. Several
// processes on one machine may share the file; the ETag is a random id per write, so a
// document deleted and created again never matches an old ETag.
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

export class SqliteStateStore implements StateStore {
  readonly kind = "sqlite" as const;

  constructor(
    private readonly db: Db,
    private readonly ownsDb = false,
  ) {
    migrate(db, MIGRATIONS);
  }

  async get<T>(ns: string, key: string): Promise<StateEntry<T> | undefined> {
    checkName("namespace", ns);
    checkName("key", key);
    const r = this.run(() => this.db.prepare<[string, string], { value: string; etag: string }>("SELECT value, etag FROM state WHERE ns = ? AND key = ?").get(ns, key));
    return r ? { value: JSON.parse(r.value) as T, etag: r.etag } : undefined;
  }

  async create<T>(ns: string, key: string, value: T): Promise<string> {
    checkName("namespace", ns);
    checkName("key", key);
    const etag = randomUUID();
    const r = this.run(() =>
      this.db.prepare("INSERT INTO state (ns, key, value, etag, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (ns, key) DO NOTHING").run(ns, key, JSON.stringify(value), etag, new Date().toISOString()),
    );
    if (r.changes !== 1) throw new StateConflictError(`${ns}/${key} exists`);
    return etag;
  }

  async replace<T>(ns: string, key: string, value: T, ifMatch: string): Promise<string> {
    checkName("namespace", ns);
    checkName("key", key);
    const etag = randomUUID();
    const r = this.run(() =>
      this.db.prepare("UPDATE state SET value = ?, etag = ?, updated_at = ? WHERE ns = ? AND key = ? AND etag = ?").run(JSON.stringify(value), etag, new Date().toISOString(), ns, key, ifMatch),
    );
    if (r.changes !== 1) throw new StateConflictError(`${ns}/${key} changed or is gone`);
    return etag;
  }

  async put<T>(ns: string, key: string, value: T): Promise<string> {
    checkName("namespace", ns);
    checkName("key", key);
    const etag = randomUUID();
    this.run(() =>
      this.db
        .prepare("INSERT INTO state (ns, key, value, etag, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at")
        .run(ns, key, JSON.stringify(value), etag, new Date().toISOString()),
    );
    return etag;
  }

  async delete(ns: string, key: string, etag?: string): Promise<boolean> {
    checkName("namespace", ns);
    checkName("key", key);
    const r = this.run(() =>
      etag === undefined ? this.db.prepare("DELETE FROM state WHERE ns = ? AND key = ?").run(ns, key) : this.db.prepare("DELETE FROM state WHERE ns = ? AND key = ? AND etag = ?").run(ns, key, etag),
    );
    return r.changes > 0;
  }

  async keys(ns: string): Promise<string[]> {
    checkName("namespace", ns);
    return this.run(() => this.db.prepare<[string], { key: string }>("SELECT key FROM state WHERE ns = ?").all(ns)).map((r) => r.key);
  }

  async list(ns: string): Promise<{ key: string; modifiedAt: number }[]> {
    checkName("namespace", ns);
    return this.run(() => this.db.prepare<[string], { key: string; updated_at: string }>("SELECT key, updated_at FROM state WHERE ns = ?").all(ns)).map((r) => ({ key: r.key, modifiedAt: Date.parse(r.updated_at) }));
  }

  usable(): boolean {
    return usable(this.db);
  }

  close(): void {
    if (this.ownsDb) this.db.close();
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
