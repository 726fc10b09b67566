// The incident entries the activity handler calls: each returns whether it took the
// activity, so src/bot/policybot.ts stays a list of one-line routes.
import type { AdaptiveCardInvokeResponse, TaskModuleResponse, TurnContext } from "botbuilder";
import { t, type LocaleLang } from "../../locales";
import { turnLang } from "../language";
import type { BotDeps } from "../deps";
import { sendText } from "../send-card";
import { soundsLikeIncident } from "./detect";
import { openLang, parseIncidentDialogFetch, parseIncidentDialogSubmit, parseIncidentOpenInvoke, parseIncidentOpenSubmit, parseIncidentSubmitInvoke, parseIncidentSubmitMessage } from "./submits";

/** "rapportera incident" / "report incident" */
export async function handleReportCommand(ctx: TurnContext, deps: BotDeps, lang: LocaleLang): Promise<void> {
  if (!deps.incidents) return sendText(ctx, t(lang, "incidents", "disabled"));
  await deps.incidents.openForm(ctx, deps, lang, "command");
}

/** Action.Submit fallback of the form or of an "open the form" button; false when not ours */
export async function handleIncidentSubmit(ctx: TurnContext, deps: BotDeps, value: unknown): Promise<boolean> {
  const submit = parseIncidentSubmitMessage(value);
  const open = !submit && parseIncidentOpenSubmit(value);
  if (!submit && !open) return false;
  if (!deps.incidents) {
    await sendText(ctx, t(openLang(value) ?? turnLang(ctx), "incidents", "disabled"));
    return true;
  }
  if (submit) await deps.incidents.submitMessage(ctx, deps, submit);
  else await deps.incidents.openSubmit(ctx, deps, openLang(value));
  return true;
}

/** Action.Execute of the form or of an "open the form" button; undefined when not ours */
export async function incidentInvokeResponse(ctx: TurnContext, deps: BotDeps, value: unknown): Promise<AdaptiveCardInvokeResponse | undefined> {
  const submit = parseIncidentSubmitInvoke(value);
  const open = !submit && parseIncidentOpenInvoke(value);
  if (!submit && !open) return undefined;
  if (!deps.incidents) return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: t(openLang(value) ?? turnLang(ctx), "incidents", "disabled") as unknown as Record<string, unknown> };
  return submit ? deps.incidents.submitInvoke(ctx, deps, submit) : deps.incidents.openInvoke(ctx, deps, openLang(value));
}

/** task/fetch (Teams opens a dialog for the button): the form; undefined when not ours */
export async function incidentDialogFetch(ctx: TurnContext, deps: BotDeps, value: unknown): Promise<TaskModuleResponse | undefined> {
  const open = parseIncidentDialogFetch(value);
  if (!open) return undefined;
  if (!deps.incidents) return { task: { type: "message", value: t(open.lang ?? turnLang(ctx), "incidents", "disabled") } };
  return deps.incidents.dialogFetch(ctx, deps, open.lang);
}

/** task/submit (the dialog's form): undefined when not ours */
export async function incidentDialogSubmit(ctx: TurnContext, deps: BotDeps, value: unknown): Promise<TaskModuleResponse | undefined> {
  const submit = parseIncidentDialogSubmit(value);
  if (!submit) return undefined;
  if (!deps.incidents) return { task: { type: "message", value: t(submit.lang ?? turnLang(ctx), "incidents", "disabled") } };
  return deps.incidents.dialogSubmit(ctx, deps, submit);
}

/** after the answer to a message like "jag råkade klistra in personnummer i ChatGPT": offer the form */
export async function offerIfIncident(ctx: TurnContext, deps: BotDeps, text: string): Promise<void> {
  if (deps.incidents && soundsLikeIncident(text)) await deps.incidents.offer(ctx);
}
