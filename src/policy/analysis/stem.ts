// Snowball stemming with guards for the few words it over-stems into other words. The
// Snowball algorithms come from @nlpjs (the same Swedish and Porter2 English stems as the
// reference implementation, about twice as fast); their own per-word cache is unbounded, so
// the algorithm is run directly and the bounded caches here keep what is asked often.
import StemmerEn = require("@nlpjs/lang-en-min/src/stemmer-en");
import StemmerSv = require("@nlpjs/lang-sv/src/stemmer-sv");
import { fold } from "./normalize";

function snowball(stemmer: { setCurrent(w: string): void; innerStem(): void; getCurrent(): string }) {
  return {
    stem(word: string): string {
      stemmer.setCurrent(word);
      stemmer.innerStem();
      return stemmer.getCurrent();
    },
  };
}
const sv = snowball(new StemmerSv());
const en = snowball(new StemmerEn());

// Snowball cuts these into a different, common word ("hemlig" → "hem" = home).
const SV_KEEP: Record<string, string> = {
  hemlig: "hemlig",
  hemliga: "hemlig",
  hemligt: "hemlig",
  hemlighet: "hemlig",
  hemligheter: "hemlig",
  ai: "ai",
  data: "data",
  kunddata: "kunddata",
  persondata: "persondata",
};

const svCache = new Map<string, string>();

/** Swedish stem of one lowercase token (å/ä/ö kept). */
export function stemSv(token: string): string {
  let s = svCache.get(token);
  if (s === undefined) {
    s = SV_KEEP[token] ?? (token.length <= 3 ? token : sv.stem(token));
    if (svCache.size > 50_000) svCache.clear();
    svCache.set(token, s);
  }
  return s;
}

/**
 * folded stems of one token: the stem of the folded word and the folded stem, which
 * differ when a suffix rule needs å/ä/ö ("behöver" → "behov" either way, but not always).
 */
const foldedCache = new Map<string, string[]>();

export function foldedStems(token: string): string[] {
  let r = foldedCache.get(token);
  if (r === undefined) {
    const a = fold(stemSv(token));
    const b = stemSv(fold(token));
    r = a === b ? [a] : [a, b];
    if (foldedCache.size > 50_000) foldedCache.clear();
    foldedCache.set(token, r);
  }
  return r;
}

/** English stem, for matching English questions against the glossary. */
const enCache = new Map<string, string>();

export function stemEn(token: string): string {
  let s = enCache.get(token);
  if (s === undefined) {
    s = token.length <= 3 ? token : en.stem(token);
    if (enCache.size > 50_000) enCache.clear();
    enCache.set(token, s);
  }
  return s;
}
