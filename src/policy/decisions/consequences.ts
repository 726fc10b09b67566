// "Kan man bli uppsagd för det?", "could I get in trouble, like criminally?": what can follow from
// breaking the policy, answered from what the policy itself says can follow (decisions.json,
// "consequences"), not read as a permission. A policy that says measures follow only repeated or
// serious breaches answers "only then", and yes when the question says the breach was repeated.
import type { Consequence, ConsequenceKind } from "./schema";
import { rx } from "./word-patterns";

const ASKED: Array<[ConsequenceKind, RegExp]> = [
  ["criminal", rx("straffbar\\p{L}*|straffrättslig\\p{L}*|straffmässig\\p{L}*|straffas|åtal\\p{L}*|polisanm\\p{L}*|dömas|fängelse|brottslig\\p{L}*|criminal\\p{L}*|prosecut\\p{L}*|jail|prison|(?:a|the)\\s+crime|brott\\s+mot")],
  ["disciplinary", rx("uppsagd|uppsägning\\p{L}*|sparken|avsked\\p{L}*|omplacera\\p{L}*|varning|disciplin\\p{L}*|arbetsrättslig\\p{L}*|fired|sacked|dismissed|let\\s+go|(?:a\\s+)?(?:formal\\s+)?warning|(?:get|be|end\\s+up)\\s+in\\s+trouble|åka\\s+dit|råka\\s+illa\\s+ut|konsekvenser\\s+för\\s+(?:mig|hen|honom|henne|oss)|punished|straffad")],
];
/** the question asks what can happen to someone, not whether something may be done */
const ABOUT_WHAT_FOLLOWS = rx("(?:kan|får|blir|riskerar)\\s+(?:man|jag|hen|han|hon|vi|någon|nån)\\s+(?:faktiskt\\s+|verkligen\\s+)?(?:bli|få|åka\\s+på|åka\\s+dit|råka\\s+illa\\s+ut|dömas|straffas)|(?:could|can|will|would|might)\\s+(?:i|we|they|he|she|someone|you)\\s+(?:actually\\s+|really\\s+)?(?:get|be|end\\s+up)|riskerar|risk\\s+(?:getting|being)|vad\\s+händer\\s+(?:med|om)|(?:does|will|would|could)\\s+(?:a|this|that|my|one|the)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:automatically\\s+)?(?:mean|lead\\s+to|result\\s+in|get\\s+(?:me|you|someone))|(?:leder|innebär|betyder)\\s+(?:det|ett|detta|ett\\s+sånt|ett\\s+första)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:automatiskt\\s+)?(?:att|till)|what\\s+happens\\s+(?:to|if)|blir\\s+(?:hen|han|hon|jag|man)\\s+(?:uppsagd|av\\p{L}+)|straffbart|criminally|personally\\s+liable");
/** "a first mistake", "just once", "en enda gång": what is asked about happened once */
const ONCE = rx("(?:first|första)\\s+(?:\\p{L}+\\s+)?(?:mistake|time|misstag|gången|gång)|just\\s+once|only\\s+once|en\\s+(?:enda\\s+)?gång(?![\\p{L}])|ett\\s+enstaka|a\\s+single\\s+(?:mistake|slip)|one-off|one\\s+mistake");
/** a serious breach is not excused by being the first */
const SERIOUS = rx("grov\\p{L}*|serious\\p{L}*|allvarlig\\p{L}*|medvet\\p{L}*|on\\s+purpose|avsiktlig\\p{L}*|deliberate\\p{L}*");
const REPEATED = rx("flera\\s+(?:gånger|ggr)|upprepade|gång\\s+på\\s+gång|om\\s+och\\s+om\\s+igen|igen\\s+och\\s+igen|hela\\s+tiden|repeatedly|several\\s+times|again\\s+and\\s+again|keeps?\\s+(?:on\\s+)?(?:breaking|doing|pasting)|grov\\p{L}*|serious(?:ly)?");

export interface ConsequenceAnswer {
  verdict: "yes" | "no" | "conditional";
  rule: Consequence;
}

export function answerConsequence(question: string, consequences: readonly Consequence[]): ConsequenceAnswer | undefined {
  if (consequences.length === 0 || !ABOUT_WHAT_FOLLOWS.test(question)) return undefined;
  const kind = ASKED.find(([, re]) => re.test(question))?.[0];
  if (!kind) return undefined;
  const rule = consequences.find((c) => c.kind === kind);
  if (!rule) return undefined;
  // what follows only on repeated or serious breaches: yes when they are repeated, no for a first one
  if (rule.verdict === "conditional" && REPEATED.test(question)) return { verdict: "yes", rule };
  if (rule.verdict === "conditional" && ONCE.test(question) && !SERIOUS.test(question)) return { verdict: "no", rule };
  return { verdict: rule.verdict, rule };
}
