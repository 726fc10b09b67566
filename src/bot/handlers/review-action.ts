// Message action "Granska före Copilot" / "Review before Copilot" (manifest
// composeExtensions, context "message"): reviews the chosen message and shows the card
// in a dialog, which only the user who chose the action sees, so restore is offered there.
// fetchTask: Teams asks for the dialog with the message attached; submitAction: the
// dialog's own Submit (restore), or the message when the command has fetchTask false.
import { CardFactory, type MessagingExtensionAction, type MessagingExtensionActionResponse, type TurnContext } from "botbuilder";
import { z } from "zod";
import { t, type LocaleLang } from "../../locales";
import type { BotDeps } from "../deps";
import { htmlToText } from "../review/html-text";
import { MAX_DRAFT_CHARS, reviewLogFields, runReview } from "../review/run";
import { parseRestoreSubmit } from "../review/restore-submit";
import type { AdaptiveCard } from "../cards/adaptive-card";
import { tooLongText } from "./review";
import { restoreInDialog } from "./restore";
import { turnLang } from "../language";

export const REVIEW_COMMAND_ID = "reviewMessage";

const messagePayload = z.object({
  subject: z.string().max(1024).nullish(),
  body: z.object({ contentType: z.string().max(32).optional(), content: z.string().max(2_000_000).nullish() }).optional(),
});

/** the text of the message the action was chosen on (HTML in Teams), or undefined */
export function payloadText(action: MessagingExtensionAction | undefined): string | undefined {
  const p = messagePayload.safeParse(action?.messagePayload);
  if (!p.success) return undefined;
  const raw = p.data.body?.content ?? "";
  const body = (p.data.body?.contentType ?? "html").toLowerCase() === "text" ? raw.trim() : htmlToText(raw);
  const subject = p.data.subject?.trim();
  return [subject, body].filter(Boolean).join("\n\n");
}

function dialog(lang: LocaleLang, card: AdaptiveCard): MessagingExtensionActionResponse {
  return {
    task: {
      type: "continue",
      value: { title: t(lang, "review-card", "action.title"), width: "large", height: "large", card: CardFactory.adaptiveCard(card) },
    },
  };
}

function message(text: string): MessagingExtensionActionResponse {
  return { task: { type: "message", value: text } };
}

export function reviewActionResponse(ctx: TurnContext, deps: BotDeps, action: MessagingExtensionAction, invoke: "fetchTask" | "submitAction"): MessagingExtensionActionResponse {
  const lang = turnLang(ctx);
  const restore = invoke === "submitAction" ? parseRestoreSubmit(action?.data) : undefined;
  if (restore) return dialog(restore.lang ?? lang, restoreInDialog(ctx, deps, restore));

  const draft = payloadText(action);
  if (!draft) {
    deps.log.info({ event: "reviewRejected", via: "action", invoke, reason: "empty" }, "message action without text");
    return message(t(lang, "review-card", "action.noText"));
  }
  if (draft.length > MAX_DRAFT_CHARS) {
    deps.log.info({ event: "reviewRejected", via: "action", invoke, reason: "tooLong", chars: draft.length }, "draft over the limit");
    return message(tooLongText(lang, draft.length));
  }
  const run = runReview(deps, ctx.activity.conversation.id, draft, lang, { kind: "offer", surface: "dialog" });
  deps.log.info(
    {
      event: "review",
      via: "action",
      invoke,
      scope: ctx.activity.conversation?.conversationType ?? "personal",
      ...reviewLogFields(run, draft.length),
    },
    "draft reviewed",
  );
  return dialog(lang, run.card);
}
