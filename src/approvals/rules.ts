// Who must approve a request, and whether it can be approved at all, from the pack's
// facts only (so an organisation's own pack works the same way):
//  1. a tool the pack forbids, information the pack forbids in every tool (approvals.never), or personal data, sensitive personal data, secrecy or
//     (where the pack has a rule for it) customer data in a publicly available tool:
//     never approvable; the pack's rules are quoted.
//  2. otherwise the applicable approval facts, most specific first: purchase (when the
//     tool must be bought), personal data (when personal or sensitive data goes into a
//     non-public tool), AI use. The first whose role is a person the directory can find
//     decides; facts with role "other" that apply are quoted as also required.
//  3. none routable: no manager's approval is required ("none"), or the pack names
//     another process ("other"): say so and quote it.
import type { Citation, Fact, PackFacts, ApproverRole } from "../policy/types";
import { isRoutable, type ApprovalInfoKind, type ApprovalToolClass, type RoutableRole, type RuleBasis, type RuleRef } from "./model";

export type NotApprovableCode = "tool_forbidden" | "personal_data_public_tool" | "sensitive_data_public_tool" | "secret_public_tool" | "customer_data_public_tool" | "info_forbidden";

export type RuleVerdict =
  | { kind: "route"; rule: RuleRef; alsoRequired: Citation[] }
  | { kind: "notApprovable"; code: NotApprovableCode; citations: Citation[] }
  | { kind: "notRequired"; reason: "no-approval" | "other-process"; summary: { sv: string; en: string }; citations: Citation[] };

export interface RuleInput {
  toolClass: ApprovalToolClass;
  /** citations of the tool's own fact (publicAi / copilot), when the pack has one */
  toolCitations?: Citation[];
  infoKinds: readonly ApprovalInfoKind[];
  purchase: boolean;
}

export function evaluate(facts: PackFacts, input: RuleInput): RuleVerdict {
  const kinds = new Set(input.infoKinds);
  const personal = kinds.has("personal") || kinds.has("sensitive");

  if (input.toolClass === "forbidden") return { kind: "notApprovable", code: "tool_forbidden", citations: dedupe(input.toolCitations ?? []) };
  if (input.toolClass === "public") {
    const d = facts.dataRules;
    // the most serious kind first: it is the rule the requester needs to read
    if (kinds.has("sensitive")) return { kind: "notApprovable", code: "sensitive_data_public_tool", citations: dedupe([...d.specialCategory, ...d.personalData]) };
    if (kinds.has("personal")) return { kind: "notApprovable", code: "personal_data_public_tool", citations: dedupe(d.personalData) };
    if (kinds.has("secret")) return { kind: "notApprovable", code: "secret_public_tool", citations: dedupe(d.secrecy) };
    if (kinds.has("customer") && d.customerData?.length) return { kind: "notApprovable", code: "customer_data_public_tool", citations: dedupe(d.customerData) };
  }

  const a = facts.approvals;
  // information the pack forbids in every AI tool (Hjo: secret information): no one can approve it
  const never = (a.never ?? []).filter((n) => n.infoKinds.some((k) => kinds.has(k)));
  if (never.length) return { kind: "notApprovable", code: "info_forbidden", citations: dedupe(never.flatMap((n) => n.citations)) };

  const applicable: { basis: RuleBasis; fact: Fact & { role: ApproverRole } }[] = [];
  if (input.purchase && a.purchase) applicable.push({ basis: "purchase", fact: a.purchase });
  if (personal && a.personalData) applicable.push({ basis: "personalData", fact: a.personalData });
  applicable.push({ basis: "aiUse", fact: a.aiUse });

  const chosen = applicable.find((x) => isRoutable(x.fact.role));
  // a tool the pack says needs analysing first: its rule travels with the request
  const analysis = input.toolClass === "needs-analysis" ? input.toolCitations ?? [] : [];
  const others = applicable.filter((x) => x !== chosen && x.fact.role === "other").flatMap((x) => x.fact.citations);
  if (chosen) {
    const rule: RuleRef = { basis: chosen.basis, role: chosen.fact.role as RoutableRole, summary: chosen.fact.summary, citations: dedupe(chosen.fact.citations) };
    const seen = new Set(rule.citations.map(key));
    return { kind: "route", rule, alsoRequired: dedupe([...others, ...analysis]).filter((c) => !seen.has(key(c))) };
  }
  const other = applicable.find((x) => x.fact.role === "other");
  if (other) return { kind: "notRequired", reason: "other-process", summary: other.fact.summary, citations: dedupe(applicable.filter((x) => x.fact.role === "other").flatMap((x) => x.fact.citations)) };
  return { kind: "notRequired", reason: "no-approval", summary: a.aiUse.summary, citations: dedupe([...a.aiUse.citations, ...analysis]) };
}

const key = (c: Citation) => `${c.section}\u0000${c.rule ?? ""}\u0000${c.quote}`;

function dedupe(cs: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return cs.filter((c) => (seen.has(key(c)) ? false : (seen.add(key(c)), true)));
}
