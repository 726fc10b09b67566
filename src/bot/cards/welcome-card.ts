// Sent when the app is installed, the bot joins a conversation, or someone greets it.
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, askButton, text, type AdaptiveCard } from "./adaptive-card";

export interface WelcomeCardData {
  lang: LocaleLang;
  organisation: string;
}

export function welcomeCard(d: WelcomeCardData): AdaptiveCard {
  const k = (key: string, vars?: Record<string, string>) => t(d.lang, "bot", key, vars);
  const title = k("welcome.title");
  // one button a row with a short title: three side by side are cut off on a phone
  const examples = [1, 2, 3].map((i) => ({ type: "ActionSet" as const, spacing: "small" as const, actions: [askButton(k(`welcome.example${i}Title`), k(`welcome.example${i}`))] }));
  return adaptiveCard(
    [
      text(title, { size: "large", weight: "bolder", style: "heading" }),
      text(k("welcome.body", { organisation: d.organisation })),
      text(k("welcome.tryHeading"), { weight: "bolder", spacing: "medium" }),
      ...examples,
      text(k("welcome.review"), { spacing: "medium" }),
      text(k("welcome.helpHint"), { isSubtle: true, spacing: "medium" }),
    ],
    { actions: [askButton(k("welcome.helpButton"), k("help.cmdHelp"))], fallbackText: title },
  );
}
