// E-mail addresses and phone numbers (Swedish fixed and mobile, +46, international, North American).
import { before, after, continuesCode, isAlnumAt, isDigitCode } from "../text";
import type { Sink } from "./types";
import type { DigitRuns } from "./digits";

const LOCAL_CHAR = /[A-Za-z0-9._%+\-'À-ÖØ-öø-ÿ]/;
const DOMAIN = /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})(?![A-Za-z0-9-])/y;

export function detectEmails(text: string, sink: Sink): void {
  let at = text.indexOf("@");
  while (at !== -1) {
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL_CHAR.test(text[s - 1])) s--;
    while (s < at && (text[s] === "." || text[s] === "'")) s++;
    if (s < at && text[at - 1] !== ".") {
      DOMAIN.lastIndex = at + 1;
      const m = DOMAIN.exec(text);
      if (m) {
        sink.add("EMAIL", s, at + 1 + m[0].length, 0.97, "e-mail address");
        at = text.indexOf("@", at + 1 + m[0].length);
        continue;
      }
    }
    at = text.indexOf("@", at + 1);
  }
}

/**
 * addresses written to dodge harvesters: "anna.berg (at) gmail punkt com", "anna [at] kommun [dot] se",
 * "anna snabel-a exempel punkt se" (the whole written-out address is the finding)
 */
const SPELLED_EMAIL = /(?<![\p{L}\p{N}._-])[\p{L}\p{N}][\p{L}\p{N}._+-]{0,63}\s*(?:\(at\)|\[at\]|\{at\}|\(snabel-a\)|\s(?:at|snabel-a|snabela)\s)\s*[\p{L}\p{N}-]{1,63}(?:\s*(?:\(dot\)|\[dot\]|\(punkt\)|\[punkt\]|\s(?:dot|punkt)\s|\.)\s*[\p{L}\p{N}-]{1,63}){0,3}\s*(?:\(dot\)|\[dot\]|\(punkt\)|\[punkt\]|\s(?:dot|punkt)\s|\.)\s*(?:com|se|nu|org|net|fi|no|dk|eu|io|info|biz|de|uk|co)(?![\p{L}\p{N}])/giu;
const SPELLED_HINT = /\(at\)|\[at\]|\{at\}|snabel|\sat\s/i;

