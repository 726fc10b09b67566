// Images in Teams messages: each is fetched into memory, checked for AI provenance and
// dropped. 1:1 chats get an answer for every image; channels and group chats (where RSC
// delivers every message) hear from the bot only when an image is AI-made. The log gets
// source kind, scope, verdict, format and timing: never the URL, name, bytes or text.
import { TurnContext } from "botbuilder";
import { t, type LocaleLang } from "../../locales";
import type { ProvenanceResult } from "../../images";
import type { BotDeps } from "../deps";
import { parseCommand, stripMentions, textWithoutBotMention } from "../commands";
import { sendCard, sendText } from "../send-card";
import { imageCard, type ImageCardKind } from "../cards/image-card";
import { imagesOf } from "./attachments";
import { checkImage, type CheckResult } from "./check";
import { asksQuestion, imageClaim, type ImageClaim } from "./claim";
import { ImageFetchError } from "./errors";
import { connectorAuthorization, fetchImage } from "./fetch";
import { labelRules } from "./labelling";
import { copyActionData } from "./action";
import { DEFAULT_IMAGE_SETTINGS, type ImageSettings } from "./settings";
import type { ImageSource } from "./sources";
import { turnLang } from "../language";

/** "none": no image; "done": answered (or rightly silent); "question": also answer the text */
export type ImageTurn = "none" | "done" | "question";

export function scopeOf(ctx: TurnContext): string {
  return ctx.activity.conversation?.conversationType ?? "personal";
}

/**
 * With RSC every channel and group chat message reaches the bot; it is for the bot in a 1:1
 * chat, when it @mentions the bot, or when it is exactly one of the bot's commands
 * ("hjälp", "rapportera incident"): free text between colleagues is left alone.
 */
export function addressedToBot(ctx: TurnContext): boolean {
  if (scopeOf(ctx) === "personal") return true;
  const botId = ctx.activity.recipient?.id;
  if (TurnContext.getMentions(ctx.activity).some((m) => m.mentioned?.id === botId)) return true;
  const cmd = parseCommand(stripMentions(ctx.activity.text ?? ""));
  // "hej" between colleagues in a channel is not for the bot
  if (cmd.kind === "help" && cmd.greeting) return false;
  return cmd.kind !== "question" && cmd.kind !== "empty";
}

export function imageSettings(deps: BotDeps): ImageSettings {
  return deps.images ?? DEFAULT_IMAGE_SETTINGS;
}

function messageText(ctx: TurnContext): string {
  return stripMentions(textWithoutBotMention(ctx.activity));
}

type Outcome = CheckResult | { kind: "error"; code: ImageFetchError["code"] };

export async function handleImages(ctx: TurnContext, deps: BotDeps): Promise<ImageTurn> {
  const found = imagesOf(ctx.activity.attachments);
  if (found.length === 0) return "none";
  const scope = scopeOf(ctx);
  const personal = scope === "personal";
  const lang = turnLang(ctx);
  const text = messageText(ctx);
  const claim = imageClaim(text);
  const settings = imageSettings(deps);
  const authorization = found.some((f) => f.kind === "source" && f.source.kind === "inline") ? await connectorAuthorization(ctx) : undefined;
  for (const f of found) {
    const started = performance.now();
    let outcome: Outcome;
    if (f.kind === "unreachable") outcome = { kind: "error", code: "unreachable" };
    else {
      try {
        const bytes = await fetchImage(f.source, { maxBytes: settings.maxFileBytes, timeoutMs: settings.downloadTimeoutMs, allowHttp: settings.allowHttpDownloads, serviceUrl: ctx.activity.serviceUrl, authorization });
        outcome = await checkImage(bytes);
      } catch (err) {
        if (!(err instanceof ImageFetchError)) throw err;
        outcome = { kind: "error", code: err.code };
      }
    }
    const replied = await reply(ctx, deps, lang, personal, outcome, f.kind === "source" ? f.source : undefined, claim);
    deps.log.info(
      {
        event: "imageCheck",
        via: f.kind === "source" ? f.source.kind : "reference",
        scope,
        verdict: outcome.kind === "checked" ? outcome.result.verdict : undefined,
        format: outcome.kind === "checked" ? outcome.result.format : outcome.kind === "problem" ? outcome.format : undefined,
        code: outcome.kind === "problem" || outcome.kind === "error" ? outcome.code : undefined,
        claim: claim ? true : undefined,
        replied,
        ms: Math.round(performance.now() - started),
      },
      "image checked",
    );
  }
  return text !== "" && asksQuestion(text) ? "question" : "done";
}

/** one image's answer; returns what was sent ("card", "note", "problem") or "silent" */
async function reply(ctx: TurnContext, deps: BotDeps, lang: LocaleLang, personal: boolean, o: Outcome, source: ImageSource | undefined, claim: ImageClaim | undefined): Promise<string> {
  const facts = deps.library.get(deps.packs.get(ctx.activity.conversation.id)).facts;
  if (o.kind === "checked") {
    const r = o.result;
    const kind: ImageCardKind | undefined = r.verdict === "ai" ? "ai" : r.verdict === "likely" ? "likely" : claim ? "claimImage" : undefined;
    if (kind) {
      await sendCard(ctx, imageCard({ lang, kind, generator: kind === "claimImage" ? claim?.generator : r.generator ?? claim?.generator, evidence: aiEvidence(r), unverified: r.notes.includes("signature-not-verified"), rules: labelRules(facts, lang), copy: source ? copyActionData(source, lang) : undefined }));
      return "card";
    }
    if (!personal) return "silent";
    await sendText(ctx, unknownNote(lang, labelRules(facts, lang)));
    return "note";
  }
  if (!personal) return "silent";
  const maxMb = Math.round((imageSettings(deps).maxFileBytes / (1024 * 1024)) * 10) / 10;
  await sendText(ctx, t(lang, "image-cards", `problem.${o.code}`, { maxMb }));
  return "problem";
}

function aiEvidence(r: ProvenanceResult) {
  return r.evidence.filter((e) => e.weight !== "info").map((e) => e.kind);
}

export function unknownNote(lang: LocaleLang, rules: ReturnType<typeof labelRules>): string {
  if (!rules.captionFromPack) return t(lang, "image-cards", "unknown.noteNeutral", { caption: rules.caption });
  const c = rules.captionCitations[0];
  const source = c ? t(lang, "image-cards", c.rule ? "unknown.source" : "unknown.sourceNoRule", { organisation: rules.organisation, section: c.section, rule: c.rule ?? "" }) : "";
  return t(lang, "image-cards", "unknown.note", { caption: rules.caption, source });
}

/** "jag har gjort en bild med DALL-E" without an image: the labelling reminder; true when sent */
export async function remindIfImageClaim(ctx: TurnContext, deps: BotDeps, text: string): Promise<boolean> {
  const claim = imageClaim(text);
  if (!claim) return false;
  const facts = deps.library.get(deps.packs.get(ctx.activity.conversation.id)).facts;
  const personal = scopeOf(ctx) === "personal";
  const lang = turnLang(ctx);
  await sendCard(ctx, imageCard({ lang, kind: "claim", generator: claim.generator, evidence: [], unverified: false, rules: labelRules(facts, lang), sendHint: personal }));
  deps.log.info({ event: "imageClaim", scope: scopeOf(ctx), lang }, "image labelling reminder");
  return true;
}

export { asksQuestion };
