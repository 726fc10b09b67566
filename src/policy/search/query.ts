// A question → weighted search terms: its own stems, compound parts, and the
// Swedish words of the concepts it touches (which is how English questions and
// everyday words reach the policy's vocabulary).
import { findConcepts, groupExpansion, withImplied, type ConceptHit } from "../analysis/concepts";
import { isAiAnchor } from "../analysis/lexicon";
import { fold, tokenize, tokenizeUncached } from "../analysis/normalize";
import { foldedStems, stemSv } from "../analysis/stem";
import { ENGLISH_STOPWORDS, SWEDISH_STOPWORDS } from "../analysis/stopwords";
import type { Vocabulary } from "../analysis/vocabulary";
import { swedishFor } from "../analysis/glossary";

const FOLDED_SV_STOPWORDS = new Set([...SWEDISH_STOPWORDS].map(fold));
import type { Lang } from "../types";
import { TUNING } from "./tuning";

export interface QueryToken {
  raw: string;
  stem: string;
  folded: string[];
  /** counts for ranking and for the coverage (refusal) rule */
  content: boolean;
  anchor: boolean;
  /** the joined form of a hyphenated word ("aibilder" after "ai", "bilder"): matched, not counted */
  joined: boolean;
  /** English word: the glossary's Swedish words for it (folded stems) */
  swedish: string[];
}

export interface AnalyzedQuery {
  lang: Lang;
  tokens: QueryToken[];
  concepts: ConceptHit[];
  /** stem → weight, searched in fields that keep å/ä/ö */
  main: Map<string, number>;
  /** folded stem → weight, searched in the folded field */
  folded: Map<string, number>;
  /** folded stems typed by the user: these may be fuzzy/prefix-matched (typos, compounds) */
  loose: Set<string>;
}


function put(map: Map<string, number>, term: string, w: number): void {
  if (term.length < 2) return;
  if ((map.get(term) ?? 0) < w) map.set(term, w);
}

/**
 * @param vocab all packs' words, for compound splitting
 * @param known whether this pack uses a folded stem (expansions it lacks are noise)
 */
// "Hjälp, jag råkade …", "Shit! …": a cry opening the message is not a word to search for
const OPENING_INTERJECTION = /^\s*(?:hjälp|hjalp|help|hallå|hej|tjena|shit|oj|oops|fan|jösses|snälla)\s*[,!.:;]+/i;

const MAX_WORD = 48;

export function analyzeQuery(question: string, lang: Lang, vocab: Vocabulary, known: (folded: string) => boolean): AnalyzedQuery {
  // the question itself is not cached (the policy texts are): users' words are not kept
  // no word is longer than MAX_WORD: a longer run is noise, and compound splitting and fuzzy
  // matching cost more the longer it is
  const raws = tokenizeUncached(question.replace(OPENING_INTERJECTION, " ")).filter((t) => t.length <= MAX_WORD);
  const stops = lang === "en" ? ENGLISH_STOPWORDS : SWEDISH_STOPWORDS;
  const tokens: QueryToken[] = raws.map((raw, i) => {
    // "ar", "pa", "nar": stop words typed without å/ä/ö
    const isStop =
      stops.has(raw) || (lang === "sv" && raw === fold(raw) && FOLDED_SV_STOPWORDS.has(raw)) || (lang === "en" && SWEDISH_STOPWORDS.has(raw) && !vocab.has(fold(raw)));
    const joined = [2, 3, 4].some((k) => i >= k && raws.slice(i - k, i).join("") === raw);
    return {
      joined,
      swedish: lang === "en" ? swedishFor(raw).flatMap((w) => tokenize(w).flatMap((x) => foldedStems(x))) : [],
      raw,
      stem: stemSv(raw),
      folded: foldedStems(raw),
      content: !isStop && raw.length > 1 && !/^\d+$/.test(raw),
      anchor: isAiAnchor(raw),
    };
  });
  const concepts = withImplied(findConcepts(raws));
  const main = new Map<string, number>();
  const folded = new Map<string, number>();
  const loose = new Set<string>();

  for (const t of tokens) {
    if (!t.content) continue;
    // an English word the policy does not use adds nothing but noise (fuzzy hits)
    const useful = lang === "sv" || vocab.has(fold(t.raw)) || t.folded.some((f) => vocab.has(f)) || t.anchor;
    if (!useful) continue;
    const w = t.anchor ? TUNING.anchor : TUNING.own;
    put(main, t.stem, w);
    for (const f of t.folded) {
      put(folded, f, w);
      if (lang === "sv") loose.add(f);
    }
    // a product name is one thing, not a compound ("chatgpt" is not "chat" + "gpt")
    for (const part of t.anchor ? [] : (vocab.split(t.raw) ?? [])) {
      if (SWEDISH_STOPWORDS.has(part)) continue;
      put(main, part, TUNING.part);
      put(folded, fold(part), TUNING.part);
    }
  }

  // English words through the glossary, where this policy uses the Swedish word
  for (const t of tokens) {
    if (!t.content) continue;
    for (const f of t.swedish) if (known(f)) put(folded, f, TUNING.translation);
  }

  for (const hit of concepts) {
    put(main, `c:${hit.group.id}`, TUNING.concept);
    if (lang !== "en") continue;
    for (const stem of groupExpansion(hit.group)) {
      const f = fold(stem);
      if (!known(f)) continue;
      put(main, stem, TUNING.translation);
      put(folded, f, TUNING.translation);
    }
  }
  return { lang, tokens, concepts, main, folded, loose };
}
