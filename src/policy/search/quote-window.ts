// The most precise verbatim quote of a passage: the whole passage when it is short,
// else the window of one or two consecutive sentences that carries the question's terms.
import { sentenceSpans, tokenize } from "../analysis/normalize";
import { foldedStems } from "../analysis/stem";
import type { AnalyzedQuery } from "./query";
import { conceptTerms } from "./passage-index";

const SHORT = 450;
const MAX_SENTENCES = 3;

export function quoteWindow(text: string, q: AnalyzedQuery): string {
  if (text.length <= SHORT) return text;
  const spans = sentenceSpans(text);
  if (spans.length <= 1) return text;
  const scores = spans.map((s) => weightOf(text.slice(s.start, s.end), q));
  let best = { score: 0, from: 0, to: 0 };
  for (let i = 0; i < spans.length; i++) {
    for (let j = i; j < Math.min(spans.length, i + MAX_SENTENCES); j++) {
      const score = scores.slice(i, j + 1).reduce((a, b) => a + b, 0) / (1 + 0.15 * (j - i));
      if (score > best.score) best = { score, from: i, to: j };
    }
  }
  if (best.score === 0) return text;
  return text.slice(spans[best.from].start, spans[best.to].end);
}

function weightOf(sentence: string, q: AnalyzedQuery): number {
  const seen = new Set<string>();
  const toks = tokenize(sentence);
  let w = 0;
  // a concept of the question in the sentence counts like one of its words
  for (const term of conceptTerms(toks)) {
    if (seen.has(term)) continue;
    seen.add(term);
    w += q.main.get(term) ?? 0;
  }
  for (const tok of toks) {
    for (const f of foldedStems(tok)) {
      if (seen.has(f)) continue;
      seen.add(f);
      w += q.folded.get(f) ?? 0;
    }
  }
  return w;
}
