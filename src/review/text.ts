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

/** strip diacritics and lowercase: "Petrović" -> "petrovic" */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** parse a '|'-separated data string into a set */
export function setOf(data: string, extra: readonly string[] = []): Set<string> {
  const s = new Set(data.split("|"));
  for (const e of extra) s.add(e);
  return s;
}

/** the words of a text: letters, with internal hyphens/apostrophes ("Anna-Karin", "O'Brien") */
export interface Tok { s: number; e: number }

/** words as flat offset arrays (no object per word: this runs on every keystroke) */
export class Words {
  s: Int32Array;
  e: Int32Array;
  n = 0;
  constructor(capacity: number) {
    this.s = new Int32Array(Math.max(16, capacity));
    this.e = new Int32Array(Math.max(16, capacity));
  }
  push(s: number, e: number): void {
    if (this.n === this.s.length) {
      const s2 = new Int32Array(this.n * 2), e2 = new Int32Array(this.n * 2);
      s2.set(this.s); e2.set(this.e);
      this.s = s2; this.e = e2;
    }
    this.s[this.n] = s;
    this.e[this.n] = e;
    this.n++;
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
  let i = 0;
  while (i < n) {
    if (!isLetterCode(text.charCodeAt(i))) { i++; continue; }
    const s = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isLetterCode(c)) { i++; continue; }
      if ((c === 45 || c === 39 || c === 0x2019) && i + 1 < n && isLetterCode(text.charCodeAt(i + 1))) { i++; continue; }
      break;
    }
    words.push(s, i);
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
