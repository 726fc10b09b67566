// The pattern helpers the question reader's lexicons share.

export type Lexicon<T extends string> = Array<[T, RegExp]>;

// \b does not know å/ä/ö: word starts are "not preceded by a letter"
export const W = "(?<![\\p{L}\\p{N}])";
/** a word end: not followed by a letter or digit */
export const E = "(?![\\p{L}\\p{N}])";

const loose = (body: string) => body.replace(/å/g, "[åa]").replace(/ä/g, "[äa]").replace(/ö/g, "[öo]");

/** words starting at a word start; å/ä/ö also match a/a/o, as many type without them */
export const rx = (body: string) => new RegExp(`${W}(?:${loose(body)})`, "iu");

/**
 * compound heads: the words as the last part of a word and with their endings
 * ("strategi" in "upphandlingsstrategin", "protokoll" in "förhandlingsprotokollet")
 */
export const heads = (body: string, endings = "(?:a|an|en|et|n|t|er|ar|or|na|erna|arna|orna|s|ans|ens|ets)?") => new RegExp(`${W}\\p{L}*(?:${loose(body)})${endings}${E}`, "iu");

export function scan<T extends string>(text: string, lexicon: Lexicon<T>): Set<T> {
  const out = new Set<T>();
  for (const [value, re] of lexicon) if (re.test(text)) out.add(value);
  return out;
}
