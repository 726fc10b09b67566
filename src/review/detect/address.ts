// Street addresses: Swedish "Ringvägen 14 B, 614 33 Söderköping", "Box 17, 711 21 Lindesberg",
// and English "48 Wharf Road, London N1 7UX".
import { isAlnumAt, isDigitAt, isLetterAt, type Words } from "../text";
import type { Sink } from "./types";

const L = "A-Za-zÅÄÖåäöÉéÜüØøÆæ";
const SV_SUFFIX = "gatan|vägen|gränd|gränden|torget|allén|alléen|backen|stigen|platsen|leden|kajen|gången|slingan|ringen|stråket|promenaden|esplanaden|plan|strand|gata|väg|allé|torg|backe|stig|led|kaj|vägen";
// street word (one word ending in a street suffix, or two words "Karl Johans väg"), number, letter, flat, postcode and town
const SV = new RegExp(
  `(?<![${L}\\d])((?:(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre|norra|södra|östra|västra|stora|lilla|gamla|nya|övre|nedre) )?` +
  `(?:[A-ZÅÄÖ][${L}]{0,30}(?:[ -][A-ZÅÄÖ][${L}]{0,20})?[ ](?:väg|gata|gränd|allé|torg|plan|backe|stig)|[${L}]{1,30}(?:${SV_SUFFIX})))` +
  `\\s(\\d{1,4})(?:\\s?[A-Ha-h](?![${L}\\d]))?(?:,?\\s(?:lgh|lägenhet|ltg|lght)\\.?\\s?\\d{3,4})?` +
  `(?:,?\\s{1,2}(?:(?:SE-)?\\d{3}\\s?\\d{2})\\s{1,2}[A-ZÅÄÖ][${L}]{1,30}(?:[ -][A-ZÅÄÖ][${L}]{1,30})?)?`,
  "y");
/** a word followed by a house number: the cheap hit that anchors the street regex */
const NUMBER_AFTER_WORD = / \d{1,4}(?!\d|[.,:/]\d)/g;
const STREET_END = new RegExp(`(?:${SV_SUFFIX})$`, "i");
const TWO_WORD = /^(?:väg|gata|gränd|allé|torg|plan|backe|stig)$/;
const DIRECTION = /^(?:norra|södra|östra|västra|stora|lilla|gamla|nya|övre|nedre)$/i;
const BOX = new RegExp(`(?:Box|box|Postbox|Pl|PL)\\s\\d{1,5},?\\s{1,2}(?:SE-)?\\d{3}\\s?\\d{2}\\s{1,2}[A-ZÅÄÖ][${L}]{1,30}`, "g");
const EN_SUFFIX = "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Close|Court|Ct|Place|Pl|Square|Sq|Gardens|Terrace|Crescent|Row|Boulevard|Blvd|Hill|Grove|Mews|Walk|Parade|Rise|Park";
const EN = new RegExp(
  `(?<![\\w])(\\d{1,5}[A-Za-z]?)\\s((?:[A-Z][a-z]{1,20}\\s){1,3})(?:${EN_SUFFIX})\\.?(?![\\w])` +
  `(?:,\\s[A-Z][a-z]{2,20}(?:\\s[A-Z][a-z]{2,20})?)?(?:,?\\s(?:[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2}|[A-Z]{2}\\s\\d{5}(?:-\\d{4})?))?`,
  "g");
/** generic words that end like a street but are not streets ("planen", "vägen till") */
const NOT_STREET = /^(?:vägen|gatan|plan|strand|torget|backen|stigen|leden|gången|ringen|platsen|kajen|väg|gata|torg|stig|led|kaj|backe|allé|slingan|stråket|linje|plattformen)$/i;

function wordStartBefore(text: string, end: number): number {
  let s = end;
  while (s > 0 && end - s < 40 && isLetterAt(text, s - 1)) s--;
  return s;
}

/** start of the street name that ends at `end` (before " 14"), or -1 when the word is not a street */
function streetStart(text: string, end: number): number {
  // every street suffix ends in one of a d e g j n t é: most words before a number are refused here
  const last = text.charCodeAt(end - 1) | 32;
  if (last !== 97 && last !== 100 && last !== 101 && last !== 103 && last !== 106 && last !== 110 && last !== 116 && last !== 0xe9) return -1;
  const w0 = wordStartBefore(text, end);
  const word = text.slice(w0, end);
  if (!STREET_END.test(word)) return -1;
  let start = w0;
  if (TWO_WORD.test(word) && (text[w0 - 1] === " ")) {
    // "Karl Johans väg 3": include up to two capitalised words before
    const p1 = wordStartBefore(text, w0 - 1);
    if (/^[A-ZÅÄÖ]/.test(text.slice(p1, w0 - 1))) {
      start = p1;
      if (text[p1 - 1] === " " || text[p1 - 1] === "-") {
        const p2 = wordStartBefore(text, p1 - 1);
        if (/^[A-ZÅÄÖ]/.test(text.slice(p2, p1 - 1))) start = p2;
      }
    }
  }
  if (text[start - 1] === " ") {
    const p = wordStartBefore(text, start - 1);
    if (DIRECTION.test(text.slice(p, start - 1))) start = p;
  }
  return start;
}

