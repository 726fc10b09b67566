// Tags in untrusted text (Teams message HTML, <at> mentions, WordprocessingML), found in time
// linear in the text. A regex such as /<[^>]*>/ or /<at[^>]*>.*?<\/at>/ scans to the end of
// the text from every "<" when no ">" (or "</at>") follows, which is quadratic: these helpers
// find each next ">" or closing tag once and reuse it while the scan moves forward.

const SLASH = 47; // /

/** JavaScript's \s: white space and line terminators */
export function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** \w without the u flag: [A-Za-z0-9_] */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** what the . of a regex without the s flag does not match */
export function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/**
 * s has `lower` at i, ASCII letters compared without case (what the i flag does without u:
 * no other character folds to an ASCII letter)
 */
export function startsWithIgnoreCase(s: string, i: number, lower: string): boolean {
  if (i + lower.length > s.length) return false;
  for (let k = 0; k < lower.length; k++) {
    const want = lower.charCodeAt(k);
    const c = s.charCodeAt(i + k);
    if (c !== want && !(want >= 97 && want <= 122 && c === want - 32)) return false;
  }
  return true;
}

/** s.indexOf(needle, from) with ASCII letters compared without case; `needle` starts with "<" and is lower case */
export function indexOfIgnoreCase(s: string, needle: string, from: number): number {
  for (let i = s.indexOf("<", from); i >= 0; i = s.indexOf("<", i + 1)) {
    if (startsWithIgnoreCase(s, i + 1, needle.slice(1))) return i;
  }
  return -1;
}

/**
 * The first match at or after a position, for scans whose positions only grow: the last answer
 * is kept, so that many questions between the same two matches read the text once.
 */
export class NextIndex {
  private from = Number.MAX_SAFE_INTEGER;
  private at = -1;
  constructor(private readonly find: (from: number) => number) {}

  /** the first match at or after pos, or -1 */
  after(pos: number): number {
    // nothing in [from, at): the cached answer holds for any pos in [from, at] (or beyond from when there is none)
    if (pos < this.from || (this.at >= 0 && pos > this.at)) {
      this.from = pos;
      this.at = this.find(pos);
    }
    return this.at;
  }
}

/**
 * s.replace(re, by) for a global regex of the form /<head[^>]*>/: `head(s, i)` tells whether
 * the part before [^>]* matches at the "<" at i (it must not read past a ">"). The tag then
 * runs to the first ">" after it.
 */
export function replaceTags(s: string, head: (s: string, i: number) => boolean, by: string): string {
  const gt = new NextIndex((from) => s.indexOf(">", from));
  let out = "";
  let kept = 0;
  for (let i = s.indexOf("<"); i >= 0; i = s.indexOf("<", i + 1)) {
    if (!head(s, i)) continue;
    const end = gt.after(i + 1);
    if (end < 0) break; // no ">" after this "<": none after any later one either
    out += s.slice(kept, i) + by;
    kept = end + 1;
    i = end;
  }
  return kept === 0 ? s : out + s.slice(kept);
}

/** the "<" at i opens (or closes, with "/") a tag named one of `names` (lower case) followed by \b */
export function tagNamed(s: string, i: number, names: ReadonlySet<string>, longest: number): boolean {
  let j = i + 1;
  if (s.charCodeAt(j) === SLASH) j++;
  let k = j;
  while (k < s.length && k - j <= longest && isWordChar(s.charCodeAt(k))) k++;
  return k > j && k - j <= longest && names.has(s.slice(j, k).toLowerCase());
}

/**
 * s.replace(/<at[^>]*>.*?<\/at>/gi, by): Teams' mention markup, the mention's text and its
 * closing tag on the same line
 */
export function replaceMentions(s: string, by: string): string {
  const gt = new NextIndex((from) => s.indexOf(">", from));
  const close = new NextIndex((from) => indexOfIgnoreCase(s, "</at>", from));
  const lineEnd = new NextIndex((from) => {
    for (let k = from; k < s.length; k++) if (isLineTerminator(s.charCodeAt(k))) return k;
    return -1;
  });
  let out = "";
  let kept = 0;
  for (let i = indexOfIgnoreCase(s, "<at", 0); i >= 0; i = indexOfIgnoreCase(s, "<at", i + 1)) {
    const open = gt.after(i + 3);
    if (open < 0) break;
    const c = close.after(open + 1);
    if (c < 0) break; // no "</at>" after this mention: none after any later one either
    const eol = lineEnd.after(open + 1);
    if (eol >= 0 && eol < c) continue; // the closing tag is on a later line
    out += s.slice(kept, i) + by;
    kept = c + 5;
    i = c + 4;
  }
  return kept === 0 ? s : out + s.slice(kept);
}
