// The answer to a policy question: verdict line (if any), explanation, the quotes
// verbatim with their source line, and the feedback buttons.
import type { Citation } from "../../policy/types";
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, text, type AdaptiveCard, type Element } from "./adaptive-card";
import { citationBlock, sourceLine } from "./citations";
import { feedbackActions, feedbackBody, type FeedbackState } from "./feedback";

/** at most this many quotes on one card: more reads as a wall of text in Teams */
export const MAX_QUOTES = 3;

export interface AnswerCardData {
  lang: LocaleLang;
  answerId: string;
  /** e.g. "Söderköpings kommun" */
  organisation: string;
  verdict?: string;
  /** what the verdict says: a "no" reads in the attention colour (older stored answers lack it) */
  verdictKind?: "yes" | "no" | "conditional" | null;
  /** the capability's answer text: shown only when there are no quotes to lay out (it repeats them) */
  answer: string;
  citations: Citation[];
  feedback: FeedbackState;
  /** a Teams deep link to the first quote's section in the tab's policy browser (only when the app has a Teams app id) */
  sectionLink?: string;
}

export function answerCard(d: AnswerCardData): AdaptiveCard {
  const body: Element[] = [text(t(d.lang, "bot", "answer.header", { organisation: d.organisation }), { isSubtle: true, size: "small", spacing: "none" })];
  if (d.verdict) body.push(text(d.verdict, { weight: "bolder", size: "medium", style: "heading", ...(d.verdictKind === "no" ? { color: "attention" as const } : {}) }));
  const quotes = d.citations.slice(0, MAX_QUOTES);
  if (quotes.length === 0) body.push(text(d.answer));
  if (quotes.length > 0) {
    body.push(text(t(d.lang, "bot", "answer.quotesHeading"), { weight: "bolder", spacing: "medium" }));
    for (const c of quotes) body.push(citationBlock(d.lang, d.organisation, c));
  }
  body.push(feedbackBody(d.lang, d.feedback));
  const first = quotes[0];
  return adaptiveCard(body, {
    actions: [
      ...(d.feedback === "ask" ? feedbackActions(d.lang, d.answerId) : []),
      ...(d.sectionLink && quotes.length > 0 ? [{ type: "Action.OpenUrl" as const, title: t(d.lang, "bot", "answer.openSection"), url: d.sectionLink }] : []),
    ],
    fallbackText: [d.verdict ?? first?.quote ?? d.answer, first ? sourceLine(d.lang, d.organisation, first) : ""].filter(Boolean).join(" · "),
  });
}
