// Redaction: each identifier is replaced by a numbered placeholder of its type ([PERSON 1],
// [PERSONNUMMER 1]); the same value always gets the same placeholder, so the redacted text stays
// useful in Copilot. The mapping (placeholder -> value) is returned to the caller only: it is
// never stored or logged, and restore() puts the real values back into Copilot's answer locally.
import type { Finding, FindingType } from "./types";
import { fold, squeezeSpaces } from "./text";

export const PLACEHOLDER_LABEL: Record<FindingType, string> = {
  PERSONNUMMER: "PERSONNUMMER", PERSON_NAME: "PERSON", EMAIL: "EMAIL", PHONE: "PHONE", ADDRESS: "ADDRESS",
  BANK_ACCOUNT: "ACCOUNT", PAYMENT_CARD: "CARD", IP_ADDRESS: "IP", CREDENTIAL: "SECRET", LICENSE_PLATE: "PLATE",
  HEALTH: "HEALTH", SPECIAL_CATEGORY: "SENSITIVE", SECRECY: "SECRET_INFO",
};

const CATEGORY: ReadonlySet<FindingType> = new Set<FindingType>(["HEALTH", "SPECIAL_CATEGORY", "SECRECY"]);

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
    case "PAYMENT_CARD": case "PHONE": return digits(value).replace(/^(?:0046|46)(?=\d{8,})/, "0").replace(/^(?=[1-9]\d{7,9}$)/, "0");
    case "BANK_ACCOUNT": case "LICENSE_PLATE": return value.replace(/[\s-]/g, "").toUpperCase();
    case "PERSON_NAME": return squeezeSpaces(fold(value));
    case "EMAIL": case "IP_ADDRESS": return value.toLowerCase();
    default: return squeezeSpaces(fold(value));
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

export function redact(text: string, findings: Finding[], opts: RedactOptions = {}): Redaction {
  // most drafts hold nothing to replace
  if (findings.length === 0) return { redacted: text, mapping: {} };
  const chosen = opts.categories ? findings.slice() : findings.filter((f) => !CATEGORY.has(f.type));
  // detectAll gives findings sorted by start already: sort only when a caller's are not
  let sorted = true;
  for (let i = 1; i < chosen.length && sorted; i++) if (chosen[i].start < chosen[i - 1].start) sorted = false;
  if (!sorted) chosen.sort((a, b) => a.start - b.start);
  if (chosen.length === 0) return { redacted: text, mapping: {} };
  // each value normalised once (the pre-pass over full names and the replacement share it)
  const norms: string[] = new Array(chosen.length);
  // a lone first or last name that belongs to exactly one full name shares its placeholder
  let fullNames: Map<string, Set<string>> | null = null;
  for (let i = 0; i < chosen.length; i++) {
    const f = chosen[i];
    const n = norms[i] = normalise(f.type, text.slice(f.start, f.end));
    if (f.type !== "PERSON_NAME") continue;
    const a = n.indexOf(" ");
    if (a < 0) continue;
    fullNames ??= new Map();
    for (const p of [n.slice(0, a), n.slice(n.lastIndexOf(" ") + 1)]) {
      let set = fullNames.get(p);
      if (!set) fullNames.set(p, set = new Set());
      set.add(n);
    }
  }
  const placeholderOf = new Map<string, string>();
  const counters = new Map<string, number>();
  const mapping: Record<string, string> = {};
  let out = "";
  let pos = 0;
  for (let i = 0; i < chosen.length; i++) {
    const f = chosen[i];
    if (f.start < pos) continue; // overlapping category span: the identifier already replaced it
    const value = text.slice(f.start, f.end);
    let norm = norms[i];
    if (fullNames && f.type === "PERSON_NAME" && norm.indexOf(" ") < 0) {
      const full = fullNames.get(norm);
      if (full && full.size === 1) for (const only of full) norm = only;
    }
    const label = PLACEHOLDER_LABEL[f.type];
    const k = `${label}\u0000${norm}`;
    let ph = placeholderOf.get(k);
    if (!ph) {
      const n = (counters.get(label) ?? 0) + 1;
      counters.set(label, n);
      ph = `[${label} ${n}]`;
      placeholderOf.set(k, ph);
      mapping[ph] = value;
    } else if (value.length > mapping[ph].length && norm.includes(normalise(f.type, mapping[ph]))) {
      mapping[ph] = value; // prefer the fullest spelling ("Liam Eriksson Haddad" over "Liam")
    }
    out += text.slice(pos, f.start) + ph;
    pos = f.end;
  }
  out += text.slice(pos);
  return { redacted: out, mapping };
}

const PLACEHOLDER = /\[([A-Z_]{2,20}) (\d{1,5})\]/g;

/** put the real values back into text that came back from Copilot (placeholders it kept verbatim) */
export function restore(textFromCopilot: string, mapping: Record<string, string>): string {
  return textFromCopilot.replace(PLACEHOLDER, (ph: string) => (Object.prototype.hasOwnProperty.call(mapping, ph) ? mapping[ph] : ph));
}
