// Issue 4's quality bar: with the real Graph client and msal-node over HTTP to the fake
// Graph, for each fault: exactly one list item per report, none lost, the reporter told
// the truth (filed now, or saved and filed later).
import assert from "node:assert/strict";
import { anna, formFields, report, serviceRig, type ServiceRig } from "./helpers";

const ITEMS = /\/items$/;
const LIST = "AI-incidenter";

function itemsFor(rig: ServiceRig, reportId: string) {
  return rig.graph.itemsWhere(LIST, "ReportId", reportId);
}

describe("incidents over Graph: never lose a report", function () {
  let rig: ServiceRig;
  afterEach(async () => rig && (await rig.close()));

  it("files a report with one Graph write once the token and ids are cached, and fetches the token once", async () => {
    rig = await serviceRig();
    await report(rig.service); // warm-up: token, site and list lookups
    const before = rig.graph.graphCalls();
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push((await report(rig.service)).outcome);
    assert.equal(rig.graph.graphCalls() - before, 5, "one Graph call per report");
    assert.equal(rig.graph.graphCalls("POST") - 1, 5);
    assert.equal(rig.graph.tokenRequests, 1, "token fetched once, then cached");
    for (const o of outcomes) {
      assert.equal(o.status, "filed");
      if (o.status !== "filed") continue;
      assert.match(o.link ?? "", /DispForm\.aspx\?ID=\d+$/);
      assert.equal(itemsFor(rig, o.incident.id).length, 1);
    }
  });

  it("429 with Retry-After: waits as told, then files exactly one item", async () => {
    rig = await serviceRig();
    rig.graph.faults.inject({ kind: "status", status: 429, retryAfterS: 3 }, { method: "POST", path: ITEMS });
    const t0 = rig.clock.now();
    const { outcome } = await report(rig.service);
    assert.equal(outcome.status, "filed");
    assert.ok(rig.clock.now() - t0 >= 3000, "waited for Retry-After");
    if (outcome.status === "filed") assert.equal(itemsFor(rig, outcome.incident.id).length, 1);
    assert.deepEqual(rig.graph.faults.fired, ["status:429"]);
    assert.equal(rig.graph.requests.filter((r) => r.method === "POST" && ITEMS.test(r.path)).length, 2);
  });

  it("503 twice (no Retry-After): backs off and files exactly one item", async () => {
    rig = await serviceRig();
    rig.graph.faults.inject({ kind: "status", status: 503 }, { method: "POST", path: ITEMS }, 2);
    const { outcome } = await report(rig.service);
    assert.equal(outcome.status, "filed");
    if (outcome.status === "filed") assert.equal(itemsFor(rig, outcome.incident.id).length, 1);
    assert.equal(rig.graph.faults.fired.length, 2);
  });

  it("connection dropped after the item was created: looks it up by report id, no second item", async () => {
    rig = await serviceRig();
    await report(rig.service);
    rig.graph.faults.inject({ kind: "drop-after" }, { method: "POST", path: ITEMS });
    const { outcome } = await report(rig.service);
    assert.deepEqual(rig.graph.faults.fired, ["drop-after"]);
    assert.equal(outcome.status, "filed", "the item exists, so the reporter is told it is filed");
    if (outcome.status === "filed") {
      assert.equal(itemsFor(rig, outcome.incident.id).length, 1);
      assert.match(outcome.link ?? "", /ID=2$/);
    }
    assert.equal(rig.graph.list(LIST)!.items.size, 2);
    assert.equal(await rig.outbox.pendingCount(), 0);
  });

  it("timeout after the item was created: same, exactly one item", async () => {
    rig = await serviceRig({ retry: { timeoutMs: 300 } });
    await report(rig.service);
    rig.graph.faults.inject({ kind: "delay-after", ms: 1500 }, { method: "POST", path: ITEMS });
    const { outcome } = await report(rig.service);
    assert.equal(outcome.status, "filed");
    if (outcome.status === "filed") assert.equal(itemsFor(rig, outcome.incident.id).length, 1);
  });

  it("dropped after create and the look-up fails too: queued, then the drainer looks before creating", async () => {
    rig = await serviceRig();
    await report(rig.service);
    rig.graph.faults.inject({ kind: "drop-after" }, { method: "POST", path: ITEMS });
    rig.graph.faults.inject({ kind: "status", status: 503 }, { method: "GET", path: ITEMS }, 4);
    const { outcome } = await report(rig.service);
    assert.equal(outcome.status, "queued", "not confirmed: the reporter is told it is saved and will be filed");
    if (outcome.status !== "queued") return;
    assert.equal((await rig.outbox.get(outcome.incident.id))?.mayExist, true);
    rig.clock.advance(60_000);
    const r = await rig.service.drainer!.drainOnce();
    assert.deepEqual(r, { filed: 1, failed: 0, remaining: 0 });
    assert.equal(itemsFor(rig, outcome.incident.id).length, 1, "the drainer found the item instead of filing it again");
  });

  it("a 60-second outage: the reporter hears 'saved, will be filed'; the drainer files it after the outage, once", async () => {
    rig = await serviceRig();
    await report(rig.service);
    rig.graph.faults.outage(60_000, 10);
    const { outcome } = await report(rig.service);
    assert.equal(outcome.status, "queued");
    if (outcome.status !== "queued") return;
    assert.equal(outcome.reason, "unreachable");
    assert.equal(itemsFor(rig, outcome.incident.id).length, 0, "queued is the truth: nothing in the list yet");
    assert.match(outcome.incident.reference, /^INC-2026-/, "the reporter still gets a reference number");

    // a drain during the outage files nothing and keeps the report
    rig.clock.advance(30_000);
    assert.deepEqual(await rig.service.drainer!.drainOnce(), { filed: 0, failed: 1, remaining: 1 });
    assert.equal(itemsFor(rig, outcome.incident.id).length, 0);

    rig.clock.advance(90_000); // the outage is over, and the entry's backoff has passed
    assert.deepEqual(await rig.service.drainer!.drainOnce(), { filed: 1, failed: 0, remaining: 0 });
    assert.equal(itemsFor(rig, outcome.incident.id).length, 1);
  });

  it("a 60-second outage within a retry budget that covers it: filed directly, once", async () => {
    rig = await serviceRig({ retry: { maxRetries: 10, budgetMs: 120_000 } });
    rig.graph.faults.outage(60_000, 10);
    const t0 = rig.clock.now();
    const { outcome } = await report(rig.service);
    assert.equal(outcome.status, "filed");
    assert.ok(rig.clock.now() - t0 >= 60_000);
    if (outcome.status === "filed") assert.equal(itemsFor(rig, outcome.incident.id).length, 1);
  });

  it("re-submitting the same card files nothing new (filed or queued alike)", async () => {
    rig = await serviceRig();
    const { form, outcome } = await report(rig.service);
    assert.equal(outcome.status, "filed");
    const again = await rig.service.submit({ token: form.token, fields: formFields() }, anna, { policyPack: "wenell" });
    assert.equal(again.status, "filed");
    if (again.status === "filed" && outcome.status === "filed") {
      assert.equal(again.replay, true);
      assert.equal(again.incident.reference, outcome.incident.reference);
    }
    assert.equal(rig.graph.list(LIST)!.items.size, 1);

    rig.graph.faults.outage(600_000);
    const q = await report(rig.service);
    assert.equal(q.outcome.status, "queued");
    const q2 = await rig.service.submit({ token: q.form.token, fields: formFields() }, anna, { policyPack: "wenell" });
    assert.equal(q2.status, "queued");
    assert.equal(await rig.outbox.pendingCount(), 1);
  });

  it("a storm of mixed faults over 30 reports: every report filed exactly once in the end", async () => {
    rig = await serviceRig({ retry: { timeoutMs: 300 } });
    const faults = [
      () => rig.graph.faults.inject({ kind: "status", status: 429, retryAfterS: 1 }, { method: "POST", path: ITEMS }),
      () => rig.graph.faults.inject({ kind: "status", status: 503, retryAfterS: 20 }, { method: "POST", path: ITEMS }),
      () => rig.graph.faults.inject({ kind: "drop-after" }, { method: "POST", path: ITEMS }),
      () => rig.graph.faults.inject({ kind: "drop" }, { method: "POST", path: ITEMS }),
      () => rig.graph.faults.inject({ kind: "delay-after", ms: 800 }, { method: "POST", path: ITEMS }),
      () => rig.graph.faults.outage(45_000, 15),
      () => undefined,
    ];
    const ids: string[] = [];
    const told = { filed: 0, queued: 0 };
    for (let i = 0; i < 30; i++) {
      faults[i % faults.length]();
      const { outcome } = await report(rig.service, { description: `rapport ${i}` });
      assert.ok(outcome.status === "filed" || outcome.status === "queued", `report ${i}: ${outcome.status}`);
      if (outcome.status === "filed" || outcome.status === "queued") {
        ids.push(outcome.incident.id);
        told[outcome.status]++;
        // the truth: filed means it is in the list now; queued means it is in the outbox
        if (outcome.status === "filed") assert.equal(itemsFor(rig, outcome.incident.id).length, 1);
        else assert.equal((await rig.outbox.get(outcome.incident.id))?.state, "pending");
      }
      rig.clock.advance(5_000);
    }
    assert.ok(told.queued > 0 && told.filed > 0, JSON.stringify(told));
    rig.graph.faults.clear();
    for (let round = 0; round < 10 && (await rig.outbox.pendingCount()) > 0; round++) {
      rig.clock.advance(15 * 60_000);
      await rig.service.drainer!.drainOnce();
    }
    assert.equal(await rig.outbox.pendingCount(), 0);
    assert.equal(new Set(ids).size, 30);
    for (const id of ids) assert.equal(itemsFor(rig, id).length, 1, `report ${id}`);
    assert.equal(rig.graph.list(LIST)!.items.size, 30);
    assert.equal(rig.graph.tokenRequests, 1);
  });
});
