// The draft's maximal runs of digits, found once: the number detectors try their regexes only at
// the runs that can start a match instead of each scanning the whole draft.

export interface DigitRuns {
  n: number;
  /** start and end (exclusive) of each run, in text order */
  s: number[];
  e: number[];
}

const DIGIT = /\d/g;

export function digitRuns(text: string): DigitRuns {
  const s: number[] = [], e: number[] = [];
  DIGIT.lastIndex = 0;
  while (DIGIT.test(text)) {
    const start = DIGIT.lastIndex - 1;
    let i = DIGIT.lastIndex, c = text.charCodeAt(i);
    while (c >= 48 && c <= 57) c = text.charCodeAt(++i);
    s.push(start);
    e.push(i);
    // text[i] is no digit
    DIGIT.lastIndex = i + 1;
  }
  return { n: s.length, s, e };
}
