// Sent once when the app is installed or the bot is added to a conversation.
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, imBack, text, type AdaptiveCard } from "./adaptive-card";

export interface WelcomeCardData {
  lang: LocaleLang;
  organisation: string;
}

export function welcomeCard(d: WelcomeCardData): AdaptiveCard {
  const examples = ["welcome.example1", "welcome.example2", "welcome.example3"].map((k) => t(d.lang, "bot", k));
  const title = t(d.lang, "bot", "welcome.title");
  return adaptiveCard(
    [
      text(title, { size: "large", weight: "bolder", style: "heading" }),
      text(t(d.lang, "bot", "welcome.body", { organisation: d.organisation })),
      text(t(d.lang, "bot", "welcome.tryHeading"), { weight: "bolder", spacing: "medium" }),
      { type: "ActionSet", actions: examples.map((q) => imBack(q, q)) },
      text(t(d.lang, "bot", "welcome.review"), { spacing: "medium" }),
      text(t(d.lang, "bot", "welcome.helpHint"), { isSubtle: true, spacing: "medium" }),
    ],
    { fallbackText: title },
  );
}
