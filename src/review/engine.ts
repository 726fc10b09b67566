// Runs the detectors over a draft and resolves overlapping findings deterministically.
import type { Finding, FindingType } from "./types";
import { scanText } from "./text";
import type { Sink } from "./detect/types";
import { detectPersonnummer } from "./detect/personnummer";
import { detectCards, detectIban, detectGiroAndAccounts } from "./detect/finance";
import { detectEmails, detectPhones } from "./detect/contact";
import { detectIps } from "./detect/network";
import { detectAddresses } from "./detect/address";
import { detectPlates } from "./detect/plate";
import { detectCredentials } from "./detect/credentials";
import { detectAccessCodes } from "./detect/access-codes";
import { detectNames } from "./detect/names";
import { detectCategories } from "./detect/categories";
import { digitRuns } from "./detect/digits";

export const CATEGORY_TYPES: ReadonlySet<FindingType> = new Set<FindingType>(["HEALTH", "SPECIAL_CATEGORY", "SECRECY"]);

/** which finding wins an overlap: the stronger evidence (checksummed ids and keys over shapes) */
const PRIORITY: Record<FindingType, number> = {
  CREDENTIAL: 10, PERSONNUMMER: 9, PAYMENT_CARD: 8, BANK_ACCOUNT: 8, EMAIL: 7, IP_ADDRESS: 6, PHONE: 5,
  ADDRESS: 4, LICENSE_PLATE: 3, PERSON_NAME: 2, HEALTH: 1, SPECIAL_CATEGORY: 1, SECRECY: 1,
};

/** seven digits, possibly grouped by single spaces or dashes: the least any id, card, account or phone has */
const LONG_DIGIT_RUN = /\d(?:[ +\-\u2013]?\d){6}/;
const DOTTED_DIGITS = /\d\.\d{1,3}\.\d/;
const URL = /\b(?:https?|ftp|file):\/\/[^\s<>"')\]]{1,2000}|\bwww\.[^\s<>"')\]]{1,2000}/g;

class Collector implements Sink {
  readonly items: Finding[] = [];
  constructor(readonly text: string) {}
  add(type: FindingType, start: number, end: number, confidence: number, reason: string): void {
    if (!(start >= 0 && end <= this.text.length && start < end)) return;
    this.items.push({ type, start, end, confidence, reason });
  }
}

function byStrength(a: Finding, b: Finding): number {
  return PRIORITY[b.type] - PRIORITY[a.type] || b.confidence - a.confidence ||
    (b.end - b.start) - (a.end - a.start) || a.start - b.start;
}

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end;
}

/** keep the strongest of overlapping findings; result sorted by position */
export function resolveOverlaps(found: Finding[]): Finding[] {
  return keepStrongest([...found]);
}

/** resolveOverlaps on an array the caller gives up (sorted in place, no copy) */
function keepStrongest(found: Finding[]): Finding[] {
  if (found.length < 2) return found;
  // most drafts' findings do not overlap at all: then every one stays, in position order. The sort
  // is stable, so findings of the same span keep their order for the strength sort below.
  found.sort(byPosition);
  let disjoint = true;
  for (let i = 1; i < found.length && disjoint; i++) if (found[i].start < found[i - 1].end) disjoint = false;
  if (disjoint) return found;
  found.sort(byStrength);
  const kept: Finding[] = [];
  // kept spans sorted by start for an overlap check by binary search; kept spans are disjoint,
  // so only the last one starting before e can reach past s
  const starts: number[] = [], ends: number[] = [];
  for (const f of found) {
    const s = f.start, e = f.end;
    let lo = 0, hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < e) lo = mid + 1; else hi = mid;
    }
    if (lo > 0 && ends[lo - 1] > s) continue;
    kept.push(f);
    // insert after every span starting at or before s (no kept span starts in [s, e) here)
    let at = lo;
    while (at > 0 && starts[at - 1] > s) at--;
    starts.splice(at, 0, s);
    ends.splice(at, 0, e);
  }
  return kept.sort(byPosition);
}

/** two position-sorted lists as one, the first list's finding first on a tie (a stable sort of a.concat(b)) */
function mergeByPosition(a: Finding[], b: Finding[]): Finding[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Finding[] = new Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) out[k++] = byPosition(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * keepStrongest(structured.concat(names)) without a second sort: every structured type outranks
 * PERSON_NAME and the structured findings are disjoint, so all of them stay; names never overlap
 * one another (each word joins at most one name), so a name stays unless it overlaps a structured one
 */
function withNames(structured: Finding[], names: Finding[]): Finding[] {
  const free: Finding[] = [];
  for (const f of names) {
    let lo = 0, hi = structured.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (structured[mid].start < f.end) lo = mid + 1; else hi = mid;
    }
    if (lo > 0 && structured[lo - 1].end > f.start) continue;
    free.push(f);
  }
  free.sort(byPosition);
  return mergeByPosition(structured, free);
}

/** all findings in a draft, sorted by start offset */
export function detectAll(text: string): Finding[] {
  const sink = new Collector(text);
  // the words, once: names and categories read them, and some detectors try only the places next to them;
  // the same scan finds the keywords that gate the password, secrecy and access-code regexes
  const { words: toks, triggers } = scanText(text);
  detectCredentials(text, sink, triggers);
  detectAccessCodes(text, sink, toks, triggers);
  // most drafts hold no long number: one cheap test spares the number detectors a scan each
  if (LONG_DIGIT_RUN.test(text)) {
    // the digit runs, once: most number detectors try their regexes only at the runs that can start a match
    const runs = digitRuns(text);
    detectPersonnummer(text, sink, runs);
    detectCards(text, sink, runs);
    detectIban(text, sink, toks, runs);
    detectGiroAndAccounts(text, sink, runs);
    detectPhones(text, sink, runs);
  }
  if (text.indexOf("@") >= 0) detectEmails(text, sink);
  if (text.indexOf(":") >= 0 || DOTTED_DIGITS.test(text)) detectIps(text, sink);
  detectAddresses(text, sink, toks);
  detectPlates(text, sink, toks);
  const structured = keepStrongest(sink.items);

  // names: skip words inside what was already found and inside URLs
  const masks: Array<[number, number]> = structured.map((f) => [f.start, f.end]);
  URL.lastIndex = 0;
  let m: RegExpExecArray | null;
  // structured findings come sorted by start: only URLs added after them need a sort
  if (text.indexOf("://") >= 0 || text.indexOf("www.") >= 0) {
    while ((m = URL.exec(text))) masks.push([m.index, m.index + m[0].length]);
    masks.sort((a, b) => a[0] - b[0]);
  }
  const masked = (s: number, e: number): boolean => {
    let lo = 0, hi = masks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (masks[mid][0] < e) lo = mid + 1; else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && k >= lo - 64; k--) if (masks[k][1] > s) return true;
    return false;
  };
  const names = new Collector(text);
  detectNames(text, names, toks, { masked });
  const identifiers = names.items.length ? withNames(structured, names.items) : structured;

  const cats = new Collector(text);
  const persons = identifiers.filter((f) => f.type !== "CREDENTIAL" && f.type !== "IP_ADDRESS");
  detectCategories(text, cats, toks, persons, triggers);
  return mergeByPosition(identifiers, keepStrongest(cats.items));
}
