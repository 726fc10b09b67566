// Matching a question to a pack's curated entries. A phrasing and the question are
// compared as sets of concepts and content stems, weighted by how rare each is in
// the policy (a shared "personuppgifter" says more than a shared "chatgpt").
import { findConcepts } from "../analysis/concepts";
import { fold, tokenize } from "../analysis/normalize";
import { stemSv } from "../analysis/stem";
import { ENGLISH_STOPWORDS, SWEDISH_STOPWORDS } from "../analysis/stopwords";
import type { FaqEntry } from "../types";
import type { AnalyzedQuery } from "./query";

export interface FaqCandidate {
  entry: FaqEntry;
  /** cosine similarity 0..1 of the best-matching phrasing */
  score: number;
}

interface Phrasing {
  entry: FaqEntry;
  features: Set<string>;
}

/** features of a text: "c:<concept>" for each concept hit, plus folded stems of content words */
function features(tokens: string[], stop: (t: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const hit of findConcepts(tokens)) out.add(`c:${hit.group.id}`);
  for (const t of tokens) if (!stop(t) && t.length > 1) out.add(fold(stemSv(t)));
  return out;
}

const anyStop = (t: string) => SWEDISH_STOPWORDS.has(t) || ENGLISH_STOPWORDS.has(t);

export class FaqMatcher {
  /** per entry: the union of its phrasings' features */
  private readonly entries: Array<{ entry: FaqEntry; features: Set<string> }> = [];

  constructor(
    entries: FaqEntry[],
    /** weight of a feature: rarer in the policy = heavier */
    private readonly weight: (feature: string) => number,
  ) {
    for (const entry of entries) {
      const all = new Set<string>();
      for (const q of entry.questions) for (const f of features(tokenize(q), anyStop)) all.add(f);
      this.entries.push({ entry, features: all });
    }
  }

  /**
   * entries ranked by how much of the question they explain: the weighted share of
   * the question's features that the entry's phrasings also use (0..1).
   */
  match(q: AnalyzedQuery): FaqCandidate[] {
    const content = new Set(q.tokens.filter((t) => t.content).map((t) => t.raw));
    const qf = features(q.tokens.map((t) => t.raw), (t) => !content.has(t));
    let total = 0;
    for (const f of qf) total += this.weight(f) ** 2;
    if (total === 0) return [];
    const out: FaqCandidate[] = [];
    for (const e of this.entries) {
      let shared = 0;
      for (const f of qf) if (e.features.has(f)) shared += this.weight(f) ** 2;
      if (shared > 0) out.push({ entry: e.entry, score: shared / total });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
