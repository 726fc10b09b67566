// Draft review before Copilot: find personal and secret data, explain it with the active pack's
// rules, and redact it. Pure TypeScript (no Node APIs) so the Teams tab runs it in the browser.
import type { PackFacts, PolicyPack } from "../policy/types";
import type { ReviewResult } from "./types";
import { detectAll } from "./engine";
import { redact, redactedText, type RedactOptions } from "./redact";
import { dataRulesOf, rulesBroken, verdictOf } from "./verdict";

export interface ReviewOptions extends RedactOptions {
  /** rules to cite when no pack is given (e.g. the tab passes only the pack's dataRules) */
  dataRules?: PackFacts["dataRules"];
}

/** review plus the placeholder mapping, for the user's own screen only (never store or log it) */
export interface ReviewWithMapping extends ReviewResult {
  mapping: Record<string, string>;
}

export function reviewWithMapping(text: string, pack?: PolicyPack, opts: ReviewOptions = {}): ReviewWithMapping {
  const findings = detectAll(text);
  const { redacted, mapping } = redact(text, findings, opts);
  return {
    verdict: verdictOf(findings),
    findings,
    redacted,
    rules: rulesBroken(findings, dataRulesOf(pack) ?? opts.dataRules),
    mapping,
  };
}

export function reviewDraft(text: string, pack?: PolicyPack, opts: ReviewOptions = {}): ReviewResult {
  // the same fields as reviewWithMapping without the mapping: none is built, and no second object
  const findings = detectAll(text);
  const redacted = redactedText(text, findings, opts);
  return {
    verdict: verdictOf(findings),
    findings,
    redacted,
    rules: rulesBroken(findings, dataRulesOf(pack) ?? opts.dataRules),
  };
}

export { restore, redact, normalise, PLACEHOLDER_LABEL } from "./redact";
export { detectAll, resolveOverlaps } from "./engine";
export { verdictOf, rulesBroken, ruleKindsFor, BLOCK_CONFIDENCE } from "./verdict";
export type { Finding, FindingType, ReviewResult, Verdict } from "./types";
