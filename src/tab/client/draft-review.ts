// The draft checker's review, incremental: the draft is cut into blocks at blank lines and
// each block is reviewed once (by its text, cached), so a keystroke re-reviews one block, not
// 20 pages. The findings of all blocks, shifted to draft offsets, then go through the engine's
// own verdict, redaction and rules, so the copy has one placeholder per value across the
// draft, as the bot's card has. Pure: runs in the browser and in Node (tests, bench).
import { detectAll, redact, rulesBroken, verdictOf, type Finding } from "../../review";
import type { PackFacts, Citation } from "../../policy/types";
import type { FindingType, Verdict } from "../../review";

/** a run of text between blank lines, with where it starts in the draft */
export interface Block {
  start: number;
  text: string;
}

export interface DraftReview {
  verdict: Verdict;
  findings: Finding[];
  redacted: string;
  /** placeholder -> value: stays in the page */
  mapping: Record<string, string>;
  rules: Partial<Record<FindingType, Citation[]>>;
}

/** blocks end at a blank line (a line of nothing but spaces counts): findings never span one */
const BLANK_LINE = /\n[ \t]*\n/g;

export function blocksOf(text: string): Block[] {
  const out: Block[] = [];
  let at = 0;
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    out.push({ start: at, text: text.slice(at, m.index) });
    at = m.index + m[0].length;
  }
  out.push({ start: at, text: text.slice(at) });
  return out;
}

/** findings per block text; the blocks of the last draft or two stay, older ones go */
export class BlockReviewer {
  private cache = new Map<string, Finding[]>();
  private previous = new Map<string, Finding[]>();
  /** blocks reviewed (not found in the cache) by the last call: what a keystroke cost */
  lastReviewed = 0;

  findings(text: string): Finding[] {
    const next = new Map<string, Finding[]>();
    const all: Finding[] = [];
    this.lastReviewed = 0;
    for (const b of blocksOf(text)) {
      let found = next.get(b.text) ?? this.cache.get(b.text) ?? this.previous.get(b.text);
      if (!found) {
        found = b.text.trim() ? detectAll(b.text) : [];
        this.lastReviewed++;
      }
      next.set(b.text, found);
      for (const f of found) all.push({ ...f, start: f.start + b.start, end: f.end + b.start });
    }
    // two generations: an undo brings back the blocks of the draft before
    this.previous = this.cache;
    this.cache = next;
    return all;
  }

  review(text: string, dataRules: PackFacts["dataRules"] | undefined): DraftReview {
    const findings = this.findings(text);
    const { redacted, mapping } = redact(text, findings);
    return { verdict: verdictOf(findings), findings, redacted, mapping, rules: rulesBroken(findings, dataRules) };
  }
}
