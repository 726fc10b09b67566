// Pasted tables (CSV with ; or ,, tab-separated, Markdown pipes): a column whose header names
// a kind of data ("bankkonto", "Personnummer", "Reg.nr", "Namn") makes each of its cells that
// kind, whatever shape the values have ("8327-9, 914 553 201-4" is an account because of its
// column). The header's own words are labels, never a person's name.
import type { FindingType } from "../types";
import type { Sink } from "./types";

/** header words (folded: lower case, å/ä/ö kept) → the kind of data their column holds */
const HEADERS: Array<[FindingType, RegExp]> = [
  ["PERSONNUMMER", /^(?:personnummer|personnr|pers\.? ?nr|pnr|person ?nr|samordningsnummer|födelsenummer|personal identity number|ssn)$/],
  ["BANK_ACCOUNT", /^(?:bankkonto(?:nummer)?|konto(?:nummer|nr)?|konto ?nr|clearing(?:nummer|nr)?(?:\s*(?:\+|och|&)\s*konto(?:nummer|nr)?)?|iban|bankgiro|bg|plusgiro|pg|bank account|account(?: number| no\.?)?)$/],
  ["PERSON_NAME", /^(?:namn|för- och efternamn|förnamn|efternamn|fullständigt namn|name|full name|first name|last name|surname|elev|elevnamn|elevens namn|anställd|medarbetare|brukare|klient|patient|vårdnadshavare|kontaktperson|sökande|deltagare|student|employee|pupil|participant|contact)$/],
  ["PHONE", /^(?:telefon(?:nummer|nr)?|tel(?:\.|efon)?(?: ?nr)?|mobil(?:nummer|nr|telefon)?|phone(?: number)?|mobile)$/],
  ["EMAIL", /^(?:e-?post(?:adress)?|e-?mail(?: address)?|mail(?:adress)?)$/],
  ["ADDRESS", /^(?:adress|gatuadress|bostadsadress|hemadress|folkbokföringsadress|address|street address|home address)$/],
  ["LICENSE_PLATE", /^(?:reg\.? ?nr|regnr|reg\.? ?nummer|registreringsnummer|registration(?: number)?|licen[cs]e plate|plate)$/],
];

/** what a cell of each kind must hold at least (a column mislabelled or a cell left blank is passed) */
const VALUE: Record<string, RegExp> = {
  PERSONNUMMER: /^\d{6}(?:\d{2})?[-+ ]?\d{4}$/,
  BANK_ACCOUNT: /^(?=(?:\D*\d){7})[\dA-Z][\d A-Z,.\-]{5,40}$/,
  PERSON_NAME: /^\p{Lu}[\p{L}'’.\-]*(?: \p{L}[\p{L}'’.\-]*){0,4}$/u,
  PHONE: /^(?=(?:\D*\d){7})\+?[\d ()\-/]{7,20}$/,
  EMAIL: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  ADDRESS: /^(?=.*\p{L})(?=.*\d).{5,80}$/u,
  LICENSE_PLATE: /^[A-ZÅÄÖ]{3} ?\d{2}[A-Z\d]$/,
};

const SEPARATORS = ["\t", ";", "|", ","] as const;

interface Cell {
  start: number;
  end: number;
  value: string;
}

/** a line's cells with their offsets, trimmed; Markdown's outer pipes dropped */
function cells(text: string, lineStart: number, line: string, sep: string): Cell[] {
  const out: Cell[] = [];
  let at = 0;
  const parts = line.split(sep);
  for (const part of parts) {
    const lead = part.length - part.trimStart().length;
    const value = part.trim();
    out.push({ start: lineStart + at + lead, end: lineStart + at + lead + value.length, value });
    at += part.length + sep.length;
  }
  if (sep === "|" && out.length > 1 && out[0].value === "" && out[out.length - 1].value === "") return out.slice(1, -1);
  return out;
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, " ").replace(/[:*_]/g, "").trim();

function kindOf(header: string): FindingType | undefined {
  const h = fold(header);
  for (const [type, re] of HEADERS) if (re.test(h)) return type;
  return undefined;
}

/** a cell a template leaves to fill in: "[NAMN]", "<namn>", "—", "N/A", "XXXX" */
const PLACEHOLDER = /^(?:\[[^\]]*\]|<[^>]*>|\{[^}]*\}|[-–—_.?]*|n\/?a|x+|\*+)$/i;

/**
 * Finds each table in the draft: at least a header and one row, every line split by the same
 * separator into the header's number of cells. `labels` receives the spans of the header's cells
 * and of blanks left to fill in: words there are nobody's name.
 */
export function detectTableColumns(text: string, sink: Sink, labels: Array<[number, number]>): void {
  if (text.indexOf("\n") < 0) return;
  const lines: Array<{ start: number; text: string }> = [];
  let pos = 0;
  for (const l of text.split("\n")) {
    lines.push({ start: pos, text: l.replace(/\r$/, "") });
    pos += l.length + 1;
  }
  for (let i = 0; i < lines.length - 1; i++) {
    const header = lines[i].text;
    for (const sep of SEPARATORS) {
      if (header.indexOf(sep) < 0) continue;
      const head = cells(text, lines[i].start, header, sep);
      // a header is two or more short labels, none of them a number
      if (head.length < 2 || head.some((c) => c.value.length === 0 || c.value.length > 40 || /\d{3}/.test(c.value))) continue;
      const kinds = head.map((c) => kindOf(c.value));
      // rows: the following lines with the header's number of cells (a Markdown rule line skipped)
      let j = i + 1;
      const rows: Cell[][] = [];
      while (j < lines.length) {
        const t = lines[j].text;
        if (sep === "|" && /^\s*\|?[\s:|-]+\|?\s*$/.test(t) && rows.length === 0) {
          j++;
          continue;
        }
        const row = t.indexOf(sep) >= 0 ? cells(text, lines[j].start, t, sep) : [];
        if (row.length !== head.length) break;
        rows.push(row);
        j++;
      }
      if (rows.length === 0) continue;
      // a comma table must be regular on every line: commas also write decimals and lists
      if (sep === "," && rows.length < 2) continue;
      if (kinds.some(Boolean)) for (const c of head) labels.push([c.start, c.end]);
      for (const row of rows) {
        row.forEach((c, k) => {
          const kind = kinds[k];
          // a template's blank ("<namn>", "[NAMN]") is a label too, not a chat speaker or a name
          if (c.value.length > 0 && PLACEHOLDER.test(c.value)) labels.push([c.start, c.end]);
          if (!kind || PLACEHOLDER.test(c.value) || !VALUE[kind].test(c.value)) return;
          sink.add(kind, c.start, c.end, 0.9, "a cell of a column whose header names this kind of data");
        });
      }
      i = j - 1;
      break;
    }
  }
}
