// Swedish synonyms (thesaurus-sv.ts, from Folkets synonymlexikon) by folded stem, so a question's
// everyday word ("förteckning", "sammandrag") reaches the word a policy uses ("lista",
// "sammanfattning"). The file holds stems already; the table is built on first use.
import data from "./thesaurus-sv";

let byStem: Map<string, readonly string[]> | undefined;

function build(): Map<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const entry of data.split("|")) {
    const colon = entry.indexOf(":");
    map.set(entry.slice(0, colon), entry.slice(colon + 1).split(","));
  }
  return map;
}

/** folded stems of the synonyms of a folded stem (none when the thesaurus lacks it) */
export function synonymsOf(foldedStem: string): readonly string[] {
  byStem ??= build();
  return byStem.get(foldedStem) ?? [];
}

/** build the table now (at start-up), so the first question does not pay for it */
export function warmThesaurus(): void {
  byStem ??= build();
}
