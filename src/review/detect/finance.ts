// Payment cards (Luhn + issuer ranges), IBAN (mod 97), bankgiro/plusgiro (Luhn) and Swedish
// clearing + account numbers (by their label).
import { ibanValid, IBAN_LENGTHS, luhnValid, bankAccountValid, swedbankClearingValid } from "../checksums";
import { continuesCode, isAlnumAt, isDigitCode, type Words } from "../text";
import type { Sink } from "./types";

// digit groups joined by single spaces or dashes; bounded, one way to split
const CARD_RUN = /(?<![\w\-.,/])\d{1,19}(?:[ -]\d{1,19}){0,11}(?![\w])/g;

function cardBrand(d: string): string | null {
  const n = d.length;
  const p2 = Number(d.slice(0, 2)), p3 = Number(d.slice(0, 3)), p4 = Number(d.slice(0, 4)), p6 = Number(d.slice(0, 6));
  if (d[0] === "4" && (n === 13 || n === 16 || n === 19)) return "Visa";
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return "Mastercard";
  if ((p2 === 34 || p2 === 37) && n === 15) return "American Express";
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) && n >= 16 && n <= 19) return "Discover";
  if (((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39 || p3 === 309) && n >= 14 && n <= 19) return "Diners Club";
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return "JCB";
  if (p2 === 62 && n >= 16 && n <= 19) return "UnionPay";
  if ((p2 === 50 || (p2 >= 56 && p2 <= 69)) && n >= 12 && n <= 19) return "Maestro";
  if (d[0] === "1" && n === 15) return "UATP";
  if (p2 === 22 && n === 16) return "Mir";
  return null;
}

/** twelve digits in single-space/dash groups: the least any card has (most drafts have none) */
const TWELVE_DIGITS = /\d(?:[ -]?\d){11}/;

export function detectCards(text: string, sink: Sink): void {
  if (!TWELVE_DIGITS.test(text)) return;
  CARD_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CARD_RUN.exec(text))) {
    const run = m[0];
    if (run.length < 12 || continuesCode(text, m.index)) continue;
    const digitsOnly = run.replace(/[ -]/g, "");
    if (digitsOnly.length < 12) continue;
    // groups with their offsets; try every contiguous slice of groups, longest first
    const groups: Array<{ s: number; e: number }> = [];
    const re = /\d+/g;
    let g: RegExpExecArray | null;
    while ((g = re.exec(run))) groups.push({ s: g.index, e: g.index + g[0].length });
    // longest valid slice of consecutive groups from each group on; several cards may share a run
    for (let i = 0; i < groups.length; ) {
      let next = i + 1;
      for (let j = groups.length - 1; j >= i; j--) {
        const slice = run.slice(groups[i].s, groups[j].e);
        const d = slice.replace(/[ -]/g, "");
        if (d.length < 12 || d.length > 19) continue;
        const seps = slice.replace(/\d/g, "");
        if (seps.length && seps !== seps[0].repeat(seps.length)) continue;
        if (!luhnValid(d)) continue;
        const brand = cardBrand(d);
        if (!brand) continue;
        const start = m.index + groups[i].s;
        sink.add("PAYMENT_CARD", start, start + slice.length, 0.95, `${brand} card number with valid Luhn checksum`);
        next = j + 1;
        break;
      }
      i = next;
    }
  }
}

const IBAN_HEAD = /(?<![A-Za-z0-9])([A-Z]{2})(\d{2})(?=[ \-]?[A-Z0-9])/g;
const IBAN_HEAD_AT = new RegExp(IBAN_HEAD.source, "y");

/**
 * `words`: the draft's words, when the caller has them. Every IBAN head is the last two letters of
 * a word that a digit follows, so only those places are tried (the same matches as a scan).
 */
export function detectIban(text: string, sink: Sink, words?: Words): void {
  let m: RegExpExecArray | null;
  if (!words) {
    IBAN_HEAD.lastIndex = 0;
    while ((m = IBAN_HEAD.exec(text))) IBAN_HEAD.lastIndex = ibanAt(text, sink, m);
    return;
  }
  const we = words.e;
  let from = 0;
  for (let k = 0; k < words.n; k++) {
    const p = we[k] - 2;
    if (p < from || !isDigitCode(text.charCodeAt(we[k]))) continue;
    IBAN_HEAD_AT.lastIndex = p;
    if ((m = IBAN_HEAD_AT.exec(text))) from = ibanAt(text, sink, m);
  }
}

