// "Kan man bli uppsagd för det?", "could I get in trouble, like criminally?": what can follow from
// breaking the policy, answered from what the policy itself says can follow (decisions.json,
// "consequences"), not read as a permission. A policy that says measures follow only repeated or
// serious breaches answers "only then", and yes when the question says the breach was repeated.
import type { Consequence, ConsequenceKind } from "./schema";
import { rx } from "./word-patterns";

const ASKED: Array<[ConsequenceKind, RegExp]> = [
  ["criminal", rx("straffbar\\p{L}*|straffrättslig\\p{L}*|straffmässig\\p{L}*|straffas|åtal\\p{L}*|polisanm\\p{L}*|dömas|fängelse|brottslig\\p{L}*|criminal\\p{L}*|prosecut\\p{L}*|jail|prison|(?:a|the)\\s+crime|brott\\s+mot")],
  ["disciplinary", rx("uppsagd|sparken|avsked\\p{L}*|omplacera\\p{L}*|varning|disciplin\\p{L}*|arbetsrättslig\\p{L}*|fired|sacked|dismissed|let\\s+go|(?:a\\s+)?(?:formal\\s+)?warning|(?:get|be|end\\s+up)\\s+in\\s+trouble|åka\\s+dit|råka\\s+illa\\s+ut|konsekvenser\\s+för\\s+(?:mig|hen|honom|henne|oss)|punished|straffad")],
];
/** the question asks what can happen to someone, not whether something may be done */
const ABOUT_WHAT_FOLLOWS = rx("(?:kan|får|blir|riskerar)\\s+(?:man|jag|hen|han|hon|vi|någon|nån)\\s+(?:faktiskt\\s+|verkligen\\s+)?(?:bli|få|åka\\s+på|åka\\s+dit|råka\\s+illa\\s+ut|dömas|straffas)|(?:could|can|will|would|might)\\s+(?:i|we|they|he|she|someone|you)\\s+(?:actually\\s+|really\\s+)?(?:get|be|end\\s+up)|riskerar|risk\\s+(?:getting|being)|vad\\s+händer\\s+(?:med|om)|what\\s+happens\\s+(?:to|if)|blir\\s+(?:hen|han|hon|jag|man)\\s+(?:uppsagd|av\\p{L}+)|straffbart|criminally|personally\\s+liable");
const REPEATED = rx("flera\\s+(?:gånger|ggr)|upprepade|gång\\s+på\\s+gång|om\\s+och\\s+om\\s+igen|igen\\s+och\\s+igen|hela\\s+tiden|repeatedly|several\\s+times|again\\s+and\\s+again|keeps?\\s+(?:on\\s+)?(?:breaking|doing|pasting)|grov\\p{L}*|serious(?:ly)?");

export interface ConsequenceAnswer {
  verdict: "yes" | "conditional";
  rule: Consequence;
}

export function answerConsequence(question: string, consequences: readonly Consequence[]): ConsequenceAnswer | undefined {
  if (consequences.length === 0 || !ABOUT_WHAT_FOLLOWS.test(question)) return undefined;
  const kind = ASKED.find(([, re]) => re.test(question))?.[0];
  if (!kind) return undefined;
  const rule = consequences.find((c) => c.kind === kind);
  if (!rule) return undefined;
  return { verdict: rule.verdict === "conditional" && REPEATED.test(question) ? "yes" : rule.verdict, rule };
}
