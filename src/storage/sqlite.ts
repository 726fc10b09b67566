// Opens a SQLite file under the data directory with settings for a small, durable
// journal: WAL (readers do not block the writer), synchronous=FULL (a committed report
// survives a power cut), a busy timeout (a second process over the same file waits).
import * as fs from "node:fs";
import * as path from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  db.exec("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  return db;
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
