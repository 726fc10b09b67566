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
    if (this.n === this.s.length) this.grow();
    this.s[this.n] = s;
    this.e[this.n] = e;
    this.h[this.n] = h;
    this.n++;
  }
  /** twice the room, keeping the first n words */
  grow(): void {
    const c = this.s.length * 2;
    const s2 = new Int32Array(c), e2 = new Int32Array(c), h2 = new Int32Array(c);
    s2.set(this.s); e2.set(this.e); h2.set(this.h);
    this.s = s2; this.e = e2; this.h = h2;
  }
}

/** hash of a word that holds a character toLowerCase maps outside the simple Latin-1 rule */
export const NO_HASH = -1;
const HASH_SEED = 0x811c9dc5 | 0;

/** lowercase of a Latin-1 code (what String#toLowerCase, and a case-insensitive regex, give for it) */
export function lowerLatin1(c: number): number {
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

/** the buffer tokenize(text, true) and scanText fill: words are only read during the review that made them */
let shared: Words | null = null;
/** where triggersOf scans, not to overwrite `shared` words still in use */
let scratch: Words | null = null;

/** the words of text; with `reuse`, in a buffer the next tokenize(…, true) or scanText call overwrites */
export function tokenize(text: string, reuse = false): Words {
  const words = reuse ? (shared ??= new Words(4096)) : new Words((text.length >> 3) + 16);
  scan(text, words);
  return words;
}

/**
 * the words of text (as tokenize(text, true) gives them) and its keyword triggers (as triggersOf):
 * the words' loop reads every letter anyway, so one scan finds both
 */
export function scanText(text: string): { words: Words; triggers: number } {
  const words = shared ??= new Words(4096);
  return { words, triggers: scan(text, words) };
}

/**
 * the words of text into `words`, with a hash of each (see Words.h), and the triggersOf(text) bits.
 * The first three characters of every trigger word but k2-k4 are letters or an inner hyphen
 * ("wi-fi"), which the words' loop reads one after the other: a key of the last three, kept as it
 * goes, finds with one table lookup the few places where one may start.
 */
function scan(text: string, words: Words): number {
  const n = text.length;
  const table = LATIN1_LOWER, first = TRIGGER_FIRST;
  let starts = words.s, ends = words.e, hashes = words.h, count = 0;
  let triggers = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c <= 0xff ? table[c] === 0 : !isLetterCode(c)) {
      if (c >= 0x600 && c <= 0x6ff) triggers |= TRIGGER.ARABIC;
      i++;
      continue;
    }
    const s = i;
    let h = HASH_SEED;
    let latin1 = true;
    // the word's last three characters as a trigger key (0 for any not in Latin-1 or before the word)
    let key = 0;
    // c is text[i], a letter at first; each step reads the next (the loop ends at a non-letter)
    for (;;) {
      if (c <= 0xff) {
        const lc = table[c];
        if (lc !== 0) {
          key = triggerKey(key, c);
          if (first[key] !== 0) triggers = triggersAt(text, i - 2, first[key] - 1, triggers);
          h = hashStep(h, lc);
          if (++i === n) break;
          c = text.charCodeAt(i);
          continue;
        }
      } else if (isLetterCode(c)) {
        latin1 = false;
        key = 0;
        if (++i === n) break;
        c = text.charCodeAt(i);
        continue;
      }
      if (!(c === 45 || c === 39 || c === 0x2019) || !isLetterAt(text, i + 1)) {
        // k2, k3, k4: a digit ends the word
        if (c >= 50 && c <= 52 && (text.charCodeAt(i - 1) | 32) === 107) triggers |= TRIGGER.CLASS;
        break;
      }
      // a hyphen or apostrophe inside the word ("Anna-Karin", "O'Brien")
      if (c > 0xff) {
        latin1 = false;
        key = 0;
      } else {
        h = hashStep(h, c);
        key = triggerKey(key, c);
        if (first[key] !== 0) triggers = triggersAt(text, i - 2, first[key] - 1, triggers);
      }
      c = text.charCodeAt(++i);
    }
    if (count === starts.length) {
      words.n = count;
      words.grow();
      starts = words.s; ends = words.e; hashes = words.h;
    }
    starts[count] = s;
    ends[count] = i;
    hashes[count] = latin1 ? hashEnd(h) : NO_HASH;
    count++;
    // text[i] (if any) ended the word, so it is no letter: the next word starts after it
    i++;
  }
  words.n = count;
  return triggers;
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
  /** a character of the Arabic block (U+0600–U+06FF): the Arabic health words are looked for */
  ARABIC: 256,
  /** a security weakness named (sårbarhet, vulnerability, bypass, exploit, CVE-) */
  WEAKNESS: 512,
  /** a word of keeping text to a circle (spridas, vidarebefordras, circulate, forward, disclose) */
  RESTRICTED: 1024,
} as const;
// the words osl|sekretess|konfidentiell|hemlig|confidential|secret|internal only|internt bruk|k[2-4]|
// skydda|kvarskri|fingerade|lösen|pass|pwd|pin|nyckel|wifi|wi-fi|kod|code and the weakness and circle words below, found where the regex /…/gi
// would find them: at any start (also inside a word), ASCII letters and ö in either case, the
// other characters exactly. k2-k4 are found apart (see scan); "sekretess" and "pin" are special
// (see triggersAt).
const TRIGGER_WORDS: Array<[string, number]> = [
  ["osl", TRIGGER.OSL],
  ["sekretess", TRIGGER.MARKING | TRIGGER.SECRET_PHRASE],
  ["secret", TRIGGER.MARKING],
  ["skydda", TRIGGER.PROTECTED],
  ["konfidentiell", TRIGGER.MARKING | TRIGGER.SECRET_PHRASE],
  ["kvarskri", TRIGGER.PROTECTED],
  ["hemlig", TRIGGER.MARKING | TRIGGER.SECRET_PHRASE],
  ["confidential", TRIGGER.MARKING | TRIGGER.SECRET_PHRASE],
  ["internal only", TRIGGER.MARKING], ["internt bruk", TRIGGER.MARKING],
  ["fingerade", TRIGGER.PROTECTED],
  ["lösen", TRIGGER.PASSWORD],
  ["pass", TRIGGER.PASSWORD], ["pwd", TRIGGER.PASSWORD], ["pin", TRIGGER.PASSWORD],
  ["nyckel", TRIGGER.KEY], ["wifi", TRIGGER.KEY], ["wi-fi", TRIGGER.KEY],
  ["kod", TRIGGER.CODE], ["code", TRIGGER.CODE],
  // words whose first three letters are rare, so the scan stays as cheap: "sårbarhet" through "rbarhet" (no å in a
  // trigger word); common openings ("for", "del", "säker") are left out
  ["rbarhet", TRIGGER.WEAKNESS], ["vulnerab", TRIGGER.WEAKNESS], ["bypass", TRIGGER.WEAKNESS], ["exploit", TRIGGER.WEAKNESS],
  ["zero-day", TRIGGER.WEAKNESS], ["cve-", TRIGGER.WEAKNESS],
  ["spridas", TRIGGER.RESTRICTED], ["vidarebefordra", TRIGGER.RESTRICTED], ["circulat", TRIGGER.RESTRICTED], ["disclos", TRIGGER.RESTRICTED],
];

