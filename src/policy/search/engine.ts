// Question answering for one pack: search, curated-entry match, scope decision.
// Pure: returns ranked passages and the decision; answer/compose.ts turns it into text.
import type { SearchResult } from "minisearch";
import { Vocabulary } from "../analysis/vocabulary";
import { fold } from "../analysis/normalize";
import type { FaqEntry, Lang, Passage, PolicyPack } from "../types";
import { measureCoverage, inScope, type Coverage } from "./coverage";
import { RuledTopics } from "./unruled-topics";
import { FaqMatcher, type FaqCandidate } from "./faq-match";
import { buildPassageIndex, passageTokens, type PassageIndex } from "./passage-index";
import { citedPassages } from "./memo";
import { analyzeQuery, type AnalyzedQuery } from "./query";
import { quoteWindow } from "./quote-window";
import { TUNING } from "./tuning";
import { rerank, type PassageFeatures } from "./rerank";
import { passageKinds, questionIntents } from "../analysis/intent";
import { CONCEPT_GROUPS } from "../analysis/lexicon";

export interface RankedPassage {
  passage: Passage;
  /** verbatim quote: the passage or a sentence window of it */
  quote: string;
  score: number;
  /** the reranker's feature vector (rerank.ts FEATURES; for inspection, tests and learning) */
  x?: number[];
  /** the passage that was ranked (a list item, where the quote is its whole list) */
  hit?: Passage;
}

export interface Retrieval {
  query: AnalyzedQuery;
  coverage: Coverage;
  inScope: boolean;
  /** curated entry that answers the question, if one matched well */
  faq?: FaqCandidate;
  ranked: RankedPassage[];
  /** 0..1 */
  confidence: number;
}

const TOPIC_GROUPS = new Set(CONCEPT_GROUPS.filter((g) => g.topic).map((g) => g.id));
// "vad rekommenderas?", "what is recommended?" ask what the policy advises, not for a tool's tips
const ADVICE = /\b(tips|tipsa|rad om|basta|bast|battre prompt\w*|(?:battre|samre) an|rekommender(?!as\b)\w*|jamfor|best|better prompts?|(?:better|worse) than|recommend(?!ed\b)\w*|compare|tips on|which ai is|(?:skriv\w*|formulera\w*|gora|bygga)\s+(?:jag\s+|man\s+|vi\s+)?(?:en\s+|bra\s+|mina\s+)?prompt\w*|prompt(?:skrivning|teknik)\w*|prompt engineering|(?:write|writing|craft)\s+(?:a\s+|good\s+|my\s+)?prompts?)\b/;
/** how to work a tool ("hur loggar jag in", "how do I export a chat"): a question for IT support, not the policy */
const HOW_TO_OPERATE = /\b(?:hur|how)\s+(?:gor|kan|do|can|should)?\s*(?:jag|man|vi|i|we|you)?\s*(?:loggar|logga|log|exporterar|exportera|export|installerar|installera|install|laddar ner|ladda ner|download|kopierar|kopiera|copy|byter|byta|change|staller in|stalla in|set up|configure|aktiverar|aktivera|enable|turn on|turn off|stanger av|stanga av|aterstaller|reset)\b|\bhur\s+(?:loggar|exporterar|installerar|kopierar|byter|staller|aktiverar|stanger|aterstaller)\s+(?:jag|man|vi|du)\b|\bhur\s+laddar\s+(?:jag|man|vi|du)\s+ner\b/;
const FAQ_ACCEPT = 0.55;
const FAQ_ACCEPT_WITH_AGREEMENT = 0.4;
const FAQ_ACCEPT_CLEAR = 0.4;
const FAQ_SURE = 0.85;
const FAQ_CLEAR_MARGIN = 0.15;
const MAX_RANKED = 5;
/** search hits passed to the reranker */
const CANDIDATES = 20;

export class PackEngine {
  private readonly index: PassageIndex;
  private readonly packVocab = new Vocabulary();
  /** the topics of unruled-topics.ts this policy speaks of */
  readonly ruledTopics: RuledTopics;

  private readonly faq: FaqMatcher;
  private readonly docCount: number;
  /** per passage: concepts and kind of statement, computed once */
  private readonly features = new Map<string, PassageFeatures>();
  /** per concept group: how telling it is in this policy (idf over passages) */
  private readonly groupWeight = new Map<string, number>();
  /** per concept group: the passages that touch it (candidates beyond the word search) */
  private readonly byGroup = new Map<string, string[]>();
  /** lead-in passage id -> the items of its list, in order */
  private readonly items = new Map<string, Passage[]>();

