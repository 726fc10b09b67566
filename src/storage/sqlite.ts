// Opens a SQLite file under the data directory with settings for a small, durable
// journal: WAL (readers do not block the writer), synchronous=FULL (a committed report
// survives a power cut), a busy timeout (a second process over the same file waits).
// The folder is owner-only and so are the file and its -wal/-shm (see ./private-files).
import * as path from "node:path";
import Database from "better-sqlite3";
import { privateDir, privateFile, SQLITE_COMPANIONS, tightenFile } from "./private-files";

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  const onDisk = file !== ":memory:" && file !== "";
  if (onDisk) {
    privateDir(path.dirname(path.resolve(file)));
    // made 0600 before SQLite opens it (SQLite would make it 0644); its companions take the file's mode
    privateFile(file);
    for (const c of SQLITE_COMPANIONS) tightenFile(file + c);
  }
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  if (onDisk) for (const f of [file, ...SQLITE_COMPANIONS.map((c) => file + c)]) tightenFile(f);
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  db.exec("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  return db;
}

/** true when the database is open and answers a query (for /readyz) */
export function usable(db: Db): boolean {
  try {
    return db.open && db.prepare("SELECT 1 AS one").get() !== undefined;
  } catch {
    return false;
  }
}

/** runs each named step once per database file, in a transaction */
export function migrate(db: Db, steps: { name: string; sql: string }[]): void {
  const has = db.prepare("SELECT 1 FROM migrations WHERE name = ?");
  const mark = db.prepare("INSERT INTO migrations (name, applied_at) VALUES (?, ?)");
  for (const step of steps) {
    db.transaction(() => {
      if (has.get(step.name)) return;
      db.exec(step.sql);
      mark.run(step.name, new Date().toISOString());
    }).immediate();
  }
}
