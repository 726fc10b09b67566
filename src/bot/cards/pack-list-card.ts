// "policy": the packs this instance can answer from, the current one marked, and how to switch.
import { t, type LocaleLang } from "../../locales";
import { adaptiveCard, askButton, text, type AdaptiveCard } from "./adaptive-card";

export interface PackListCardData {
  lang: LocaleLang;
  packs: Array<{ id: string; organisation: string }>;
  current: string;
}

export function packListCard(d: PackListCardData): AdaptiveCard {
  const title = t(d.lang, "bot", "packs.title");
  const others = d.packs.filter((p) => p.id !== d.current);
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
      text(t(d.lang, "bot", "packs.switchHint", { example: others[0]?.id ?? d.current }), { isSubtle: true, spacing: "medium" }),
      // one switch button a row: short titles that fit a phone
      ...others.slice(0, 5).map((p) => ({ type: "ActionSet" as const, spacing: "small" as const, actions: [askButton(t(d.lang, "bot", "packs.switchButton", { id: p.id }), `policy ${p.id}`)] })),
    ],
    { fallbackText: title },
  );
}