const NUMBER_AFTER_WORD_AT = new RegExp(NUMBER_AFTER_WORD.source, "y");
const EN_AT = new RegExp(EN.source, "y");

/**
 * `words`: the draft's words, when the caller has them. Then the street numbers are looked for only
 * right after words and the English house numbers only right before capitalised words: the same
 * matches as scanning the whole text, found at the few places they can start.
 */
export function detectAddresses(text: string, sink: Sink, words?: Words): void {
  let m: RegExpExecArray | null;
  let hit: RegExpExecArray | null;
  let consumed = 0;
  if (!words) {
    NUMBER_AFTER_WORD.lastIndex = 0;
    while ((hit = NUMBER_AFTER_WORD.exec(text))) {
      if (hit.index < consumed || !isLetterAt(text, hit.index - 1)) continue;
      consumed = swedishAt(text, sink, hit.index, consumed);
    }
  } else {
    // a hit is " 12" right after a letter, that is right after a word
    const we = words.e;
    for (let k = 0; k < words.n; k++) {
      const at = we[k];
      if (at < consumed || text.charCodeAt(at) !== 32) continue;
      const d = text.charCodeAt(at + 1);
      if (d < 48 || d > 57) continue;
      NUMBER_AFTER_WORD_AT.lastIndex = at;
      if (NUMBER_AFTER_WORD_AT.test(text)) consumed = swedishAt(text, sink, at, consumed);
    }
  }
  BOX.lastIndex = 0;
  // BOX opens with "Box", "box", "Postbox", "Pl" or "PL"
  if (text.indexOf("ox") >= 0 || text.indexOf("Pl") >= 0 || text.indexOf("PL") >= 0) while ((m = BOX.exec(text))) if (!isAlnumAt(text, m.index - 1)) sink.add("ADDRESS", m.index, m.index + m[0].length, 0.9, "box address with postcode");
  if (!words) {
    EN.lastIndex = 0;
    while ((m = EN.exec(text))) sink.add("ADDRESS", m.index, m.index + m[0].length, 0.85, "street address");
    return;
  }
  // "48 Wharf Road": the number (1-5 digits, maybe one letter) ends one space before a capitalised word
  const ws = words.s;
  let tried = -1, enEnd = 0;
  for (let k = 0; k < words.n; k++) {
    const c = text.charCodeAt(ws[k]);
    if (c < 65 || c > 90) continue;
    let q = ws[k] - 2;
    if (q < 0) continue;
    const l = text.charCodeAt(q) | 32;
    if (l >= 97 && l <= 122) q--;
    if (!isDigitAt(text, q)) continue;
    let r = q;
    while (r > 0 && q - r < 5 && isDigitAt(text, r - 1)) r--;
    if (r <= tried || r < enEnd) continue;
    tried = r;
    EN_AT.lastIndex = r;
    if ((m = EN_AT.exec(text))) {
      sink.add("ADDRESS", m.index, m.index + m[0].length, 0.85, "street address");
      enEnd = m.index + m[0].length;
    }
  }
}

/** the Swedish street address around the house number at `at` (" 14"); returns the new scan floor */
function swedishAt(text: string, sink: Sink, at: number, consumed: number): number {
  const start = streetStart(text, at);
  if (start < 0) return consumed;
  SV.lastIndex = start;
  const m = SV.exec(text);
  if (!m) return consumed;
  const end = m.index + m[0].length;
  const street = m[1];
  const word = street.split(/[ -]/).pop()!;
  if (NOT_STREET.test(street)) return end;
  const capital = /^[A-ZÅÄÖ]/.test(street) || /^(?:norra|södra|östra|västra|stora|lilla|gamla|nya|övre|nedre) [A-ZÅÄÖ]/.test(street);
  const hasPostcode = /\d{3}\s?\d{2}\s/.test(m[0].slice(street.length));
  if (!capital && !hasPostcode) return end;
  if (word.length < 4 && !hasPostcode) return end;
  sink.add("ADDRESS", m.index, end, hasPostcode ? 0.95 : 0.85, hasPostcode ? "street address with postcode" : "street address");
  return end;
}