interface TriggerWord {
  word: string;
  /** the word's character codes */
  codes: Uint16Array;
  /** per character, 32 where its uppercase differs by that bit (a-z and ö), else 0 */
  fold: Uint16Array;
  bits: number;
  /** all the bits it may set ("sekretess" also OSL and PROTECTED) */
  most: number;
}

const TRIGGER_TABLE: TriggerWord[] = TRIGGER_WORDS.map(([word, bits]) => {
  // the scan sees a word's first three characters only if they are letters or a hyphen inside it,
  // and `fold` holds for the characters checked to match /…/i like this: a-z, ö, space, hyphen
  if (!/^[a-zö]{2}[a-zö-][a-zö -]*$/.test(word)) throw new Error(`trigger word the scan cannot find: ${word}`);
  const upper = word.toUpperCase();
  const codes = Uint16Array.from(word, (ch) => ch.charCodeAt(0));
  const fold = codes.map((c, k) => c ^ upper.charCodeAt(k));
  const most = word === "sekretess" ? bits | TRIGGER.OSL | TRIGGER.PROTECTED : bits;
  return { word, codes, fold, bits, most };
});

/**
 * the key of a character after those of `key`: the low 5 bits of the last three (the same for
 * both cases of a-z and ö; other characters may share a key, the match is checked in full)
 */
