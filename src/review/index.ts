// Placeholder until the detection engine lands (issue 3): the contract's shape, no findings.
import type { PolicyPack } from "../policy/types";
import type { ReviewResult } from "./types";

export function reviewDraft(text: string, _pack?: PolicyPack): ReviewResult {
  return { verdict: "ok", findings: [], redacted: text, rules: {} };
}
