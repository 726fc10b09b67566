// Everything the bot keeps under DATA_DIR is owner-only whatever the umask (issue 10):
// the folder 0700; SQLite databases with their -wal/-shm, and key files, 0600. SQLite on
// its own makes a database 0644 (even under umask 077), and state.sqlite holds the
// card-signing key. Files and folders an older version left wider are narrowed at open.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Database from "better-sqlite3";
import { loadOrCreateSecret } from "../../src/storage/secret";
import { openDatabase } from "../../src/storage/sqlite";
import { startBot } from "../support/bot-server";

const mode = (p: string) => fs.statSync(p).mode & 0o7777;
const octal = (m: number) => `0${m.toString(8)}`;

/** every file and folder under dir (dir itself included), with its mode */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { ".": octal(mode(dir)) };
  for (const e of fs.readdirSync(dir, { recursive: true }) as string[]) out[e] = octal(mode(path.join(dir, e)));
  return out;
}

function assertPrivate(dir: string, expectFiles: string[]): void {
  const m = modes(dir);
  for (const f of expectFiles) assert.ok(f in m, `${f} exists (found ${Object.keys(m).join(", ")})`);
  for (const [f, v] of Object.entries(m)) {
    const isDir = fs.statSync(path.join(dir, f)).isDirectory();
    assert.equal(v, isDir ? "0700" : "0600", `${f}: ${v} (all: ${JSON.stringify(m)})`);
  }
}

for (const umask of [0o022, 0o000]) {
  describe(`data file modes under umask 0o${umask.toString(8).padStart(3, "0")}`, function () {
    this.timeout(60_000);
    let saved: number;
    let root: string;
    beforeEach(() => {
      saved = process.umask(umask);
      root = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-modes-"));
    });
    afterEach(() => {
      process.umask(saved);
      fs.rmSync(root, { recursive: true, force: true });
    });

    it("openDatabase: a new folder 0700, the database and its -wal/-shm 0600", () => {
      const dir = path.join(root, "data");
      const file = path.join(dir, "incidents.sqlite");
      const db = openDatabase(file);
      db.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('hemlig');");
      try {
        assertPrivate(dir, ["incidents.sqlite", "incidents.sqlite-wal", "incidents.sqlite-shm"]);
      } finally {
        db.close();
      }
      assertPrivate(dir, ["incidents.sqlite"]);
    });

    it("openDatabase narrows a wider folder, database, -wal and -shm left by an older version", () => {
      const dir = path.join(root, "data");
      const file = path.join(dir, "state.sqlite");
      fs.mkdirSync(dir, { mode: 0o777 });
      fs.chmodSync(dir, 0o755);
      // the old way: better-sqlite3 directly (0644), and a connection still open keeps -wal/-shm
      const old = new Database(file);
      old.pragma("journal_mode = WAL");
      old.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('nyckel');");
      for (const f of ["", "-wal", "-shm"]) fs.chmodSync(file + f, 0o644);
      const db = openDatabase(file);
      try {
        assert.equal(db.prepare("SELECT x FROM t").pluck().get(), "nyckel");
        assertPrivate(dir, ["state.sqlite", "state.sqlite-wal", "state.sqlite-shm"]);
      } finally {
        db.close();
        old.close();
      }
    });

    it("loadOrCreateSecret: the key 0600 in a 0700 folder, and an older, wider key narrowed and still read", () => {
      const dir = path.join(root, "data");
      const key = loadOrCreateSecret(dir, "incident-form");
      assertPrivate(dir, ["incident-form.key"]);
      fs.chmodSync(path.join(dir, "incident-form.key"), 0o644);
      fs.chmodSync(dir, 0o755);
      assert.deepEqual(loadOrCreateSecret(dir, "incident-form"), key);
      assertPrivate(dir, ["incident-form.key"]);
    });

    it("a shared sticky folder (like /tmp) is left as it is; the database in it is 0600", () => {
      const shared = path.join(root, "shared");
      fs.mkdirSync(shared);
      fs.chmodSync(shared, 0o1777);
      const db = openDatabase(path.join(shared, "x.sqlite"));
      db.close();
      assert.equal(mode(shared), 0o1777);
      assert.equal(mode(path.join(shared, "x.sqlite")), 0o600);
    });

    it("the real app: every file it makes in a new DATA_DIR is 0600, the folder 0700", async () => {
      const dir = path.join(root, "data");
      const bot = await startBot({ DATA_DIR: dir });
      try {
        await bot.app.approvals; // opened asynchronously: state.sqlite, approvals.sqlite
        assertPrivate(dir, ["incidents.sqlite", "incident-form.key", "state.sqlite"]);
      } finally {
        await bot.stop();
      }
      assertPrivate(dir, ["incidents.sqlite", "incident-form.key", "state.sqlite"]);
    });

    it("the real app over a DATA_DIR an older version left 0755 with 0644 files: all narrowed at start", async () => {
      const dir = path.join(root, "data");
      const first = await startBot({ DATA_DIR: dir });
      await first.app.approvals;
      await first.stop();
      fs.chmodSync(dir, 0o755);
      for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
      const bot = await startBot({ DATA_DIR: dir });
      try {
        await bot.app.approvals;
        assertPrivate(dir, ["incidents.sqlite", "incident-form.key", "state.sqlite"]);
      } finally {
        await bot.stop();
      }
    });
  });
}
