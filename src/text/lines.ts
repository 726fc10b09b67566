// Line clean-up for untrusted text, in one pass. /[ \t]+\n/ backtracks over a run of spaces
// from each position in it when no line break follows (100,000 spaces blocked the event loop
// for 10 s), so this walks the text once instead.

const SPACE = 32;
const TAB = 9;

/** s.replace(/[ \t]+\n/g, "\n"): the spaces and tabs that end each line dropped */
export function trimLineEnds(s: string): string {
  let nl = s.indexOf("\n");
  if (nl < 0) return s;
  let out = "";
  let kept = 0; // s[kept, …) is still to be copied
  let lineStart = 0;
  for (; nl >= 0; nl = s.indexOf("\n", lineStart)) {
    let end = nl;
    while (end > lineStart && (s.charCodeAt(end - 1) === SPACE || s.charCodeAt(end - 1) === TAB)) end--;
    if (end < nl) {
      out += s.slice(kept, end);
      kept = nl;
    }
    lineStart = nl + 1;
  }
  return kept === 0 ? s : out + s.slice(kept);
}
