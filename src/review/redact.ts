// Redaction: each identifier is replaced by a numbered placeholder of its type ([PERSON 1],
// [PERSONNUMMER 1]); the same value always gets the same placeholder, so the redacted text stays
// useful in Copilot. The mapping (placeholder -> value) is returned to the caller only: it is
// never stored or logged, and restore() puts the real values back into Copilot's answer locally.
import type { Finding, FindingType } from "./types";
import { fold, squeezeSpaces } from "./text";

/** the placeholder label of each type (used inside as LABEL: no load from the module's exports per finding) */
const LABEL: Record<FindingType, string> = {
  PERSONNUMMER: "PERSONNUMMER", PERSON_NAME: "PERSON", EMAIL: "EMAIL", PHONE: "PHONE", ADDRESS: "ADDRESS",
  BANK_ACCOUNT: "ACCOUNT", PAYMENT_CARD: "CARD", IP_ADDRESS: "IP", CREDENTIAL: "SECRET", LICENSE_PLATE: "PLATE",
  HEALTH: "HEALTH", SPECIAL_CATEGORY: "SENSITIVE", SECRECY: "SECRET_INFO",
};
export const PLACEHOLDER_LABEL = LABEL;

/** the category types (HEALTH, SPECIAL_CATEGORY, SECRECY): compared directly, no lookup per finding */
const isCategory = (type: FindingType): boolean => type === "HEALTH" || type === "SPECIAL_CATEGORY" || type === "SECRECY";

export interface RedactOptions {
  /** also replace category words (HEALTH, SPECIAL_CATEGORY, SECRECY); default false: they are context, not identifiers */
  categories?: boolean;
}

export interface Redaction {
  redacted: string;
  /** placeholder -> original value; show to the user only, never store or log */
  mapping: Record<string, string>;
}

/** the value a placeholder stands for, normalised so that "Liam" and "liam", "851018-3125" and "8510183125" match */
export function normalise(type: FindingType, value: string): string {
  switch (type) {
    case "PERSONNUMMER": return digits(value).slice(-10);
    case "PAYMENT_CARD": case "PHONE": return nationalNumber(digits(value));
    case "BANK_ACCOUNT": case "LICENSE_PLATE": return compactUpper(value);
    case "EMAIL": case "IP_ADDRESS": return value.toLowerCase();
    default: return foldSqueezed(value);
  }
}

/** the ASCII digits of s (what s.replace(/\D/g, "") gives) */
function digits(s: string): string {
  let out = "";
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) { if (start < 0) start = i; continue; }
    if (start >= 0) { out += s.slice(start, i); start = -1; }
  }
  return out;
}

/**
 * a string of digits with +46/0046 turned into 0 and a missing trunk 0 added, what
 * d.replace(/^(?:0046|46)(?=\d{8,})/, "0").replace(/^(?=[1-9]\d{7,9}$)/, "0") gives, without regexes
 */
function nationalNumber(d: string): string {
  if (d.startsWith("0046") && d.length >= 12) d = "0" + d.slice(4);
  else if (d.startsWith("46") && d.length >= 10) d = "0" + d.slice(2);
  return d.length >= 8 && d.length <= 10 && d.charCodeAt(0) !== 48 ? "0" + d : d;
}

/**
 * value.replace(/[\s-]/g, "").toUpperCase(): ASCII spaces and dashes are cut out here, the regex
 * runs only for a value holding another whitespace or non-ASCII character
 */
function compactUpper(value: string): string {
  let out = "", from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 32 || c === 45) {
      out += value.slice(from, i);
      from = i + 1;
    } else if ((c >= 9 && c <= 13) || c >= 0x80) return value.replace(/[\s-]/g, "").toUpperCase();
  }
  return (from === 0 ? value : out + value.slice(from)).toUpperCase();
}

/**
 * squeezeSpaces(fold(s)) with one scan for the usual value: when no space needs squeezing and every
 * character is Latin-1, folding moves no whitespace (each character folds to a letter or to itself),
 * so squeezing would change nothing, and below U+00C0 folding is plain lowercasing
 */
function foldSqueezed(s: string): string {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return squeezeSpaces(fold(s));
  let accented = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff || (c === 32 ? s.charCodeAt(i + 1) === 32 : (c <= 13 && c >= 9) || c === 0xa0)) return squeezeSpaces(fold(s));
    if (c >= 0xc0) accented = true;
  }
  return accented ? fold(s) : s.toLowerCase();
}

/**
 * the placeholders given out in one draft, by label and normalised value: searched in place while
 * there are few (a draft holds a handful: no Map to build, no key string to hash), in a Map keyed
 * by label and value once there are many (so a long list stays linear)
 */
class PlaceholderTable {
  private entries: string[] = [];
  private byKey: Map<string, string> | null = null;
  private counts: Map<string, number> | null = null;

  /** whether the last placeholderOf() gave out a new placeholder */
  created = false;

  /** the placeholder of (label, norm): the one given out before, else the label's next number */
  placeholderOf(label: string, norm: string): string {
    if (this.byKey) return this.fromMap(label, norm);
    const e = this.entries;
    let n = 1;
    for (let k = 0; k < e.length; k += 3) {
      if (e[k] !== label) continue;
      if (e[k + 1] === norm) { this.created = false; return e[k + 2]; }
      n++;
    }
    const ph = placeholder(label, n);
    this.created = true;
    if (e.push(label, norm, ph) >= 3 * PLACEHOLDERS_IN_PLACE) this.grow();
    return ph;
  }

  private fromMap(label: string, norm: string): string {
    const key = `${label}\u0000${norm}`;
    let ph = this.byKey!.get(key);
    this.created = ph === undefined;
    if (ph === undefined) {
      const n = (this.counts!.get(label) ?? 0) + 1;
      this.counts!.set(label, n);
      this.byKey!.set(key, ph = placeholder(label, n));
    }
    return ph;
  }

