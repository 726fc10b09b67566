// The Blob StateStore against Azurite: two independent store instances (two bot processes)
// sharing one container; ETag concurrency; an approval created through one and decided
// through the other.
import * as assert from "node:assert/strict";
import { BlobServiceClient } from "@azure/storage-blob";
import { ApprovalService } from "../../src/approvals/service";
import { FileDirectory } from "../../src/directory/file-directory";
import { ManualClock } from "../../src/incidents/clock";
import { SqliteApprovalStore } from "../../src/state/approval-store.sqlite";
import { BlobStateStore } from "../../src/state/blob-state";
import { ConversationStore } from "../../src/state/conversations";
import { sharedSecret } from "../../src/state/shared-secret";
import { StateConflictError, StateStoreError, updateState } from "../../src/state/store";
import { openDatabase } from "../../src/storage/sqlite";
import { ALEX, MEGAN, fields, library } from "../approvals/helpers";
import { startAzurite, type Azurite } from "./azurite";

describe("BlobStateStore on Azurite", function () {
  this.timeout(60_000);
  let az: Azurite;
  let n = 0;
  // each process builds its own client from the connection string: nothing shared in memory
  const proc = (container: string) => new BlobStateStore(BlobServiceClient.fromConnectionString(az.connectionString).getContainerClient(container));

  before(async () => {
    az = await startAzurite();
  });
  after(async () => {
    await az?.stop();
  });
  const fresh = () => `state-${Date.now().toString(36)}-${n++}`;

  it("creates, reads, replaces with the ETag, refuses a stale ETag and a second create", async () => {
    const s = proc(fresh());
    const e1 = await s.create("ns", "k1", { a: 1 });
    assert.deepEqual((await s.get("ns", "k1"))?.value, { a: 1 });
    const e2 = await s.replace("ns", "k1", { a: 2 }, e1);
    assert.notEqual(e1, e2);
    await assert.rejects(s.replace("ns", "k1", { a: 3 }, e1), StateConflictError);
    await assert.rejects(s.create("ns", "k1", { a: 4 }), StateConflictError);
    assert.deepEqual((await s.get("ns", "k1"))?.value, { a: 2 });
    assert.equal(await s.get("ns", "nope"), undefined);
    assert.deepEqual(await s.keys("ns"), ["k1"]);
    assert.equal(await s.delete("ns", "k1", e1), false);
    assert.equal(await s.delete("ns", "k1", e2), true);
    await assert.rejects(s.get("ns", "../x"), StateStoreError);
  });

  it("two processes incrementing one document concurrently lose no update (ETag retry)", async () => {
    const c = fresh();
    const a = proc(c);
    const b = proc(c);
    const inc = (s: BlobStateStore) => updateState<{ n: number }>(s, "counters", "shared", (cur) => ({ n: (cur?.n ?? 0) + 1 }), 100);
    await Promise.all(Array.from({ length: 20 }, (_, i) => inc(i % 2 ? a : b)));
    assert.equal((await a.get<{ n: number }>("counters", "shared"))?.value.n, 20);
  });

  it("a request created through process 1 is decided through process 2; a second decision through 1 is refused", async () => {
    const c = fresh();
    const s1 = proc(c);
    const s2 = proc(c);
    const clock = new ManualClock();
    const db = openDatabase(":memory:");
    const store = new SqliteApprovalStore(db);
    const directory = FileDirectory.load();
    // each process reads the shared card key from the store: the first creates it
    const [k1, k2] = await Promise.all([sharedSecret(s1, "approval-cards"), sharedSecret(s2, "approval-cards")]);
    assert.ok(k1.equals(k2));
    const p1 = new ApprovalService({ state: s1, store, directory, clock, secret: k1 });
    const p2 = new ApprovalService({ state: s2, store, directory, clock, secret: k2 });
    const pack = library().get("wenell");
    const form = p1.requestForm(pack, ALEX);
    const o = await p1.submitRequest({ token: form.token, fields: fields(clock) }, ALEX, pack);
    assert.equal(o.status, "created");
    if (o.status !== "created") return;
    const token = p1.decisionToken(o.request);
    // the approver's click lands on the other instance
    const d = await p2.decide({ requestId: o.request.id, decision: "approve", comment: "ok", token }, MEGAN);
    assert.equal(d.status, "decided");
    const again = await p1.decide({ requestId: o.request.id, decision: "reject", comment: "nej", token }, MEGAN);
    assert.equal(again.status === "refused" && again.code, "already_decided");
    assert.equal((await store.get(o.request.id))?.request.status, "approved");
    // reminders from both instances at once: none for a decided request, none twice for an open one
    const form2 = p2.requestForm(pack, ALEX);
    await p2.submitRequest({ token: form2.token, fields: fields(clock) }, ALEX, pack);
    clock.advance(3 * 86400_000);
    const [r1, r2] = await Promise.all([p1.dueReminders(), p2.dueReminders()]);
    assert.equal(r1.length + r2.length, 1);
    db.close();
  });

  it("conversation references and card references survive a new instance", async () => {
    const c = fresh();
    const ref = { conversation: { id: "a:1" }, serviceUrl: "https://smba.example/", bot: { id: "28:bot" } };
    await new ConversationStore(proc(c)).savePersonal(MEGAN.objectId, ref);
    const id = "6f1c2b9e-1111-4222-8333-944455556666";
    await Promise.all([
      new ConversationStore(proc(c)).saveCard(id, "approver", { conversation: ref, activityId: "act-1" }),
      new ConversationStore(proc(c)).saveCard(id, "requester", { conversation: ref, activityId: "act-2" }),
    ]);
    const later = new ConversationStore(proc(c));
    assert.deepEqual(await later.personal(MEGAN.objectId), ref);
    const cards = await later.cards(id);
    assert.equal(cards.approver?.activityId, "act-1");
    assert.equal(cards.requester?.activityId, "act-2");
  });
});
