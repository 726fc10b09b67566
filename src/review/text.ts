// Character helpers shared by the detectors. Plain loops, no regexes: they run on every keystroke.

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isDigitAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isDigitCode(text.charCodeAt(i));
}

/** ASCII and Latin letters (incl. å ä ö é ü ć š ž ı ş and Vietnamese), not × ÷ */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x370 && c <= 0x3ff) || (c >= 0x400 && c <= 0x4ff);
}

export function isLetterAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isLetterCode(text.charCodeAt(i));
}

export function isAlnumAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return isDigitCode(c) || isLetterCode(c);
}

export function isUpperCode(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** the digits of s, as a string */
export function digitsOf(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) out += s[i];
  }
  return out;
}

/** lowercased text of up to n characters before position i (for context cues) */
export function before(text: string, i: number, n: number): string {
  return text.slice(Math.max(0, i - n), i).toLowerCase();
}

/** lowercased text of up to n characters after position i */
export function after(text: string, i: number, n: number): string {
  return text.slice(i, Math.min(text.length, i + n)).toLowerCase();
}

/** fold() of each Latin-1 character, by the general path */
const FOLD_LATIN1: string[] = Array.from({ length: 256 }, (_, c) =>
  String.fromCharCode(c).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase());

/** strip diacritics and lowercase: "Petrović" -> "petrovic" */
export function fold(s: string): string {
  // below U+00C0 no character decomposes under NFD: lowercasing is all there is to do
  let latin1 = true, plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xc0) { plain = false; if (c > 0xff) { latin1 = false; break; } }
  }
  if (plain) return s.toLowerCase();
  if (!latin1) return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  // Latin-1 holds no combining marks and every decomposition starts with a base letter, so NFD
  // works character by character here: the folded form is the concatenation of each one's
  let out = "";
  for (let i = 0; i < s.length; i++) out += FOLD_LATIN1[s.charCodeAt(i)];
  return out;
}

/** s with runs of whitespace collapsed to one space and trimmed (no regex when there is nothing to do) */
export function squeezeSpaces(s: string): string {
  let plain = s.length > 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32;
  for (let i = 0; plain && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? s.charCodeAt(i + 1) === 32 : (c <= 13 && c >= 9) || c === 0xa0 || c > 0x1000 && /\s/.test(s[i])) plain = false;
  }
  return plain ? s : s.replace(/\s+/g, " ").trim();
}

/** parse a '|'-separated data string into a set */
export function setOf(data: string, extra: readonly string[] = []): Set<string> {
  const s = new Set(data.split("|"));
  for (const e of extra) s.add(e);
  return s;
}

/** the words of a text: letters, with internal hyphens/apostrophes ("Anna-Karin", "O'Brien") */
export interface Tok { s: number; e: number }

/**
 * words as flat offset arrays (no object per word: this runs on every keystroke), with a hash of
 * each word's lowercase form computed while scanning, so detectors can reject most words with one
 * table lookup instead of slicing and lowercasing them (see wordHash and HashSetFilter)
 */
export class Words {
  s: Int32Array;
  e: Int32Array;
  /** wordHash of the lowercase word; NO_HASH when it holds a character outside Latin-1 */
  h: Int32Array;
  n = 0;
  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.s = new Int32Array(c);
    this.e = new Int32Array(c);
    this.h = new Int32Array(c);
  }
  push(s: number, e: number, h: number): void {
    if (this.n === this.s.length) {
      const s2 = new Int32Array(this.n * 2), e2 = new Int32Array(this.n * 2), h2 = new Int32Array(this.n * 2);
      s2.set(this.s); e2.set(this.e); h2.set(this.h);
      this.s = s2; this.e = e2; this.h = h2;
    }
    this.s[this.n] = s;
    this.e[this.n] = e;
    this.h[this.n] = h;
    this.n++;
  }
}

/** hash of a word that holds a character toLowerCase maps outside the simple Latin-1 rule */
export const NO_HASH = -1;
const HASH_SEED = 0x811c9dc5 | 0;

