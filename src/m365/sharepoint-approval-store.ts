// ApprovalStore on the SharePoint list "AI-godkännanden" (infra/sharepoint/approvals.list.json).
// One item per request: the item carries the request's id in an indexed, unique column;
// after an ambiguous failure or a 409 the id is looked up before anything is created.
// Updates (decision, reminder, escalation) PATCH the same item, and only when the item's
// Revision is older than ours: a late retry never undoes a decision.
import type { Citation } from "../policy/types";
import { APPROVAL_INFO_KINDS, APPROVAL_STATUSES, type ApprovalInfoKind, type ApprovalRequest, type ApprovalStatus, type ApproverSlot, type RoutableRole, type StoredApproval } from "../approvals/model";
import { normaliseReference } from "../incidents/reference";
import { ApprovalStoreError, type ApprovalQuery, type ApprovalStore, type RecordOptions } from "../approvals/store";
import { GraphError } from "./graph-error";
import type { Condition } from "./odata";
import type { ListItem, SharePointList } from "./sharepoint-list";

/** model values -> the Swedish choice labels of the list (checked against the schema by tests) */
export const APPROVAL_LABELS = {
  status: { pending: "Väntar", approved: "Godkänd", rejected: "Avslagen", expired: "Utgången", escalated: "Eskalerad" } satisfies Record<ApprovalStatus, string>,
  infoKinds: { open: "Öppen information", personal: "Personuppgifter", sensitive: "Känsliga personuppgifter", secret: "Sekretess", customer: "Kunddata", other: "Annat" } satisfies Record<ApprovalInfoKind, string>,
  role: { "nearest-manager": "Närmaste chef", "responsible-manager": "Ansvarig chef", "head-of-operations": "Verksamhetschef", ceo: "VD", admin: "Administratör" } satisfies Record<ApproverSlot, string>,
};

const reverse = <K extends string>(m: Record<K, string>) => new Map(Object.entries(m).map(([k, v]) => [v as string, k as K]));
const FROM = { status: reverse(APPROVAL_LABELS.status), infoKinds: reverse(APPROVAL_LABELS.infoKinds), role: reverse(APPROVAL_LABELS.role) };

/** "section [rule]: quote" per line: what an admin reads in the list, and what we read back */
export function citationText(cs: Citation[], max: number): string {
  return cs
    .map((c) => `${c.section}${c.rule ? ` [${c.rule}]` : ""}: ${c.quote}`)
    .join("\n")
    .slice(0, max);
}

function parseCitations(text: unknown, policy: string): Citation[] {
  if (typeof text !== "string" || !text) return [];
  return text
    .split("\n")
    .map((l) => /^(.*?)(?: \[([A-ZÅÄÖ][0-9]?)\])?: (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ policy, section: m[1], rule: m[2] ?? null, quote: m[3] }));
}

