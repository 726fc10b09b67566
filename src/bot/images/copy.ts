// "Skapa märkt kopia": fetch the image again from the URL the card carries (the bot kept
// no bytes), draw the pack's caption under it with src/images/labelled-copy.ts, and send
// it back inside a card (a data URI), made small enough for Teams' message limit and
// IMAGE_COPY_MAX_KB. Nothing is written anywhere; the copy lives for the length of this turn.
import type { AdaptiveCardInvokeResponse, TurnContext } from "botbuilder";
import { t } from "../../locales";
import { sniffFormat } from "../../images";
import { LabelError, makeLabelledCopy } from "../../images/labelled-copy";
import type { BotDeps } from "../deps";
import { sendCard, sendText } from "../send-card";
import { copyBudget, imageCopyCard } from "../cards/image-copy-card";
import { parseImageCopyInvoke, parseImageCopySubmit, type ImageCopyRequest } from "./action";
import { ImageFetchError } from "./errors";
import { connectorAuthorization, fetchImage } from "./fetch";
import { labelRules } from "./labelling";
import { imageSettings, scopeOf } from "./routing";
import { turnLang } from "../language";

type CopyResult = { sent: true; text: string } | { sent: false; text: string };

export async function sendLabelledCopy(ctx: TurnContext, deps: BotDeps, req: ImageCopyRequest, via: "execute" | "submit"): Promise<CopyResult> {
  const started = performance.now();
  const lang = req.lang ?? turnLang(ctx);
  const k = (key: string, vars?: Record<string, string | number>) => t(lang, "image-cards", key, vars);
  const settings = imageSettings(deps);
  const rules = labelRules(deps.library.get(deps.packs.get(ctx.activity.conversation.id)).facts, lang);
  const log = (status: string, extra: Record<string, unknown> = {}) =>
    deps.log.info({ event: "imageCopy", via, source: req.source.kind, scope: scopeOf(ctx), status, ...extra, ms: Math.round(performance.now() - started) }, "labelled copy");

  let bytes: Uint8Array;
  try {
    bytes = await fetchImage(req.source, {
      maxBytes: settings.maxFileBytes,
      timeoutMs: settings.downloadTimeoutMs,
      allowHttp: settings.allowHttpDownloads,
      serviceUrl: ctx.activity.serviceUrl,
      authorization: req.source.kind === "inline" ? await connectorAuthorization(ctx) : undefined,
    });
  } catch (err) {
    if (!(err instanceof ImageFetchError)) throw err;
    const maxMb = Math.round((settings.maxFileBytes / (1024 * 1024)) * 10) / 10;
    const text = err.code === "tooLarge" || err.code === "rejectedUrl" ? k(`problem.${err.code}`, { maxMb }) : k("copy.refetchFailed");
    log("notFetched", { code: err.code });
    return { sent: false, text };
  }
  const lines = (c: { format: string; width: number; height: number; sizeKb: number; scaled: boolean; converted: boolean }) => {
    const out = [k("copy.sent", { format: c.format.toUpperCase(), width: c.width, height: c.height, sizeKb: c.sizeKb })];
    if (c.scaled) out.push(k("copy.scaled"));
    if (!rules.captionFromPack) out.push(k("copy.sentNeutral", { caption: rules.caption }));
    if (c.converted) out.push(k("copy.converted", { from: sniffFormat(bytes).toUpperCase(), to: c.format.toUpperCase() }));
    return out;
  };
  const longest = lines({ format: "jpeg", width: 0, height: 0, sizeKb: 0, scaled: true, converted: true });
  const maxBytes = Math.min(settings.copyMaxBytes, copyBudget({ lines: longest, mime: "image/jpeg", caption: rules.caption }));
  let copy;
  try {
    copy = await makeLabelledCopy(bytes, rules.caption, { maxBytes });
  } catch (err) {
    if (!(err instanceof LabelError)) throw err;
    if (err.tooLargeKb !== undefined) {
      log("tooLarge", { sizeKb: err.tooLargeKb });
      return { sent: false, text: k("copy.tooLarge", { sizeKb: err.tooLargeKb, maxKb: Math.floor(maxBytes / 1024), caption: rules.caption }) };
    }
    log("notDrawn");
    return { sent: false, text: k("copy.failed", { reason: k("copy.drawFailed") }) };
  }
  const sizeKb = Math.ceil(copy.data.length / 1024);
  const card = imageCopyCard({ lines: lines({ ...copy, sizeKb }), mime: copy.mime, data: copy.data, caption: rules.caption });
  await sendCard(ctx, card);
  log("sent", { format: copy.format, sizeKb, scaled: copy.scaled });
  return { sent: true, text: k("copy.toast") };
}

/** Action.Execute: the copy goes to the chat as a new message; the card stays as it is */
export async function imageCopyInvokeResponse(ctx: TurnContext, deps: BotDeps, value: unknown): Promise<AdaptiveCardInvokeResponse | undefined> {
  const req = parseImageCopyInvoke(value);
  if (!req) return undefined;
  const r = await sendLabelledCopy(ctx, deps, req, "execute");
  if (!r.sent) await sendText(ctx, r.text);
  // a message response leaves the card (with its quotes) unchanged for everyone
  return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: r.text as unknown as Record<string, unknown> };
}

/** Action.Submit fallback: true when the submit was this action */
export async function handleImageCopySubmit(ctx: TurnContext, deps: BotDeps, value: unknown): Promise<boolean> {
  const req = parseImageCopySubmit(value);
  if (!req) return false;
  const r = await sendLabelledCopy(ctx, deps, req, "submit");
  if (!r.sent) await sendText(ctx, r.text);
  return true;
}
