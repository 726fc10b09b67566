// Shared wording for the approval cards: the request's facts, dates, roles and statuses,
// from src/locales/<lang>/approval-cards.json (card chrome) and approvals.json (H12's
// texts per code: tools, kinds of information, roles, refusals).
import { t, type LocaleLang, type Vars } from "../../locales";
import type { ApprovalRequest, ApproverSlot } from "../../approvals/model";
import { DEFAULT_TIME_ZONE, formatInstant } from "../incidents/time-zone";

export const k = (lang: LocaleLang, key: string, vars?: Vars) => t(lang, "approval-cards", key, vars);
export const a = (lang: LocaleLang, key: string, vars?: Vars) => t(lang, "approvals", key, vars);

export function roleName(lang: LocaleLang, slot: ApproverSlot): string {
  return a(lang, `role.${slot}`);
}

/**
 * a day (validFrom / validUntil) as the user reads it. The form's dates are stored as the
 * start and end of that calendar day in UTC (src/approvals/validation.ts), so the day is read
 * in UTC: read in Stockholm, 7 December's end (23:59:59Z) showed as 8 December while the form
 * and the CLI said 7 December.
 */
export function day(iso: string, lang: LocaleLang): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(new Date(ms));
}

/** an instant in the reader's time zone (Teams sends it; Stockholm where it is not known, e.g. a card sent to someone else) */
export function instant(iso: string, lang: LocaleLang, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatInstant(iso, timeZone, lang);
}

export function statusText(lang: LocaleLang, r: Pick<ApprovalRequest, "status">): string {
  return k(lang, `status.${r.status}`);
}

/** the request's facts; the purpose only where the people who may read it are (1:1 chats) */
export function requestFacts(lang: LocaleLang, r: ApprovalRequest, o: { purpose: boolean; requester: boolean; timeZone?: string }): Array<{ title: string; value: string }> {
  const facts = [{ title: k(lang, "fact.reference"), value: r.reference }];
  if (o.requester) facts.push({ title: k(lang, "fact.requester"), value: r.requester.name });
  facts.push({ title: k(lang, "fact.tool"), value: r.tool.name });
  if (o.purpose) facts.push({ title: k(lang, "fact.purpose"), value: r.purpose });
  facts.push({ title: k(lang, "fact.infoKinds"), value: r.infoKinds.map((x) => a(lang, `info.${x}`)).join(", ") });
  facts.push({ title: k(lang, "fact.period"), value: k(lang, "period", { from: day(r.validFrom, lang), until: day(r.validUntil, lang) }) });
  if (r.purchase) facts.push({ title: k(lang, "fact.purchase"), value: k(lang, "fact.purchaseYes") });
  if (r.approver) facts.push({ title: k(lang, "fact.approver"), value: `${r.approver.name} (${roleName(lang, r.approver.slot)})` });
  facts.push({ title: k(lang, "fact.status"), value: statusText(lang, r) });
  if (r.decision) {
    facts.push({ title: k(lang, "fact.decidedBy"), value: `${r.decision.by.name} (${roleName(lang, r.decision.as)})` });
    facts.push({ title: k(lang, "fact.decidedAt"), value: instant(r.decision.at, lang, o.timeZone) });
    if (r.decision.comment) facts.push({ title: k(lang, "fact.comment"), value: r.decision.comment });
  }
  return facts;
}
