// One review, from text to card: the capability (src/review) with the conversation's pack,
// then the summary (masked values) and the card. Shared by chat messages, files and the
// message action.
import { reviewWithMapping } from "../../review";
import type { LocaleLang } from "../../locales";
import type { BotDeps } from "../deps";
import { summarise, type ReviewSummary } from "./summary";
import { reviewCard, type RestoreMode } from "../cards/review-card";
import type { AdaptiveCard } from "../cards/adaptive-card";
import type { DocumentKind } from "../../documents";
import { metrics } from "../../telemetry/metrics";

/** drafts longer than this get a message, not a review (issue 3: up to 100,000 characters) */
export const MAX_DRAFT_CHARS = 100_000;

export interface ReviewRun {
  card: AdaptiveCard;
  summary: ReviewSummary;
  packId: string;
  reviewMs: number;
}

export function runReview(deps: BotDeps, conversationId: string, draft: string, lang: LocaleLang, restore: RestoreMode, fileKind?: DocumentKind): ReviewRun {
  const packId = deps.packs.get(conversationId);
  const pack = deps.library.get(packId);
  const started = performance.now();
  const result = reviewWithMapping(draft, pack);
  const reviewMs = performance.now() - started;
  const summary = summarise(draft, result);
  const card = reviewCard({ lang, organisation: pack.facts.organisation.name, summary, restore, fileKind });
  metrics().review(summary.verdict);
  return { card, summary, packId, reviewMs };
}

/** what a review log line may say: the outcome, counts per type and sizes, never a value or text */
export function reviewLogFields(run: ReviewRun, draftChars: number): Record<string, unknown> {
  return {
    packId: run.packId,
    verdict: run.summary.verdict,
    findings: run.summary.groups.reduce((n, g) => n + g.count, 0),
    types: Object.fromEntries(run.summary.groups.map((g) => [g.type, g.count])),
    chars: draftChars,
    cardBytes: Buffer.byteLength(JSON.stringify(run.card)),
    reviewMs: Math.round(run.reviewMs * 10) / 10,
  };
}
