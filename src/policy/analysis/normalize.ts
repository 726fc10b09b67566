// Character-level normalisation shared by indexing and queries.

/** strip diacritics (å→a, ä→a, ö→o, é→e) for users who type without them. */
export function fold(s: string): string {
  // most calls are for the same few thousand words: remember them
  let r = foldCache.get(s);
  if (r === undefined) {
    r = /[^\x00-\x7f]/.test(s) ? s.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC") : s;
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(s, r);
  }
  return r;
}
const foldCache = new Map<string, string>();

// OCR and chat spellings that stand for one word: "Al" (A + lowercase L) is how
// the OCR'd policies write "AI"; "AI:n", "AI:s" are inflections.
const TOKEN_ALIASES: Record<string, string> = {
  al: "ai",
  "ai:n": "ai",
  "ai:s": "ai",
  "ai:t": "ai",
  chatgpt: "chatgpt",
  chatgpts: "chatgpt",
  "gpt:n": "gpt",
};

/**
 * split text into lowercase word tokens. Hyphenated words yield their parts and the
 * joined form ("AI-verktyg" → "ai", "verktyg", "aiverktyg") so both spellings meet.
 */
export function tokenize(text: string): string[] {
  // start-up tokenises the same policy and phrasing texts several times (index, concepts,
  // vocabulary, curated entries): remember short texts; callers never mutate the result
  let cached = tokenCache.get(text);
  if (cached === undefined) {
    cached = Object.freeze(tokenizeUncached(text)) as string[];
    if (text.length <= 2000) {
      if (tokenCache.size > 20_000) tokenCache.clear();
      tokenCache.set(text, cached);
    }
  }
  return cached;
}
const tokenCache = new Map<string, string[]>();

/** whether a text is held in the tokenizer's memory (tests: users' questions never are) */
export function isTokenCached(text: string): boolean {
  return tokenCache.has(text);
}

/** tokenize without remembering: for a user's question, which is not kept in memory after its answer */
export function tokenizeUncached(text: string): string[] {
  const out: string[] = [];
  const lowered = text.toLowerCase().replace(/[\u2019']/g, "");
  for (const raw of lowered.match(/[\p{L}\p{N}]+(?:[-:][\p{L}\p{N}]+)*/gu) ?? []) {
    const alias = TOKEN_ALIASES[raw];
    if (alias) {
      out.push(alias);
      continue;
    }
    if (raw.includes("-") || raw.includes(":")) {
      const parts = raw.split(/[-:]/).map((p) => TOKEN_ALIASES[p] ?? p);
      // "ai:n" style endings are inflections, not words
      for (const p of parts) if (p.length > 1) out.push(p);
      const joined = parts.filter((p) => p.length > 1).join("");
      if (parts.length > 1 && joined.length > 3 && !raw.includes(":")) out.push(joined);
    } else {
      out.push(raw);
    }
  }
  return out;
}

/**
 * split into sentences, keeping offsets so a window stays a verbatim substring.
 * A sentence ends at . ! ? followed by a capital, at a blank line, or before a list bullet;
 * "t.ex. Chat GPT" does not end one because a lowercase/abbreviation follows.
 */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const boundary = /(?<=[.!?])\s+(?=["”«(]?[\p{Lu}\d])|\n\s*\n|\n(?=\s*[-•*–]\s)/gu;
  let last = 0;
  const push = (a: number, b: number) => {
    const seg = text.slice(a, b);
    const s = a + (seg.length - seg.trimStart().length);
    const e = a + seg.trimEnd().length;
    if (e > s) spans.push({ start: s, end: e });
  };
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(text)) !== null) {
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    if (/\b(t\.ex|bl\.a|m\.m|s\.k|dvs|kap|nr|ca|jfr)\.$/i.test(before)) continue;
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, text.length);
  return spans;
}
