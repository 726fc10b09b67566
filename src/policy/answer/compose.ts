// Retrieval → the Answer shown to people: verdict line (from a curated entry),
// then verbatim quotes naming section and rule; or a refusal naming where to turn.
import type { Retrieval } from "../search/engine";
import type { Answer, Citation, Lang, PolicyPack } from "../types";
import { answerText } from "./locale";

/** citations returned (best first); the answer text quotes the first QUOTED_IN_TEXT */
const MAX_CITATIONS = 3;
const QUOTED_IN_TEXT = 2;

export function composeAnswer(pack: PolicyPack, r: Retrieval, lang: Lang): Answer {
  if (!r.inScope) {
    const org = pack.facts.organisation.name;
    return {
      lang,
      answer: answerText(lang, "refusal", { org, orgGenitive: genitive(org), contact: pack.facts.contact[lang] }),
      citations: [],
      confidence: r.confidence,
      refused: true,
    };
  }
  const citations: Citation[] = r.ranked.slice(0, MAX_CITATIONS).map((x) => ({
    policy: pack.id,
    section: x.passage.section,
    rule: x.passage.rule,
    quote: x.quote,
  }));
  const verdict = r.faq ? r.faq.entry.verdict[lang] : undefined;
  const lines: string[] = [];
  if (verdict) lines.push(verdict, "");
  lines.push(answerText(lang, "lead"));
  for (const c of citations.slice(0, QUOTED_IN_TEXT)) {
    const source = c.rule ? answerText(lang, "sourceWithRule", { section: c.section, rule: c.rule }) : answerText(lang, "source", { section: c.section });
    lines.push(answerText(lang, "quoteLine", { quote: c.quote, source }));
  }
  return { lang, answer: lines.join("\n"), ...(verdict ? { verdict } : {}), citations, confidence: r.confidence, refused: false };
}

/** Swedish genitive: "Hjo kommun" → "Hjo kommuns", "Wenell" → "Wenells", "Åmål" stays regular, "Vallentuna kommuns" */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}
