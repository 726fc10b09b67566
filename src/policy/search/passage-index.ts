// One MiniSearch index per pack over its passages. Analysis (stemming, folding,
// compound splitting) is done here, so MiniSearch only sees finished terms.
import MiniSearch from "minisearch";
import { findConcepts } from "../analysis/concepts";
import { fold, tokenize } from "../analysis/normalize";
import { foldedStems, stemSv } from "../analysis/stem";
import { ENGLISH_STOPWORDS, SWEDISH_STOPWORDS } from "../analysis/stopwords";
import type { Vocabulary } from "../analysis/vocabulary";
import type { Passage, PolicyPack } from "../types";

export const FIELDS = ["text", "section", "context", "folded", "concepts"] as const;
type Field = (typeof FIELDS)[number];

interface Doc {
  id: string;
  text: string;
  section: string;
  context: string;
  folded: string;
  /** "c:<group>" for each concept group the passage's words hit */
  concepts: string;
}

/** relative weight of a match in each field */
export const FIELD_BOOST: Record<Field, number> = { text: 1, section: 0.6, context: 0.5, folded: 0.7, concepts: 0.6 };

function terms(text: string, vocab: Vocabulary, folded: boolean): string[] {
  const out: string[] = [];
  for (const tok of tokenize(text)) {
    if (SWEDISH_STOPWORDS.has(tok) || ENGLISH_STOPWORDS.has(tok) || tok.length < 2) continue;
    if (folded) out.push(...foldedStems(tok));
    else out.push(stemSv(tok));
    for (const part of vocab.split(tok) ?? []) out.push(folded ? fold(part) : part);
  }
  return out;
}

export interface PassageIndex {
  search: MiniSearch<Doc>;
  byId: Map<string, Passage>;
  /** folded stems of everything indexed for this pack: what the policy "knows" */
  terms: Set<string>;
}

export function buildPassageIndex(pack: PolicyPack, vocab: Vocabulary): PassageIndex {
  const known = new Set<string>();
  const docs: Doc[] = pack.passages.map((p) => {
    const folded = terms(`${p.text} ${p.context ?? ""} ${p.section}`, vocab, true);
    for (const f of folded) known.add(f);
    return {
      id: p.id,
      text: terms(p.text, vocab, false).join(" "),
      section: terms(p.section, vocab, false).join(" "),
      context: terms(p.context ?? "", vocab, false).join(" "),
      folded: folded.join(" "),
      concepts: conceptTerms(tokenize(`${p.text} ${p.context ?? ""} ${p.section}`)).join(" "),
    };
  });
  const search = new MiniSearch<Doc>({
    fields: [...FIELDS],
    idField: "id",
    tokenize: (s: string) => (s ? s.split(" ") : []),
    processTerm: (t: string) => t || null,
    searchOptions: { boost: FIELD_BOOST },
  });
  search.addAll(docs);
  return { search, byId: new Map(pack.passages.map((p) => [p.id, p])), terms: known };
}

/** the passage a curated citation points to: same section (and rule), quote inside its text */
export function resolveCitation(pack: PolicyPack, c: { section: string; rule?: string | null; quote: string }): Passage | undefined {
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  const q = norm(c.quote);
  return (
    pack.passages.find((p) => p.section === c.section && (c.rule == null || p.rule === c.rule) && norm(p.text).includes(q)) ??
    pack.passages.find((p) => norm(p.text).includes(q))
  );
}

/** concept terms of a token sequence, one per hit position (so tf reflects how much a passage is about it) */
export function conceptTerms(tokens: string[]): string[] {
  const out: string[] = [];
  for (const hit of findConcepts(tokens, { english: false })) for (let i = 0; i < hit.positions.length; i++) out.push(`c:${hit.group.id}`);
  return out;
}
