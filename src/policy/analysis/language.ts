// Question language: Swedish or English, from function words and letters.
import type { Lang } from "../types";

const SV_MARKERS = new Set(
  `och att det som jag är på för med inte får kan ska måste vad hur vem när var vilken vilka om till av
   eller men har hen han hon vi ni de dom min mitt mina sig jobbet nån något några typ också även bara
   behöver gäller går gör vill skulle kunde finns en ett den detta denna`.split(/\s+/),
);
const EN_MARKERS = new Set(
  `the and is are to of in for with not can may must should what how who when where which do does did
   i my we our you your it this that a an be allowed need if on or use using have has about any there
   am was were would could will they their me`.split(/\s+/),
);
// words spelled the same in both languages; they prove nothing
const SHARED = new Set(["i", "a", "in", "be", "hen", "man", "on", "ai"]);

export function detectLanguage(text: string): Lang {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  let sv = /[åäö]/i.test(text) ? 2 : 0;
  let en = 0;
  for (const w of words) {
    if (SHARED.has(w)) continue;
    if (SV_MARKERS.has(w)) sv++;
    if (EN_MARKERS.has(w)) en++;
  }
  return en > sv ? "en" : "sv";
}
