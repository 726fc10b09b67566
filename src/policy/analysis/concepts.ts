// Compiled concept lexicon: finds which concept groups a question touches.
import { CONCEPT_GROUPS, type ConceptGroup } from "./lexicon";
import { tokenize } from "./normalize";
import { foldedStems, stemEn, stemSv } from "./stem";
import { SWEDISH_STOPWORDS } from "./stopwords";

interface Trigger {
  group: ConceptGroup;
  /** folded Swedish stems, or English stems, matched as consecutive tokens */
  seq: string[];
  lang: "sv" | "en";
}

export interface ConceptHit {
  group: ConceptGroup;
  /** token positions of the question the trigger covered */
  positions: number[];
  /** implied by another hit (withImplied), not said: no evidence of scope */
  implied?: boolean;
}

const svFirst = new Map<string, Trigger[]>();
const enFirst = new Map<string, Trigger[]>();
/** per group: the Swedish stems it expands to */
const expansions = new Map<string, string[]>();

function index(map: Map<string, Trigger[]>, t: Trigger): void {
  const list = map.get(t.seq[0]) ?? [];
  list.push(t);
  map.set(t.seq[0], list);
}

for (const group of CONCEPT_GROUPS) {
  const stems = new Set<string>();
  for (const phrase of group.sv) {
    const toks = tokenize(phrase);
    // the joined form of a hyphenated phrase is one extra token, not part of the sequence
    const seqToks = phrase.includes("-") ? toks.filter((t, i) => !(i === toks.length - 1 && toks.length > 1 && t === toks.slice(0, -1).join(""))) : toks;
    if (seqToks.length === 0) continue;
    index(svFirst, { group, seq: seqToks.map((t) => foldedStems(t)[0]), lang: "sv" });
    for (const t of toks) if (!SWEDISH_STOPWORDS.has(t) && t.length > 1) stems.add(stemSv(t));
  }
  for (const phrase of group.en) {
    const toks = phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (toks.length === 0) continue;
    index(enFirst, { group, seq: toks.map(stemEn), lang: "en" });
  }
  expansions.set(group.id, [...stems]);
}

/** the Swedish stems a concept group expands to */
export function groupExpansion(group: ConceptGroup): string[] {
  return expansions.get(group.id) ?? [];
}

/**
 * concept groups hit by a tokenised question. Swedish triggers match folded stems
 * (so "sekretessbelagd" and "sekretessbelagda" both hit); English triggers match
 * English stems. Longer triggers win over shorter ones at the same position.
 */
export function findConcepts(tokens: string[], opts: { english?: boolean } = {}): ConceptHit[] {
  const svSeq = tokens.map((t) => foldedStems(t)[0]);
  const hits = new Map<string, ConceptHit>();
  const scan = (seq: string[], first: Map<string, Trigger[]>) => {
    for (let i = 0; i < seq.length; i++) {
      for (const t of first.get(seq[i]) ?? []) {
        if (i + t.seq.length > seq.length) continue;
        let ok = true;
        for (let k = 1; k < t.seq.length && ok; k++) ok = seq[i + k] === t.seq[k];
        if (!ok) continue;
        const positions = t.seq.map((_, k) => i + k);
        const prev = hits.get(t.group.id);
        if (prev) {
          for (const p of positions) if (!prev.positions.includes(p)) prev.positions.push(p);
        } else {
          hits.set(t.group.id, { group: t.group, positions });
        }
      }
    }
  };
  scan(svSeq, svFirst);
  // policy text is Swedish: English triggers only matter for questions
  if (opts.english !== false) scan(tokens.map(stemEn), enFirst);
  return [...hits.values()];
}

// In a question, naming whose data it is says what the data is: "en elevs
// utvecklingsplan" is personal data, "kundens budget" pasted somewhere is customer data.
const IMPLIES: Array<{ from: string; to: string; needs?: string }> = [
  { from: "data-subjects", to: "personal-data" },
  { from: "customer", to: "customer-data", needs: "input" },
];
const byId = new Map(CONCEPT_GROUPS.map((g) => [g.id, g]));

/** a question's concept hits plus the concepts they imply (same positions) */
export function withImplied(hits: ConceptHit[]): ConceptHit[] {
  const ids = new Set(hits.map((h) => h.group.id));
  const out = [...hits];
  for (const rule of IMPLIES) {
    const src = hits.find((h) => h.group.id === rule.from);
    const to = byId.get(rule.to);
    if (!src || !to || ids.has(rule.to) || (rule.needs && !ids.has(rule.needs))) continue;
    out.push({ group: to, positions: [...src.positions], implied: true });
    ids.add(rule.to);
  }
  return out;
}
