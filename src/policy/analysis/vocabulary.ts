// The words the policies (and the concept lexicon) use, for splitting Swedish
// compounds and for asking "does the policy know this word?".
import { fold } from "./normalize";
import { SWEDISH_STOPWORDS } from "./stopwords";
import { foldedStems, stemSv } from "./stem";
import { BoundedMap } from "../../util/bounded-map";

const MIN_PART = 3;
/** compound splits remembered: the policies' words and the words users ask with (least recently used goes first) */
export const SPLIT_CACHE_MAX = 20_000;
const SPLIT_CACHE_KEY_MAX = 64;
const FOLDED_STOPWORDS = new Set([...SWEDISH_STOPWORDS].map(fold));

export class Vocabulary {
  /** folded surface words and folded stems */
  private readonly known = new Set<string>();
  /** folded whole words only: compound parts must be words, not stems ("tran" of "träna") */
  private readonly surface = new Set<string>();
  private readonly byLength = new Map<number, string[]>();
  private readonly splitCache = new BoundedMap<string, string[] | null>({ max: SPLIT_CACHE_MAX });

  add(token: string): void {
    if (token.length < MIN_PART || SWEDISH_STOPWORDS.has(token) || /\d/.test(token)) return;
    this.surface.add(fold(token));
    for (const w of [fold(token), ...foldedStems(token)]) {
      if (w.length < MIN_PART || this.known.has(w)) continue;
      this.known.add(w);
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  has(foldedWord: string): boolean {
    return this.known.has(foldedWord);
  }

  get size(): number {
    return this.known.size;
  }

  /** compound splits remembered (never more than the bound) */
  get splitsCached(): number {
    return this.splitCache.size;
  }

  /** a known word within `maxEdits` edits (Levenshtein) of the folded word, if any */
  near(foldedWord: string, maxEdits: number): string | undefined {
    if (this.known.has(foldedWord)) return foldedWord;
    for (let d = -maxEdits; d <= maxEdits; d++) {
      for (const w of this.byLength.get(foldedWord.length + d) ?? []) {
        if (editDistanceWithin(foldedWord, w, maxEdits)) return w;
      }
    }
    return undefined;
  }

  /**
   * split a compound into known parts, e.g. "incidentrapport" → ["incident", "rapport"],
   * "personuppgiftsincident" → ["personuppgift", "incident"] (linking s dropped).
   * Returns the parts' Swedish stems, or null when no split into known words exists.
   */
  split(token: string): string[] | null {
    const f = fold(token);
    if (f.length < 2 * MIN_PART + 1) return null;
    const cached = this.splitCache.get(f);
    if (cached !== undefined) return cached;
    const parts = this.splitFolded(f, 0);
    const result = parts && parts.length > 1 ? parts.map((p) => stemSv(p)) : null;
    // no compound is this long: a longer "word" is worked out each time, never kept
    if (f.length <= SPLIT_CACHE_KEY_MAX) this.splitCache.set(f, result);
    return result;
  }

  private splitFolded(f: string, depth: number): string[] | null {
    if (depth > 3) return null;
    // prefer the longest known head: "kundregister" → "kund" + "register", not "kundre" + ...
    for (let i = f.length - MIN_PART; i >= MIN_PART; i--) {
      let head = f.slice(0, i);
      const tail = f.slice(i);
      // a head is a whole word, possibly with a linking s ("personuppgifts|incident")
      const headKnown = this.knownHead(head) || (head.endsWith("s") && head.length > MIN_PART + 1 && this.knownHead((head = head.slice(0, -1))));
      if (!headKnown) continue;
      if (this.knownPart(tail)) return [head, tail];
      const rest = this.splitFolded(tail, depth + 1);
      if (rest) return [head, ...rest];
    }
    return null;
  }

  private knownHead(p: string): boolean {
    return p.length >= MIN_PART && this.surface.has(p) && !FOLDED_STOPWORDS.has(p);
  }

  private knownPart(p: string): boolean {
    if (p.length < MIN_PART || FOLDED_STOPWORDS.has(p)) return false;
    if (this.surface.has(p)) return true;
    // an inflected form of a known word ("rapporten"), if the stem is not a mere fragment
    const stem = stemSv(p);
    return stem.length >= 5 && this.known.has(stem) && this.surface.has(stem);
  }
}

/** true when Levenshtein(a, b) <= max (banded, early exit). */
export function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] <= max;
}
