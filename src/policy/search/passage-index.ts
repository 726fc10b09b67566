// One MiniSearch index per pack over its passages. Analysis (stemming, folding,
// compound splitting) is done here, so MiniSearch only sees finished terms.
import MiniSearch from "minisearch";
import { findConcepts } from "../analysis/concepts";
import { fold, tokenize } from "../analysis/normalize";
import { foldedStems, stemSv } from "../analysis/stem";
import { ENGLISH_STOPWORDS, SWEDISH_STOPWORDS } from "../analysis/stopwords";
import type { Vocabulary } from "../analysis/vocabulary";
import type { Passage, PolicyPack } from "../types";

export const FIELDS = ["text", "section", "context", "folded", "concepts", "asked"] as const;
type Field = (typeof FIELDS)[number];

interface Doc {
  id: string;
  text: string;
  section: string;
  context: string;
  folded: string;
  /** "c:<group>" for each concept group the passage's words hit */
  concepts: string;
  /** stems of the questions the passage answers (questions.jsonl) */
  asked: string;
}

/** relative weight of a match in each field */
export const FIELD_BOOST: Record<Field, number> = { text: 1, section: 0.6, context: 0.5, folded: 0.7, concepts: 0.6, asked: 0.3 };

function terms(tokens: string[], vocab: Vocabulary, folded: boolean): string[] {
  const out: string[] = [];
  for (const tok of tokens) for (const t of tokenTerms(tok, vocab, folded)) out.push(t);
  return out;
}

/** a word's terms, once per vocabulary: the same words recur across thousands of example questions */
const termMemo = new WeakMap<Vocabulary, [Map<string, string[]>, Map<string, string[]>]>();
function tokenTerms(tok: string, vocab: Vocabulary, folded: boolean): string[] {
  let memo = termMemo.get(vocab);
  if (!memo) termMemo.set(vocab, (memo = [new Map(), new Map()]));
  const cache = memo[folded ? 1 : 0];
  let out = cache.get(tok);
  if (!out) {
    out = [];
    if (!(SWEDISH_STOPWORDS.has(tok) || ENGLISH_STOPWORDS.has(tok) || tok.length < 2)) {
      if (folded) out.push(...foldedStems(tok));
      else out.push(stemSv(tok));
      for (const part of vocab.split(tok) ?? []) out.push(folded ? fold(part) : part);
    }
    cache.set(tok, out);
  }
  return out;
}

export interface PassageIndex {
  search: MiniSearch<Doc>;
  byId: Map<string, Passage>;
  /** folded stems of everything indexed for this pack: what the policy "knows" */
  terms: Set<string>;
  /** folded stem → number of passages using it */
  df: Map<string, number>;
  /** passage id → concept groups it touches */
  concepts: Map<string, Set<string>>;
  /** passage id → folded stems of each of its fields (what the reranker's coverage features look in) */
  fieldStems: Map<string, FieldStems>;
}

export interface FieldStems {
  text: Set<string>;
  section: Set<string>;
  context: Set<string>;
  asked: Set<string>;
}

/** a passage's tokens, once per process: text, lead-in/alt context, heading */
export interface PassageTokens {
  text: string[];
  context: string[];
  section: string[];
  all: string[];
}
const tokenCache = new WeakMap<Passage, PassageTokens>();

export function passageTokens(p: Passage): PassageTokens {
  let t = tokenCache.get(p);
  if (!t) {
    const text = tokenize(p.text);
    const context = tokenize(p.context ?? "");
    const section = tokenize(p.section);
    t = { text, context, section, all: [...text, ...context, ...section] };
    tokenCache.set(p, t);
  }
  return t;
}

export function buildPassageIndex(pack: PolicyPack, vocab: Vocabulary): PassageIndex {
  const known = new Set<string>();
  const df = new Map<string, number>();
  const concepts = new Map<string, Set<string>>();
  const fieldStems = new Map<string, FieldStems>();
  const docs: Doc[] = pack.passages.map((p) => {
    const toks = passageTokens(p);
    const askedTokens = p.asked ? tokenize(p.asked.join(" ")) : [];
    // each field's folded stems once: the folded field is their concatenation (toks.all is text, context, section)
    const [fText, fContext, fSection] = [terms(toks.text, vocab, true), terms(toks.context, vocab, true), terms(toks.section, vocab, true)];
    fieldStems.set(p.id, { text: new Set(fText), section: new Set(fSection), context: new Set(fContext), asked: new Set(terms(askedTokens, vocab, true)) });
    const folded = [...fText, ...fContext, ...fSection];
    for (const f of new Set(folded)) {
      known.add(f);
      df.set(f, (df.get(f) ?? 0) + 1);
    }
    const hits = findConcepts(toks.all, { english: false });
    concepts.set(p.id, new Set(hits.map((h) => h.group.id)));
    const conceptList: string[] = [];
    for (const hit of hits) for (let i = 0; i < hit.positions.length; i++) conceptList.push(`c:${hit.group.id}`);
    return {
      id: p.id,
      text: terms(toks.text, vocab, false).join(" "),
      section: terms(toks.section, vocab, false).join(" "),
      context: terms(toks.context, vocab, false).join(" "),
      folded: folded.join(" "),
      concepts: conceptList.join(" "),
      // the pack's own example questions: how people word what this passage answers
      asked: terms(askedTokens, vocab, false).join(" "),
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
  return { search, byId: new Map(pack.passages.map((p) => [p.id, p])), terms: known, df, concepts, fieldStems };
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
