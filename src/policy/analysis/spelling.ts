// Slips of the keyboard mended before a question is read into slots: "sekretesbelagda" is read
// as "sekretessbelagda". Only a long word that is neither a word the policies use nor a compound
// of their words is mended, only to a policy word one edit away, and only where that word names
// something the reader looks for (a kind of information or tool): with no dictionary of all
// Swedish, "funderar" must not become "fungerar".
import { editDistanceWithin, type Vocabulary } from "./vocabulary";
import { fold } from "./normalize";
import { foldedStems } from "./stem";

/** shorter words have too many real neighbours one edit away ("lagra"/"lagar") */
const MIN_MENDED = 7;
const WORD = new RegExp(`\\p{L}{${MIN_MENDED},}`, "gu");

export class Spelling {
  private readonly byLength = new Map<number, string[]>();
  private readonly words = new Set<string>();

  constructor(private readonly vocab: Vocabulary) {}

  /** a word as the policies write it (lowercase, with å/ä/ö) */
  add(token: string): void {
    if (token.length < MIN_MENDED || !/^\p{L}+$/u.test(token) || this.words.has(token)) return;
    this.words.add(token);
    const list = this.byLength.get(token.length) ?? [];
    list.push(token);
    this.byLength.set(token.length, list);
  }

  /** the text with each unknown long word replaced by the one policy word one edit away, if there is one */
  mend(text: string, matters: (word: string) => boolean): string {
    return text.replace(WORD, (typed) => {
      const lower = typed.toLowerCase();
      if (this.words.has(lower) || this.known(lower)) return typed;
      const near = this.nearest(lower);
      if (near === undefined || !matters(near)) return typed;
      return /^\p{Lu}/u.test(typed) ? near[0].toUpperCase() + near.slice(1) : near;
    });
  }

  private known(word: string): boolean {
    const f = fold(word);
    return this.vocab.has(f) || foldedStems(word).some((s) => this.vocab.has(s)) || this.vocab.split(word) !== null;
  }

  /** the only word one edit away; two candidates leave the word as typed */
  private nearest(word: string): string | undefined {
    let found: string | undefined;
    for (let d = -1; d <= 1; d++) {
      for (const w of this.byLength.get(word.length + d) ?? []) {
        // a slip inside the word: a changed first letter or ending is another word or an inflection
        // ("brukares"/"brukare", "internal"/"interna")
        if (w[0] !== word[0] || w.slice(-2) !== word.slice(-2) || !editDistanceWithin(word, w, 1)) continue;
        // inflections of one word ("uppgiften"/"uppgifter") are one candidate
        if (found !== undefined && fold(found).slice(0, -2) !== fold(w).slice(0, -2)) return undefined;
        found ??= w;
      }
    }
    return found;
  }
}
