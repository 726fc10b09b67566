// Draft review in chat: a pasted draft ("granska: …" or a long, draft-like message) or an
// attached .txt/.docx/.pdf. The draft lives in memory for this turn only; the log gets
// ids, counts per type and timings, never text, values or the mapping.
import type { TurnContext } from "botbuilder";
import { t, type LocaleLang } from "../../locales";
import { BLOCK_CONFIDENCE, reviewDraft } from "../../review";
import { DocumentError, documentKind, downloadFile, extractText, type DocumentKind } from "../../documents";
import type { BotDeps } from "../deps";
import { sendCard, sendText } from "../send-card";
import { MAX_DRAFT_CHARS, reviewLogFields, runReview } from "../review/run";
import { attachedFile } from "../review/attachments";
import { DEFAULT_REVIEW_SETTINGS } from "../review/settings";
import { maskValue } from "../review/mask";
import { TYPE_ORDER } from "../review/summary";
import { typeLabel, VALUE_SEPARATOR, type RestoreMode } from "../cards/review-card";
import { turnLang } from "../language";

export type ReviewVia = "prefix" | "draft" | "content" | "file" | "action";

function scopeOf(ctx: TurnContext): string {
  return ctx.activity.conversation?.conversationType ?? "personal";
}

/** restore is offered only where nobody else sees the card: the user's 1:1 chat */
function chatRestoreMode(ctx: TurnContext): RestoreMode {
  return scopeOf(ctx) === "personal" ? { kind: "offer", surface: "chat" } : { kind: "channel" };
}

export function tooLongText(lang: LocaleLang, chars: number): string {
  return t(lang, "review-card", "tooLong", { chars: chars.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB"), max: MAX_DRAFT_CHARS.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB") });
}

export async function handleDraftReview(ctx: TurnContext, deps: BotDeps, draft: string, via: ReviewVia, fileKind?: DocumentKind): Promise<void> {
  const lang = turnLang(ctx);
  if (draft.trim() === "") {
    await sendText(ctx, t(lang, "review-card", "emptyDraft"));
    deps.log.info({ event: "reviewRejected", via, reason: "empty" }, "nothing to review");
    return;
  }
  if (draft.length > MAX_DRAFT_CHARS) {
    await sendText(ctx, tooLongText(lang, draft.length));
    deps.log.info({ event: "reviewRejected", via, reason: "tooLong", chars: draft.length }, "draft over the limit");
    return;
  }
  const run = runReview(deps, ctx.activity.conversation.id, draft, lang, chatRestoreMode(ctx), fileKind);
  await sendCard(ctx, run.card);
  deps.log.info(
    {
      event: "review",
      via,
      fileKind,
      scope: scopeOf(ctx),
      ...reviewLogFields(run, draft.length),
    },
    "draft reviewed",
  );
}

/** a message carrying a file: review it (true), or leave the message to other handlers (false) */
export async function handleFileReview(ctx: TurnContext, deps: BotDeps): Promise<boolean> {
  const file = attachedFile(ctx.activity.attachments);
  if (!file) return false;
  const lang = turnLang(ctx);
  if (file.kind === "unreachable") {
    await sendText(ctx, t(lang, "review-card", "file.noDownload"));
    deps.log.info({ event: "documentError", code: "noDownload", scope: scopeOf(ctx) }, "file not downloadable");
    return true;
  }
  const kind = documentKind(file.name, file.fileType);
  const settings = deps.review ?? DEFAULT_REVIEW_SETTINGS;
  const started = performance.now();
  let text: string;
  try {
    if (!kind) throw new DocumentError("unsupported");
    const bytes = await downloadFile(file.downloadUrl, { maxBytes: settings.maxFileBytes, timeoutMs: settings.downloadTimeoutMs, allowHttp: settings.allowHttpDownloads });
    text = await withTimeout(extractText(bytes, kind), settings.downloadTimeoutMs);
    deps.log.debug({ event: "documentRead", fileKind: kind, bytes: bytes.length, chars: text.length, ms: Math.round(performance.now() - started) }, "document read");
  } catch (err) {
    const code = err instanceof DocumentError ? err.code : "corrupt";
    const maxMb = Math.round((settings.maxFileBytes / (1024 * 1024)) * 10) / 10;
    await sendText(ctx, t(lang, "review-card", `file.${code}`, { maxMb }));
    deps.log.info({ event: "documentError", code, fileKind: kind, ms: Math.round(performance.now() - started), err: err instanceof DocumentError ? undefined : (err as Error)?.name }, "document not read");
    return true;
  }
  await handleDraftReview(ctx, deps, text, "file", kind);
  return true;
}

/**
 * A question that itself holds data the policy forbids (a personnummer, a password): it is
 * answered, and the user is told, with masked values, that the message they just posted in
 * Teams contains it.
 */
export async function warnIfQuestionSensitive(ctx: TurnContext, deps: BotDeps, question: string): Promise<void> {
  const r = reviewDraft(question);
  if (r.verdict !== "block") return;
  const lang = turnLang(ctx);
  const strong = r.findings.filter((f) => f.confidence >= BLOCK_CONFIDENCE);
  const parts: string[] = [];
  for (const type of TYPE_ORDER) {
    const values = [...new Set(strong.filter((f) => f.type === type).map((f) => maskValue(type, question.slice(f.start, f.end))))];
    if (values.length) parts.push(`${typeLabel(lang, type).toLowerCase()} (${values.slice(0, 3).join(VALUE_SEPARATOR)})`);
  }
  await sendText(ctx, t(lang, "review-card", "questionWarning", { what: parts.join(", ") }));
  deps.log.info({ event: "questionWarning", types: Object.fromEntries(TYPE_ORDER.filter((x) => strong.some((f) => f.type === x)).map((x) => [x, strong.filter((f) => f.type === x).length])) }, "question held sensitive data");
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DocumentError("timeout", true)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
