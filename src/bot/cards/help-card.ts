// "hjälp" / "help": what the bot does, its commands, and the current policy.
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, imBack, text, type AdaptiveCard } from "./adaptive-card";

export interface HelpCardData {
  lang: LocaleLang;
  organisation: string;
  packId: string;
}

export function helpCard(d: HelpCardData): AdaptiveCard {
  const k = (key: string, vars?: Record<string, string>) => t(d.lang, "bot", key, vars);
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
          { title: k("help.cmdSwitch"), value: k("help.cmdSwitchWhat") },
        ],
      },
      text(k("help.current", { organisation: d.organisation, id: d.packId }), { isSubtle: true, spacing: "medium" }),
      text(k("help.channelHint"), { isSubtle: true, size: "small" }),
    ],
    { actions: [imBack(k("welcome.example1"), k("welcome.example1")), imBack(k("help.cmdList"), k("help.cmdList"))], fallbackText: title },
  );
}
