// Matching a question to a pack's curated entries. A question and each phrasing
// are compared as weighted feature sets: concepts ("c:"), what the question asks
// ("i:", intent.ts) and folded content stems, each weighted by how rare it is in the
// policy (a shared "personuppgifter" says more than a shared "chatgpt"). Concepts
// carry English questions to Swedish phrasings and back.
import { findConcepts, withImplied } from "../analysis/concepts";
import { AI_ANCHORS, CONCEPT_GROUPS } from "../analysis/lexicon";

const TOPIC_GROUPS = new Set(CONCEPT_GROUPS.filter((g) => g.topic).map((g) => g.id));
import { questionIntents, type Intent } from "../analysis/intent";
import { fold, tokenize } from "../analysis/normalize";
import { stemSv } from "../analysis/stem";
import { ENGLISH_STOPWORDS, SWEDISH_STOPWORDS } from "../analysis/stopwords";
import type { FaqEntry } from "../types";
import type { AnalyzedQuery } from "./query";
import { GENERIC_GROUPS } from "./rerank";

export interface FaqCandidate {
  entry: FaqEntry;
  /** 0..1: how well the entry's phrasings explain the question */
  score: number;
}

/** features of a text: concepts, intents and folded stems of content words */
function features(tokens: string[], intents: Set<Intent>, stop: (t: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const hit of withImplied(findConcepts(tokens))) if (!GENERIC_GROUPS.has(hit.group.id)) out.add(`c:${hit.group.id}`);
  for (const i of intents) out.add(`i:${i}`);
  for (const t of tokens) if (!stop(t) && t.length > 1 && !FORM_WORDS.has(t)) out.add(fold(stemSv(t)));
  return out;
}

/** words of a question's form ("vad menas med …", "what does … mean"): the intent feature carries them */
const FORM_WORDS = new Set(["menas", "betyder", "innebär", "avses", "mean", "means", "meant", "meaning"]);

const FOLDED_ANCHORS = new Set([...AI_ANCHORS].map((a) => fold(stemSv(a))));
function isAnchor(f: string): boolean {
  return !f.includes(":") && FOLDED_ANCHORS.has(f);
}

const anyStop = (t: string) => SWEDISH_STOPWORDS.has(t) || ENGLISH_STOPWORDS.has(t);

interface Phrasing {
  features: Set<string>;
  /** sum of squared weights */
  norm: number;
}

export class FaqMatcher {
  private readonly entries: Array<{ entry: FaqEntry; union: Set<string>; phrasings: Phrasing[] }> = [];

  /** per feature: how many entries use it (a feature every entry shares tells none apart) */
  private readonly entryDf = new Map<string, number>();
  private readonly weight: (feature: string) => number;

  constructor(
    entries: FaqEntry[],
    /** weight of a feature the entries never use: rarer in the policy = heavier */
    policyWeight: (feature: string) => number,
  ) {
    const raw = entries.map((entry) => entry.questions.map((q) => features(tokenize(q), questionIntents(q), anyStop)));
    for (const phr of raw) for (const f of new Set(phr.flatMap((x) => [...x]))) this.entryDf.set(f, (this.entryDf.get(f) ?? 0) + 1);
    const n = Math.max(1, entries.length);
    // rarity among the entries, not in the policy: "chatgpt" is rare in policy text
    // but asked about in every other entry, so it must not decide which entry matches
    this.weight = (f) => {
      if (isAnchor(f) && !this.entryDf.has(f)) return 0.2;
      const df = this.entryDf.get(f);
      if (df === undefined) return policyWeight(f);
      // telling both among the entries and in the policy: "text" is in one entry but everywhere in the policy
      return Math.sqrt(Math.log(1 + n / (df + 0.5)) * policyWeight(f));
    };
    entries.forEach((entry, i) => {
      const union = new Set<string>();
      const phrasings: Phrasing[] = [];
      for (const f of raw[i]) {
        let norm = 0;
        for (const x of f) {
          union.add(x);
          norm += this.weight(x) ** 2;
        }
        phrasings.push({ features: f, norm });
      }
      this.entries.push({ entry, union, phrasings });
    });
  }

  /**
   * entries ranked by the mean of two views: the best single phrasing (cosine), and
   * the share of the question that all phrasings together explain.
   */
  match(q: AnalyzedQuery, intents: Set<Intent>): FaqCandidate[] {
    const content = new Set(q.tokens.filter((t) => t.content).map((t) => t.raw));
    const qf = features(
      q.tokens.map((t) => t.raw),
      intents,
      (t) => !content.has(t),
    );
    let total = 0;
    for (const f of qf) total += this.weight(f) ** 2;
    if (total === 0) return [];
    const qTopics = [...qf].filter((f) => f.startsWith("c:") && TOPIC_GROUPS.has(f.slice(2)));
    let topicTotal = 0;
    for (const f of qTopics) topicTotal += this.weight(f) ** 2;
    const qContent = [...qf].filter((f) => !f.startsWith("i:") && !isAnchor(f)).length;
    const out: Array<FaqCandidate & { rank: number }> = [];
    for (const e of this.entries) {
      let shared = 0;
      let sharedContent = 0;
      for (const f of qf) {
        if (!e.union.has(f)) continue;
        shared += this.weight(f) ** 2;
        if (!f.startsWith("i:") && !isAnchor(f)) sharedContent++;
      }
      // an entry must share what the question is about, not only its form ("vad menas med …") or the
      // tool, when the question names more than those ("copilot ok?" names only the tool)
      if (sharedContent === 0 && qContent > 0) continue;
      let bestCos = 0;
      for (const p of e.phrasings) {
        let s = 0;
        for (const f of qf) if (p.features.has(f)) s += this.weight(f) ** 2;
        const cos = p.norm > 0 ? s / Math.sqrt(total * p.norm) : 0;
        if (cos > bestCos) bestCos = cos;
      }
      // an entry that misses what the question is about (its policy-only concepts: customer
      // data, an incident, secrecy …) answers another question, however many words it shares
      let topicShare = 1;
      if (topicTotal > 0) {
        let t = 0;
        for (const f of qTopics) if (e.union.has(f)) t += this.weight(f) ** 2;
        topicShare = t / topicTotal;
      }
      const score = 0.5 * bestCos + 0.5 * (shared / total);
      out.push({ entry: e.entry, score, rank: score * (0.7 + 0.3 * topicShare) });
    }
    return out.sort((a, b) => b.rank - a.rank).map(({ entry, score }) => ({ entry, score }));
  }
}
