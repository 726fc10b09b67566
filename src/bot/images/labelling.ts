// What the pack says about AI images, gathered once for the cards: the caption it requires
// (verbatim, with its citations) or the neutral one, and its other image rules.
import type { Citation, PackFacts } from "../../policy/types";
import { t, type LocaleLang } from "../../locales";

export interface LabelRules {
  organisation: string;
  /** the caption to put next to the image */
  caption: string;
  /** true: the pack requires exactly this caption; false: the neutral one from src/locales/<lang>/images.json */
  captionFromPack: boolean;
  /** where the caption rule comes from (Söderköping: 4.4 Transparens, rule Q) */
  captionCitations: Citation[];
  /** the pack's image rules in plain words, in the reader's language */
  rulesSummary?: string;
  /** the image rules quoted, without the ones already shown for the caption */
  ruleCitations: Citation[];
}

export function labelRules(facts: PackFacts, lang: LocaleLang): LabelRules {
  const label = facts.imageLabel?.text.trim() ? facts.imageLabel : undefined;
  const captionCitations = label?.citations ?? [];
  const shown = new Set(captionCitations.map((c) => c.quote));
  return {
    organisation: facts.organisation.name,
    caption: label?.text ?? t(lang, "images", "caption.default"),
    captionFromPack: !!label,
    captionCitations,
    rulesSummary: facts.imageRules?.summary[lang],
    ruleCitations: (facts.imageRules?.citations ?? []).filter((c) => !shown.has(c.quote)),
  };
}
