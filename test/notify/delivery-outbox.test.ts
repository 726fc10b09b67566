// The delivery outbox on SQLite and its runner: written before a send, retried with
// backoff and progress, given up after a ceiling (and counted), taken over after a lease.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DeliveryRunner, deliveryBackoff, passingFailure, type DeliveryResult } from "../../src/notify/delivery-outbox";
import { SqliteDeliveryOutbox } from "../../src/storage/delivery-outbox.sqlite";
import { openDatabase, type Db } from "../../src/storage/sqlite";

describe("delivery outbox", () => {
  let dir: string;
  let db: Db;
  let now: number;
  let outbox: SqliteDeliveryOutbox;
  const runner = (o: ConstructorParameters<typeof DeliveryRunner>[1] = {}) => new DeliveryRunner(outbox, { now: () => now, leaseMs: 60_000, ...o });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-deliveries-"));
    db = openDatabase(path.join(dir, "deliveries.sqlite"));
    outbox = new SqliteDeliveryOutbox(db);
    now = 1_800_000_000_000;
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("an entry is written once; the first attempt that succeeds marks it done", async () => {
    const r = runner();
    const seen: unknown[] = [];
    r.handle("incident-notice", async (p) => (seen.push(p), { status: "done" }));
    assert.equal(r.enqueue("incident-notice:1", "incident-notice", { incidentId: "1" }), "added");
    assert.equal(r.enqueue("incident-notice:1", "incident-notice", { incidentId: "other" }), "exists");
    assert.deepEqual(await r.attempt("incident-notice:1"), { status: "done" });
    assert.deepEqual(seen, [{ incidentId: "1" }]);
    assert.equal(r.entry("incident-notice:1")?.state, "done");
    assert.equal(await r.attempt("incident-notice:1"), undefined, "a done entry is not attempted again");
    assert.deepEqual(r.counts(), { pending: 0, failed: 0 });
  });

  it("a claimed entry waits for its lease (another attempt owns it); after the lease a pass takes it over", async () => {
    const r = runner();
    let calls = 0;
    r.handle("approval-card", async () => (calls++, { status: "done" }));
    r.enqueue("approval-card:a", "approval-card", { requestId: "a" });
    // the process that wrote it died before its attempt
    assert.equal(await r.drainOnce(), 0);
    now += 60_001;
    assert.equal(await r.drainOnce(), 1);
    assert.equal(calls, 1);
    assert.equal(r.entry("approval-card:a")?.state, "done");
  });

  it("a passing failure is retried with backoff and the progress kept; the ceiling gives up and counts it", async () => {
    const r = runner({ maxAttempts: 3 });
    const payloads: Array<Record<string, unknown>> = [];
    const lasts: boolean[] = [];
    r.handle("incident-notice", async (p, at): Promise<DeliveryResult> => {
      payloads.push(p);
      lasts.push(at.last);
      return { status: "retry", code: "http_503", payload: { ...p, done: ["security"] } };
    });
    r.enqueue("incident-notice:2", "incident-notice", { incidentId: "2", done: [] });
    assert.deepEqual(await r.attempt("incident-notice:2"), { status: "retry", code: "http_503", payload: { incidentId: "2", done: ["security"] } });
    let e = r.entry("incident-notice:2")!;
    assert.equal(e.attempts, 1);
    assert.equal(e.nextAttemptAt, now + deliveryBackoff(1, 2 * 3600_000));
    assert.deepEqual(e.payload.done, ["security"], "what was reached is not sent again");
    now = e.nextAttemptAt;
    await r.drainOnce();
    e = r.entry("incident-notice:2")!;
    assert.equal(e.attempts, 2);
    assert.equal(e.nextAttemptAt, now + deliveryBackoff(2, 2 * 3600_000), "the wait doubles");
    now = e.nextAttemptAt;
    await r.drainOnce();
    assert.equal(r.entry("incident-notice:2")?.state, "failed");
    assert.deepEqual(lasts, [false, false, true], "the handler knows which attempt is the last");
    assert.deepEqual(r.counts(), { pending: 0, failed: 1 });
  });

  it("a wait that is not an attempt (the report is not filed yet) does not count toward the ceiling; a kick runs it now", async () => {
    const r = runner({ maxAttempts: 1 });
    let filed = false;
    r.handle("incident-notice", async () => (filed ? { status: "done" } : { status: "retry", code: "not_filed", afterMs: 300_000, countAttempt: false }));
    r.enqueue("incident-notice:3", "incident-notice", {});
    await r.attempt("incident-notice:3");
    assert.equal(r.entry("incident-notice:3")?.state, "pending");
    assert.equal(r.entry("incident-notice:3")?.attempts, 0);
    filed = true;
    assert.deepEqual(await r.kick("incident-notice:3"), { status: "done" });
    assert.equal(r.entry("incident-notice:3")?.state, "done");
  });

  it("a handler that throws is a passing failure; no handler yet is no attempt", async () => {
    const r = runner();
    r.enqueue("approval-card:x", "approval-card", {});
    assert.equal((await r.attempt("approval-card:x"))?.status, "retry");
    assert.equal(r.entry("approval-card:x")?.attempts, 0, "no handler registered yet");
    r.handle("approval-card", async () => {
      throw new TypeError("boom");
    });
    assert.deepEqual(await r.attempt("approval-card:x"), { status: "retry", code: "TypeError" });
    assert.equal(r.entry("approval-card:x")?.attempts, 1);
  });

  it("a permanent failure ends the entry at once; done and failed entries are pruned after the keep time", async () => {
    const r = runner({ keepMs: 1000 });
    r.handle("approval-card", async () => ({ status: "failed", code: "ConversationNotFound" }));
    r.enqueue("approval-card:y", "approval-card", {}, 0);
    await r.drainOnce();
    assert.equal(r.entry("approval-card:y")?.state, "failed");
    assert.equal(r.entry("approval-card:y")?.lastError, "ConversationNotFound");
    now += 2000;
    await r.drainOnce();
    assert.equal(r.entry("approval-card:y"), undefined);
  });

  it("survives reopening the file (what a restart sees)", () => {
    const r = runner();
    r.enqueue("incident-notice:z", "incident-notice", { incidentId: "z", origin: { lang: "sv" } });
    db.close();
    db = openDatabase(path.join(dir, "deliveries.sqlite"));
    outbox = new SqliteDeliveryOutbox(db);
    assert.deepEqual(runner().entry("incident-notice:z")?.payload, { incidentId: "z", origin: { lang: "sv" } });
  });

  it("passing failures: throttling, server errors, timeouts, network; not a chat that is gone or no chat at all", () => {
    for (const c of ["http_429", "http_500", "http_503", "http_408", "ECONNRESET", "ECONNREFUSED", "TimeoutError", "AbortError", "UND_ERR_SOCKET", "connector_timeout", "connector_unreachable", "connector_connection_lost", "token_request_timeout"]) assert.ok(passingFailure(c), c);
    for (const c of ["http_403", "http_404", "http_400", "ConversationNotFound", "BotNotInConversationRoster", "no_conversation", "error", "token_invalid_client"]) assert.ok(!passingFailure(c), c);
  });
});