/** lowercase of a Latin-1 code (what String#toLowerCase gives for it) */
function lowerLatin1(c: number): number {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c;
}
/** per Latin-1 code: its lowercase when it is a letter (isLetterCode), else 0 */
const LATIN1_LOWER = (() => {
  const t = new Uint16Array(256);
  for (let c = 0; c < 256; c++) if (isLetterCode(c)) t[c] = lowerLatin1(c);
  return t;
})();
function hashStep(h: number, lc: number): number {
  return Math.imul(h ^ lc, 0x01000193);
}
function hashEnd(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) & 0x7fffffff;
}

/** the hash tokenize() gives to text[s, e) (NO_HASH when a character is outside Latin-1) */
export function wordHash(text: string, s: number, e: number): number {
  let h = HASH_SEED;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c > 0xff) return NO_HASH;
    h = hashStep(h, lowerLatin1(c));
  }
  return hashEnd(h);
}

/**
 * A filter in front of word sets: one bit per hash bucket of every member. It has no false
 * negatives for words with a hash, so `!mayHave(h)` proves a word is not in the set.
 */
export class HashSetFilter {
  // one bit per bucket (not a byte): the table stays small enough to sit in the CPU cache
  private readonly bits: Int32Array;
  private readonly mask: number;
  constructor(words: Iterable<string>, sizeLog2 = 20) {
    this.bits = new Int32Array(1 << Math.max(0, sizeLog2 - 5));
    this.mask = (1 << sizeLog2) - 1;
    for (const w of words) {
      const h = wordHash(w, 0, w.length);
      if (h !== NO_HASH) { const b = h & this.mask; this.bits[b >>> 5] |= 1 << (b & 31); }
    }
  }
  /** false only when the word hashed to h is certainly not a member */
  mayHave(h: number): boolean {
    if (h === NO_HASH) return true;
    const b = h & this.mask;
    return (this.bits[b >>> 5] & (1 << (b & 31))) !== 0;
  }
}

/** one reusable buffer: words are only read during the review that made them */
let shared: Words | null = null;

export function tokenize(text: string, reuse = false): Words {
  let words: Words;
  if (reuse) {
    words = shared ??= new Words(4096);
    words.n = 0;
  } else {
    words = new Words((text.length >> 3) + 16);
  }
  const n = text.length;
  const table = LATIN1_LOWER;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 <= 0xff ? table[c0] === 0 : !isLetterCode(c0)) { i++; continue; }
    const s = i;
    let h = HASH_SEED;
    let latin1 = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c <= 0xff) {
        const lc = table[c];
        if (lc !== 0) { h = hashStep(h, lc); i++; continue; }
      } else if (isLetterCode(c)) {
        latin1 = false;
        i++;
        continue;
      }
      if ((c === 45 || c === 39 || c === 0x2019) && i + 1 < n && isLetterCode(text.charCodeAt(i + 1))) {
        if (c > 0xff) latin1 = false; else h = hashStep(h, c);
        i++;
        continue;
      }
      break;
    }
    words.push(s, i, latin1 ? hashEnd(h) : NO_HASH);
  }
  return words;
}

/** start of the line holding pos, looking back at most `max` characters (-1 when further) */
export function lineStart(text: string, pos: number, max = 400): number {
  // a bounded look back: lastIndexOf over a long single-line text would make callers quadratic
  const stop = Math.max(0, pos - max - 1);
  for (let k = pos - 1; k >= stop; k--) if (text.charCodeAt(k) === 10) return k + 1;
  return pos - max - 1 < 0 ? 0 : -1;
}

/**
 * true when the number starting at i continues a grouped code ("AL47 212A 1009 …", "X7 0505 0001"):
 * the previous token, one space or dash back, is a short alphanumeric group holding a digit.
 */