function triggerKey(key: number, c: number): number {
  return ((key << 5) | (c & 31)) & 0x7fff;
}

/**
 * TRIGGER_FIRST[key] is 1 + the first trigger word whose first three characters have that key, 0
 * for none; TRIGGER_NEXT chains the words with the same key ("internal only", "internt bruk").
 * No character of a trigger word's key is 0 in it, so a key still holding the 0 it starts from
 * matches none.
 */
const TRIGGER_FIRST = new Uint8Array(1 << 15);
const TRIGGER_NEXT = new Int8Array(TRIGGER_TABLE.length).fill(-1);
for (let w = TRIGGER_TABLE.length - 1; w >= 0; w--) {
  const { codes } = TRIGGER_TABLE[w];
  const key = triggerKey(triggerKey(triggerKey(0, codes[0]), codes[1]), codes[2]);
  if (TRIGGER_FIRST[key] !== 0) TRIGGER_NEXT[w] = TRIGGER_FIRST[key] - 1;
  TRIGGER_FIRST[key] = w + 1;
}

/** whether the word is at text[at] */
function triggerWordAt(text: string, at: number, word: TriggerWord): boolean {
  const { codes, fold } = word;
  if (at + codes.length > text.length) return false;
  // fold is 32 only where the lowercase code has that bit: `| 32` admits just its two cases
  for (let k = 0; k < codes.length; k++) if ((text.charCodeAt(at + k) | fold[k]) !== codes[k]) return false;
  return true;
}

/** the bits "sekretess" at `at` sets: "sekretesslag" also names OSL, "sekretessmark…" is a marking */
function sekretessBits(text: string, at: number, bits: number): number {
  const rest = text.slice(at + 9, at + 13).toLowerCase();
  if (rest.startsWith("lag")) bits |= TRIGGER.OSL;
  if (rest === "mark") bits |= TRIGGER.PROTECTED;
  return bits;
}

/** `bits` with those of the trigger words from w on its chain that occur at text[at] */
function triggersAt(text: string, at: number, w: number, bits: number): number {
  for (; w >= 0; w = TRIGGER_NEXT[w]) {
    const word = TRIGGER_TABLE[w];
    if ((bits | word.most) === bits || !triggerWordAt(text, at, word)) continue;
    if (word.word === "sekretess") bits = sekretessBits(text, at, bits | word.bits);
    // "pin" inside a word ("Norrköping") opens no password pattern: they all want it at a word start
    else if (word.word !== "pin" || !(isAlnumAt(text, at - 1) || text.charCodeAt(at - 1) === 95)) bits |= word.bits;
  }
  return bits;
}

/**
 * which keyword triggers a text holds: one scan instead of one indexOf or regex test per gate.
 * Every start position is tried, so it is the same as testing each gate on its own. It comes
 * from the words' scan (see scan): scanText gives the words and the triggers of one scan.
 */
export function triggersOf(text: string): number {
  return scan(text, scratch ??= new Words(4096));
}
