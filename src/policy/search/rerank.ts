// Second-stage ranking of the search's candidates. BM25 counts words; the reranker adds
// what it cannot see: how many of the question's concepts a passage covers (each concept
// once, however many of its words match), how much of the question each of the passage's
// fields holds, whether the passage is the kind of statement the question asks for
// (intent.ts), and a curated entry's lift. Each candidate becomes a vector of these
// features; its score is a weighted sum with weights learned from question–passage pairs
// (scripts/learn-ranking.ts writes ranking-weights.ts).
import type { Intent, PassageKind } from "../analysis/intent";
import type { ConceptHit } from "../analysis/concepts";
import type { FieldStems } from "./passage-index";
import { RANKING_WEIGHTS } from "./ranking-weights";

export interface PassageFeatures {
  /** concept group ids the passage (text, lead-in, heading) touches */
  concepts: Set<string>;
  kinds: Set<PassageKind>;
  lettered: boolean;
}

// groups too generic to tell passages apart ("use", "information", "tool"), and
// whose-data groups, which only say what data a question is about (concepts.ts)
export const GENERIC_GROUPS = new Set(["work-use", "information", "tool", "input", "data-subjects", "customer"]);

/** the features, in the order of a feature vector */
export const FEATURES = [
  /** BM25 relative to the best hit (0..1), and 1/(1+rank) in the word search (0 if not found by it) */
  "bm",
  "searchRank",
  /** share of the question's concepts (weighted by rarity) the passage touches */
  "cover",
  /** share of the question's words (weighted by rarity) in the passage's text, heading, lead-in, example questions */
  "textCover",
  "sectionCover",
  "contextCover",
  "askedCover",
  /** a lettered rule */
  "lettered",
  /** curated entries: lift of the passages the best entries cite; cited by an entry sure enough to lead; its first citation */
  "faqLift",
  "faqLead",
  "faqFirst",
  /** kind of statement against the form of the question */
  "metadata",
  "background",
  "definitionAsked",
  "definitionUnasked",
  "permissionProhibition",
  "permissionRule",
  "whoApprover",
  "approvalApprover",
  "stepsSteps",
  "mistakeSteps",
  "mistakeProhibition",
  "consequence",
  "requirementRule",
  "ruleUnasked",
  "responsibility",
  "reportSteps",
] as const;
export type Feature = (typeof FEATURES)[number];

export interface Candidate {
  id: string;
  /** BM25 score relative to the best hit (0..1) */
  bm: number;
  /** place in the word search's hits, or -1 when the passage came from concepts or a curated entry */
  rank: number;
}

export interface RerankContext {
  features: Map<string, PassageFeatures>;
  fieldStems: Map<string, FieldStems>;
  concepts: ConceptHit[];
  intents: Set<Intent>;
  /** rarity of a concept group in this policy (rarer = more telling) */
  groupWeight: (group: string) => number;
  /** the question's folded stems with their weight (own words, compound parts, translations) */
  terms: Map<string, number>;
  /** rarity of a folded stem in this policy */
  termWeight: (folded: string) => number;
  /** curated-entry lift per passage id */
  lift: Map<string, number>;
  /** passages cited by a curated entry sure enough to lead, its first citation first */
  lead: string[];
}

/** one candidate's feature vector (in FEATURES order) */
export function featureVector(c: Candidate, ctx: RerankContext, groups: string[], groupTotal: number, termTotal: number): number[] {
  const f = ctx.features.get(c.id)!;
  const fields = ctx.fieldStems.get(c.id);
  let shared = 0;
  for (const g of groups) if (f.concepts.has(g)) shared += ctx.groupWeight(g);
  const fieldCover = (set: Set<string> | undefined) => {
    if (!set || termTotal === 0) return 0;
    let s = 0;
    for (const [t, w] of ctx.terms) if (set.has(t)) s += w * ctx.termWeight(t);
    return s / termTotal;
  };
  const i = ctx.intents;
  const k = f.kinds;
  const permission = i.has("permission") && !i.has("who");
  const x: Record<Feature, number> = {
    bm: c.bm,
    searchRank: c.rank >= 0 ? 1 / (1 + c.rank) : 0,
    cover: groupTotal > 0 ? shared / groupTotal : 0,
    textCover: fieldCover(fields?.text),
    sectionCover: fieldCover(fields?.section),
    contextCover: fieldCover(fields?.context),
    askedCover: fieldCover(fields?.asked),
    lettered: f.lettered ? 1 : 0,
    faqLift: ctx.lift.get(c.id) ?? 0,
    faqLead: ctx.lead.includes(c.id) ? 1 : 0,
    faqFirst: ctx.lead[0] === c.id ? 1 : 0,
    metadata: k.has("metadata") ? 1 : 0,
    background: k.has("background") ? 1 : 0,
    definitionAsked: i.has("definition") && k.has("definition") ? 1 : 0,
    definitionUnasked: !i.has("definition") && k.has("definition") ? 1 : 0,
    permissionProhibition: permission && k.has("prohibition") ? 1 : 0,
    permissionRule: permission && k.has("rule") && !k.has("prohibition") ? 1 : 0,
    whoApprover: i.has("who") && k.has("approver") ? 1 : 0,
    approvalApprover: i.has("approval") && k.has("approver") ? 1 : 0,
    stepsSteps: i.has("steps") && k.has("steps") ? 1 : 0,
    mistakeSteps: i.has("mistake") && k.has("steps") ? 1 : 0,
    mistakeProhibition: i.has("mistake") && k.has("prohibition") ? 1 : 0,
    consequence: i.has("consequence") && k.has("consequence") ? 1 : 0,
    requirementRule: i.has("requirement") && k.has("rule") ? 1 : 0,
    ruleUnasked: !i.has("permission") && k.has("rule") ? 1 : 0,
    responsibility: i.has("responsibility") && k.has("responsibility") ? 1 : 0,
    reportSteps: i.has("report") && k.has("steps") ? 1 : 0,
  };
  return FEATURES.map((name) => x[name]);
}

export interface Scored {
  id: string;
  score: number;
  /** the feature vector (for inspection, tests and learning the weights) */
  x: number[];
}

export function rerank(candidates: Candidate[], ctx: RerankContext, weights: readonly number[] = RANKING_WEIGHTS): Scored[] {
  const groups = [...new Set(ctx.concepts.map((c) => c.group.id))].filter((g) => !GENERIC_GROUPS.has(g));
  let groupTotal = 0;
  for (const g of groups) groupTotal += ctx.groupWeight(g);
  let termTotal = 0;
  for (const [t, w] of ctx.terms) termTotal += w * ctx.termWeight(t);
  return candidates.map((c) => {
    const x = featureVector(c, ctx, groups, groupTotal, termTotal);
    let score = 0;
    for (let j = 0; j < x.length; j++) score += weights[j] * x[j];
    return { id: c.id, score, x };
  });
}
