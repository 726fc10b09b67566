// The SQLite StateStore: ETag semantics, and preferences written without an fsync while
// everything else keeps synchronous=FULL.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SqliteStateStore } from "../../src/state/sqlite-state";
import { StateConflictError, StateStoreError, updateState } from "../../src/state/store";
import { openDatabase, type Db } from "../../src/storage/sqlite";

/** 2 = FULL, 1 = NORMAL (SQLite's numbering) */
const synchronous = (db: Db) => db.pragma("synchronous", { simple: true }) as number;

describe("SqliteStateStore", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-state-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("creates, reads, replaces with the ETag, refuses a stale ETag and a second create", async () => {
    const s = new SqliteStateStore(openDatabase(path.join(dir, "state.sqlite")), true);
    const e1 = await s.create("ns", "k1", { a: 1 });
    const e2 = await s.replace("ns", "k1", { a: 2 }, e1);
    assert.notEqual(e1, e2);
    await assert.rejects(s.replace("ns", "k1", { a: 3 }, e1), StateConflictError);
    await assert.rejects(s.create("ns", "k1", { a: 4 }), StateConflictError);
    assert.deepEqual((await s.get("ns", "k1"))?.value, { a: 2 });
    await s.put("ns", "k2", { b: 1 });
    assert.deepEqual((await s.keys("ns")).sort(), ["k1", "k2"]);
    assert.equal(await s.delete("ns", "k1", e1), false);
    assert.equal(await s.delete("ns", "k1", e2), true);
    assert.equal(await s.delete("ns", "k2"), true);
    assert.deepEqual(await s.list("ns"), []);
    await assert.rejects(s.get("ns", "../x"), StateStoreError);
    s.close();
  });

  it("a relaxed namespace's writes are seen by a second connection, and the connection is FULL again after each", async () => {
    const file = path.join(dir, "state.sqlite");
    const db = openDatabase(file);
    const s = new SqliteStateStore(db, true, { relaxed: ["prefs"] });
    const other = new SqliteStateStore(openDatabase(file), true);
    assert.equal(synchronous(db), 2);
    await updateState<{ lang: string }>(s, "prefs", "c1", () => ({ lang: "en" }));
    await updateState<{ lang: string }>(s, "prefs", "c1", (cur) => ({ lang: cur?.lang === "en" ? "sv" : "en" }));
    assert.equal(synchronous(db), 2);
    assert.deepEqual((await other.get("prefs", "c1"))?.value, { lang: "sv" });
    // a failed relaxed write leaves the connection FULL as well
    await assert.rejects(s.replace("prefs", "c1", { lang: "en" }, "stale"), StateConflictError);
    assert.equal(synchronous(db), 2);
    // other namespaces are FULL writes
    await s.put("approvals", "r1", { ok: true });
    assert.equal(synchronous(db), 2);
    assert.deepEqual((await other.get("approvals", "r1"))?.value, { ok: true });
    other.close();
    s.close();
  });
});