  constructor(
    readonly pack: PolicyPack,
    private readonly vocab: Vocabulary,
  ) {
    for (const p of pack.passages) for (const tok of passageTokens(p).all) this.packVocab.add(tok);
    this.ruledTopics = new RuledTopics(pack.passages);

    this.index = buildPassageIndex(pack, vocab);
    const df = new Map<string, number>();
    for (const p of pack.passages) {
      const concepts = this.index.concepts.get(p.id)!;
      for (const g of concepts) {
        df.set(g, (df.get(g) ?? 0) + 1);
        const list = this.byGroup.get(g) ?? [];
        list.push(p.id);
        this.byGroup.set(g, list);
      }
      const kinds = passageKinds(`${p.text} ${p.context ?? ""}`, p.section, p.rule, p.section === pack.facts.title);
      if (/:\s*$/.test(p.text.trim())) kinds.add("leadin");
      else kinds.delete("leadin");
      this.features.set(p.id, { concepts, kinds, lettered: p.rule !== null });
    }
    for (const [g, n] of df) this.groupWeight.set(g, Math.log(1 + pack.passages.length / (n + 1)));
    this.docCount = pack.passages.length;
    for (const p of pack.passages) {
      if (!p.leadIn) continue;
      const items = this.items.get(p.leadIn) ?? [];
      items.push(p);
      this.items.set(p.leadIn, items);
    }
    // a list is quoted whole, so it is ranked whole: the lead-in and every item share the
    // concepts and kinds of statement of the list ("… första stegen att: • Informera …")
    for (const [leadInId, items] of this.items) {
      const members = [leadInId, ...items.map((i) => i.id)].map((id) => this.features.get(id)!);
      const concepts = new Set(members.flatMap((f) => [...f.concepts]));
      const kinds = new Set(members.flatMap((f) => [...f.kinds]));
      kinds.delete("leadin");
      for (const id of [leadInId, ...items.map((i) => i.id)]) {
        const f = this.features.get(id)!;
        this.features.set(id, { concepts, kinds, lettered: f.lettered });
      }
    }
    this.faq = new FaqMatcher(pack.faq, (f) => this.featureWeight(f));
  }

  /** inverse document frequency of a FAQ feature in this policy (concepts weigh as mid-rare words) */
  private featureWeight(f: string): number {
    if (f.startsWith("c:")) return TOPIC_GROUPS.has(f.slice(2)) ? 2.2 : 1.5;
    if (f.startsWith("i:")) return 1.2;
    const df = this.index.df.get(f) ?? 0;
    // a word the policy never uses cannot tell its entries apart: it weighs little
    return df === 0 ? 1 : Math.log(1 + (this.docCount + 1) / (df + 0.5));
  }

  /** rarity of a folded stem in this policy's passages */
  private termWeight(f: string): number {
    return Math.log(1 + (this.docCount + 1) / ((this.index.df.get(f) ?? 0) + 0.5));
  }

