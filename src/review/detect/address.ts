// Street addresses: Swedish "Ringvägen 14 B, 614 33 Söderköping", "Box 17, 711 21 Lindesberg",
// and English "48 Wharf Road, London N1 7UX".
import { isAlnumAt, isDigitAt, isLetterAt, lowerLatin1, type Words } from "../text";
import type { Sink } from "./types";

const L = "A-Za-zÅÄÖåäöÉéÜüØøÆæ";
const SV_SUFFIX = "gatan|vägen|gränd|gränden|torget|allén|alléen|backen|stigen|platsen|leden|kajen|gången|slingan|ringen|stråket|promenaden|esplanaden|plan|strand|gata|väg|allé|torg|backe|stig|led|kaj|vägen";
/** generic streets in the definite form, named by the word before them: "Gröna gatan", "Gamla vägen" */
const DEFINITE = "gatan|vägen|gränden|torget|backen|stigen|allén|leden|platsen|gången|kajen";
const DEFINITE_WORD = new RegExp(`^(?:${DEFINITE})$`);
const TWO_WORD_DEFINITE = new RegExp(`^[A-ZÅÄÖ][${L}]+ (?:${DEFINITE})$`);
// street word (one word ending in a street suffix, or two words "Karl Johans väg"), number, letter, flat, postcode and town
const SV = new RegExp(
  `(?<![${L}\\d])((?:(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre|norra|södra|östra|västra|stora|lilla|gamla|nya|övre|nedre) )?` +
  `(?:[A-ZÅÄÖ][${L}]{0,30}(?:[ -][A-ZÅÄÖ][${L}]{0,20})?[ ](?:väg|gata|gränd|allé|torg|plan|backe|stig)|[${L}]{1,30}(?:${SV_SUFFIX})|[A-ZÅÄÖ][${L}]{1,30}[ ](?:${DEFINITE})))` +
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

/** a number for the last two letters of a word (a, b), or three (c, a, b) */
function tailKey(a: number, b: number, c = 0): number {
  return (c << 16) | (a << 8) | b;
}
/** the last two, and three, letters of each street suffix in lowercase Latin-1 ("an", "tan" of "gatan") */
const SUFFIX_TAILS2 = new Uint8Array(1 << 16);
const SUFFIX_TAILS3 = new Set<number>();
for (const s of SV_SUFFIX.split("|")) {
  const n = s.length;
  SUFFIX_TAILS2[tailKey(s.charCodeAt(n - 2), s.charCodeAt(n - 1))] = 1;
  SUFFIX_TAILS3.add(tailKey(s.charCodeAt(n - 2), s.charCodeAt(n - 1), s.charCodeAt(n - 3)));
}
/** the word ending at `end` may end in a street suffix (all have three letters or more): most words before a number are refused here */
function mayEndStreet(text: string, end: number): boolean {
  const a = text.charCodeAt(end - 2), b = text.charCodeAt(end - 1);
  if (a > 0xff || b > 0xff) return true; // beyond Latin-1 the regex decides
  if (SUFFIX_TAILS2[tailKey(lowerLatin1(a), lowerLatin1(b))] === 0) return false;
  const c = text.charCodeAt(end - 3);
  return c > 0xff || SUFFIX_TAILS3.has(tailKey(lowerLatin1(a), lowerLatin1(b), lowerLatin1(c)));
}

/** start of the street name that ends at `end` (before " 14"), or -1 when the word is not a street */
function streetStart(text: string, end: number): number {
  if (!mayEndStreet(text, end)) return -1;
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
  } else if (DEFINITE_WORD.test(word) && text[w0 - 1] === " ") {
    // "Gröna gatan 5B": the capitalised word before names the street (only with a postcode, see swedishAt)
    const p1 = wordStartBefore(text, w0 - 1);
    if (/^[A-ZÅÄÖ]/.test(text.slice(p1, w0 - 1))) start = p1;
  }
  if (text[start - 1] === " ") {
    const p = wordStartBefore(text, start - 1);
    if (DIRECTION.test(text.slice(p, start - 1))) start = p;
  }
  return start;
}

const EN_AT = new RegExp(EN.source, "y");
const BOX_AT = new RegExp(BOX.source, "y");

/**
 * `words`: the draft's words, when the caller has them. Then the street and box numbers are looked
 * for only right after words and the English house numbers only right before capitalised words: the
 * same matches as scanning the whole text, found at the few places they can start. One pass over the
 * words finds those places; the matches are added in the order of the whole-text scans (streets,
 * boxes, English addresses).
 */
