// Swedish registration plates (ABC 123, ABC 12D): three letters (no I, Q, V, Å, Ä, Ö), two digits,
// a digit or letter. Only counted near a vehicle word: the shape alone is too common in codes.
import { after, before, isAlnumAt } from "../text";
import type { Sink } from "./types";

const PLATE = /([A-HJ-PR-UW-Z]{3}) ?(\d{2}[A-HJ-NPR-UW-Z0-9])(?![\w\-/])/g;
const VEHICLE = /(?:reg\.?\s?n(?:umme)?r|regnr|registreringsnummer|registreringsskylt|nummerplåt|bil(?:en|ar|arna|ens|arnas)?|fordon(?:et)?|pickup(?:en)?|lastbil(?:en)?|skåpbil(?:en)?|tjänstebil(?:en)?|släp(?:et|vagn)?|mc|motorcykel(?:n)?|moped(?:en)?|buss(?:en)?|taxi|parkera(?:d|t|de)?|parkering\w*|felparker\w*|trafik\w*|audi|volvo|saab|bmw|tesla|toyota|volkswagen|vw|kia|ford|skoda|renault|peugeot|mercedes|nissan|opel|polestar|licen[cs]e plate|number plate|plate|vehicle|car)\b/i;

export function detectPlates(text: string, sink: Sink): void {
  PLATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLATE.exec(text))) {
    const p = text[m.index - 1];
    if (isAlnumAt(text, m.index - 1) || p === "_" || p === "-" || p === "/" || p === ".") continue;
    const ctx = before(text, m.index, 60) + " " + after(text, m.index + m[0].length, 40);
    if (!VEHICLE.test(ctx)) continue;
    sink.add("LICENSE_PLATE", m.index, m.index + m[0].length, 0.85, "registration number near a vehicle word");
  }
}
