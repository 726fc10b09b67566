// A review result turned into what the card shows: groups of masked values, the pack's
// rules (each once, with the types it applies to) and the redacted copy. The raw finding
// values stop here: only masked strings go on.
import type { Citation } from "../../policy/types";
import type { FindingType, ReviewWithMapping, Verdict } from "../../review";
import { maskValue } from "./mask";
import { NextIndex } from "../../text/tags";

/** most serious first: the order groups appear on the card */
export const TYPE_ORDER: FindingType[] = [
  "PERSONNUMMER", "CREDENTIAL", "PAYMENT_CARD", "BANK_ACCOUNT", "HEALTH", "SPECIAL_CATEGORY", "SECRECY",
  "PERSON_NAME", "EMAIL", "PHONE", "ADDRESS", "IP_ADDRESS", "LICENSE_PLATE",
];

/** masked examples shown per group; the count covers the rest */
export const MAX_VALUES_PER_GROUP = 5;
/** reasons (from the engine) shown per group */
export const MAX_REASONS_PER_GROUP = 3;

export interface FindingGroup {
  type: FindingType;
  /** findings of this type in the draft */
  count: number;
  /** distinct masked values, at most MAX_VALUES_PER_GROUP */
  values: string[];
  /** distinct masked values not shown */
  more: number;
  /** why the engine flagged them, with any quoted words left out */
  reasons: string[];
}

export interface BrokenRule {
  citation: Citation;
  types: FindingType[];
}

export interface ReviewSummary {
  verdict: Verdict;
  groups: FindingGroup[];
  rules: BrokenRule[];
  redacted: string;
  /** placeholder -> value: for the user's restore only */
  mapping: Record<string, string>;
  /** length of the reviewed text */
  chars: number;
}

export function summarise(text: string, r: ReviewWithMapping): ReviewSummary {
  const byType = new Map<FindingType, { count: number; values: Set<string>; reasons: Set<string> }>();
  for (const f of r.findings) {
    let g = byType.get(f.type);
    if (!g) byType.set(f.type, (g = { count: 0, values: new Set(), reasons: new Set() }));
    g.count++;
    g.values.add(maskValue(f.type, text.slice(f.start, f.end)));
    const reason = cleanReason(f.reason);
    if (reason) g.reasons.add(reason);
  }
  const groups: FindingGroup[] = [];
  for (const type of TYPE_ORDER) {
    const g = byType.get(type);
    if (!g) continue;
    const values = [...g.values];
    groups.push({
      type,
      count: g.count,
      values: values.slice(0, MAX_VALUES_PER_GROUP),
      more: Math.max(0, values.length - MAX_VALUES_PER_GROUP),
      reasons: [...g.reasons].slice(0, MAX_REASONS_PER_GROUP),
    });
  }
  return { verdict: r.verdict, groups, rules: brokenRules(r.rules), redacted: r.redacted, mapping: r.mapping, chars: text.length };
}

/** each cited rule once, listing the finding types that break it, in card order */
export function brokenRules(rules: ReviewWithMapping["rules"]): BrokenRule[] {
  const out = new Map<string, BrokenRule>();
  for (const type of TYPE_ORDER) {
    for (const c of rules[type] ?? []) {
      const key = `${c.policy}\u0000${c.section}\u0000${c.rule ?? ""}\u0000${c.quote}`;
      const seen = out.get(key);
      if (seen) seen.types.push(type);
      else out.set(key, { citation: c, types: [type] });
    }
  }
  return [...out.values()];
}

/** the engine's reason without words quoted from the draft ("health word 'x' about a person") */
function cleanReason(reason: string): string {
  return dropQuoted(reason)
    .replace(/\d{3,}/g, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

const QUOTE_CLOSE = new Map([["'", "'"], ['"', '"'], ["‘", "’"], ["”", "”"]]);

/** s.replace(/'[^']*'|"[^"]*"|‘[^’]*’|”[^”]*”/g, ""), each closing quote looked for once */
function dropQuoted(s: string): string {
  const closes = new Map<string, NextIndex>();
  let out = "";
  let kept = 0;
  for (let i = 0; i < s.length; i++) {
    const close = QUOTE_CLOSE.get(s[i]);
    if (close === undefined) continue;
    let next = closes.get(close);
    if (!next) closes.set(close, (next = new NextIndex((from) => s.indexOf(close, from))));
    const end = next.after(i + 1);
    if (end < 0) continue;
    out += s.slice(kept, i);
    kept = end + 1;
    i = end;
  }
  return kept === 0 ? s : out + s.slice(kept);
}
