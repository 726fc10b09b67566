// What the requester sees: the request's status (sent, waiting for an administrator,
// decided, expired), and the answers that stop a request before it is sent (never
// approvable, no approval needed): those quote the pack's rules verbatim.
import type { ApprovalRequest } from "../../approvals/model";
import type { Citation } from "../../policy/types";
import type { LocaleLang } from "../../locales";
import { adaptiveCard, text, type AdaptiveCard, type Element, type TextColor } from "../cards/adaptive-card";
import { citationBlock } from "../cards/citations";
import { a, k, requestFacts, roleName, statusText } from "./texts";

export interface StatusCardData {
  lang: LocaleLang;
  organisation: string;
  request: ApprovalRequest;
  /** a line under the facts: sent to whom, waiting for an admin and why, unreachable... */
  notes?: string[];
  replay?: boolean;
  /** 1:1 chat: the requester's own words may be shown */
  showPurpose: boolean;
  /** the approval card could not be delivered: the request waits for an administrator */
  undelivered?: boolean;
  /** the reader's time zone (times on the card) */
  timeZone?: string;
}

export function statusColor(r: Pick<ApprovalRequest, "status">): TextColor {
  return r.status === "approved" ? "good" : r.status === "rejected" ? "attention" : r.status === "expired" ? "warning" : "accent";
}

export function quotes(lang: LocaleLang, organisation: string, heading: string, cs: readonly Citation[]): Element[] {
  if (!cs.length) return [];
  return [text(heading, { weight: "bolder", spacing: "medium" }), ...cs.map((c) => citationBlock(lang, organisation, c))];
}

export function requesterCard(d: StatusCardData): AdaptiveCard {
  const { lang, request: r } = d;
  const decided = r.status === "approved" || r.status === "rejected";
  const title = decided
    ? k(lang, "requester.decidedTitle", { status: statusText(lang, r) })
    : r.status === "expired"
      ? k(lang, "requester.expiredTitle")
      : r.routingCode || d.undelivered
        ? k(lang, "requester.pendingAdminTitle")
        : k(lang, "requester.sentTitle");
  const body: Element[] = [text(title, { size: "large", weight: "bolder", style: "heading", color: statusColor(r) }), { type: "FactSet", facts: requestFacts(lang, r, { purpose: d.showPurpose, requester: false, timeZone: d.timeZone }), spacing: "small" }];
  for (const n of d.notes ?? []) body.push(text(n, { spacing: "small" }));
  if (r.status === "expired") body.push(text(k(lang, "requester.expired"), { spacing: "small" }));
  if (d.replay) body.push(text(k(lang, "requester.replay"), { isSubtle: true, size: "small" }));
  body.push(text(k(lang, "requester.ruleHeading", { role: roleName(lang, r.rule.role).toLowerCase() }), { weight: "bolder", spacing: "medium" }), text(r.rule.summary[lang], { spacing: "small" }));
  body.push(...r.rule.citations.map((c) => citationBlock(lang, d.organisation, c)));
  body.push(...quotes(lang, d.organisation, k(lang, "requester.alsoHeading"), r.alsoRequired));
  return adaptiveCard(body, { fallbackText: `${title}: ${r.reference}` });
}

export function notApprovableCard(d: { lang: LocaleLang; organisation: string; code: string; citations: readonly Citation[] }): AdaptiveCard {
  const { lang } = d;
  const title = k(lang, "notApprovable.title");
  // the texts per code are the approvals service's; a code only this card knows has its own
  const own = k(lang, `notApprovable.${d.code}`);
  const why = own.startsWith("notApprovable.") ? a(lang, `notApprovable.${d.code}`) : own;
  return adaptiveCard(
    [
      text(title, { size: "large", weight: "bolder", style: "heading", color: "attention" }),
      text(why),
      ...quotes(lang, d.organisation, k(lang, "notApprovable.quotesHeading"), d.citations),
      text(k(lang, "notApprovable.notSent"), { isSubtle: true, size: "small", spacing: "medium" }),
    ],
    { fallbackText: title },
  );
}

export function notRequiredCard(d: { lang: LocaleLang; organisation: string; reason: "no-approval" | "other-process"; summary: { sv: string; en: string }; citations: readonly Citation[] }): AdaptiveCard {
  const { lang } = d;
  const title = k(lang, d.reason === "other-process" ? "notRequired.otherTitle" : "notRequired.title");
  return adaptiveCard(
    [
      text(title, { size: "large", weight: "bolder", style: "heading" }),
      text(a(lang, `notRequired.${d.reason}`)),
      text(d.summary[lang], { spacing: "small" }),
      ...quotes(lang, d.organisation, k(lang, "notApprovable.quotesHeading"), d.citations),
      text(k(lang, "notApprovable.notSent"), { isSubtle: true, size: "small", spacing: "medium" }),
    ],
    { fallbackText: title },
  );
}

/** a short card: a title and a sentence (refusals, failures) */
export function noticeCard(title: string, message: string, color: TextColor = "attention"): AdaptiveCard {
  return adaptiveCard([text(title, { weight: "bolder", color }), text(message, { spacing: "small" })], { fallbackText: `${title}: ${message}` });
}
