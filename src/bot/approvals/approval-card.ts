// The approver's card (Universal Actions, msteams-docs "Up-to-date views"): the card
// posted carries refresh.userIds = [the approver], so Teams asks the bot for the
// approver's own view (with Approve / Reject) while anyone else in a shared conversation
// keeps the read-only view. Each Action.Execute has an Action.Submit fallback for clients
// without Universal Actions. After the decision the card is replaced by the outcome and
// the refresh is dropped.
import type { ApprovalRequest } from "../../approvals/model";
import { OPEN_STATUSES } from "../../approvals/model";
import type { FieldIssue } from "../../approvals/validation";
import type { LocaleLang } from "../../locales";
import { adaptiveCard, text, type Action, type AdaptiveCard, type Element, type ExecuteAction } from "../cards/adaptive-card";
import { citationBlock } from "../cards/citations";
import { issueText } from "./form-card";
import { quotes, statusColor } from "./request-cards";
import { APPROVAL_DECIDE_VERB, APPROVAL_REFRESH_VERB } from "./submits";
import { instant, k, requestFacts, roleName, statusText } from "./texts";

export type ApprovalView =
  /** the designated approver: comment field and buttons */
  | { kind: "decide"; token: string; issues?: FieldIssue[]; comment?: string }
  /** anyone else, or the base card in a shared conversation */
  | { kind: "readOnly" };

export interface ApprovalCardData {
  lang: LocaleLang;
  organisation: string;
  request: ApprovalRequest;
  view: ApprovalView;
  /** Teams user MRIs who get their own view by refresh (the approver); dropped once decided */
  refreshUserIds?: string[];
  /** a line on top: a reminder, why it came to an administrator, a refusal */
  banner?: { text: string; color?: "attention" | "warning" | "accent" | "good" };
  /** the reader's time zone (times on the card) */
  timeZone?: string;
}

export function approvalCard(d: ApprovalCardData): AdaptiveCard {
  const { lang, request: r } = d;
  const open = OPEN_STATUSES.includes(r.status);
  const approver = r.approver;
  const role = approver ? roleName(lang, approver.slot).toLowerCase() : "";
  const title = open ? `${k(lang, "approver.title")}: ${r.reference}` : k(lang, "approver.decidedTitle", { status: statusText(lang, r) });
  const body: Element[] = [text(title, { size: "large", weight: "bolder", style: "heading", color: open ? "default" : statusColor(r) })];
  if (d.banner) body.push(text(d.banner.text, { color: d.banner.color ?? "warning", weight: "bolder" }));
  const deciding = open && d.view.kind === "decide";
  if (open) {
    body.push(
      text(
        deciding
          ? k(lang, "approver.intro", { requester: r.requester.name, role })
          : k(lang, "approver.readOnlyIntro", { requester: r.requester.name, approver: approver?.name ?? "?", role }),
        { spacing: "small" },
      ),
    );
  }
  // the requester's words are for the person who decides; others see the facts only
  body.push({ type: "FactSet", facts: requestFacts(lang, r, { purpose: deciding, requester: true, timeZone: d.timeZone }), spacing: "small" });
  if (open) {
    body.push(text(r.rule.summary[lang], { spacing: "medium", isSubtle: true }));
    body.push(...r.rule.citations.map((c) => citationBlock(lang, d.organisation, c)));
    body.push(...quotes(lang, d.organisation, k(lang, "requester.alsoHeading"), r.alsoRequired));
  }
  const actions: Action[] = [];
  if (deciding && d.view.kind === "decide") {
    const issues = d.view.issues ?? [];
    body.push({ type: "Input.Text", id: "comment", label: k(lang, "approver.comment"), placeholder: k(lang, "approver.commentPlaceholder"), isMultiline: true, maxLength: 2000, spacing: "medium", ...(d.view.comment ? { value: d.view.comment } : {}) });
    for (const i of issues) body.push(text(i.field === "comment" && i.code === "required" ? k(lang, "approver.rejectNeedsComment") : issueText(lang, i), { color: "attention", size: "small", spacing: "none" }));
    const base = { requestId: r.id, token: d.view.token, lang };
    const button = (decision: "approve" | "reject"): ExecuteAction => {
      const data = { ...base, decision };
      const title = k(lang, `approver.${decision}`);
      const style = decision === "approve" ? "positive" : "destructive";
      return { type: "Action.Execute", title, verb: APPROVAL_DECIDE_VERB, style, data, fallback: { type: "Action.Submit", title, style, data: { ...data, verb: APPROVAL_DECIDE_VERB } } };
    };
    actions.push(button("approve"), button("reject"));
  } else if (open && approver) {
    body.push(text(k(lang, "approver.waiting", { approver: approver.name }), { isSubtle: true, spacing: "medium" }));
  } else if (r.decision) {
    body.push(text(`${r.decision.by.name}, ${instant(r.decision.at, lang, d.timeZone)}`, { isSubtle: true, size: "small" }));
  }
  const card = adaptiveCard(body, { actions, fallbackText: title });
  const ids = (d.refreshUserIds ?? []).filter(Boolean).slice(0, 60);
  if (open && ids.length) {
    card.refresh = { action: { type: "Action.Execute", title: k(lang, "approver.refresh"), verb: APPROVAL_REFRESH_VERB, data: { requestId: r.id, lang } }, userIds: ids };
  }
  return card;
}
