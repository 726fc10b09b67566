// Records for the tab's dashboard tests: incidents and approval requests as the bot files them.
import { randomUUID } from "node:crypto";
import type { Incident } from "../../src/incidents/model";
import { referenceFor } from "../../src/incidents/reference";
import type { ApprovalRequest } from "../../src/approvals/model";
import { testLibrary } from "./library";

/** a personal-data incident reported `ageH` hours ago, discovered an hour before that */
export function testIncident(over: Partial<Incident> = {}, ageH = 5, now = Date.now()): Incident {
  const id = randomUUID();
  const reported = new Date(now - ageH * 3600_000);
  const discovered = new Date(reported.getTime() - 3600_000).toISOString();
  const infoKinds = over.infoKinds ?? ["personal"];
  const personal = infoKinds.includes("personal") || infoKinds.includes("sensitive");
  return {
    id,
    reference: referenceFor("INC", id, reported),
    reporter: { objectId: randomUUID(), name: "Test Reporter" },
    reportedAt: reported.toISOString(),
    occurredAt: discovered,
    discoveredAt: discovered,
    tool: "ChatGPT",
    infoKinds,
    description: "Klistrade in en elevlista i ChatGPT",
    personalData: personal,
    ...(personal ? { imyDeadline: new Date(Date.parse(discovered) + 72 * 3600_000).toISOString() } : {}),
    status: "new",
    policyPack: "soderkoping",
    ...over,
  };
}

/** an approval request for `tool`, requested `ageDays` ago, in the given status */
export function testApproval(tool: string, status: ApprovalRequest["status"], ageDays = 1, now = Date.now()): ApprovalRequest {
  const id = randomUUID();
  const at = new Date(now - ageDays * 86400_000);
  const pack = testLibrary().get("soderkoping");
  const requester = { objectId: randomUUID(), name: "Test Requester" };
  const approver = { objectId: randomUUID(), name: "Test Approver", slot: "nearest-manager" as const };
  return {
    id,
    reference: referenceFor("APR", id, at),
    policyPack: "soderkoping",
    requester,
    requestedAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + 30 * 86400_000).toISOString(),
    tool: { choice: "other", name: tool, class: "public" },
    purpose: "Skriva utkast till nyhetsbrev",
    infoKinds: ["open"],
    purchase: false,
    validFrom: at.toISOString(),
    validUntil: new Date(at.getTime() + 90 * 86400_000).toISOString(),
    rule: { basis: "aiUse", role: "nearest-manager", summary: pack.facts.approvals.aiUse.summary, citations: pack.facts.approvals.aiUse.citations },
    alsoRequired: [],
    approver,
    status,
    ...(status === "approved" || status === "rejected" ? { decision: { outcome: status, by: approver, as: "nearest-manager" as const, at: new Date(at.getTime() + 3600_000).toISOString() } } : {}),
    revision: 1,
  };
}
