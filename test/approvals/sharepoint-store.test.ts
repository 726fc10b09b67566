// The SharePoint ApprovalStore with the real Graph client and msal-node over HTTP to the
// fake Graph (schema-checked against infra/sharepoint/approvals.list.json), with faults:
// exactly one list item per request, decisions never lost or undone.
import * as assert from "node:assert/strict";
import { ApprovalService } from "../../src/approvals/service";
import { FileDirectory } from "../../src/directory/file-directory";
import { ManualClock } from "../../src/incidents/clock";
import { createGraphClient } from "../../src/m365/graph-client";
import { loadListSchema } from "../../src/m365/list-schema";
import { APPROVAL_LABELS, SharePointApprovalStore } from "../../src/m365/sharepoint-approval-store";
import { SharePointList } from "../../src/m365/sharepoint-list";
import { createTokenProvider } from "../../src/m365/token";
import { SqliteStateStore } from "../../src/state/sqlite-state";
import { openDatabase } from "../../src/storage/sqlite";
import { graphTestConfig, startFakeGraph, type FakeGraph } from "../support/graph-server";
import { ALEX, LYNNE, MEGAN, SECRET, fields, library } from "./helpers";

const LIST = "AI-godkännanden";
const ITEMS = /\/items$/;

async function spRig() {
  const clock = new ManualClock();
  const graph = await startFakeGraph({ seed: ["approvals"], clock });
  const cfg = graphTestConfig(graph);
  const client = createGraphClient({ baseUrl: cfg.baseUrl, tokens: createTokenProvider(cfg.credentials), clock, retry: { timeoutMs: 2000 } });
  const store = new SharePointApprovalStore(new SharePointList(client, loadListSchema("approvals"), { site: cfg.site }));
  const db = openDatabase(":memory:");
  const state = new SqliteStateStore(db);
  const make = () => new ApprovalService({ state, store, directory: FileDirectory.load(), clock, secret: SECRET });
  return { clock, graph, store, state, service: make(), make, close: async () => (db.close(), await graph.stop()) };
}

const items = (g: FakeGraph) => [...(g.list(LIST)?.items.values() ?? [])];