export function detectSpelledEmails(text: string, sink: Sink): void {
  if (!SPELLED_HINT.test(text)) return;
  SPELLED_EMAIL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPELLED_EMAIL.exec(text))) {
    // "meet at town dot com" would need a tld too: the pattern asks for one; plain words around " at " without one pass
    if (!/[(\[{]|snabel|\s(?:dot|punkt)\s/i.test(m[0])) continue;
    sink.add("EMAIL", m.index, m.index + m[0].length, 0.9, "e-mail address written out");
  }
}

// international: +CC then groups that each start with one separator (a single way to split)
const INTL = /(?:\+|00)(\d{1,3})(?:[ .\-]?\(\d{1,4}\) ?\d{1,12})?(?:[ .\-]\d{1,12}){1,6}(?!\d)|\+\d{8,15}(?!\d)/g;
// Swedish national: 0 + area code, then groups separated by one space or dash
// "0503/122 45": an area code and a slash, as older Swedish writing has it
const NATIONAL = /0\d{1,9}(?:\/\d{1,8})?(?:(?: ?[-\u2013] ?| )\d{1,8}){0,4}(?![\d])/g;
// North American (NNN) NNN-NNNN and NNN-NNN-NNNN
const PAREN_NATIONAL = /(?<![\d(])\(0\d{1,3}\) ?\d{1,4}(?:[ \-\u2013]\d{1,4}){0,4}(?!\d)/g;
const NANP = /(?:\(\d{3}\) ?\d{3}[-. ]\d{4}|\d{3}[-.]\d{3}[-.]\d{4})(?![\d\-])/g;
const NATIONAL_AT = new RegExp(NATIONAL.source, "y");
const NANP_AT = new RegExp(NANP.source, "y");
// labelled numbers in any format: "My CN number is 13812345678", "Tel: 5550132"
const LONG_NUMBER = /\+?\d[\d \-]{6,16}\d/g;
const LONG_NUMBER_AT = new RegExp(LONG_NUMBER.source, "y");
const PHONE_LABEL = /(?:tel(?:efon)?|tfn|mobil(?:en|nummer|nr)?|mobile|phone|cell(?:phone)?|ring(?:er)?|sms|whatsapp|call(?: me)?(?: on| at)?|my (?!(?:customer|account|order|reference|case|invoice|member(?:ship)?|employee|ticket|booking|card|tracking|policy|client|registration|id|personal|social|tax|bank|student|patient|file|serial|licen[cs]e|passport|insurance)\b)[a-z]{2,12} number(?: is)?|telefonnummer|nummer är)\.?:?\s{0,3}$/i;

const UNIT_AFTER = /^\s?(?:kr|sek|eur|usd|:-|st\b|%|kvm|m2|m²|mm|cm|km|kg|g\b|dl|l\b|ggr|timmar|dagar|år|personer|besökare|deltagare|medarbetare|procent|h\b)/i;
const NOT_PHONE_LABEL = /(?:tracking|spårnings|kolli|order|faktura|invoice|artikel|art\.|ref|referens|ocr|dnr|diarie|org|momsreg|ärende|best|kund|konto|clearing|bankgiro|plusgiro|postnummer|postnr|version|build|nr|no\.)[a-zåäö.]*:?\s{0,2}$/i;
const PHONE_CUE = /(?:tel|tfn|telefon|mobil|mobile|phone|ring|call|sms|nå mig|reach me|kontakt|växel|fax)[^\n]{0,25}$/i;

/** a word character or one of `chars` right before i: the number is part of something else */
function precededBy(text: string, i: number, chars: string): boolean {
  if (i === 0) return false;
  const c = text[i - 1];
  return isAlnumAt(text, i - 1) || c === "_" || chars.includes(c);
}

function addPhone(text: string, sink: Sink, start: number, end: number, conf: number, reason: string): void {
  if (UNIT_AFTER.test(after(text, end, 12))) return;
  sink.add("PHONE", start, end, conf, reason);
}

function nationalAt(text: string, sink: Sink, m: RegExpExecArray): void {
  if (precededBy(text, m.index, "+-/.,:")) return;
  const raw = m[0];
  // the digit-count and shape refusals first: they need no look at the context
  const d = raw.replace(/\D/g, "");
  if (d[1] === "0") return; // 00… is international, handled above
  const mobile = /^07[0236-9]/.test(d);
  if (mobile ? d.length !== 10 : d.length < 8 || d.length > 10) return;
  const first = raw.match(/^\d+/)![0];
  if (!mobile && first.length !== d.length && (first.length < 2 || first.length > 4)) return;
  // after a slash, an area code of three or four digits and a number of five or more ("06/12 2024" is a date)
  if (raw.charAt(first.length) === "/" && (first.length < 3 || d.length - first.length < 5)) return;
  // dates and ISO timestamps look like 0…-…-…
  if (/^\d{4}-\d{2}-\d{2}/.test(raw)) return;
  if (continuesCode(text, m.index)) return;
  if (NOT_PHONE_LABEL.test(before(text, m.index, 24))) return;
  const cue = PHONE_CUE.test(before(text, m.index, 40));
  let conf = 0;
  if (mobile) {
    conf = cue ? 0.95 : 0.9;
  } else if (first.length === d.length) {
    // unseparated landline: only with a cue
    if (!cue) return;
    conf = 0.8;
  } else {
    conf = cue ? 0.95 : 0.85;
  }
  addPhone(text, sink, m.index, m.index + raw.length, conf, mobile ? "Swedish mobile number" : "Swedish phone number");
}

function nanpAt(text: string, sink: Sink, m: RegExpExecArray): void {
  if (precededBy(text, m.index, "-+.(")) return;
  const d = m[0].replace(/\D/g, "");
  if (d[0] === "0" || d[0] === "1") return;
  if (!PHONE_CUE.test(before(text, m.index, 40)) && NOT_PHONE_LABEL.test(before(text, m.index, 24))) return;
  addPhone(text, sink, m.index, m.index + m[0].length, 0.85, "North American phone number");
}

/** `runs`: the draft's digit runs, when the caller has them (some shapes are tried only next to them) */
export function detectPhones(text: string, sink: Sink, runs?: DigitRuns): void {
  let m: RegExpExecArray | null;
  INTL.lastIndex = 0;
  // INTL opens with '+' or "00"
  if (text.indexOf("+") >= 0 || text.indexOf("00") >= 0) while ((m = INTL.exec(text))) {
    if (precededBy(text, m.index, "+")) continue;
    const d = m[0].replace(/\D/g, "");
    if (d.length < 8 || d.length > 15) continue;
    // "00" without a cue: Sweden's own code before a mobile or area code ("0046 70-555 12 34"); others need a cue
    if (m[0].startsWith("00") && !PHONE_CUE.test(before(text, m.index, 40)) && !/^0046[1-9]\d{7,9}$/.test(d)) continue;
    addPhone(text, sink, m.index, m.index + m[0].length, 0.92, "international phone number");
  }
  if (!runs) {
    NATIONAL.lastIndex = 0;
    while ((m = NATIONAL.exec(text))) nationalAt(text, sink, m);
  } else {
    // a match opens with a '0' that one to nine digits follow up to the end of its run (a longer
    // run leaves a digit where the regex wants a separator or the end): the first such '0' of each run
    let from = 0;
    for (let k = 0; k < runs.n; k++) {
      const e = runs.e[k];
      let p = Math.max(runs.s[k], e - 10, from);
      while (p < e - 1 && text.charCodeAt(p) !== 48) p++;
      if (p >= e - 1) continue;
      NATIONAL_AT.lastIndex = p;
      if ((m = NATIONAL_AT.exec(text))) { nationalAt(text, sink, m); from = m.index + m[0].length; }
    }
  }
  // "(070) 174 06 23": the area code in brackets
  if (text.indexOf("(0") >= 0) {
    PAREN_NATIONAL.lastIndex = 0;
    while ((m = PAREN_NATIONAL.exec(text))) {
      const d = m[0].replace(/\D/g, "");
      if (d[1] === "0" || (/^07[0236-9]/.test(d) ? d.length !== 10 : d.length < 8 || d.length > 10)) continue;
      if (NOT_PHONE_LABEL.test(before(text, m.index, 24))) continue;
      addPhone(text, sink, m.index, m.index + m[0].length, 0.9, "Swedish phone number, area code in brackets");
    }
  }
  if (!runs) {
    NANP.lastIndex = 0;
    while ((m = NANP.exec(text))) nanpAt(text, sink, m);
  } else {
    // a match opens with "(" right before a run of three digits and ")" after it, or with the
    // last three digits of a run that '-' or '.' follows: only those places are tried
    let from = 0;
    for (let k = 0; k < runs.n; k++) {
      const s = runs.s[k], e = runs.e[k];
      if (e - s < 3) continue;
      const next = text.charCodeAt(e);
      if (s - 1 >= from && e - s === 3 && next === 41 && text.charCodeAt(s - 1) === 40) {
        NANP_AT.lastIndex = s - 1;
        if ((m = NANP_AT.exec(text))) { nanpAt(text, sink, m); from = m.index + m[0].length; continue; }
      }
      if (e - 3 >= from && (next === 45 || next === 46)) {
        NANP_AT.lastIndex = e - 3;
        if ((m = NANP_AT.exec(text))) { nanpAt(text, sink, m); from = m.index + m[0].length; }
      }
    }
  }
  if (!runs) {
    LONG_NUMBER.lastIndex = 0;
    while ((m = LONG_NUMBER.exec(text))) longNumberAt(text, sink, m);
    return;
  }
  // a match stays inside one stretch of digit runs with only spaces and dashes between them, and
  // opens with a digit (or the '+' before the stretch) that another digit follows 7 to 17 places on:
  // the leftmost such digit of each stretch is found here and only there the regex is tried
  const rs = runs.s, re = runs.e, n = runs.n;
  let from = 0;
  for (let k = 0; k < n; ) {
    let j = k + 1;
    while (j < n && onlySpacesAndDashes(text, re[j - 1], rs[j])) j++;
    const b = re[j - 1];
    let r = k, p = Math.max(from, rs[k]);
    while (b - p >= 8) {
      while (r < j && re[r] <= p) r++;
      if (r >= j) break;
      if (p < rs[r]) p = rs[r];
      if (b - p < 8) break;
      // the first digit at or after p + 7 (one exists: the stretch ends with a digit past it)
      const t = p + 7;
      let r2 = r;
      while (re[r2] <= t) r2++;
      if (Math.max(t, rs[r2]) > p + 17) { p++; continue; }
      LONG_NUMBER_AT.lastIndex = p - 1 >= from && text.charCodeAt(p - 1) === 43 ? p - 1 : p;
      if (!(m = LONG_NUMBER_AT.exec(text))) { p++; continue; }
      longNumberAt(text, sink, m);
      from = p = m.index + m[0].length;
    }
    k = j;
  }
}

function onlySpacesAndDashes(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 45) return false;
  }
  return true;
}

function longNumberAt(text: string, sink: Sink, m: RegExpExecArray): void {
  const num = m[0];
  const start = m.index;
  if (isDigitCode(text.charCodeAt(start - 1)) || !PHONE_LABEL.test(text.slice(Math.max(0, start - 30), start))) return;
  const d = num.replace(/\D/g, "");
  if (d.length < 7 || d.length > 15) return;
  if (isDigitCode(text.charCodeAt(start + num.length))) return;
  addPhone(text, sink, start, start + num.length, 0.8, "number labelled as a phone number");
}
