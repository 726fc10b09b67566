// Everyday words of spoken Swedish and English ("ta", "låta", "stuff", "actually"): a question's
// word the policy never uses says the question is off its topics only when the word is not one
// of these (search/coverage.ts). Lists in lists/common-words.ts.
import { COMMON_EN, COMMON_SV } from "./lists/common-words";
import type { Lang } from "../types";

let sets: Record<Lang, Set<string>> | undefined;

export function isCommonWord(lang: Lang, word: string): boolean {
  sets ??= { sv: new Set(COMMON_SV.split("|")), en: new Set(COMMON_EN.split("|")) };
  return sets[lang].has(word.toLowerCase());
}
