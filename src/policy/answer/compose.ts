// Retrieval + the decision table → the Answer shown to people: a verdict line computed
// from the policy's rules (yes / no / only if / it depends), then verbatim quotes naming
// section and rule, the deciding rows' quotes first so the verdict never contradicts the
// quote under it; or a refusal naming where to turn.
import type { Classification } from "../decisions/classify-question";
import type { DecisionOutcome, OpenSlot } from "../decisions/verdict";
import type { Retrieval } from "../search/engine";
import type { Answer, Citation, Lang, PolicyPack } from "../types";
import type { DecisionRow } from "../decisions/schema";
import { answerText } from "./locale";
import { passageKinds } from "../analysis/intent";

/** citations returned (best first); the answer text quotes the first QUOTED_IN_TEXT */
const MAX_CITATIONS = 3;
const QUOTED_IN_TEXT = 2;

/** a question of what something is, answered (classify-question.ts), with the passages that settle it */
export type ClassAnswer = Classification & { citations: Citation[] };

export function composeAnswer(pack: PolicyPack, r: Retrieval, lang: Lang, decision?: DecisionOutcome & { ask?: "may" | "must" }, classed?: ClassAnswer): Answer {
  if (!r.inScope && !(decision && decision.rows.length > 0) && !(classed && classed.citations.length > 0)) {
    const org = pack.facts.organisation.name;
    return {
      lang,
      answer: answerText(lang, "refusal", { org, orgGenitive: genitive(org), contact: pack.facts.contact[lang] }),
      citations: [],
      verdictKind: null,
      confidence: r.confidence,
      refused: true,
    };
  }
  // "that's on the tool, not me": the rows' own words on whose responsibility it is lead
  const responsibilityFirst = (cs: Citation[]) => [...cs].sort((a, b) => Number(!/ansvar/iu.test(a.quote)) - Number(!/ansvar/iu.test(b.quote)));
  const retrieved: Citation[] = r.ranked.map((x) => ({ policy: pack.id, section: x.passage.section, rule: x.passage.rule, quote: x.quote }));
  // rows that rule alike are shown in the order the search ranks their passages: the one on the question's topic first
  const searchPlace = (c: Citation) => {
    const i = retrieved.findIndex((x) => x.quote.includes(c.quote));
    return i < 0 ? retrieved.length : i;
  };
  const specificity = (row: DecisionRow) => [row.info, row.tool, row.use].filter((slot) => slot[0] !== "any").length;
  const plain = decision && !decision.dependsOn && !decision.denied && !decision.afterPrerequisites;
  const fromRows: Citation[] = classed
    ? classed.citations
    : decision?.denied
      ? (decision.rows ?? []).flatMap((row) => responsibilityFirst(row.citations))
      : plain
        ? [...decision.rows].sort((a, b) => specificity(b) - specificity(a) || searchPlace(a.citations[0]) - searchPlace(b.citations[0])).map((row) => row.citations[0])
        : (decision?.rows ?? []).map((row) => row.citations[0]);
  // the search's best passage is the one on the question's topic (it knows many people's wordings of
  // each passage: synthetic-questions.jsonl) and leads, the deciding rows' quotes under it; the rows lead
  // when its quote would read against the verdict (a prohibition under "yes", none under "no"), or when
  // they deny what the question asserts
  const rowCited = (decision?.rows ?? []).flatMap((row) => row.citations);
  const searchLeads =
    retrieved.length > 0 &&
    (!decision?.verdict ||
      // (a list quoted whole holds its item)
      rowCited.some((c) => retrieved[0].quote.includes(c.quote)) ||
      (r.inScope && agreesWith(decision.verdict, passageKinds(retrieved[0].quote, retrieved[0].section, retrieved[0].rule).has("prohibition"))));
  // a question of class or scope ("räknas Copilot som …?") is answered by the class's passage or the
  // search's, which names the thing asked of; what follows, who is responsible, a fact confirmed: their own rules
  const classLeads = classed !== undefined && r.inScope && (classed.asks === "is" || classed.asks === "applies");
  const order =
    decision?.denied || (decision?.dependsOn && fromRows.length >= MAX_CITATIONS) || (classed && !classLeads && fromRows.length > 0)
      ? [...fromRows, ...retrieved]
      : searchLeads || classLeads || classed
        ? [...retrieved.slice(0, 1), ...fromRows, ...retrieved.slice(1)]
        : [...fromRows, ...retrieved];
  const citations: Citation[] = [];
  for (const c of order) {
    if (citations.length >= MAX_CITATIONS) break;
    // a retrieved quote that holds a row's quote (a whole list around its item) is the same passage
    if (citations.some((x) => x.quote.includes(c.quote) || c.quote.includes(x.quote))) continue;
    citations.push(c);
  }
  // the search's best passage is always among those shown: rows and classes may rest on a neighbouring rule
  // (not in place of a way an "it depends" answer can go)
  const best = r.inScope && !decision?.dependsOn ? retrieved[0] : undefined;
  if (best && !citations.some((x) => x.quote.includes(best.quote) || best.quote.includes(x.quote))) {
    if (citations.length >= MAX_CITATIONS) citations.pop();
    citations.push(best);
  }
  const verdict = classed ? classLine(classed, lang) : decision ? verdictLine(decision, lang) : undefined;
  const lines: string[] = [];
  if (verdict) lines.push(verdict, "");
  if (!decision?.dependsOn) lines.push(answerText(lang, "lead"));
  // an "it depends" answer quotes every way it can go
  for (const c of citations.slice(0, decision?.dependsOn ? Math.max(QUOTED_IN_TEXT, fromRows.length + Number(citations[0] !== fromRows[0])) : QUOTED_IN_TEXT)) {
    const source = c.rule ? answerText(lang, "sourceWithRule", { section: c.section, rule: c.rule }) : answerText(lang, "source", { section: c.section });
    lines.push(answerText(lang, "quoteLine", { quote: c.quote, source }));
  }
  const confidence = r.inScope ? r.confidence : 0.5;
  const verdictKind = classed ? classed.verdict : (decision?.verdict ?? null);
  return { lang, answer: lines.join("\n"), ...(verdict ? { verdict } : {}), verdictKind, citations, confidence, refused: false };
}

