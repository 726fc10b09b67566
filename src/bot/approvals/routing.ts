// The approval entries the activity handler calls: each returns whether it took the
// activity, so src/bot/policybot.ts stays a list of one-line routes.
import type { AdaptiveCardInvokeResponse, TurnContext } from "botbuilder";
import type { LocaleLang } from "../../locales";
import type { BotDeps } from "../deps";
import { sendText } from "../send-card";
import { isApprovalVerb, parseDecideInvoke, parseDecideMessage, parseFormInvoke, parseFormMessage, parseRefreshInvoke } from "./submits";
import { k } from "./texts";

/** "ansök om AI-verktyg" / "request AI tool" */
export async function handleApprovalCommand(ctx: TurnContext, deps: BotDeps, lang: LocaleLang): Promise<void> {
  if (!deps.approvals) return sendText(ctx, k(lang, "disabled"));
  await deps.approvals.openForm(ctx, lang);
}

/** Action.Submit fallback of the form or the approval card; false when not ours */
export async function handleApprovalSubmit(ctx: TurnContext, deps: BotDeps, value: unknown): Promise<boolean> {
  if (!isApprovalVerb(value)) return false;
  const lang = (value as { lang?: unknown }).lang === "en" ? "en" : "sv";
  const form = parseFormMessage(value);
  const decide = !form && parseDecideMessage(value);
  if (!deps.approvals) await sendText(ctx, k(lang, "disabled"));
  else if (form) await deps.approvals.submitMessage(ctx, form);
  else if (decide) await deps.approvals.decideMessage(ctx, decide);
  // a malformed approval submit: it is ours, and it decides nothing (the service refuses it as forged)
  else await deps.approvals.decideMessage(ctx, { data: { requestId: undefined, decision: undefined, comment: undefined, token: undefined }, lang });
  return true;
}

/** Action.Execute of the form or the approval card, and the card's refresh; undefined when not ours */
export async function approvalInvokeResponse(ctx: TurnContext, deps: BotDeps, value: unknown): Promise<AdaptiveCardInvokeResponse | undefined> {
  if (!isApprovalVerb(value)) return undefined;
  const lang = (value as { action?: { data?: { lang?: unknown } } }).action?.data?.lang === "en" ? "en" : "sv";
  if (!deps.approvals) return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: k(lang, "disabled") as unknown as Record<string, unknown> };
  const form = parseFormInvoke(value);
  if (form) return deps.approvals.submitInvoke(ctx, form);
  const refresh = parseRefreshInvoke(value);
  if (refresh) return deps.approvals.refresh(ctx, refresh);
  const decide = parseDecideInvoke(value);
  // a decision without readable data is handed on as such: the service refuses it as forged
  return deps.approvals.decideInvoke(ctx, decide ?? { data: { requestId: undefined, decision: undefined, comment: undefined, token: undefined }, lang });
}
