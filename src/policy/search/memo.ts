// Memoisation only: what the search works out again for every question although it depends
// on the pack alone (a curated entry's cited passages, whether the policy uses a concept's
// words) or on one word against the pack (its nearest known word). Each function returns
// exactly what the plain computation returns; nothing here decides anything.
import type { Vocabulary } from "../analysis/vocabulary";
import { groupExpansion } from "../analysis/concepts";
import type { ConceptGroup } from "../analysis/lexicon";
import { fold } from "../analysis/normalize";
import { BoundedMap } from "../../util/bounded-map";
import type { FaqEntry, Passage, PolicyPack } from "../types";
import { resolveCitation } from "./passage-index";

const cited = new WeakMap<FaqEntry, Passage[]>();

/** the passages a curated entry cites (a pack is not changed once loaded) */
export function citedPassages(pack: PolicyPack, e: FaqEntry): Passage[] {
  let r = cited.get(e);
  if (!r) cited.set(e, (r = e.citations.map((c) => resolveCitation(pack, c)).filter((p): p is Passage => !!p)));
  return r;
}

/** per-vocabulary answers, dropped whenever the vocabulary has grown since (its size is its version) */
interface VocabMemo {
  size: number;
  groups: Map<string, boolean>;
  near: BoundedMap<string, string | null>;
}
/** words whose nearest known word is remembered, per vocabulary (users' words: least recently used goes first) */
export const NEAR_MEMO_MAX = 20_000;
/** a longer "word" is worked out each time, never kept */
const NEAR_KEY_MAX = 64;
const memos = new WeakMap<Vocabulary, VocabMemo>();

function memoOf(v: Vocabulary): VocabMemo {
  let m = memos.get(v);
  if (!m || m.size !== v.size) memos.set(v, (m = { size: v.size, groups: new Map(), near: new BoundedMap({ max: NEAR_MEMO_MAX }) }));
  return m;
}

/** whether the vocabulary has one of a concept group's words */
export function usesGroup(v: Vocabulary, group: ConceptGroup): boolean {
  const m = memoOf(v);
  let r = m.groups.get(group.id);
  if (r === undefined) m.groups.set(group.id, (r = groupExpansion(group).some((s) => v.has(fold(s)))));
  return r;
}

/** Vocabulary.near, remembered */
export function nearWord(v: Vocabulary, foldedWord: string, maxEdits: number): string | undefined {
  if (foldedWord.length > NEAR_KEY_MAX) return v.near(foldedWord, maxEdits);
  const m = memoOf(v);
  const key = `${maxEdits}\n${foldedWord}`;
  const hit = m.near.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const r = v.near(foldedWord, maxEdits);
  m.near.set(key, r ?? null);
  return r;
}
