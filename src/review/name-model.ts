// How much a word looks like a name of any origin rather than an ordinary Swedish or English word:
// the mean of its character trigrams' log-likelihood ratios (lists/name-model.ts, learned from name
// lists of many languages against dictionary words). Evidence for the name detector, never the gate:
// a capitalised word that no list knows still needs a place a name stands in.
import MODEL from "./lists/name-model";

/** the trigrams of a lowercase word, with its start and end marked ("^an", "ann", "nna", "na$") */
export function trigrams(word: string): string[] {
  const w = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= w.length; i++) out.push(w.slice(i, i + 3));
  return out;
}

/** slots of the weight table: a trigram's codes hash to one (10,000 trigrams in a million slots seldom meet) */
const SLOTS = 1 << 20;
function slot(a: number, b: number, c: number): number {
  return (Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35), 0x27d4eb2f) >>> 12) & (SLOTS - 1);
}

/** weights in tenths by slot (0: the trigram says nothing) */
let table: Int8Array | undefined;
function weights(): Int8Array {
  if (!table) {
    table = new Int8Array(SLOTS);
    for (const entry of MODEL.split("|")) {
      const m = /^(.{3})(-?\d+(?:\.\d+)?)$/su.exec(entry);
      if (m) table[slot(m[1].charCodeAt(0), m[1].charCodeAt(1), m[1].charCodeAt(2))] = Math.max(-127, Math.min(127, Math.round(Number(m[2]) * 10)));
    }
  }
  return table;
}

/** lowercase of a UTF-16 code for ASCII and Latin-1 letters (others as they are) */
function lowerCode(c: number): number {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c;
}

/** nameScore of text[s, e) without making a string of it (the name detector asks it of many words) */
export function nameScoreAt(text: string, s: number, e: number): number {
  const w = weights();
  const n = e - s;
  if (n <= 0) return 0;
  // the padded word "^…$" read as a sliding window of three codes
  let a = 94, b = lowerCode(text.charCodeAt(s));
  let sum = 0;
  for (let p = 1; p <= n; p++) {
    const c = p < n ? lowerCode(text.charCodeAt(s + p)) : 36;
    sum += w[slot(a, b, c)];
    a = b;
    b = c;
  }
  return sum / 10 / n;
}

/** mean log-likelihood ratio "name" : "word" over the trigrams of a lowercase word (0 when it says nothing) */
export function nameScore(lower: string): number {
  return nameScoreAt(lower, 0, lower.length);
}
