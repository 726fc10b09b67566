// The Teams activity handler: routes each activity to one handler in ./handlers.
// Flow: activity -> (validated) command / submit -> capability -> card.
import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TaskModuleRequest,
  type TaskModuleResponse,
} from "botbuilder";
import { t } from "../locales";
import type { BotDeps } from "./deps";
import { parseCommand, stripMentions, textWithoutBotMention } from "./commands";
import { parseAskSubmit, parseFeedbackInvoke, parseFeedbackSubmit } from "./submits";
import { handleQuestion } from "./handlers/question";
import { handleHelp, handleListPacks, handleSwitchPack } from "./handlers/commands";
import { sendWelcome, Welcomer } from "./handlers/welcome";
import { feedbackInvokeResponse, handleFeedbackSubmit } from "./handlers/feedback";
import { sendText } from "./send-card";
import { draftText, reviewRoute } from "./review/routing";
import { parseRestoreInvoke, parseRestoreSubmit } from "./review/restore-submit";
import { handleDraftReview, handleFileReview, warnIfQuestionSensitive } from "./handlers/review";
import { handleRestoreSubmit, restoreInvokeResponse } from "./handlers/restore";
import { REVIEW_COMMAND_ID, reviewActionResponse } from "./handlers/review-action";
import { handleIncidentSubmit, handleReportCommand, incidentDialogFetch, incidentDialogSubmit, incidentInvokeResponse, offerIfIncident } from "./incidents/routing";
import { approvalInvokeResponse, handleApprovalCommand, handleApprovalSubmit } from "./approvals/routing";
import { HANDLED_INVOKES } from "./activity-shape";
import { textLanguage, turnLang } from "./language";
import { addressedToBot, asksQuestion, handleImageCopySubmit, handleImages, imageCopyInvokeResponse, remindIfImageClaim } from "./images";

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

  /** every turn's language is decided before any handler runs (./language.ts) */
  override async run(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    const typed = a?.type === "message" ? (parseAskSubmit(a.value) ?? a.text) : undefined;
    const said = typeof typed === "string" ? textLanguage(stripMentions(typed)) : undefined;
    const packLang = this.deps.library.get(this.deps.packs.get(a?.conversation?.id ?? "")).facts.language;
    this.deps.languages.decide(ctx, said, packLang);
    return super.run(ctx);
  }

  private async message(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    // Action.Submit (fallback of the feedback buttons): a message with a value and no text
    if (a.value !== undefined && a.value !== null) {
      const feedback = parseFeedbackSubmit(a.value);
      if (feedback) return handleFeedbackSubmit(ctx, this.deps, feedback);
      const restore = parseRestoreSubmit(a.value);
      if (restore) return handleRestoreSubmit(ctx, this.deps, restore);
      if (await handleIncidentSubmit(ctx, this.deps, a.value)) return;
      if (await handleApprovalSubmit(ctx, this.deps, a.value)) return;
      if (await handleImageCopySubmit(ctx, this.deps, a.value)) return;
    }
    // a card's question or command button: the user asked it, @mention or not
    const asked = parseAskSubmit(a.value);
    if (asked !== undefined) a.text = asked;
    else if (a.value !== undefined && a.value !== null) {
      this.deps.log.warn({ event: "submit", status: "unrecognised" }, "unrecognised card submit");
      if (!a.text) return;
    }
    // images are checked for AI provenance (./images; quiet in channels unless AI). With RSC
    // every channel and group chat message arrives: beyond that check, only @mentions and
    // exact commands are for the bot (addressedToBot).
    const images = await handleImages(ctx, this.deps);
    if (images === "done" || (asked === undefined && !addressedToBot(ctx))) return;
    // a .txt/.docx/.pdf file is a draft to review, whatever text comes with it
    if (await handleFileReview(ctx, this.deps)) return;
    const raw = textWithoutBotMention(a);
    const text = stripMentions(raw);
    const cmd = parseCommand(text);
    // "granska: …", or a long draft-like message (rule in ./review/routing.ts)
    const review = cmd.kind === "question" ? reviewRoute(draftText(raw)) : undefined;
    if (review) return handleDraftReview(ctx, this.deps, review.text, review.via);
    const lang = turnLang(ctx);
    switch (cmd.kind) {
      case "empty":
        return sendText(ctx, t(lang, "bot", "empty"));
      case "help":
        return cmd.greeting ? sendWelcome(ctx, this.deps, "greeting") : handleHelp(ctx, this.deps, lang);
      case "listPacks":
        return handleListPacks(ctx, this.deps, lang);
      case "switchPack":
        return handleSwitchPack(ctx, this.deps, lang, cmd.packId);
      case "reportIncident":
        return handleReportCommand(ctx, this.deps, lang);
      case "requestApproval":
        return handleApprovalCommand(ctx, this.deps, lang);
      case "question":
        // "jag har gjort en bild med DALL-E": the labelling reminder. A question gets its answer
        // only, no card it did not ask for (the answer quotes the labelling rules itself)
        if (images === "none" && !asksQuestion(cmd.text) && (await remindIfImageClaim(ctx, this.deps, cmd.text))) return;
        await handleQuestion(ctx, this.deps, cmd.text);
        await warnIfQuestionSensitive(ctx, this.deps, cmd.text);
        // "jag råkade klistra in personnummer i ChatGPT": answered above, then offered the form
        return offerIfIncident(ctx, this.deps, cmd.text);
    }
  }

  /**
   * Invokes the bot does not handle get 501 (Not Implemented, as botbuilder answers them)
   * without botbuilder's own dispatch, which reads their values unchecked.
   */
  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    const name = ctx.activity.name;
    if (typeof name !== "string" || !HANDLED_INVOKES.has(name)) return { status: 501 };
    return super.onInvokeActivity(ctx);
  }

  /** Message action "Granska före Copilot": Teams asks for the dialog, with the message attached. */
  protected override async handleTeamsMessagingExtensionFetchTask(ctx: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    if (action?.commandId === REVIEW_COMMAND_ID) return reviewActionResponse(ctx, this.deps, action, "fetchTask");
    return this.unknownCommand();
  }

  /** The review dialog's Submit (restore), or the message itself when the command runs without fetchTask. */
  protected override async handleTeamsMessagingExtensionSubmitAction(ctx: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    if (action?.commandId === REVIEW_COMMAND_ID || parseRestoreSubmit(action?.data)) return reviewActionResponse(ctx, this.deps, action, "submitAction");
    return this.unknownCommand();
  }

  /** A card button's dialog (task module): the incident form. */
  protected override async handleTeamsTaskModuleFetch(ctx: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return (await incidentDialogFetch(ctx, this.deps, request)) ?? this.unknownCommand();
  }

  /** The dialog's submit: the incident report. */
  protected override async handleTeamsTaskModuleSubmit(ctx: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return (await incidentDialogSubmit(ctx, this.deps, request)) ?? this.unknownCommand();
  }

  /** a command the manifest does not declare: bad input (400), not an unimplemented feature */
  private unknownCommand(): never {
    this.deps.log.warn({ event: "invoke", status: "unrecognised" }, "unrecognised message action");
    // TeamsActivityHandler answers an error with this message 400
    throw new Error("BadRequest");
  }

  /** Universal Action (Action.Execute) invokes: feedback, restore, incidents, approvals, image copies. */
  protected override async onAdaptiveCardInvoke(ctx: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const feedback = parseFeedbackInvoke(value);
    if (feedback) return feedbackInvokeResponse(ctx, this.deps, feedback);
    const restore = parseRestoreInvoke(value);
    if (restore) return restoreInvokeResponse(ctx, this.deps, restore);
    const incident = await incidentInvokeResponse(ctx, this.deps, value);
    if (incident) return incident;
    const approval = await approvalInvokeResponse(ctx, this.deps, value);
    if (approval) return approval;
    const imageCopy = await imageCopyInvokeResponse(ctx, this.deps, value);
    if (imageCopy) return imageCopy;
    this.deps.log.warn({ event: "invoke", status: "unrecognised" }, "unrecognised card action");
    return { statusCode: 400, type: "application/vnd.microsoft.error", value: { code: "BadRequest", message: "unsupported action" } };
  }
}