export function detectAddresses(text: string, sink: Sink, words?: Words): void {
  if (!words) {
    scanWholeText(text, sink);
    return;
  }
  const ws = words.s, we = words.e, n = words.n;
  let consumed = 0;
  let boxes: number[] | null = null, english: number[] | null = null;
  let q = n > 0 ? houseNumberEnd(text, ws[0]) : -1;
  if (q >= 0) (english ??= []).push(q);
  for (let k = 0; k < n; k++) {
    const e = we[k];
    const next = k + 1 < n ? ws[k + 1] : -1;
    // a number after the word lies between it and the next word: most words have just one space
    // before the next and are refused without reading the text
    const gap = (next >= 0 ? next : text.length) - e;
    if (gap < 2) {
      // "12B Wharf Road": the house number's letter is a word of its own, one space before the street
      if (gap === 1 && e - ws[k] === 1 && next >= 0 && (q = houseNumberEnd(text, next)) >= 0) (english ??= []).push(q);
      continue;
    }
    if (next >= 0 && (q = houseNumberEnd(text, next)) >= 0) (english ??= []).push(q);
    const d = text.charCodeAt(e + 1);
    if (!(d >= 48 && d <= 57)) continue;
    // " 12" right after the word: a street number
    if (e >= consumed && mayEndStreet(text, e) && houseNumberAt(text, e)) consumed = swedishAt(text, sink, e, consumed);
    if (mayEndBoxWord(text, e)) (boxes ??= []).push(k);
  }
  if (boxes) boxesAt(text, sink, words, boxes);
  if (english) englishAt(text, sink, english);
}

/** the three regexes over the whole text, when the caller has no words */
function scanWholeText(text: string, sink: Sink): void {
  let m: RegExpExecArray | null;
  let consumed = 0;
  NUMBER_AFTER_WORD.lastIndex = 0;
  while ((m = NUMBER_AFTER_WORD.exec(text))) {
    if (m.index < consumed || !isLetterAt(text, m.index - 1)) continue;
    consumed = swedishAt(text, sink, m.index, consumed);
  }
  BOX.lastIndex = 0;
  // BOX opens with "Box", "box", "Postbox", "Pl" or "PL"
  if (text.indexOf("ox") >= 0 || text.indexOf("Pl") >= 0 || text.indexOf("PL") >= 0) while ((m = BOX.exec(text))) if (!isAlnumAt(text, m.index - 1)) sink.add("ADDRESS", m.index, m.index + m[0].length, 0.9, "box address with postcode");
  EN.lastIndex = 0;
  while ((m = EN.exec(text))) sink.add("ADDRESS", m.index, m.index + m[0].length, 0.85, "street address");
}

/**
 * box addresses: a box word ("Postbox", "Box", "Pl") ends a word that whitespace and a digit follow,
 * so it starts 7, 3 or 2 letters before the end of one of the `boxes` words. Those places are tried
 * in text order, each at or after the end of the previous match, as the whole-text scan does.
 */
function boxesAt(text: string, sink: Sink, words: Words, boxes: number[]): void {
  let floor = 0;
  for (const k of boxes) {
    const s = words.s[k], e = words.e[k];
    for (const i of [e - 7, e - 3, e - 2]) {
      if (i < s || i < floor) continue;
      BOX_AT.lastIndex = i;
      const m = BOX_AT.exec(text);
      if (!m) continue;
      floor = i + m[0].length;
      if (!isAlnumAt(text, i - 1)) sink.add("ADDRESS", i, floor, 0.9, "box address with postcode");
    }
  }
}

/** NUMBER_AFTER_WORD at `at` without the regex: a space, one to four digits, and no fifth digit or ".5", ",5", ":5", "/5" after them */
function houseNumberAt(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 32) return false;
  let j = at + 1;
  while (j - at <= 4 && isDigitAt(text, j)) j++;
  if (j === at + 1 || isDigitAt(text, j)) return false;
  const c = text.charCodeAt(j);
  return !((c === 46 || c === 44 || c === 58 || c === 47) && isDigitAt(text, j + 1));
}

/** the word ending at `e` may end in a box word: "Box", "box" and "Postbox" end in "ox", "Pl" and "PL" in P and l or L */
function mayEndBoxWord(text: string, e: number): boolean {
  const last = text.charCodeAt(e - 1), prev = text.charCodeAt(e - 2);
  return last === 120 ? prev === 111 : (last === 108 || last === 76) && prev === 80;
}

/**
 * "48 Wharf", "12B Wharf": the last digit of a house number before the capitalised word at s (two
 * places before it, or three after a letter), or -1
 */
function houseNumberEnd(text: string, s: number): number {
  const c = text.charCodeAt(s);
  if (c < 65 || c > 90) return -1;
  let q = s - 2;
  if (q < 0) return -1;
  const l = text.charCodeAt(q) | 32;
  if (l >= 97 && l <= 122) q--;
  return isDigitAt(text, q) ? q : -1;
}

/** "48 Wharf Road" at the house numbers ending at `ends` (houseNumberEnd, in text order) */
function englishAt(text: string, sink: Sink, ends: number[]): void {
  let m: RegExpExecArray | null;
  let tried = -1, enEnd = 0;
  for (const q of ends) {
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
  // "Vi tar vägen 3 gånger": a capitalised word before a generic street word makes an address only with its postcode
  if (!hasPostcode && TWO_WORD_DEFINITE.test(street)) return end;
  sink.add("ADDRESS", m.index, end, hasPostcode ? 0.95 : 0.85, hasPostcode ? "street address with postcode" : "street address");
  return end;
}
