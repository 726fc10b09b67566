// Second-stage ranking of the search's candidates. BM25 counts words; this adds
// what it cannot see: how many of the question's concepts a passage covers (each
// concept once, however many of its words match), whether the passage is the kind
// of statement the question asks for (intent.ts), and a curated entry's lift.
import { intentFit, type Intent, type PassageKind } from "../analysis/intent";
import type { ConceptHit } from "../analysis/concepts";
import { TUNING } from "./tuning";

export interface PassageFeatures {
  /** concept group ids the passage (text, lead-in, heading) touches */
  concepts: Set<string>;
  kinds: Set<PassageKind>;
  lettered: boolean;
}

// groups too generic to tell passages apart ("use", "information", "tool"), and
// whose-data groups, which only say what data a question is about (concepts.ts)
export const GENERIC_GROUPS = new Set(["work-use", "information", "tool", "input", "data-subjects", "customer"]);

export interface Candidate {
  id: string;
  /** BM25 score relative to the best hit (0..1) */
  bm: number;
}

/**
 * @param groupWeight rarity of a concept group in this policy (rarer = more telling)
 * @param lift extra score per passage id (curated-entry lift)
 */
export function rerank(
  candidates: Candidate[],
  features: Map<string, PassageFeatures>,
  concepts: ConceptHit[],
  intents: Set<Intent>,
  groupWeight: (group: string) => number,
  lift: Map<string, number>,
): Array<{ id: string; score: number; parts: [number, number, number] }> {
  const groups = [...new Set(concepts.map((c) => c.group.id))].filter((g) => !GENERIC_GROUPS.has(g));
  let total = 0;
  for (const g of groups) total += groupWeight(g);
  return candidates.map((c) => {
    const f = features.get(c.id)!;
    let shared = 0;
    for (const g of groups) if (f.concepts.has(g)) shared += groupWeight(g);
    const cover = total > 0 ? shared / total : 0;
    const score =
      TUNING.bm * c.bm + TUNING.cover * cover + intentFit(intents, f.kinds) + (f.lettered ? TUNING.letteredRule : 0) + (lift.get(c.id) ?? 0);
    return { id: c.id, score, parts: [c.bm, cover, intentFit(intents, f.kinds)] };
  });
}
