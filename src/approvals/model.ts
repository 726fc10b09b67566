// The approval request, as the service, the state store and every ApprovalStore keep it.
// Plain data: no Graph, HTTP or Bot Framework here.
import type { ApproverRole, Citation, ToolClass } from "../policy/types";

/** kinds of information the requester says will go into the tool (the list's InfoKinds choices) */
export const APPROVAL_INFO_KINDS = ["open", "personal", "sensitive", "secret", "customer", "other"] as const;
export type ApprovalInfoKind = (typeof APPROVAL_INFO_KINDS)[number];

export const APPROVAL_STATUSES = ["pending", "escalated", "approved", "rejected", "expired"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
/** statuses in which the designated approver may still decide */
export const OPEN_STATUSES: readonly ApprovalStatus[] = ["pending", "escalated"];

/** roles the bot can find a person for (the pack's ApproverRole minus none/other), plus the admin fallback */
export const ROUTABLE_ROLES = ["nearest-manager", "responsible-manager", "head-of-operations", "ceo"] as const;
export type RoutableRole = (typeof ROUTABLE_ROLES)[number];
export type ApproverSlot = RoutableRole | "admin";

export function isRoutable(role: ApproverRole): role is RoutableRole {
  return (ROUTABLE_ROLES as readonly string[]).includes(role);
}

/** someone in the directory; objectId is the Entra object id (aadObjectId) */
export interface Person {
  objectId: string;
  name: string;
  upn?: string;
}

/** which tool: one the pack knows (public AI, Copilot, a procured/secure system) or one typed in */
export const TOOL_CHOICES = ["public-ai", "copilot", "secure", "other"] as const;
export type ToolChoice = (typeof TOOL_CHOICES)[number];
/** "secure": a system the organisation procured or judged safe (SveaGPT, an integrated system...) */
export type ApprovalToolClass = ToolClass | "secure";

export interface RequestedTool {
  choice: ToolChoice;
  /** the tool's name as shown (the pack's label, or what the requester typed) */
  name: string;
  class: ApprovalToolClass;
}

/** what the requester filled in, validated (validation.ts) */
export interface RequestFields {
  tool: RequestedTool;
  purpose: string;
  infoKinds: ApprovalInfoKind[];
  /** the tool must be bought (Wenell: the CEO decides) */
  purchase: boolean;
  /** ISO 8601 UTC; validFrom defaults to the request time */
  validFrom: string;
  validUntil: string;
}

/** which of the pack's approval facts decided the approver */
export type RuleBasis = "aiUse" | "purchase" | "personalData";

/** why this role must decide: the pack's fact, quoted */
export interface RuleRef {
  basis: RuleBasis;
  role: RoutableRole;
  summary: { sv: string; en: string };
  citations: Citation[];
}

export interface Decision {
  outcome: "approved" | "rejected";
  by: Person;
  /** the role in which they decided */
  as: ApproverSlot;
  at: string;
  comment?: string;
}

export interface ApprovalRequest extends RequestFields {
  /** client-generated uuid: one request, one record, however often it is retried */
  id: string;
  /** APR-2026-XXXX-XXXX */
  reference: string;
  policyPack: string;
  requester: Person;
  requestedAt: string;
  /** undecided after this: expired (no decision counts any more) */
  expiresAt: string;
  rule: RuleRef;
  /** other requirements of the pack that apply (another process, an analysis first), quoted */
  alsoRequired: Citation[];
  /** who decides; absent while nobody could be found and no admin is configured */
  approver?: Person & { slot: ApproverSlot };
  /** why the request waits for an admin instead of a manager */
  routingCode?: RoutingCode;
  status: ApprovalStatus;
  remindedAt?: string;
  escalatedAt?: string;
  /** the admin told after escalation */
  escalatedTo?: Person;
  decision?: Decision;
  /** bumped on every change; stores keep the highest revision they were given */
  revision: number;
}

export type RoutingCode =
  /** Graph answered 404 on /users/{id}/manager, or the directory file has no manager */
  | "no_manager"
  /** no head of operations / CEO configured */
  | "no_role_holder"
  /** the approver found is the requester (a manager asking themself) */
  | "self_approval"
  /** the directory could not be reached */
  | "directory_unavailable";

/** a request as a store returned it, with where an admin can open it */
export interface StoredApproval {
  request: ApprovalRequest;
  /** SharePoint item webUrl; absent for the local store */
  link?: string;
  itemId?: string;
}

export const DAY_MS = 24 * 3600 * 1000;