  /**
   * @param opts.weights reranker weights other than the shipped ones, and opts.limit more ranked
   * passages than an answer shows (both for learning the weights: scripts/learn-ranking.ts)
   */
  retrieve(question: string, lang: Lang, opts: { weights?: readonly number[]; limit?: number } = {}): Retrieval {
    const q = analyzeQuery(question, lang, this.vocab, (f) => this.packVocab.has(f));
    const coverage = measureCoverage(q, this.packVocab);
    const intents = questionIntents(question);
    const results = this.search(q).slice(0, CANDIDATES);

    const faqs = this.pack.faq.length ? this.faq.match(q, intents) : [];
    const topIds = new Set(results.slice(0, 3).map((r) => r.id as string));
    const cited = (e: FaqEntry) => citedPassages(this.pack, e);
    let faq: FaqCandidate | undefined;
    const best = faqs[0];
    // an entry answers the question when it matches well, or clearly better than the
    // next entry, or fairly well while the word search agrees with its citations
    const margin = best ? best.score - (faqs[1]?.score ?? 0) : 0;
    if (
      best &&
      (best.score >= FAQ_ACCEPT ||
        (best.score >= FAQ_ACCEPT_CLEAR && margin >= FAQ_CLEAR_MARGIN) ||
        (best.score >= FAQ_ACCEPT_WITH_AGREEMENT && cited(best.entry).some((p) => topIds.has(p.id))))
    ) {
      faq = best;
    }

    // candidates: the search's hits plus whatever the best curated entries cite
    const top = results[0]?.score ?? 0;
    const candidates = new Map<string, number>();
    for (const r of results) candidates.set(r.id as string, top > 0 ? r.score / top : 0);
    // a passage may share the question's concepts but none of its words
    for (const hit of q.concepts) {
      if (!hit.group.topic) continue;
      for (const id of this.byGroup.get(hit.group.id) ?? []) if (!candidates.has(id)) candidates.set(id, 0);
    }
    const lift = new Map<string, number>();
    for (const cand of faqs.slice(0, 2)) {
      if (cand.score < TUNING.faqLiftMin) continue;
      cited(cand.entry).forEach((p, i) => {
        if (!candidates.has(p.id)) candidates.set(p.id, 0);
        const add = TUNING.faqBonus * cand.score * (i === 0 ? 1 : 0.85);
        lift.set(p.id, Math.max(lift.get(p.id) ?? 0, add));
      });
    }
    // a strong curated match leads with its citations (a list's lead-in is not an answer on its own)
    const lead =
      faq && (faq.score >= TUNING.faqLead || margin >= FAQ_CLEAR_MARGIN)
        ? cited(faq.entry)
            .filter((p) => !this.features.get(p.id)!.kinds.has("leadin"))
            .map((p) => p.id)
        : [];
    const searchRank = new Map(results.map((r, i) => [r.id as string, i]));
    const scored = rerank([...candidates].map(([id, bm]) => ({ id, bm, rank: searchRank.get(id) ?? -1 })), {
      features: this.features,
      fieldStems: this.index.fieldStems,
      concepts: q.concepts,
      intents,
      groupWeight: (g) => this.groupWeight.get(g) ?? 0,
      terms: q.folded,
      termWeight: (f) => this.termWeight(f),
      lift,
      lead,
    }, opts.weights).sort((a, b) => b.score - a.score);
    // a list item is quoted with the sentence that introduces its list, so "Personuppgifter"
    // reads as "… får inte matas med: • Personuppgifter …"; one citation per list
    const ranked: RankedPassage[] = [];
    const units = new Set<string>();
    for (const { id, score, x } of scored) {
      const passage = this.index.byId.get(id)!;
      const list = this.listOf(passage);
      const key = list ? list.leadIn.id : passage.id;
      if (units.has(key)) continue;
      units.add(key);
      ranked.push(
        list
          ? { passage: list.leadIn, quote: listQuote(list.leadIn, list.items, passage), score, x, hit: passage }
          : { passage, quote: quoteWindow(passage.text, q), score, x, hit: passage },
      );
      if (ranked.length >= (opts.limit ?? MAX_RANKED)) break;
    }

    // a curated match may carry a question the word count doubts, if it names AI or a policy topic
    // a near-exact curated match about AI or a policy topic is in scope whatever its other words
    const faqScope =
      faq !== undefined && (coverage.anchor || coverage.topic) && (faq.score >= FAQ_SURE || (faq.score >= FAQ_ACCEPT && coverage.fraction >= 0.34));
    // advice on using AI well ("tips för bättre prompts", "vilken AI är bäst?") is not what a
    // policy says, unless the question also touches something the policy regulates
    const folded = ` ${fold(question.toLowerCase())} `;
    const adviceOnly = (ADVICE.test(folded) && !coverage.topic) || HOW_TO_OPERATE.test(folded);
    const scope = ranked.length > 0 && (inScope(coverage) || faqScope) && !adviceOnly;
    const confidence = scope ? Math.min(1, 0.35 + 0.45 * Math.min(1, coverage.fraction) + (faq ? 0.2 * faq.score : 0)) : 0;
    return { query: q, coverage, inScope: scope, faq: scope ? faq : undefined, ranked, confidence: round2(confidence) };
  }

  /** the list a passage belongs to (as item or as its lead-in), if any */
  private listOf(p: Passage): { leadIn: Passage; items: Passage[] } | undefined {
    const leadIn = p.leadIn ? this.index.byId.get(p.leadIn) : this.items.has(p.id) ? p : undefined;
    return leadIn ? { leadIn, items: this.items.get(leadIn.id) ?? [] } : undefined;
  }

  private search(q: AnalyzedQuery): SearchResult[] {
    if (q.main.size === 0 && q.folded.size === 0) return [];
    const main = [...q.main.keys()];
    const folded = [...q.folded.keys()];
    const passThrough = { tokenize: (s: string) => [s], processTerm: (t: string) => t };
    const boost = { text: TUNING.text, section: TUNING.section, context: TUNING.context, folded: TUNING.folded, concepts: TUNING.concepts, asked: TUNING.asked };
    return this.index.search.search(
      {
        boost,
        combineWith: "OR",
        queries: [
          { ...passThrough, queries: main, fields: ["text", "section", "context", "concepts", "asked"], boostTerm: (t: string) => q.main.get(t) ?? 1 },
          {
            ...passThrough,
            queries: folded,
            fields: ["folded"],
            boostTerm: (t: string) => q.folded.get(t) ?? 1,
            // only the user's own words may be near misses: typos, lost å/ä/ö, compounds
            fuzzy: (t: string) => (q.loose.has(t) && t.length >= 5 ? (t.length >= 9 ? 2 : 1) : false),
            prefix: (t: string) => q.loose.has(t) && t.length >= 5,
            weights: { fuzzy: 0.3, prefix: 0.3 },
          },
        ],
      },
      {},
    );
  }
}

/** longest list quoted whole; a longer one is quoted as its lead-in and the matching item */
const LIST_QUOTE_MAX = 700;
export const LIST_BULLET = "\n• ";

/** the lead-in and the list's items, verbatim, one per line (the policy's own layout) */
function listQuote(leadIn: Passage, items: Passage[], hit: Passage): string {
  const whole = [leadIn.text, ...items.map((i) => i.text)].join(LIST_BULLET);
  if (whole.length <= LIST_QUOTE_MAX || hit === leadIn) return whole.length <= LIST_QUOTE_MAX ? whole : leadIn.text + LIST_BULLET + items[0].text;
  return leadIn.text + LIST_BULLET + hit.text;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
