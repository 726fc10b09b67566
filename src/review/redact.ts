// Redaction: each identifier is replaced by a numbered placeholder of its type ([PERSON 1],
// [PERSONNUMMER 1]); the same value always gets the same placeholder, so the redacted text stays
// useful in Copilot. The mapping (placeholder -> value) is returned to the caller only: it is
// never stored or logged, and restore() puts the real values back into Copilot's answer locally.
import type { Finding, FindingType } from "./types";
import { fold } from "./text";

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
    case "PERSONNUMMER": return value.replace(/\D/g, "").slice(-10);
    case "PAYMENT_CARD": case "PHONE": return value.replace(/\D/g, "").replace(/^(?:0046|46)(?=\d{8,})/, "0").replace(/^(?=[1-9]\d{7,9}$)/, "0");
    case "BANK_ACCOUNT": case "LICENSE_PLATE": return value.replace(/[\s-]/g, "").toUpperCase();
    case "PERSON_NAME": return fold(value).replace(/\s+/g, " ").trim();
    case "EMAIL": case "IP_ADDRESS": return value.toLowerCase();
    default: return fold(value).replace(/\s+/g, " ").trim();
  }
}

export function redact(text: string, findings: Finding[], opts: RedactOptions = {}): Redaction {
  const chosen = findings.filter((f) => opts.categories || !CATEGORY.has(f.type)).sort((a, b) => a.start - b.start);
  // a lone first or last name that belongs to exactly one full name shares its placeholder
  const fullNames = new Map<string, Set<string>>();
  for (const f of chosen) {
    if (f.type !== "PERSON_NAME") continue;
    const n = normalise(f.type, text.slice(f.start, f.end));
    const parts = n.split(" ");
    if (parts.length < 2) continue;
    for (const p of [parts[0], parts[parts.length - 1]]) {
      if (!fullNames.has(p)) fullNames.set(p, new Set());
      fullNames.get(p)!.add(n);
    }
  }
  const placeholderOf = new Map<string, string>();
  const counters = new Map<string, number>();
  const mapping: Record<string, string> = {};
  let out = "";
  let pos = 0;
  for (const f of chosen) {
    if (f.start < pos) continue; // overlapping category span: the identifier already replaced it
    const value = text.slice(f.start, f.end);
    let norm = normalise(f.type, value);
    if (f.type === "PERSON_NAME" && !norm.includes(" ")) {
      const full = fullNames.get(norm);
      if (full && full.size === 1) norm = [...full][0];
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
