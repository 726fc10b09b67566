// Swedish registration plates (ABC 123, ABC 12D): three letters (no I, Q, V, Å, Ä, Ö), two digits,
// a digit or letter. Only counted near a vehicle word: the shape alone is too common in codes.
import { after, before, isAlnumAt, type Words } from "../text";
import type { Sink } from "./types";

const PLATE = /([A-HJ-PR-UW-Z]{3}) ?(\d{2}[A-HJ-NPR-UW-Z0-9])(?![\w\-/])/g;
const VEHICLE = /(?:reg\.?\s?n(?:umme)?r|regnr|registreringsnummer|registreringsskylt|nummerplåt|bil(?:en|ar|arna|ens|arnas)?|fordon(?:et)?|pickup(?:en)?|lastbil(?:en)?|skåpbil(?:en)?|tjänstebil(?:en)?|släp(?:et|vagn)?|mc|motorcykel(?:n)?|moped(?:en)?|buss(?:en)?|taxi|parkera(?:d|t|de)?|parkering\w*|felparker\w*|trafik\w*|audi|volvo|saab|bmw|tesla|toyota|volkswagen|vw|kia|ford|skoda|renault|peugeot|mercedes|nissan|opel|polestar|licen[cs]e plate|number plate|plate|vehicle|car)\b/i;

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
  const ws = words.s, we = words.e;
  for (let k = 0; k < words.n; k++) {
    // the last three letters of the word ("d'ABC 123" is a word of five)
    const p = we[k] - 3;
    if (p < ws[k]) continue;
    const c = text.charCodeAt(p);
    if (c < 65 || c > 90) continue;
    PLATE_AT.lastIndex = p;
    if ((m = PLATE_AT.exec(text))) plateAt(text, sink, m);
  }
}

function plateAt(text: string, sink: Sink, m: RegExpExecArray): void {
  const p = text[m.index - 1];
  if (isAlnumAt(text, m.index - 1) || p === "_" || p === "-" || p === "/" || p === ".") return;
  const ctx = before(text, m.index, 60) + " " + after(text, m.index + m[0].length, 40);
  if (!VEHICLE.test(ctx)) return;
  sink.add("LICENSE_PLATE", m.index, m.index + m[0].length, 0.85, "registration number near a vehicle word");
}
