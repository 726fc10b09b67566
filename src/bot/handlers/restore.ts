// "Sätt tillbaka värdena": the user pastes Copilot's answer into the review card; the
// placeholder -> value mapping comes back in the action's own data, so the bot never kept
// it. The restored text goes back to that user only and is neither stored nor logged.
import type { AdaptiveCardInvokeResponse, TurnContext } from "botbuilder";
import { restore } from "../../review";
import type { BotDeps } from "../deps";
import type { RestoreRequest } from "../review/restore-submit";
import { RESTORE_INPUT } from "../review/restore-submit";
import { restoredCard } from "../cards/restored-card";
import type { AdaptiveCard } from "../cards/adaptive-card";
import { sendCard } from "../send-card";
import { turnLang } from "../language";

const PLACEHOLDER = /\[[A-Z_]{2,20} \d{1,5}\]/g;

export function restoreCardFor(ctx: TurnContext, req: RestoreRequest, surface: "chat" | "dialog"): { card: AdaptiveCard; replaced: number; empty: boolean } {
  const lang = req.lang ?? turnLang(ctx);
  const answer = req[RESTORE_INPUT];
  if (answer === undefined || answer.trim() === "") {
    return { card: restoredCard({ lang, restored: undefined, replaced: 0, mapping: req.mapping, surface }), replaced: 0, empty: true };
  }
  const replaced = (answer.match(PLACEHOLDER) ?? []).filter((ph) => Object.prototype.hasOwnProperty.call(req.mapping, ph)).length;
  const restored = restore(answer, req.mapping);
  return { card: restoredCard({ lang, restored, replaced, mapping: req.mapping, surface }), replaced, empty: false };
}

function record(deps: BotDeps, via: "execute" | "submit" | "dialog", r: { replaced: number; empty: boolean }, req: RestoreRequest, started: number): void {
  deps.log.info({ event: "restore", via, placeholders: Object.keys(req.mapping).length, replaced: r.replaced, empty: r.empty, ms: Math.round(performance.now() - started) }, "values restored");
}

/** Action.Execute in the 1:1 chat: the invoke answers with the card holding the restored text */
export function restoreInvokeResponse(ctx: TurnContext, deps: BotDeps, req: RestoreRequest): AdaptiveCardInvokeResponse {
  const started = performance.now();
  if (ctx.activity.conversation?.conversationType && ctx.activity.conversation.conversationType !== "personal") {
    // the review card never offers restore outside 1:1 chats; a crafted one gets nothing
    deps.log.warn({ event: "restore", status: "refused", scope: ctx.activity.conversation.conversationType }, "restore outside a 1:1 chat");
    return { statusCode: 403, type: "application/vnd.microsoft.error", value: { code: "Forbidden", message: "restore is available in 1:1 chat only" } };
  }
  const r = restoreCardFor(ctx, req, "chat");
  record(deps, "execute", r, req, started);
  return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: r.card as unknown as Record<string, unknown> };
}

/** Action.Submit fallback in the 1:1 chat: a new message with the restored text */
export async function handleRestoreSubmit(ctx: TurnContext, deps: BotDeps, req: RestoreRequest): Promise<void> {
  const started = performance.now();
  if (ctx.activity.conversation?.conversationType && ctx.activity.conversation.conversationType !== "personal") {
    deps.log.warn({ event: "restore", status: "refused", scope: ctx.activity.conversation.conversationType }, "restore outside a 1:1 chat");
    return;
  }
  const r = restoreCardFor(ctx, req, "chat");
  await sendCard(ctx, r.card);
  record(deps, "submit", r, req, started);
}

export function restoreInDialog(ctx: TurnContext, deps: BotDeps, req: RestoreRequest): AdaptiveCard {
  const started = performance.now();
  const r = restoreCardFor(ctx, req, "dialog");
  record(deps, "dialog", r, req, started);
  return r.card;
}
