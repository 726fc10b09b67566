// The service end to end over real SQLite stores: request -> route -> decide, and every refusal.
import * as assert from "node:assert/strict";
import type { Directory } from "../../src/directory/directory";
import { DirectoryError } from "../../src/directory/directory";
import { FileDirectory } from "../../src/directory/file-directory";
import { ADELE, ALEX, ISAIAH, LYNNE, MEGAN, PATTI, fields, library, rig, type Rig } from "./helpers";
import type { ApprovalService } from "../../src/approvals/service";
import type { Person } from "../../src/approvals/model";

const pack = (id: string) => library().get(id);

async function submit(r: Rig, who: Person, packId: string, over: Record<string, unknown> = {}, svc: ApprovalService = r.service) {
  const form = svc.requestForm(pack(packId), who);
  return { form, outcome: await svc.submitRequest({ token: form.token, fields: fields(r.clock, over) }, who, pack(packId)) };
}

async function created(r: Rig, who: Person = ALEX, packId = "wenell", over: Record<string, unknown> = {}) {
  const { outcome } = await submit(r, who, packId, over);
  assert.equal(outcome.status, "created", JSON.stringify(outcome));
  if (outcome.status !== "created") throw new Error("not created");
  return outcome;
}

describe("approval service", () => {
  it("wenell: a request reaches the nearest manager, is approved by her, and is on record", async () => {
    const r = rig();
    const c = await created(r);
    assert.equal(c.approver.objectId, MEGAN.objectId);
    assert.equal(c.request.rule.role, "nearest-manager");
    assert.ok(c.recorded);
    assert.match(c.request.reference, /^APR-2026-/);
    const token = r.service.decisionToken(c.request);
    const d = await r.service.decide({ requestId: c.request.id, decision: "approve", comment: "Ok, inga kunddata.", token }, MEGAN);
    assert.equal(d.status, "decided");
    const rec = await r.store.get(c.request.reference);
    assert.equal(rec?.request.status, "approved");
    assert.equal(rec?.request.decision?.by.objectId, MEGAN.objectId);
    assert.equal(rec?.request.decision?.comment, "Ok, inga kunddata.");
  });

  it("wenell: a purchase goes to the CEO (VD)", async () => {
    const r = rig();
    const c = await created(r, ALEX, "wenell", { tool: "other", toolName: "Midjourney", purchase: "true" });
    assert.equal(c.approver.objectId, ISAIAH.objectId);
    assert.equal(c.request.rule.basis, "purchase");
    assert.equal(c.request.tool.name, "Midjourney");
  });

  it("staffanstorp: personal data in a procured system goes to the head of operations", async () => {
    const r = rig();
    const c = await created(r, ALEX, "staffanstorp", { tool: "secure", toolName: "SveaGPT", infoKinds: "personal" });
    assert.equal(c.approver.objectId, ADELE.objectId);
    assert.equal(c.request.approver?.slot, "head-of-operations");
  });

  it("dalsland and hjo: personal data in a secure system goes to the responsible manager", async () => {
    for (const id of ["dalsland", "hjo"]) {
      const r = rig();
      const c = await created(r, ALEX, id, { tool: "secure", infoKinds: "personal" });
      assert.equal(c.approver.objectId, MEGAN.objectId, id);
      assert.equal(c.request.approver?.slot, "responsible-manager", id);
    }
  });

  it("personal data in ChatGPT is not approvable: nothing stored, the rule quoted", async () => {
    const r = rig();
    const { outcome } = await submit(r, ALEX, "soderkoping", { infoKinds: "personal" });
    assert.equal(outcome.status, "notApprovable");
    assert.ok(outcome.status === "notApprovable" && outcome.citations.some((c) => /Personuppgifter får inte matas in i allmänt tillgängliga AI-system/.test(c.quote)));
    assert.deepEqual(await r.store.list(), []);
    assert.deepEqual(await r.state.keys("approvals"), []);
  });

  it("a second submit of the same card is the same request (replay), not a second one", async () => {
    const r = rig();
    const { form, outcome } = await submit(r, ALEX, "wenell");
    const again = await r.service.submitRequest({ token: form.token, fields: fields(r.clock) }, ALEX, pack("wenell"));
    assert.equal(again.status, "created");
    assert.ok(again.status === "created" && again.replay && outcome.status === "created" && again.request.id === outcome.request.id);
    assert.equal((await r.store.list()).length, 1);
  });

  it("a form submitted by someone else, or with a changed token, is refused", async () => {
    const r = rig();
    const form = r.service.requestForm(pack("wenell"), ALEX);
    assert.deepEqual(await r.service.submitRequest({ token: form.token, fields: fields(r.clock) }, MEGAN, pack("wenell")), { status: "refused", reason: "not-yours" });
    assert.deepEqual(await r.service.submitRequest({ token: form.token.replace(/.$/, (c) => (c === "A" ? "B" : "A")), fields: fields(r.clock) }, ALEX, pack("wenell")), { status: "refused", reason: "forged" });
  });

  it("bad fields get field-level issues", async () => {
    const r = rig();
    const form = r.service.requestForm(pack("wenell"), ALEX);
    const o = await r.service.submitRequest({ token: form.token, fields: { tool: "other", purpose: "x".repeat(5000), infoKinds: "", validUntil: "2020-01-01" } }, ALEX, pack("wenell"));
    assert.equal(o.status, "invalid");
    const byField = new Map(o.status === "invalid" ? o.issues.map((i) => [i.field, i.code]) : []);
    assert.equal(byField.get("purpose"), "too_long");
    assert.equal(byField.get("infoKinds"), "required");
  });

  describe("decisions that do not count", () => {
    it("a decision from anyone but the designated approver is refused", async () => {
      const r = rig();
      const c = await created(r);
      const token = r.service.decisionToken(c.request);
      // another user in a shared conversation presses the button on the approver's card
      const d = await r.service.decide({ requestId: c.request.id, decision: "approve", token }, PATTI);
      assert.equal(d.status === "refused" && d.code, "not_approver");
      // the requester approving their own request
      const self = await r.service.decide({ requestId: c.request.id, decision: "approve", token }, ALEX);
      assert.equal(self.status === "refused" && self.code, "not_approver");
      assert.equal((await r.store.get(c.request.id))?.request.status, "pending");
    });

    it("tampered card data (another request's id, an altered token) is refused", async () => {
      const r = rig();
      const a = await created(r);
      const b = await created(r);
      const tokenA = r.service.decisionToken(a.request);
      const swapped = await r.service.decide({ requestId: b.request.id, decision: "approve", token: tokenA }, MEGAN);
      assert.equal(swapped.status === "refused" && swapped.code, "forged");
      const [p, m] = tokenA.split(".");
      const forgedPayload = Buffer.from(JSON.stringify({ v: 1, rid: a.request.id, oid: PATTI.objectId, iat: r.clock.now() })).toString("base64url");
      const forged = await r.service.decide({ requestId: a.request.id, decision: "approve", token: `${forgedPayload}.${m}` }, PATTI);
      assert.equal(forged.status === "refused" && forged.code, "forged");
      void p;
      const junk = await r.service.decide({ requestId: "not-a-uuid", decision: "approve", token: tokenA }, MEGAN);
      assert.equal(junk.status === "refused" && junk.code, "forged");
      assert.equal((await r.store.get(b.request.id))?.request.status, "pending");
    });

    it("a replayed or second decision is refused and the first stands", async () => {
      const r = rig();
      const c = await created(r);
      const token = r.service.decisionToken(c.request);
      assert.equal((await r.service.decide({ requestId: c.request.id, decision: "reject", comment: "Inte nu", token }, MEGAN)).status, "decided");
      const replay = await r.service.decide({ requestId: c.request.id, decision: "approve", token }, MEGAN);
      assert.equal(replay.status === "refused" && replay.code, "already_decided");
      assert.equal(replay.status === "refused" && replay.request?.status, "rejected");
      assert.equal((await r.store.get(c.request.id))?.request.status, "rejected");
    });

    it("two decisions at the same time: exactly one counts", async () => {
      const r = rig();
      const c = await created(r);
      const token = r.service.decisionToken(c.request);
      const other = r.another();
      const [x, y] = await Promise.all([
        r.service.decide({ requestId: c.request.id, decision: "approve", token }, MEGAN),
        other.decide({ requestId: c.request.id, decision: "reject", comment: "nej", token }, MEGAN),
      ]);
      assert.deepEqual([x.status, y.status].sort(), ["decided", "refused"]);
      const winner = x.status === "decided" ? x : y;
      assert.equal((await r.store.get(c.request.id))?.request.status, winner.status === "decided" ? winner.request.status : "?");
    });

    it("a decision on an expired request is refused, and the request is marked expired", async () => {
      const r = rig();
      const c = await created(r);
      const token = r.service.decisionToken(c.request);
      r.clock.advance(31 * 86400_000);
      const d = await r.service.decide({ requestId: c.request.id, decision: "approve", token }, MEGAN);
      assert.equal(d.status === "refused" && d.code, "expired");
      assert.equal((await r.store.get(c.request.id))?.request.status, "expired");
    });

    it("a rejection needs a comment", async () => {
      const r = rig();
      const c = await created(r);
      const d = await r.service.decide({ requestId: c.request.id, decision: "reject", token: r.service.decisionToken(c.request) }, MEGAN);
      assert.equal(d.status, "invalid");
    });
  });

  it("restart between request and decision: a new service over the same stores decides it", async () => {
    const r = rig();
    const c = await created(r);
    const token = r.service.decisionToken(c.request);
    const restarted = r.another();
    const d = await restarted.decide({ requestId: c.request.id, decision: "approve", token }, MEGAN);
    assert.equal(d.status, "decided");
    assert.equal((await r.store.get(c.request.id))?.request.status, "approved");
  });

  describe("no approver found", () => {
    it("no manager in the directory: kept pending for the admin, with a clear code", async () => {
      const r = rig();
      const { outcome } = await submit(r, LYNNE, "wenell");
      assert.equal(outcome.status, "noApprover");
      if (outcome.status !== "noApprover") return;
      assert.equal(outcome.code, "no_manager");
      assert.equal(outcome.admin?.objectId, PATTI.objectId);
      const rec = await r.store.get(outcome.request.id);
      assert.equal(rec?.request.status, "pending");
      assert.equal(rec?.request.approver?.slot, "admin");
      // the admin may route it to the right person, who then decides
      const a = await r.service.assign(outcome.request.reference, MEGAN.objectId, "nearest-manager");
      assert.ok(a.ok);
      const d = await r.service.decide({ requestId: outcome.request.id, decision: "approve", token: r.service.decisionToken(a.ok ? a.request : outcome.request) }, MEGAN);
      assert.equal(d.status, "decided");
    });

    it("the directory is down: pending for the admin with directory_unavailable", async () => {
      const down: Directory = {
        kind: "graph",
        manager: async () => {
          throw new DirectoryError("503", "serviceNotAvailable", true);
        },
        roleHolder: async (role) => (role === "admin" ? PATTI : undefined),
        user: async () => undefined,
      };
      const r = rig({ directory: down });
      const { outcome } = await submit(r, ALEX, "wenell");
      assert.equal(outcome.status === "noApprover" && outcome.code, "directory_unavailable");
    });

    it("an approver who is the requester is not allowed to decide their own request", async () => {
      const dir = new FileDirectory({ users: [{ objectId: ALEX.objectId, name: "Alex", manager: ALEX.objectId }], roles: {} });
      const r = rig({ directory: dir });
      const { outcome } = await submit(r, ALEX, "wenell");
      assert.equal(outcome.status === "noApprover" && outcome.code, "self_approval");
    });
  });

  describe("reminders and escalation (injectable clock)", () => {
    it("reminds after N days, escalates to the admin after M, expires after the limit; each once", async () => {
      const r = rig();
      const c = await created(r);
      assert.deepEqual(await r.service.dueReminders(), []);
      r.clock.advance(3 * 86400_000);
      const [remind] = await r.service.dueReminders();
      assert.equal(remind?.kind, "remind");
      assert.equal(remind?.kind === "remind" && remind.to.objectId, MEGAN.objectId);
      // a second process running the scheduler at the same moment gets nothing
      assert.deepEqual(await r.another().dueReminders(), []);
      r.clock.advance(4 * 86400_000);
      const acts = await r.service.dueReminders();
      assert.deepEqual(acts.map((a) => a.kind), ["escalate"]);
      assert.equal(acts[0].kind === "escalate" && acts[0].to.objectId, PATTI.objectId);
      assert.equal((await r.store.get(c.request.id))?.request.status, "escalated");
      // the manager may still decide an escalated request
      r.clock.advance(1 * 86400_000);
      const d = await r.service.decide({ requestId: c.request.id, decision: "approve", token: r.service.decisionToken(c.request) }, MEGAN);
      assert.equal(d.status, "decided");
      r.clock.advance(40 * 86400_000);
      assert.deepEqual(await r.service.dueReminders(), []);
    });

    it("an undecided request expires", async () => {
      const r = rig({ timing: { remindAfterDays: 1, escalateAfterDays: 2, expireAfterDays: 3 } });
      const c = await created(r);
      r.clock.advance(3 * 86400_000);
      const acts = await r.service.dueReminders();
      assert.deepEqual(acts.map((a) => a.kind), ["expired"]);
      assert.equal((await r.store.get(c.request.id))?.request.status, "expired");
    });
  });
});