  private grow(): void {
    const e = this.entries;
    this.byKey = new Map();
    this.counts = new Map();
    for (let k = 0; k < e.length; k += 3) {
      this.byKey.set(`${e[k]}\u0000${e[k + 1]}`, e[k + 2]);
      this.counts.set(e[k], (this.counts.get(e[k]) ?? 0) + 1);
    }
  }
}
const PLACEHOLDERS_IN_PLACE = 16;

/** "[PERSON 1]", "[PERSON 2]", … built once and reused: a string used as a key again is already internalised */
const PLACEHOLDER_CACHE = new Map<string, string[]>();
const CACHED_PER_LABEL = 64;
function placeholder(label: string, n: number): string {
  let row = PLACEHOLDER_CACHE.get(label);
  if (!row) PLACEHOLDER_CACHE.set(label, row = []);
  const ph = row[n];
  if (ph !== undefined) return ph;
  const made = `[${label} ${n}]`;
  if (n < CACHED_PER_LABEL) row[n] = made;
  return made;
}

/** the findings to replace, sorted by start: the caller's array itself when it already is that (no copy) */
function chosenOf(findings: Finding[], categories: boolean): Finding[] {
  let kept = 0, sorted = true, prev = -Infinity;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (!categories && isCategory(f.type)) continue;
    kept++;
    if (f.start < prev) sorted = false;
    prev = f.start;
  }
  if (kept === findings.length && sorted) return findings;
  const chosen = categories ? findings.slice() : findings.filter((f) => !isCategory(f.type));
  // detectAll gives findings sorted by start already: sort only when a caller's are not
  if (!sorted) chosen.sort((a, b) => a.start - b.start);
  return chosen;
}

/** n.lastIndexOf(" ") (a loop: lastIndexOf is a slow call in V8) */
function lastSpace(n: string): number {
  let k = n.length - 1;
  while (k >= 0 && n.charCodeAt(k) !== 32) k--;
  return k;
}

/** the one full name a lone first or last name belongs to; null marks a part of several full names */
type FullNames = Map<string, string | null>;
function addFullName(fullNames: FullNames, part: string, full: string): void {
  const seen = fullNames.get(part);
  if (seen === undefined) fullNames.set(part, full);
  else if (seen !== full) fullNames.set(part, null);
}

export function redact(text: string, findings: Finding[], opts: RedactOptions = {}): Redaction {
  const mapping: Record<string, string> = {};
  return { redacted: replaceFindings(text, findings, !!opts.categories, mapping), mapping };
}

/** what redact(…).redacted is, without building the mapping (for a caller that does not show it) */
export function redactedText(text: string, findings: Finding[], opts: RedactOptions = {}): string {
  return replaceFindings(text, findings, !!opts.categories, null);
}

/** the value a placeholder stands for: the first met, or a fuller spelling of it ("Liam Eriksson Haddad" over "Liam") */
function keepValue(mapping: Record<string, string>, ph: string, isNew: boolean, value: string, norm: string, type: FindingType): void {
  if (isNew) mapping[ph] = value;
  else if (value.length > mapping[ph].length && norm.includes(normalise(type, mapping[ph]))) mapping[ph] = value;
}

/** text with each finding replaced by its placeholder; `mapping` (when given) gets placeholder -> value */
function replaceFindings(text: string, findings: Finding[], categories: boolean, mapping: Record<string, string> | null): string {
  // most drafts hold nothing to replace
  if (findings.length === 0) return text;
  const chosen = chosenOf(findings, categories);
  if (chosen.length === 0) return text;
  // names normalised once (the pre-pass over full names and the replacement share them)
  let nameNorms: string[] | null = null;
  // a lone first or last name that belongs to exactly one full name shares its placeholder
  let fullNames: FullNames | null = null;
  for (let i = 0; i < chosen.length; i++) {
    const f = chosen[i];
    if (f.type !== "PERSON_NAME") continue;
    nameNorms ??= new Array(chosen.length);
    const n = nameNorms[i] = normalise(f.type, text.slice(f.start, f.end));
    const a = n.indexOf(" ");
    if (a < 0) continue;
    fullNames ??= new Map();
    addFullName(fullNames, n.slice(0, a), n);
    addFullName(fullNames, n.slice(lastSpace(n) + 1), n);
  }
  const placeholders = new PlaceholderTable();
  let out = "";
  let pos = 0;
  for (let i = 0; i < chosen.length; i++) {
    const f = chosen[i];
    if (f.start < pos) continue; // overlapping category span: the identifier already replaced it
    let norm: string;
    if (f.type === "PERSON_NAME") {
      norm = nameNorms![i];
      const full = fullNames && norm.indexOf(" ") < 0 ? fullNames.get(norm) : undefined;
      if (full) norm = full;
    } else norm = normalise(f.type, text.slice(f.start, f.end));
    const label = LABEL[f.type];
    const ph = placeholders.placeholderOf(label, norm);
    if (mapping) keepValue(mapping, ph, placeholders.created, text.slice(f.start, f.end), norm, f.type);
    out += text.slice(pos, f.start) + ph;
    pos = f.end;
  }
  return out + text.slice(pos);
}

const PLACEHOLDER = /\[([A-Z_]{2,20}) (\d{1,5})\]/g;

/** put the real values back into text that came back from Copilot (placeholders it kept verbatim) */
export function restore(textFromCopilot: string, mapping: Record<string, string>): string {
  return textFromCopilot.replace(PLACEHOLDER, (ph: string) => (Object.prototype.hasOwnProperty.call(mapping, ph) ? mapping[ph] : ph));
}
