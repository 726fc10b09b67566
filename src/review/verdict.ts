// Verdict per policy pack: which rules of the active pack each kind of finding breaks.
import type { Citation, PackFacts, PolicyPack } from "../policy/types";
import type { Finding, FindingType, Verdict } from "./types";

/** findings at or above this confidence block; weaker ones only warn */
export const BLOCK_CONFIDENCE = 0.6;

type RuleKind = keyof PackFacts["dataRules"];

const PERSONAL: FindingType[] = ["PERSONNUMMER", "PERSON_NAME", "EMAIL", "PHONE", "ADDRESS", "BANK_ACCOUNT", "PAYMENT_CARD", "IP_ADDRESS", "LICENSE_PLATE"];

/** the kinds of pack rules a finding type breaks, most specific first */
export function ruleKindsFor(type: FindingType): RuleKind[] {
  if (PERSONAL.includes(type)) return ["personalData", "customerData"];
  if (type === "HEALTH" || type === "SPECIAL_CATEGORY") return ["specialCategory", "personalData"];
  if (type === "SECRECY") return ["secrecy"];
  return ["credentials"];
}

export function verdictOf(findings: Finding[]): Verdict {
  if (findings.some((f) => f.confidence >= BLOCK_CONFIDENCE)) return "block";
  return findings.length ? "warn" : "ok";
}

function key(c: Citation): string {
  return `${c.policy}\u0000${c.section}\u0000${c.rule ?? ""}\u0000${c.quote}`;
}

/** rules of the pack broken, per finding type present (quotes from pack.facts.dataRules) */
export function rulesBroken(findings: Finding[], dataRules: PackFacts["dataRules"] | undefined): Partial<Record<FindingType, Citation[]>> {
  const out: Partial<Record<FindingType, Citation[]>> = {};
  if (!dataRules) return out;
  for (const type of new Set(findings.map((f) => f.type))) {
    const seen = new Set<string>();
    const cites: Citation[] = [];
    for (const kind of ruleKindsFor(type)) {
      for (const c of dataRules[kind] ?? []) {
        if (seen.has(key(c))) continue;
        seen.add(key(c));
        cites.push(c);
      }
    }
    if (cites.length) out[type] = cites;
  }
  return out;
}

export function dataRulesOf(pack: PolicyPack | PackFacts["dataRules"] | undefined): PackFacts["dataRules"] | undefined {
  if (!pack) return undefined;
  return "facts" in pack ? pack.facts?.dataRules : pack;
}
