// "policy": the packs this instance can answer from, the current one marked.
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, text, type AdaptiveCard } from "./adaptive-card";

export interface PackListCardData {
  lang: LocaleLang;
  packs: Array<{ id: string; organisation: string }>;
  current: string;
}

export function packListCard(d: PackListCardData): AdaptiveCard {
  const title = t(d.lang, "bot", "packs.title");
  return adaptiveCard(
    [
      text(title, { size: "medium", weight: "bolder", style: "heading" }),
      {
        type: "FactSet",
        facts: d.packs.map((p) => ({
          title: p.id,
          value: p.id === d.current ? t(d.lang, "bot", "packs.current", { organisation: p.organisation }) : p.organisation,
        })),
      },
      text(t(d.lang, "bot", "packs.switchHint"), { isSubtle: true, spacing: "medium" }),
    ],
    { fallbackText: title },
  );
}
