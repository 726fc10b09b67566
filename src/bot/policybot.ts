// The Teams activity handler: routes each activity to one handler in ./handlers.
// Flow: activity -> (validated) command / submit -> capability -> card.
import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from "botbuilder";
import { langFromLocale, t } from "../locales";
import type { BotDeps } from "./deps";
import { parseCommand, stripMentions } from "./commands";
import { parseFeedbackInvoke, parseFeedbackSubmit } from "./submits";
import { handleQuestion } from "./handlers/question";
import { handleHelp, handleListPacks, handleSwitchPack } from "./handlers/commands";
import { Welcomer } from "./handlers/welcome";
import { feedbackInvokeResponse, handleFeedbackSubmit } from "./handlers/feedback";
import { sendText } from "./send-card";

export class PolicyBot extends TeamsActivityHandler {
  private readonly welcomer: Welcomer;

  constructor(private readonly deps: BotDeps) {
    super();
    this.welcomer = new Welcomer(deps);

    this.onMessage(async (ctx, next) => {
      await this.message(ctx);
      await next();
    });

    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient.id;
      if ((ctx.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.welcomer.welcome(ctx, "membersAdded");
      await next();
    });

    this.onInstallationUpdateAdd(async (ctx, next) => {
      await this.welcomer.welcome(ctx, "installationUpdate");
      await next();
    });
  }

  private async message(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    // Action.Submit (fallback of the feedback buttons): a message with a value and no text
    if (a.value !== undefined && a.value !== null) {
      const feedback = parseFeedbackSubmit(a.value);
      if (feedback) return handleFeedbackSubmit(ctx, this.deps, feedback);
      this.deps.log.warn({ event: "submit", status: "unrecognised" }, "unrecognised card submit");
      if (!a.text) return;
    }
    const text = stripMentions(TurnContext.removeRecipientMention(a) ?? a.text ?? "");
    const cmd = parseCommand(text);
    const lang = langFromLocale(a.locale);
    switch (cmd.kind) {
      case "empty":
        return sendText(ctx, t(lang, "bot", "empty"));
      case "help":
        return handleHelp(ctx, this.deps, cmd.lang);
      case "listPacks":
        return handleListPacks(ctx, this.deps, lang);
      case "switchPack":
        return handleSwitchPack(ctx, this.deps, lang, cmd.packId);
      case "question":
        return handleQuestion(ctx, this.deps, cmd.text);
    }
  }

  /** Universal Action (Action.Execute) invokes: only the feedback verb exists. */
  protected override async onAdaptiveCardInvoke(ctx: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const feedback = parseFeedbackInvoke(value);
    if (feedback) return feedbackInvokeResponse(ctx, this.deps, feedback);
    this.deps.log.warn({ event: "invoke", status: "unrecognised" }, "unrecognised card action");
    return { statusCode: 400, type: "application/vnd.microsoft.error", value: { code: "BadRequest", message: "unsupported action" } };
  }
}
