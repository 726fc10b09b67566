// "hjälp" / "help": what the bot does, every command with its arguments, and the current policy.
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, askButton, text, type AdaptiveCard } from "./adaptive-card";
import { DRAFT_MIN_CHARS, DRAFT_MIN_LINES, QUESTION_MAX_CHARS } from "../review/routing";
import { MAX_DRAFT_CHARS } from "../review/run";

export interface HelpCardData {
  lang: LocaleLang;
  organisation: string;
  packId: string;
}

export function helpCard(d: HelpCardData): AdaptiveCard {
  const k = (key: string, vars?: Record<string, string | number>) => t(d.lang, "bot", key, vars);
  const title = k("help.title");
  return adaptiveCard(
    [
      text(title, { size: "large", weight: "bolder", style: "heading" }),
      text(k("help.intro")),
      {
        type: "FactSet",
        spacing: "medium",
        facts: [
          { title: k("help.cmdHelp"), value: k("help.cmdHelpWhat") },
          { title: k("help.cmdList"), value: k("help.cmdListWhat") },
          { title: k("help.cmdSwitch"), value: k("help.cmdSwitchWhat", { example: d.packId }) },
          { title: k("help.cmdReview"), value: k("help.cmdReviewWhat") },
          { title: k("help.cmdIncident"), value: k("help.cmdIncidentWhat") },
          { title: k("help.cmdApproval"), value: k("help.cmdApprovalWhat") },
        ],
      },
      text(k("help.reviewRule", { chars: DRAFT_MIN_CHARS, lines: DRAFT_MIN_LINES, questionChars: QUESTION_MAX_CHARS, maxChars: MAX_DRAFT_CHARS.toLocaleString(d.lang === "sv" ? "sv-SE" : "en-GB") }), { spacing: "small", size: "small" }),
      text(k("help.images"), { spacing: "small", size: "small" }),
      text(k("help.current", { organisation: d.organisation, id: d.packId }), { isSubtle: true, spacing: "medium" }),
      text(k("help.channelHint"), { isSubtle: true, size: "small" }),
    ],
    { actions: [askButton(k("welcome.example1Title"), k("welcome.example1")), askButton(k("help.listButton"), k("help.cmdList"))], fallbackText: title },
  );
}
