// Payment cards (Luhn + issuer ranges), IBAN (mod 97), bankgiro/plusgiro (Luhn) and Swedish
// clearing + account numbers (by their label).
import { ibanValid, IBAN_LENGTHS, luhnValid, bankAccountValid, swedbankClearingValid } from "../checksums";
import { continuesCode, isAlnumAt, isDigitCode, isLetterCode, type Words } from "../text";
import type { Sink } from "./types";
import type { DigitRuns } from "./digits";

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

const CARD_RUN_AT = new RegExp(CARD_RUN.source, "y");

/**
 * `runs`: the draft's digit runs, when the caller has them. A card run stays inside one chain of
 * digit runs joined by single spaces or dashes, and only a chain of twelve digits or more can
 * hold a card, so only the runs of those chains are tried (the same matches as a scan).
 */
export function detectCards(text: string, sink: Sink, runs?: DigitRuns): void {
  let m: RegExpExecArray | null;
  if (!runs) {
    if (!TWELVE_DIGITS.test(text)) return;
    CARD_RUN.lastIndex = 0;
    while ((m = CARD_RUN.exec(text))) cardsIn(text, sink, m);
    return;
  }
  const rs = runs.s, re = runs.e;
  let from = 0;
  for (let k = 0; k < runs.n; ) {
    // the chain of runs k..j-1
    let j = k + 1, digits = re[k] - rs[k];
    while (j < runs.n && rs[j] === re[j - 1] + 1 && isChainSep(text.charCodeAt(re[j - 1]))) {
      digits += re[j] - rs[j];
      j++;
    }
    if (digits >= 12) {
      for (let i = k; i < j; i++) {
        if (rs[i] < from) continue;
        CARD_RUN_AT.lastIndex = rs[i];
        if ((m = CARD_RUN_AT.exec(text))) {
          cardsIn(text, sink, m);
          from = m.index + m[0].length;
        }
      }
    }
    k = j;
  }
}

function isChainSep(c: number): boolean {
  return c === 32 || c === 45;
}

/** the cards in one run CARD_RUN matched */
function cardsIn(text: string, sink: Sink, m: RegExpExecArray): void {
  const run = m[0];
  if (run.length < 12 || continuesCode(text, m.index)) return;
  // groups with their offsets (the run is digits with single ' ' or '-' between groups)
  const gs: number[] = [], ge: number[] = [];
  for (let k = 0; k < run.length; ) {
    const s = k;
    while (k < run.length && isDigitCode(run.charCodeAt(k))) k++;
    gs.push(s); ge.push(k);
    k++;
  }
  // digits in groups i..j: the span minus its separators (one between each pair of groups)
  const digitsIn = (i: number, j: number): number => ge[j] - gs[i] - (j - i);
  if (digitsIn(0, gs.length - 1) < 12) return;
  // longest valid slice of consecutive groups from each group on; several cards may share a run
  for (let i = 0; i < gs.length; ) {
    let next = i + 1;
    for (let j = gs.length - 1; j >= i; j--) {
      const n = digitsIn(i, j);
      if (n < 12 || n > 19) continue;
      // one kind of separator throughout the slice
      let mixed = false;
      for (let k = i + 1; k <= j && !mixed; k++) if (run.charCodeAt(ge[k - 1]) !== run.charCodeAt(ge[i])) mixed = true;
      if (mixed) continue;
      const slice = run.slice(gs[i], ge[j]);
      const d = j > i ? slice.replace(/[ -]/g, "") : slice;
      if (!luhnValid(d)) continue;
      const brand = cardBrand(d);
      if (!brand) continue;
      const start = m.index + gs[i];
      sink.add("PAYMENT_CARD", start, start + slice.length, 0.95, `${brand} card number with valid Luhn checksum`);
      next = j + 1;
      break;
    }
    i = next;
  }
}

const IBAN_HEAD = /(?<![A-Za-z0-9])([A-Z]{2})(\d{2})(?=[ \-]?[A-Z0-9])/g;
const IBAN_HEAD_AT = new RegExp(IBAN_HEAD.source, "y");

/**
 * `words`: the draft's words, when the caller has them. Every IBAN head is the last two letters of
 * a word that a digit follows, so only those places are tried (the same matches as a scan).
 */