/** checks the IBAN whose head IBAN_HEAD matched; returns where the scan goes on */
function ibanAt(text: string, sink: Sink, m: RegExpExecArray): number {
  const next = m.index + m[0].length;
  const len = IBAN_LENGTHS[m[1]];
  if (!len) return next;
  let compact = m[1] + m[2];
  let i = m.index + 4;
  let sep = "";
  let groupLen = 0;
  while (compact.length < len && i < text.length) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
      compact += text[i];
      groupLen++;
      i++;
      continue;
    }
    const ch = text[i];
    if ((ch === " " || ch === "-") && groupLen !== 0 || (ch === " " || ch === "-") && i === m.index + 4) {
      if (!sep) sep = ch;
      if (ch !== sep) break;
      if (!(isAlnumAt(text, i + 1))) break;
      groupLen = 0;
      i++;
      continue;
    }
    break;
  }
  if (compact.length !== len) return next;
  // an unseparated IBAN must end at a word boundary; a grouped one may be followed by more text
  if (!sep && isAlnumAt(text, i)) return next;
  if (!ibanValid(compact)) return next;
  sink.add("BANK_ACCOUNT", m.index, i, 0.97, "IBAN with valid mod-97 checksum");
  return i;
}

/** labels for Swedish giro and account numbers; the number follows within a few characters */
const GIRO_LABEL = /(bankgiro(?:nummer|nr)?|bankgirot|\bbg(?:-?nr)?\b|plusgiro(?:nummer|nr)?|plusgirot|postgiro|\bpg(?:-?nr)?\b|kontonummer|kontonr|konto(?:t)?|clearing(?:nummer|nr)?|bankkonto(?:t)?|account(?: number| no\.?)?|swedbank|handelsbanken|nordea|seb|danske bank|länsförsäkringar|ica banken|sparbanken|skandia(?:banken)?|sbab|avanza)(?:[^\n\d]{0,25}?)(\d{4}(?:-\d)?, \d[\d \-]{4,18}\d|\d[\d \-]{1,24}\d)/gi;

/** clearing + account as people write them: "8327-9 914 552 873-4", "5231-123 456 7", "6152 123456789" */
const ACCOUNT_SHAPE = /(?<![\w\-.,/+])(\d{4})(?:-(\d))?(?:, ?| ?- ?| )(\d+(?:[ \-]\d+){0,4})(?![\w\-]|[.,]\d)/g;

/** the account's digits checked by its bank's rule: true, false, or null for an unknown bank */
function accountCheck(d: string, five: boolean): boolean | null {
  if (five) return d[0] === "8" && swedbankClearingValid(d.slice(0, 5)) ? bankAccountValid(d.slice(0, 4), d.slice(5)) : false;
  return bankAccountValid(d.slice(0, 4), d.slice(4));
}

export function detectGiroAndAccounts(text: string, sink: Sink): void {
  GIRO_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GIRO_LABEL.exec(text))) {
    const label = m[1].toLowerCase();
    let num = m[2];
    const start = m.index + m[0].length - num.length;
    // trailing dash/space belong to the sentence
    num = num.replace(/[ -]+$/, "");
    const d = num.replace(/[ \-,]/g, "");
    let ok = false, conf = 0, reason = "";
    if (label.startsWith("bankgiro") || label.startsWith("bg")) {
      ok = (d.length === 7 || d.length === 8) && luhnValid(d);
      conf = 0.95; reason = "bankgiro number with valid checksum";
    } else if (label.startsWith("plusgiro") || label.startsWith("postgiro") || label.startsWith("pg")) {
      ok = d.length >= 2 && d.length <= 8 && luhnValid(d);
      conf = 0.95; reason = "plusgiro number with valid checksum";
    } else {
      // clearing (4-5 digits) + account (up to 10 digits, longer for some banks)
      ok = d.length >= 9 && d.length <= 16 && /^\d{4}/.test(d);
      const valid = ok && accountCheck(d, /^\d{4}-\d\b/.test(num));
      conf = valid ? 0.95 : 0.85;
      reason = valid ? "bank account number valid by its bank's checksum rule" : "labelled bank account number (clearing + account)";
    }
    if (!ok) continue;
    // do not run into a following date or amount: the regex span is the number itself
    if (isDigitCode(text.charCodeAt(start + num.length))) continue;
    sink.add("BANK_ACCOUNT", start, start + num.length, conf, reason);
  }
  // unlabelled clearing + account: only when the bank's own checksum rule holds
  ACCOUNT_SHAPE.lastIndex = 0;
  while ((m = ACCOUNT_SHAPE.exec(text))) {
    const d = (m[1] + (m[2] ?? "") + m[3]).replace(/[ \-]/g, "");
    if (d.length < 11 || d.length > 15) continue;
    if (/^(?:19|20)\d\d$/.test(m[1]) && !m[2]) continue; // "2025 …": a year and a number
    if (!accountCheck(d, m[2] !== undefined)) continue;
    sink.add("BANK_ACCOUNT", m.index, m.index + m[0].length, 0.8, "clearing and account number valid by its bank's checksum rule");
  }
}
