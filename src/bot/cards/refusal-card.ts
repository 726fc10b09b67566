// The policy is silent: say so plainly, never guess, and say where to turn instead.
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, text, type AdaptiveCard } from "./adaptive-card";
import { feedbackActions, feedbackBody, type FeedbackState } from "./feedback";

export interface RefusalCardData {
  lang: LocaleLang;
  answerId: string;
  organisation: string;
  /** the capability's refusal text */
  answer: string;
  /** where to turn, from the pack's facts (e.g. "din närmaste chef eller IT-enheten") */
  contact: string;
  feedback: FeedbackState;
}

export function refusalCard(d: RefusalCardData): AdaptiveCard {
  const title = t(d.lang, "bot", "refusal.title");
  return adaptiveCard(
    [
      text(t(d.lang, "bot", "answer.header", { organisation: d.organisation }), { isSubtle: true, size: "small", spacing: "none" }),
      text(title, { weight: "bolder", size: "medium", style: "heading", color: "warning" }),
      // the refusal text usually ends with the contact; it gets its own block below
      text(d.answer.replace(d.contact, "").trim() || title),
      {
        type: "Container",
        style: "emphasis",
        items: [text(t(d.lang, "bot", "refusal.contact", { contact: d.contact }))],
      },
      feedbackBody(d.lang, d.feedback),
    ],
    { actions: d.feedback === "ask" ? feedbackActions(d.lang, d.answerId) : [], fallbackText: title },
  );
}