export function toApprovalFields(r: ApprovalRequest): Record<string, unknown> {
  const f: Record<string, unknown> = {
    Title: r.reference,
    RequestId: r.id,
    Status: APPROVAL_LABELS.status[r.status],
    RequesterName: r.requester.name,
    RequesterObjectId: r.requester.objectId,
    Tool: r.tool.name,
    ToolClass: r.tool.class,
    Purpose: r.purpose,
    "InfoKinds@odata.type": "Collection(Edm.String)",
    InfoKinds: r.infoKinds.map((k) => APPROVAL_LABELS.infoKinds[k]),
    Purchase: r.purchase,
    ValidFrom: r.validFrom,
    ValidUntil: r.validUntil,
    RequestedAt: r.requestedAt,
    ExpiresAt: r.expiresAt,
    PolicyPack: r.policyPack,
    RuleBasis: r.rule.basis,
    PolicyRule: citationText(r.rule.citations, 2000),
    Revision: r.revision,
  };
  const opt: [string, unknown][] = [
    ["RequesterUpn", r.requester.upn],
    ["ApproverName", r.approver?.name],
    ["ApproverUpn", r.approver?.upn],
    ["ApproverObjectId", r.approver?.objectId],
    ["ApproverRole", r.approver && APPROVAL_LABELS.role[r.approver.slot]],
    ["RoutingCode", r.routingCode],
    ["AlsoRequired", r.alsoRequired.length ? citationText(r.alsoRequired, 2000) : undefined],
    ["DecidedAt", r.decision?.at],
    ["DecidedMonth", r.decision?.at.slice(0, 7)],
    ["DecisionComment", r.decision?.comment],
    ["RemindedAt", r.remindedAt],
    ["EscalatedAt", r.escalatedAt],
  ];
  for (const [k, v] of opt) if (v !== undefined) f[k] = v;
  return f;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const iso = (v: unknown): string | undefined => (typeof v === "string" && v ? new Date(v).toISOString() : undefined);

/** the record as the list holds it (the rule's summary is not in the list: the citations are) */
export function fromApprovalItem(item: ListItem): StoredApproval {
  const f = item.fields;
  const kinds = Array.isArray(f.InfoKinds) ? f.InfoKinds : typeof f.InfoKinds === "string" ? f.InfoKinds.split(";#").filter(Boolean) : [];
  const pack = String(f.PolicyPack ?? "");
  const status = FROM.status.get(String(f.Status)) ?? "pending";
  const slot = FROM.role.get(String(f.ApproverRole));
  const basis = String(f.RuleBasis ?? "aiUse");
  const r: ApprovalRequest = {
    id: String(f.RequestId ?? ""),
    reference: String(f.Title ?? ""),
    policyPack: pack,
    requester: { objectId: String(f.RequesterObjectId ?? ""), name: String(f.RequesterName ?? "") },
    tool: { choice: "other", name: String(f.Tool ?? ""), class: (str(f.ToolClass) ?? "public") as ApprovalRequest["tool"]["class"] },
    purpose: String(f.Purpose ?? ""),
    infoKinds: kinds.map((k: unknown) => FROM.infoKinds.get(String(k))).filter((k): k is ApprovalInfoKind => k !== undefined && APPROVAL_INFO_KINDS.includes(k)),
    purchase: f.Purchase === true || f.Purchase === 1 || f.Purchase === "1",
    validFrom: iso(f.ValidFrom) ?? "",
    validUntil: iso(f.ValidUntil) ?? "",
    requestedAt: iso(f.RequestedAt) ?? "",
    expiresAt: iso(f.ExpiresAt) ?? "",
    rule: {
      basis: basis === "purchase" || basis === "personalData" ? basis : "aiUse",
      role: (slot && slot !== "admin" ? slot : "nearest-manager") as RoutableRole,
      summary: { sv: "", en: "" },
      citations: parseCitations(f.PolicyRule, pack),
    },
    alsoRequired: parseCitations(f.AlsoRequired, pack),
    status: APPROVAL_STATUSES.includes(status) ? status : "pending",
    revision: typeof f.Revision === "number" ? f.Revision : 1,
  };
  const upn = str(f.RequesterUpn);
  if (upn) r.requester.upn = upn;
  if (str(f.ApproverObjectId)) {
    r.approver = { objectId: String(f.ApproverObjectId), name: String(f.ApproverName ?? ""), slot: slot ?? "nearest-manager" };
    if (str(f.ApproverUpn)) r.approver.upn = String(f.ApproverUpn);
  }
  const rc = str(f.RoutingCode);
  if (rc) r.routingCode = rc as ApprovalRequest["routingCode"];
  const decidedAt = iso(f.DecidedAt);
  if (decidedAt && (status === "approved" || status === "rejected") && r.approver) {
    r.decision = { outcome: status, by: { objectId: r.approver.objectId, name: r.approver.name }, as: r.approver.slot, at: decidedAt };
    const c = str(f.DecisionComment);
    if (c) r.decision.comment = c;
  }
  if (iso(f.RemindedAt)) r.remindedAt = iso(f.RemindedAt);
  if (iso(f.EscalatedAt)) r.escalatedAt = iso(f.EscalatedAt);
  return { request: r, link: item.webUrl, itemId: item.id };
}

const revisionOf = (item: ListItem) => (typeof item.fields?.Revision === "number" ? item.fields.Revision : 0);

export class SharePointApprovalStore implements ApprovalStore {
  readonly kind = "sharepoint" as const;

  constructor(private readonly sp: SharePointList) {}

  async record(request: ApprovalRequest, opts: RecordOptions = {}): Promise<StoredApproval> {
    try {
      let existing: ListItem | undefined;
      if (opts.itemId) existing = await this.sp.get(opts.itemId);
      // a revision after the first, or an attempt that may have written: the item may be there
      if (!existing && (opts.mayExist || request.revision > 1)) existing = await this.byRequestId(request.id);
      if (existing) return await this.update(existing, request);
      try {
        return fromApprovalItem(await this.sp.create(toApprovalFields(request)));
      } catch (e) {
        if (e instanceof GraphError && (e.status === 409 || e.ambiguous)) {
          let found: ListItem | undefined;
          try {
            found = await this.byRequestId(request.id);
          } catch (lookup) {
            const le = toApprovalStoreError(lookup);
            throw new ApprovalStoreError(`created? unknown (${e.code}); look-up failed: ${le.message}`, le.code, true, true, le.retryAfterMs, { cause: lookup });
          }
          if (found) return await this.update(found, request);
        }
        throw e;
      }
    } catch (e) {
      throw toApprovalStoreError(e);
    }
  }

  async get(refOrId: string): Promise<StoredApproval | undefined> {
    try {
      const ref = normaliseReference(refOrId);
      if (ref) {
        const [item] = await this.sp.query([{ field: "Title", op: "eq", value: ref }], { top: 1 });
        return item ? fromApprovalItem(item) : undefined;
      }
      const id = refOrId.trim().toLowerCase();
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return undefined;
      const item = await this.byRequestId(id);
      return item ? fromApprovalItem(item) : undefined;
    } catch (e) {
      throw toApprovalStoreError(e);
    }
  }

  async list(q: ApprovalQuery = {}): Promise<StoredApproval[]> {
    const conds: Condition[] = [];
    if (q.status) conds.push({ field: "Status", op: "eq", value: APPROVAL_LABELS.status[q.status] });
    if (q.approverObjectId) conds.push({ field: "ApproverObjectId", op: "eq", value: q.approverObjectId });
    if (q.requesterObjectId) conds.push({ field: "RequesterObjectId", op: "eq", value: q.requesterObjectId });
    try {
      const items = await this.sp.query(conds, { top: q.limit ?? 50, orderBy: { field: "RequestedAt", descending: true } });
      return items.map(fromApprovalItem);
    } catch (e) {
      throw toApprovalStoreError(e);
    }
  }

  private async update(item: ListItem, request: ApprovalRequest): Promise<StoredApproval> {
    if (revisionOf(item) >= request.revision) return fromApprovalItem(item);
    const fields = toApprovalFields(request);
    // the reference and id never change: leave the unique columns alone
    delete fields.Title;
    delete fields.RequestId;
    // an admin's reassignment clears why the request waited
    if (!request.routingCode) fields.RoutingCode = null;
    await this.sp.updateFields(item.id, fields);
    return { request, link: item.webUrl, itemId: item.id };
  }

  private async byRequestId(id: string): Promise<ListItem | undefined> {
    const [item] = await this.sp.query([{ field: "RequestId", op: "eq", value: id }], { top: 1 });
    return item;
  }
}

export function toApprovalStoreError(e: unknown): ApprovalStoreError {
  if (e instanceof ApprovalStoreError) return e;
  if (e instanceof GraphError) return new ApprovalStoreError(e.message, e.code, e.retryable, e.ambiguous, e.retryAfterMs, { cause: e });
  return new ApprovalStoreError(e instanceof Error ? e.message : String(e), "internal", false, false, undefined, { cause: e });
}