describe("SharePoint ApprovalStore (fake Graph with faults)", function () {
  this.timeout(30_000);
  const pack = () => library().get("wenell");

  it("the list's choices hold every label the store writes", () => {
    const s = loadListSchema("approvals");
    const choices = (name: string) => (s.columns.find((c) => c.name === name) as { choices: string[] }).choices;
    for (const v of Object.values(APPROVAL_LABELS.status)) assert.ok(choices("Status").includes(v), v);
    for (const v of Object.values(APPROVAL_LABELS.infoKinds)) assert.ok(choices("InfoKinds").includes(v), v);
    for (const v of Object.values(APPROVAL_LABELS.role)) assert.ok(choices("ApproverRole").includes(v), v);
  });

  it("request and decision: one item, updated in place, with the decision and the rule", async () => {
    const r = await spRig();
    try {
      const form = r.service.requestForm(pack(), ALEX);
      const o = await r.service.submitRequest({ token: form.token, fields: fields(r.clock, { infoKinds: "open,other" }) }, ALEX, pack());
      assert.equal(o.status === "created" && o.recorded, true);
      if (o.status !== "created") return;
      const d = await r.service.decide({ requestId: o.request.id, decision: "approve", comment: "Ja", token: r.service.decisionToken(o.request) }, MEGAN);
      assert.equal(d.status === "decided" && d.recorded, true);
      const all = items(r.graph);
      assert.equal(all.length, 1);
      assert.equal(all[0].fields.Status, "Godkänd");
      assert.equal(all[0].fields.ApproverObjectId, MEGAN.objectId);
      assert.equal(all[0].fields.DecisionComment, "Ja");
      assert.match(String(all[0].fields.PolicyRule), /närmaste chef/);
      const back = await r.store.get(o.request.reference);
      assert.equal(back?.request.status, "approved");
      assert.equal(back?.request.decision?.by.objectId, MEGAN.objectId);
      assert.deepEqual(back?.request.infoKinds, ["open", "other"]);
      assert.ok(back?.link?.includes("DispForm.aspx"));
    } finally {
      await r.close();
    }
  });

  it("429 with Retry-After and 503 on the create: retried, one item", async () => {
    const r = await spRig();
    try {
      r.graph.faults.inject({ kind: "status", status: 429, retryAfterS: 1 }, { method: "POST", path: ITEMS });
      r.graph.faults.inject({ kind: "status", status: 503 }, { method: "POST", path: ITEMS });
      const form = r.service.requestForm(pack(), ALEX);
      const o = await r.service.submitRequest({ token: form.token, fields: fields(r.clock) }, ALEX, pack());
      assert.equal(o.status === "created" && o.recorded, true);
      assert.equal(items(r.graph).length, 1);
      assert.deepEqual(r.graph.faults.fired, ["status:429", "status:503"]);
    } finally {
      await r.close();
    }
  });

  it("a dropped connection after the item was created: looked up, not created twice", async () => {
    const r = await spRig();
    try {
      r.graph.faults.inject({ kind: "drop-after" }, { method: "POST", path: ITEMS });
      const form = r.service.requestForm(pack(), ALEX);
      const o = await r.service.submitRequest({ token: form.token, fields: fields(r.clock) }, ALEX, pack());
      assert.equal(o.status, "created");
      // the store looked the id up after the drop and found the item: on record, once
      assert.equal(o.status === "created" && o.recorded, true);
      assert.deepEqual(r.graph.faults.fired, ["drop-after"]);
      r.clock.advance(60_000);
      assert.equal((await r.service.recorder.drainOnce({ all: true })).recorded, 0);
      assert.equal(items(r.graph).length, 1);
      assert.equal(items(r.graph)[0].fields.Revision, 1);
    } finally {
      await r.close();
    }
  });

  it("a dropped connection and a failed look-up: recorded later by the drainer, still one item", async () => {
    const r = await spRig();
    try {
      r.graph.faults.inject({ kind: "drop-after" }, { method: "POST", path: ITEMS });
      r.graph.faults.inject({ kind: "status", status: 503, retryAfterS: 30 }, { method: "GET", path: ITEMS }, 10);
      const form = r.service.requestForm(pack(), ALEX);
      const o = await r.service.submitRequest({ token: form.token, fields: fields(r.clock) }, ALEX, pack());
      assert.equal(o.status === "created" && o.recorded, false);
      r.graph.faults.clear();
      r.clock.advance(5 * 60_000);
      assert.equal((await r.service.recorder.drainOnce()).recorded, 1);
      assert.equal(items(r.graph).length, 1);
    } finally {
      await r.close();
    }
  });

  it("an outage: request and decision wait in the state store and are recorded after it, once, in order", async () => {
    const r = await spRig();
    try {
      r.graph.faults.outage(10 * 60_000, 10);
      const form = r.service.requestForm(pack(), ALEX);
      const o = await r.service.submitRequest({ token: form.token, fields: fields(r.clock) }, ALEX, pack());
      assert.equal(o.status === "created" && o.recorded, false);
      if (o.status !== "created") return;
      // the decision still counts during the outage (the state store has it)
      const d = await r.service.decide({ requestId: o.request.id, decision: "reject", comment: "Nej", token: r.service.decisionToken(o.request) }, MEGAN);
      assert.equal(d.status === "decided" && d.recorded, false);
      // a restart during the outage: a new service over the same state
      const restarted = r.make();
      assert.equal((await restarted.recorder.drainOnce({ all: true })).recorded, 0);
      assert.equal(items(r.graph).length, 0);
      r.clock.advance(11 * 60_000);
      const done = await restarted.recorder.drainOnce({ all: true });
      assert.equal(done.recorded, 1);
      const all = items(r.graph);
      assert.equal(all.length, 1);
      assert.equal(all[0].fields.Status, "Avslagen");
      assert.equal(all[0].fields.Revision, 2);
      assert.equal((await restarted.recorder.behind()).length, 0);
    } finally {
      await r.close();
    }
  });

  it("a late, older revision never undoes a decision", async () => {
    const r = await spRig();
    try {
      const form = r.service.requestForm(pack(), ALEX);
      const o = await r.service.submitRequest({ token: form.token, fields: fields(r.clock) }, ALEX, pack());
      if (o.status !== "created") return assert.fail(o.status);
      await r.service.decide({ requestId: o.request.id, decision: "approve", token: r.service.decisionToken(o.request) }, MEGAN);
      await r.store.record(o.request, { mayExist: true });
      assert.equal(items(r.graph)[0].fields.Status, "Godkänd");
      assert.equal(items(r.graph).length, 1);
    } finally {
      await r.close();
    }
  });

  it("no manager: the item says it waits for the admin", async () => {
    const r = await spRig();
    try {
      const form = r.service.requestForm(pack(), LYNNE);
      const o = await r.service.submitRequest({ token: form.token, fields: fields(r.clock) }, LYNNE, pack());
      assert.equal(o.status, "noApprover");
      const [it1] = items(r.graph);
      assert.equal(it1.fields.RoutingCode, "no_manager");
      assert.equal(it1.fields.ApproverRole, "Administratör");
      assert.equal(it1.fields.Status, "Väntar");
    } finally {
      await r.close();
    }
  });
});
