// Question answering for one pack: search, curated-entry match, scope decision.
// Pure: returns ranked passages and the decision; answer/compose.ts turns it into text.
import type { SearchResult } from "minisearch";
import { Vocabulary } from "../analysis/vocabulary";
import { tokenize } from "../analysis/normalize";
import type { FaqEntry, Lang, Passage, PolicyPack } from "../types";
import { measureCoverage, inScope, type Coverage } from "./coverage";
import { FaqMatcher, type FaqCandidate } from "./faq-match";
import { buildPassageIndex, resolveCitation, type PassageIndex } from "./passage-index";
import { analyzeQuery, type AnalyzedQuery } from "./query";
import { quoteWindow } from "./quote-window";
import { TUNING } from "./tuning";

export interface RankedPassage {
  passage: Passage;
  /** verbatim quote: the passage or a sentence window of it */
  quote: string;
  score: number;
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

const FAQ_ACCEPT = 0.55;
const FAQ_ACCEPT_WITH_AGREEMENT = 0.4;
const MAX_RANKED = 5;

export class PackEngine {
  private readonly index: PassageIndex;
  private readonly packVocab = new Vocabulary();
  private readonly faq: FaqMatcher;
  private readonly docCount: number;
  private readonly df = new Map<string, number>();

  constructor(
    readonly pack: PolicyPack,
    private readonly vocab: Vocabulary,
  ) {
    for (const p of pack.passages) {
      for (const tok of tokenize(`${p.text} ${p.context ?? ""} ${p.section}`)) this.packVocab.add(tok);
    }
    this.index = buildPassageIndex(pack, vocab);
    this.docCount = pack.passages.length;
    this.faq = new FaqMatcher(pack.faq, (f) => this.featureWeight(f));
  }

  /** inverse document frequency of a FAQ feature in this policy (concepts weigh as mid-rare words) */
  private featureWeight(f: string): number {
    if (f.startsWith("c:")) return 1.5;
    let df = this.df.get(f);
    if (df === undefined) {
      df = this.index.search.search(f, { fields: ["folded"] }).length;
      this.df.set(f, df);
    }
    return Math.log(1 + (this.docCount + 1) / (df + 0.5));
  }

  retrieve(question: string, lang: Lang): Retrieval {
    const q = analyzeQuery(question, lang, this.vocab, (f) => this.packVocab.has(f));
    const coverage = measureCoverage(q, this.packVocab);
    const results = this.search(q);

    const faqs = this.pack.faq.length ? this.faq.match(q) : [];
    const topIds = new Set(results.slice(0, 3).map((r) => r.id as string));
    const cited = (e: FaqEntry) => e.citations.map((c) => resolveCitation(this.pack, c)).filter((p): p is Passage => !!p);
    let faq: FaqCandidate | undefined;
    const best = faqs[0];
    if (best && (best.score >= FAQ_ACCEPT || (best.score >= FAQ_ACCEPT_WITH_AGREEMENT && cited(best.entry).some((p) => topIds.has(p.id))))) {
      faq = best;
    }

    // normalise scores to the best hit, then let a matching curated entry lift what it cites
    const top = results[0]?.score ?? 0;
    const scored = new Map<string, number>();
    for (const r of results) {
      const prior = this.index.byId.get(r.id as string)?.rule ? TUNING.rulePrior : 1;
      scored.set(r.id as string, top > 0 ? (prior * r.score) / top : 0);
    }
    for (const cand of faqs.slice(0, 2)) {
      if (cand.score < TUNING.faqLiftMin) continue;
      cited(cand.entry).forEach((p, i) => {
        scored.set(p.id, (scored.get(p.id) ?? 0) + TUNING.faqBonus * cand.score * (i === 0 ? 1 : 0.85));
      });
    }
    const ranked = [...scored.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_RANKED)
      .map(([id, score]) => {
        const passage = this.index.byId.get(id)!;
        return { passage, quote: quoteWindow(passage.text, q), score };
      });

    const scope = ranked.length > 0 && (inScope(coverage) || (faq !== undefined && faq.score >= FAQ_ACCEPT && coverage.fraction >= 0.34));
    const confidence = scope ? Math.min(1, 0.35 + 0.45 * Math.min(1, coverage.fraction) + (faq ? 0.2 * faq.score : 0)) : 0;
    return { query: q, coverage, inScope: scope, faq: scope ? faq : undefined, ranked, confidence: round2(confidence) };
  }

  private search(q: AnalyzedQuery): SearchResult[] {
    if (q.main.size === 0 && q.folded.size === 0) return [];
    const main = [...q.main.keys()];
    const folded = [...q.folded.keys()];
    const passThrough = { tokenize: (s: string) => [s], processTerm: (t: string) => t };
    const boost = { text: TUNING.text, section: TUNING.section, context: TUNING.context, folded: TUNING.folded, concepts: TUNING.concepts };
    return this.index.search.search(
      {
        boost,
        combineWith: "OR",
        queries: [
          { ...passThrough, queries: main, fields: ["text", "section", "context", "concepts"], boostTerm: (t: string) => q.main.get(t) ?? 1 },
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

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
