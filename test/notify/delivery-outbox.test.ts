// The delivery outbox and its runner: written before a send, retried with backoff and
// progress, given up after a ceiling (and counted), taken over after a lease. One contract,
// three adapters: the SQLite outbox, and the StateStore journal over SQLite and over Azure
// Blob Storage (Azurite), which instances share.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import { DeliveryRunner, deliveryBackoff, passingFailure, type DeliveryOutbox, type DeliveryResult } from "../../src/notify/delivery-outbox";
import { BlobStateStore } from "../../src/state/blob-state";
import { StateDeliveryOutbox } from "../../src/state/delivery-outbox.state";
import { SqliteStateStore } from "../../src/state/sqlite-state";
import { SqliteDeliveryOutbox } from "../../src/storage/delivery-outbox.sqlite";
import { openDatabase, type Db } from "../../src/storage/sqlite";
import { startAzurite, type Azurite } from "../state/azurite";

/** an adapter under test: open() gives an outbox over the same durable place each time */
interface Adapter {
  name: string;
  setUp(): Promise<void>;
  open(): DeliveryOutbox;
  /** what a restart does: let go of the handle (the data stays) */
  closeHandle(): void;
  tearDown(): Promise<void>;
}

function sqliteAdapter(kind: "outbox" | "state"): Adapter {
  let dir = "";
  const dbs: Db[] = [];
  return {
    name: kind === "outbox" ? "SQLite outbox" : "StateStore journal on SQLite",
    async setUp() {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-deliveries-"));
    },
    open() {
      const db = openDatabase(path.join(dir, "deliveries.sqlite"));
      dbs.push(db);
      return kind === "outbox" ? new SqliteDeliveryOutbox(db) : new StateDeliveryOutbox(new SqliteStateStore(db));
    },
    closeHandle() {
      for (const db of dbs.splice(0)) db.close();
    },
    async tearDown() {
      for (const db of dbs.splice(0)) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function blobAdapter(azurite: () => Azurite): Adapter {
  let container = "";
  let n = 0;
  return {
    name: "StateStore journal on Azure Blob (Azurite)",
    async setUp() {
      container = `deliveries-${process.pid}-${++n}`;
    },
    open() {
      return new StateDeliveryOutbox(new BlobStateStore(BlobServiceClient.fromConnectionString(azurite().connectionString).getContainerClient(container)));
    },
    closeHandle() {},
    async tearDown() {
      await BlobServiceClient.fromConnectionString(azurite().connectionString).getContainerClient(container).deleteIfExists();
    },
  };
}

let azurite: Azurite | undefined;
const adapters = [sqliteAdapter("outbox"), sqliteAdapter("state"), blobAdapter(() => azurite!)];

before(async function () {
  this.timeout(30_000);
  azurite = await startAzurite();
});
after(async () => azurite?.stop());

for (const adapter of adapters) describe(`delivery outbox: ${adapter.name}`, function () {
  this.timeout(20_000);
  let now: number;
  let outbox: DeliveryOutbox;
  const runner = (o: ConstructorParameters<typeof DeliveryRunner>[1] = {}) => new DeliveryRunner(outbox, { now: () => now, leaseMs: 60_000, ...o });

  beforeEach(async () => {
    await adapter.setUp();
    outbox = adapter.open();
    // the wall clock: the Blob journal prunes by the store's own write times
    now = Date.now();
  });
  afterEach(() => adapter.tearDown());

  it("an entry is written once; the first attempt that succeeds marks it done", async () => {
    const r = runner();
    const seen: unknown[] = [];
    r.handle("incident-notice", async (p) => (seen.push(p), { status: "done" }));
    assert.equal(await r.enqueue("incident-notice:1", "incident-notice", { incidentId: "1" }), "added");
    assert.equal(await r.enqueue("incident-notice:1", "incident-notice", { incidentId: "other" }), "exists");
    assert.deepEqual(await r.attempt("incident-notice:1"), { status: "done" });
    assert.deepEqual(seen, [{ incidentId: "1" }]);
    assert.equal((await r.entry("incident-notice:1"))?.state, "done");
    assert.equal(await r.attempt("incident-notice:1"), undefined, "a done entry is not attempted again");
    assert.deepEqual(await r.counts(), { pending: 0, failed: 0 });
  });

  it("a claimed entry waits for its lease (another attempt owns it); after the lease a pass takes it over", async () => {
    const r = runner();
    let calls = 0;
    r.handle("approval-card", async () => (calls++, { status: "done" }));
    await r.enqueue("approval-card:a", "approval-card", { requestId: "a" });
    // the process that wrote it died before its attempt
    assert.equal(await r.drainOnce(), 0);
    now += 60_001;
    assert.equal(await r.drainOnce(), 1);
    assert.equal(calls, 1);
    assert.equal((await r.entry("approval-card:a"))?.state, "done");
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
    await r.enqueue("incident-notice:2", "incident-notice", { incidentId: "2", done: [] });
    assert.deepEqual(await r.attempt("incident-notice:2"), { status: "retry", code: "http_503", payload: { incidentId: "2", done: ["security"] } });
    let e = (await r.entry("incident-notice:2"))!;
    assert.equal(e.attempts, 1);
    assert.equal(e.nextAttemptAt, now + deliveryBackoff(1, 2 * 3600_000));
    assert.deepEqual(e.payload.done, ["security"], "what was reached is not sent again");
    now = e.nextAttemptAt;
    await r.drainOnce();
    e = (await r.entry("incident-notice:2"))!;
    assert.equal(e.attempts, 2);
    assert.equal(e.nextAttemptAt, now + deliveryBackoff(2, 2 * 3600_000), "the wait doubles");
    now = e.nextAttemptAt;
    await r.drainOnce();
    assert.equal((await r.entry("incident-notice:2"))?.state, "failed");
    assert.deepEqual(lasts, [false, false, true], "the handler knows which attempt is the last");
    assert.deepEqual(await r.counts(), { pending: 0, failed: 1 });
  });

  it("a wait that is not an attempt (the report is not filed yet) does not count toward the ceiling; a kick runs it now", async () => {
    const r = runner({ maxAttempts: 1 });
    let filed = false;
    r.handle("incident-notice", async () => (filed ? { status: "done" } : { status: "retry", code: "not_filed", afterMs: 300_000, countAttempt: false }));
    await r.enqueue("incident-notice:3", "incident-notice", {});
    await r.attempt("incident-notice:3");
    assert.equal((await r.entry("incident-notice:3"))?.state, "pending");
    assert.equal((await r.entry("incident-notice:3"))?.attempts, 0);
    filed = true;
    assert.deepEqual(await r.kick("incident-notice:3"), { status: "done" });
    assert.equal((await r.entry("incident-notice:3"))?.state, "done");
  });

  it("a handler that throws is a passing failure; no handler yet is no attempt", async () => {
    const r = runner();
    await r.enqueue("approval-card:x", "approval-card", {});
    assert.equal((await r.attempt("approval-card:x"))?.status, "retry");
    assert.equal((await r.entry("approval-card:x"))?.attempts, 0, "no handler registered yet");
    r.handle("approval-card", async () => {
      throw new TypeError("boom");
    });
    assert.deepEqual(await r.attempt("approval-card:x"), { status: "retry", code: "TypeError" });
    assert.equal((await r.entry("approval-card:x"))?.attempts, 1);
  });

  it("a permanent failure ends the entry at once; done and failed entries are pruned after the keep time", async () => {
    const r = runner({ keepMs: 1000 });
    r.handle("approval-card", async () => ({ status: "failed", code: "ConversationNotFound" }));
    await r.enqueue("approval-card:y", "approval-card", {}, 0);
    await r.drainOnce();
    assert.equal((await r.entry("approval-card:y"))?.state, "failed");
    assert.equal((await r.entry("approval-card:y"))?.lastError, "ConversationNotFound");
    now += 2000;
    await r.drainOnce();
    assert.equal((await r.entry("approval-card:y")), undefined);
  });

  it("survives reopening the file (what a restart sees)", async () => {
    const r = runner();
    await r.enqueue("incident-notice:z", "incident-notice", { incidentId: "z", origin: { lang: "sv" } });
    adapter.closeHandle();
    outbox = adapter.open();
    assert.deepEqual((await runner().entry("incident-notice:z"))?.payload, { incidentId: "z", origin: { lang: "sv" } });
  });

  it("two runners over one store: each due entry is claimed and delivered by one of them only", async () => {
    const second = adapter.open();
    const delivered: string[] = [];
    const a = runner();
    const b = new DeliveryRunner(second, { now: () => now, leaseMs: 60_000 });
    for (const r of [a, b]) r.handle("approval-card", async (p) => (delivered.push(String(p.requestId)), { status: "done" }));
    for (let i = 0; i < 8; i++) await a.enqueue(`approval-card:${i}`, "approval-card", { requestId: String(i) }, 0);
    await Promise.all([a.drainOnce(), b.drainOnce()]);
    assert.deepEqual(delivered.sort(), ["0", "1", "2", "3", "4", "5", "6", "7"]);
    assert.deepEqual(await a.counts(), { pending: 0, failed: 0 });
  });
});

describe("delivery: which failures pass", () => {
  it("passing failures: throttling, server errors, timeouts, network; not a chat that is gone or no chat at all", () => {
    for (const c of ["http_429", "http_500", "http_503", "http_408", "ECONNRESET", "ECONNREFUSED", "TimeoutError", "AbortError", "UND_ERR_SOCKET", "connector_timeout", "connector_unreachable", "connector_connection_lost", "token_request_timeout"]) assert.ok(passingFailure(c), c);
    for (const c of ["http_403", "http_404", "http_400", "ConversationNotFound", "BotNotInConversationRoster", "no_conversation", "error", "token_invalid_client"]) assert.ok(!passingFailure(c), c);
  });
});
