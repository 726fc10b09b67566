// The "Was this helpful? Yes / No" part shared by answer and refusal cards.
import { t, type LocaleLang } from "../../locales";
import { text, type Action, type Element } from "./adaptive-card";
import { FEEDBACK_VERB } from "../submits";

/** "ask": show the buttons; true/false: feedback given, show the thank-you line. */
export type FeedbackState = "ask" | boolean;

export function feedbackActions(lang: LocaleLang, answerId: string): Action[] {
  const button = (helpful: boolean): Action => {
    const data = { answerId, helpful };
    const title = t(lang, "bot", helpful ? "feedback.yes" : "feedback.no");
    return {
      type: "Action.Execute",
      title,
      verb: FEEDBACK_VERB,
      data,
      fallback: { type: "Action.Submit", title, data: { verb: FEEDBACK_VERB, ...data } },
    };
  };
  return [button(true), button(false)];
}

export function feedbackBody(lang: LocaleLang, state: FeedbackState): Element {
  return state === "ask"
    ? text(t(lang, "bot", "feedback.question"), { separator: true, spacing: "medium", weight: "bolder" })
    : text(t(lang, "bot", "feedback.thanks"), { separator: true, spacing: "medium", isSubtle: true });
}