/** a quote read under a verdict line: "no" needs a rule that forbids, "yes" must not stand on one */
function agreesWith(verdict: "yes" | "no" | "conditional", forbids: boolean): boolean {
  return verdict === "conditional" || (verdict === "no") === forbids;
}

function classLine(c: ClassAnswer, lang: Lang): string {
  if (c.asks === "true") return answerText(lang, `verdict.true.${c.verdict}`);
  if (c.asks === "follows") return answerText(lang, `verdict.follows.${c.verdict}`, { condition: c.condition?.[lang] ?? "" });
  if (c.asks === "responsible") {
    const who = (c.roles ?? []).map((r) => answerText(lang, `roles.${r}`)).join(answerText(lang, "roleAnd"));
    return answerText(lang, `verdict.responsible.${c.verdict}`, { who });
  }
  if (c.asks === "applies" || !c.category) return answerText(lang, `verdict.applies.${c.verdict}`);
  return answerText(lang, `verdict.is.${c.verdict}`, { kind: c.className ?? answerText(lang, `kinds.${c.category}`) });
}

/** the first line: what the rows rule, in plain words, or what the answer depends on */
function verdictLine(d: DecisionOutcome & { ask?: "may" | "must" }, lang: Lang): string | undefined {
  if (d.dependsOn && d.dependsOn.length > 0) {
    const what = d.dependsOn.map((s: OpenSlot) => answerText(lang, `dependsOn.${s}`)).join(answerText(lang, "and"));
    if (d.verdict === "conditional" && d.ask) return answerText(lang, `dependsConditional.${d.ask}`, { what });
    if (d.verdict === "no" && d.ask) return answerText(lang, `verdict.${d.ask}.no`);
    return answerText(lang, "depends", { what });
  }
  if (!d.verdict || !d.ask) return undefined;
  if (d.denied) return answerText(lang, "verdict.denied");
  if (d.enough && d.verdict === "no") return answerText(lang, "verdict.enough.no");
  if (d.prohibitionAsked && d.verdict !== "conditional") return answerText(lang, `verdict.prohibition.${d.verdict}`);
  if (d.encouraged) return answerText(lang, "verdict.encouraged");
  if (d.afterPrerequisites) return answerText(lang, "verdict.may.afterPrerequisites");
  // every condition of the rows that apply holds at once
  const conditions = [...new Set(d.rows.map((row) => row.condition?.[lang]?.replace(/[.\s]+$/, "")).filter((c): c is string => !!c))];
  return answerText(lang, `verdict.${d.ask}.${d.verdict}`, { condition: conditions.slice(0, 2).join(answerText(lang, "andAlso")) });
}

/** Swedish genitive: "Hjo kommun" → "Hjo kommuns", "Wenell" → "Wenells", "Åmål" stays regular, "Vallentuna kommuns" */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}
