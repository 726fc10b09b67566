// A Wenell approval request as the approvals module stores it, for card and update tests.
import type { ApprovalRequest } from "../../src/approvals/model";
import { testLibrary } from "./library";

export const APPROVAL_ID = "0b0e7d3c-4a3f-4e43-9c55-2f1f5b1d7a10";

/** a pending request for ChatGPT with open information, to Megan Bowen as nearest manager */
export function approvalRequest(over: Partial<ApprovalRequest> = {}): ApprovalRequest {
  const f = testLibrary().get("wenell").facts;
  return {
    id: APPROVAL_ID,
    reference: "APR-2026-ABCD-EFGH",
    policyPack: "wenell",
    requester: { objectId: "u-1", name: "Test Användare" },
    tool: { choice: "public-ai", name: "ChatGPT", class: "public" },
    purpose: "Sammanfatta protokoll",
    infoKinds: ["open"],
    purchase: false,
    validFrom: "2026-03-02T00:00:00.000Z",
    validUntil: "2026-06-30T23:59:59.999Z",
    requestedAt: "2026-03-02T09:00:00.000Z",
    expiresAt: "2026-04-01T09:00:00.000Z",
    rule: { basis: "aiUse", role: "nearest-manager", summary: f.approvals.aiUse.summary, citations: f.approvals.aiUse.citations },
    alsoRequired: [],
    approver: { objectId: "m-1", name: "Megan Bowen", slot: "nearest-manager" },
    status: "pending",
    revision: 1,
    ...over,
  };
}
