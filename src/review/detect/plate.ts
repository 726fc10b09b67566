// Swedish registration plates (ABC 123, ABC 12D): three letters (no I, Q, V, Å, Ä, Ö), two digits,
// a digit or letter. Only counted near a vehicle word: the shape alone is too common in codes.
import { after, before, isAlnumAt, type Words } from "../text";
import type { Sink } from "./types";

const PLATE = /([A-HJ-PR-UW-Z]{3}) ?(\d{2}[A-HJ-NPR-UW-Z0-9])(?![\w\-/])/g;
/** words near a plate that make it one; a word may be a small pattern ("bil(?:en|ar)?") */
const VEHICLE_WORDS = [
  "reg\\.?\\s?n(?:umme)?r", "regnr", "registreringsnummer", "registreringsskylt", "nummerplåt", "bil(?:en|ar|arna|ens|arnas)?",
  "fordon(?:et)?", "pickup(?:en)?", "lastbil(?:en)?", "skåpbil(?:en)?", "tjänstebil(?:en)?", "släp(?:et|vagn)?", "mc", "motorcykel(?:n)?",
  "moped(?:en)?", "buss(?:en)?", "taxi", "parkera(?:d|t|de)?", "parkering\\w*", "felparker\\w*", "trafik\\w*", "audi", "volvo", "saab", "bmw",
  "tesla", "toyota", "volkswagen", "vw", "kia", "ford", "skoda", "renault", "peugeot", "mercedes", "nissan", "opel", "polestar",
  "licen[cs]e plate", "number plate", "plate", "vehicle", "car",
];
/** the words as one alternation grouped by first letter ("b(?:il…|uss…|mw)"): a test finds the same, trying fewer alternatives at each place */
function byFirstLetter(words: string[]): string {
  const groups = new Map<string, string[]>();
  for (const w of words) groups.set(w[0], [...(groups.get(w[0]) ?? []), w.slice(1)]);
  return [...groups].map(([c, rests]) => (rests.length === 1 ? c + rests[0] : `${c}(?:${rests.join("|")})`)).join("|");
}
/** a vehicle word (used with test() only: which word matched does not matter) */
const VEHICLE = new RegExp(`(?:${byFirstLetter(VEHICLE_WORDS)})\\b`, "i");

const PLATE_AT = new RegExp(PLATE.source, "y");

/**
 * `words`: the draft's words, when the caller has them. A plate that counts is the last three
 * letters of a word (nothing alphanumeric before it), so only those places are tried.
 */
export function detectPlates(text: string, sink: Sink, words?: Words): void {
  let m: RegExpExecArray | null;
  if (!words) {
    PLATE.lastIndex = 0;
    while ((m = PLATE.exec(text))) plateAt(text, sink, m);
    return;
  }
  const ws = words.s, we = words.e, n = words.n;
  for (let k = 0; k < n; k++) {
    // the two digits after the letters lie between this word and the next: most words have one
    // space before the next and are refused without reading the text
    const e = we[k];
    if ((k + 1 < n ? ws[k + 1] : text.length) - e < 2) continue;
    // the last three letters of the word ("d'ABC 123" is a word of five)
    const p = e - 3;
    if (p < ws[k] || !digitsAfterLetters(text, e)) continue;
    const c = text.charCodeAt(p);
    if (c < 65 || c > 90) continue;
    PLATE_AT.lastIndex = p;
    if ((m = PLATE_AT.exec(text))) plateAt(text, sink, m);
  }
}

/** " 12" or "12" at `e`: what the plate regex needs after its letters (a cheap test before it) */
function digitsAfterLetters(text: string, e: number): boolean {
  let d = text.charCodeAt(e);
  if (d === 32) d = text.charCodeAt(++e);
  if (!(d >= 48 && d <= 57)) return false;
  d = text.charCodeAt(e + 1);
  return d >= 48 && d <= 57;
}

function plateAt(text: string, sink: Sink, m: RegExpExecArray): void {
  const p = text[m.index - 1];
  if (isAlnumAt(text, m.index - 1) || p === "_" || p === "-" || p === "/" || p === ".") return;
  if (!nearVehicle(text, m.index, m.index + m[0].length)) return;
  sink.add("LICENSE_PLATE", m.index, m.index + m[0].length, 0.85, "registration number near a vehicle word");
}

const BEYOND_LATIN1 = /[^\x00-\xff]/;

/** a vehicle word in the 60 characters before the plate [s, e) or the 40 after */
function nearVehicle(text: string, s: number, e: number): boolean {
  const b = text.slice(Math.max(0, s - 60), s), a = text.slice(e, Math.min(text.length, e + 40));
  // lowercasing can change a character outside Latin-1 into letters ("İ" -> "i̇", Kelvin sign -> "k"):
  // then the lowercased context, as it always was
  if (BEYOND_LATIN1.test(b) || BEYOND_LATIN1.test(a)) return VEHICLE.test(before(text, s, 60) + " " + after(text, e, 40));
  // the regex ignores case itself, so it needs no lowercased copy; and it tries the two sides apart, since
  // no vehicle word can run across the plate (the character before it is no letter, digit or dot)
  return VEHICLE.test(b) || VEHICLE.test(a);
}