export function continuesCode(text: string, i: number, depth = 0): boolean {
  const sep = text[i - 1];
  if (sep !== " " && sep !== "-") return false;
  let k = i - 2;
  let digit = false;
  const end = k;
  while (k >= 0 && end - k < 7) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) digit = true;
    else if (!(c >= 65 && c <= 90)) break;
    k--;
  }
  const len = end - k;
  if (len < 1 || len > 6 || isAlnumAt(text, k)) return false;
  if (digit) return true;
  // an all-caps group ("ABNA") continues a code only if the group before it holds a digit ("NL91 ABNA 0417")
  return depth === 0 && len >= 2 && continuesCode(text, k + 1, 1);
}

/** keyword triggers that gate the costlier detector regexes (bits of triggersOf) */
export const TRIGGER = {
  OSL: 1, MARKING: 2, CLASS: 4, PROTECTED: 8, SECRET_PHRASE: 16, PASSWORD: 32, KEY: 64, CODE: 128,
} as const;
// the words osl|sekretess|konfidentiell|hemlig|confidential|secret|internal only|internt bruk|k[2-4]|
// skydda|kvarskri|fingerade|lösen|pass|pwd|pin|nyckel|wifi|wi-fi|kod|code grouped by first letters, matched
// case-insensitively on the draft itself (faster than lowercasing a copy); at most one of them can
// start at any place, so the order does not matter
const TRIGGER_WORDS = /osl|s(?:ekretess|ecret|kydda)|k(?:onfidentiell|[2-4]|varskri|od)|hemlig|co(?:nfidential|de)|intern(?:al only|t bruk)|fingerade|lösen|p(?:ass|wd|in)|nyckel|wi(?:fi|-fi)/gi;

/**
 * which keyword triggers a text holds: one scan instead of one indexOf or regex test per gate.
 * Every start position is tried, so it is the same as testing each gate on its own.
 */
export function triggersOf(text: string): number {
  let bits = 0;
  let m: RegExpExecArray | null;
  TRIGGER_WORDS.lastIndex = 0;
  while ((m = TRIGGER_WORDS.exec(text))) {
    const i = m.index;
    TRIGGER_WORDS.lastIndex = i + 1;
    // which word: its first two letters, case folded ('|32' maps A-Z and À-Þ to lowercase)
    const c0 = text.charCodeAt(i) | 32, c1 = text.charCodeAt(i + 1) | 32;
    switch (c0) {
      case 111: bits |= TRIGGER.OSL; break; // osl
      case 115: // sekretess, secret, skydda
        if (c1 === 107) bits |= TRIGGER.PROTECTED;
        else if (m[0].length === 6) bits |= TRIGGER.MARKING;
        else {
          bits |= TRIGGER.MARKING | TRIGGER.SECRET_PHRASE;
          const rest = text.slice(i + 9, i + 13).toLowerCase();
          if (rest.startsWith("lag")) bits |= TRIGGER.OSL;
          if (rest === "mark") bits |= TRIGGER.PROTECTED;
        }
        break;
      case 107: // k2-k4, konfidentiell, kvarskri, kod
        if (c1 === 111) bits |= m[0].length === 3 ? TRIGGER.CODE : TRIGGER.MARKING | TRIGGER.SECRET_PHRASE;
        else if (c1 === 118) bits |= TRIGGER.PROTECTED;
        else bits |= TRIGGER.CLASS;
        break;
      case 99: bits |= m[0].length === 4 ? TRIGGER.CODE : TRIGGER.MARKING | TRIGGER.SECRET_PHRASE; break; // code, confidential
      case 104: bits |= TRIGGER.MARKING | TRIGGER.SECRET_PHRASE; break; // hemlig
      case 105: bits |= TRIGGER.MARKING; break; // internal only, internt bruk
      case 102: bits |= TRIGGER.PROTECTED; break; // fingerade
      case 108: bits |= TRIGGER.PASSWORD; break; // lösen
      case 112: // pass, pwd, pin
        // "pin" inside a word ("Norrköping") opens no password pattern: they all want it at a word start
        if (c1 !== 105 || !(isAlnumAt(text, i - 1) || text.charCodeAt(i - 1) === 95)) bits |= TRIGGER.PASSWORD;
        break;
      default: bits |= TRIGGER.KEY; // nyckel, wifi, wi-fi
    }
  }
  return bits;
}
