// "Stämmer det att det man skriver i ChatGPT kan hamna utanför EU?", "Is it true that …?": a
// statement the asker wants confirmed, checked against the sentence of the best passages that
// says most of it. Confirmed when that sentence holds nearly all the statement's content words
// with the same polarity (both negated or neither); contradicted when the polarity differs;
// otherwise nothing is said. Only the explicit forms are read: a bare question of fact is not.
import { tokenize } from "../analysis/normalize";
import { foldedStems } from "../analysis/stem";
import { ENGLISH_STOPWORDS, SWEDISH_STOPWORDS } from "../analysis/stopwords";
import type { Passage } from "../types";
import { rx } from "./word-patterns";

const CONFIRM = rx("stämmer\\s+det\\s+(?:verkligen\\s+)?att|är\\s+det\\s+(?:verkligen\\s+)?sant\\s+att|is\\s+it\\s+(?:really\\s+)?(?:true|right|correct)\\s+that");
const NEGATION = /(?<![\p{L}])(?:inte|ej|aldrig|inga|ingen|inget|icke|not|never|no|isn't|aren't|doesn't|don't|can't|cannot)(?![\p{L}])/iu;
/** share of the statement's content words a sentence must hold */
const MIN_SHARE = 0.75;
const MIN_WORDS = 3;

export interface FactAnswer {
  verdict: "yes" | "no";
  passage: Passage;
  sentence: string;
}

const contentStems = (text: string) =>
  new Set(
    tokenize(text)
      .filter((t) => t.length > 2 && !SWEDISH_STOPWORDS.has(t) && !ENGLISH_STOPWORDS.has(t))
      .flatMap((t) => foldedStems(t)),
  );

export function confirmFact(question: string, passages: readonly Passage[]): FactAnswer | undefined {
  const m = CONFIRM.exec(question);
  if (!m) return undefined;
  // the statement: what follows the asking words, up to the question mark or a new clause ("…, så jag behöver inte …")
  const statement = question.slice(m.index + m[0].length).split(/[?]|,\s*(?:så|so|och|and|eller|or)\s/u)[0];
  const words = [...contentStems(statement)];
  if (words.length < MIN_WORDS) return undefined;
  let best: { share: number; passage: Passage; sentence: string } | undefined;
  for (const passage of passages) {
    for (const sentence of passage.text.split(/(?<=[.!?])\s+/u)) {
      const have = contentStems(sentence);
      const share = words.filter((w) => have.has(w)).length / words.length;
      if (!best || share > best.share) best = { share, passage, sentence };
    }
  }
  if (!best || best.share < MIN_SHARE) return undefined;
  const verdict = NEGATION.test(statement) === NEGATION.test(best.sentence) ? "yes" : "no";
  return { verdict, passage: best.passage, sentence: best.sentence };
}