export function detectIban(text: string, sink: Sink, words?: Words, runs?: DigitRuns): void {
  let m: RegExpExecArray | null;
  if (runs) {
    // the same places from the digit runs: a word ends right before a digit exactly where a run
    // starts after a letter (fewer runs than words to walk)
    let from = 0;
    for (let k = 0; k < runs.n; k++) {
      const s = runs.s[k], p = s - 2;
      if (p < from || !isLetterCode(text.charCodeAt(s - 1))) continue;
      IBAN_HEAD_AT.lastIndex = p;
      if ((m = IBAN_HEAD_AT.exec(text))) from = ibanAt(text, sink, m);
    }
    return;
  }
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

const ACCOUNT_SHAPE_AT = new RegExp(ACCOUNT_SHAPE.source, "y");

/** the account's digits checked by its bank's rule: true, false, or null for an unknown bank */
function accountCheck(d: string, five: boolean): boolean | null {
  if (five) return d[0] === "8" && swedbankClearingValid(d.slice(0, 5)) ? bankAccountValid(d.slice(0, 4), d.slice(5)) : false;
  return bankAccountValid(d.slice(0, 4), d.slice(4));
}

/** the longest label (16 characters) and the gap after it (25): how far before its number a match starts */
const GIRO_REACH = 41;
/** GIRO_LABEL at the leftmost place of the window that ends at a digit run (no digit before the label) */
const GIRO_AT = new RegExp(`([^\\d]{0,${GIRO_REACH}}?)` + GIRO_LABEL.source, "iy");
/** GIRO_LABEL exactly at a place: the match giroAt reads (it starts at the label, as in the full scan) */
const GIRO_LABEL_Y = new RegExp(GIRO_LABEL.source, "iy");

/** the last giro word before the number ("Bankgiro: pg 8327-9" is a plusgiro number) */
const NEAREST_GIRO = /^.*(plusgiro|postgiro|bankgiro|\bpg\b|\bbg\b)[^\d]*$/s;

function giroAt(text: string, sink: Sink, m: RegExpExecArray): void {
  // "Sparkonto: plusgiro 902718-6": the label nearest the number decides its kind
  const nearest = NEAREST_GIRO.exec(m[0].slice(m[1].length, m[0].length - m[2].length).toLowerCase());
  const label = nearest ? nearest[1] : m[1].toLowerCase();
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
  if (!ok) return;
  // do not run into a following date or amount: the regex span is the number itself
  if (isDigitCode(text.charCodeAt(start + num.length))) return;
  sink.add("BANK_ACCOUNT", start, start + num.length, conf, reason);
}

/** `runs`: the draft's digit runs, when the caller has them (unlabelled accounts are tried only at them) */
export function detectGiroAndAccounts(text: string, sink: Sink, runs?: DigitRuns): void {
  let m: RegExpExecArray | null;
  if (!runs) {
    GIRO_LABEL.lastIndex = 0;
    while ((m = GIRO_LABEL.exec(text))) giroAt(text, sink, m);
  } else {
    // the number of a match starts the first digit run after its label, at most GIRO_REACH
    // characters on: each run's window before it is tried, the leftmost place first
    let from = 0;
    for (let k = 0; k < runs.n; k++) {
      const lo = Math.max(from, k > 0 ? runs.e[k - 1] : 0, runs.s[k] - GIRO_REACH);
      if (lo >= runs.s[k]) continue;
      GIRO_AT.lastIndex = lo;
      const at = GIRO_AT.exec(text);
      if (!at) continue;
      // read from the label on, as the full scan does (the text before it holds other labels: "sebBankgiro: \npg 8327-9")
      GIRO_LABEL_Y.lastIndex = at.index + at[1].length;
      if ((m = GIRO_LABEL_Y.exec(text))) { giroAt(text, sink, m); from = m.index + m[0].length; }
    }
  }
  // unlabelled clearing + account: only when the bank's own checksum rule holds
  if (!runs) {
    ACCOUNT_SHAPE.lastIndex = 0;
    while ((m = ACCOUNT_SHAPE.exec(text))) accountAt(sink, m);
    return;
  }
  // a match opens with a run of exactly four digits (the clearing number)
  let from = 0;
  for (let k = 0; k < runs.n; k++) {
    const s = runs.s[k];
    if (s < from || runs.e[k] - s !== 4) continue;
    ACCOUNT_SHAPE_AT.lastIndex = s;
    if ((m = ACCOUNT_SHAPE_AT.exec(text))) { accountAt(sink, m); from = m.index + m[0].length; }
  }
}

function accountAt(sink: Sink, m: RegExpExecArray): void {
  const d = (m[1] + (m[2] ?? "") + m[3]).replace(/[ \-]/g, "");
  if (d.length < 11 || d.length > 15) return;
  if (/^(?:19|20)\d\d$/.test(m[1]) && !m[2]) return; // "2025 …": a year and a number
  if (!accountCheck(d, m[2] !== undefined)) return;
  sink.add("BANK_ACCOUNT", m.index, m.index + m[0].length, 0.8, "clearing and account number valid by its bank's checksum rule");
}
