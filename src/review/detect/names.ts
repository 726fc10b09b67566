// Person names: first names and surnames from lists of names common in Sweden's population,
// joined into full names, helped by context (titles, greetings, "heter", signatures), while
// place names and ordinary words that happen to be names ("Per" in "per månad") need context.
import FIRST from "../lists/first-names";
import CORE from "../lists/core-first-names";
import SURNAMES from "../lists/surnames";
import AMBIGUOUS from "../lists/ambiguous-names";
import PLACES from "../lists/places";
import { fold, isAlnumAt, isLetterAt, isUpperCode, lineStart, setOf, type Tok, type Words } from "../text";
import type { Sink } from "./types";

/**
 * A cheap filter in front of the name sets: a bit per (first letter, second letter, last letter,
 * length) of every listed name, so most words are rejected without slicing or hashing a string.
 */
function shapeKey(text: string, s: number, e: number): number {
  const len = e - s;
  return ((text.charCodeAt(s) & 31) << 14) | ((text.charCodeAt(s + 1) & 31) << 9) | ((text.charCodeAt(e - 1) & 31) << 4) | (len > 15 ? 15 : len);
}
function shapeFilter(sets: Array<Set<string>>): Uint8Array {
  const bits = new Uint8Array(1 << 19);
  for (const set of sets) {
    for (const w of set) {
      // both cases of the first letter: lists are lowercase, text is capitalised
      bits[shapeKey(w, 0, w.length)] = 1;
      const cap = w[0].toUpperCase() + w.slice(1);
      bits[shapeKey(cap, 0, cap.length)] = 1;
    }
  }
  return bits;
}

let lists: { first: Set<string>; core: Set<string>; sur: Set<string>; amb: Set<string>; places: Set<string>; coreShape: Uint8Array; anyShape: Uint8Array } | null = null;
function data() {
  // parsed on first use so that importing the module stays cheap
  if (!lists) {
    const first = setOf(FIRST), core = setOf(CORE), sur = setOf(SURNAMES);
    lists = { first, core, sur, amb: setOf(AMBIGUOUS), places: setOf(PLACES), coreShape: shapeFilter([core]), anyShape: shapeFilter([first, sur]) };
  }
  return lists;
}

/** function words that never continue a name ("Hej Anna Kan du…") */
const STOP = new Set(("och eller men att som det den de dem du jag vi ni han hon hen man en ett i på av för med till från om när var vad vem hur kan ska vill har är var blev får fick tack hej mvh ps " +
  "and or but the a an of in on at to from for with by is are was were has have had will can may please thanks regards dear hi hello " +
  "ab hb kb ltd inc gmbh llc plc oy as asa kommun region länsstyrelse förvaltning skola skolan förskola förskolan enheten avdelningen").split(" "));
/** particles inside names: "Ludwig van Beethoven", "Eva af Klint", "Omar al-Bashir" */
const PARTICLES = new Set(["van", "von", "de", "der", "den", "af", "al", "el", "bin", "ibn", "da", "di", "du", "la", "le", "dos", "das", "del"]);
/** words that make the next word a name */
const CUE_WORDS = new Set(("hej|hejsan|hallå|tjena|hi|hello|hey|dear|kära|bästa|heter|hette|named|called|kallas|mvh|hälsningar|regards|herr|fru|fröken|dr|doktor|mr|mrs|ms|miss|prof|professor|ring|ringa|ringde|fråga|frågade|mejla|maila|träffa|träffade|tacka|kontakta|contact|ask|kollega|kollegan|chefen|mamma|mamman|pappa|pappan|dotter|dottern|sonen|broder|brodern|bror|syster|systern|eleven|brukaren|patienten|klienten|sökanden|medarbetaren|handläggaren|vårdnadshavaren|rektor|mentor|manager|colleague|wife|husband|son|daughter|mother|father|friend|enligt|from|från|till|to|cc|med|with|för|for|av|by").split("|"));
const TITLE_BEFORE = /(?:^|[^\wåäö])(?:herr|fru|fröken|dr|doktor|mr|mrs|ms|miss|prof|professor|sir|madam)\.?\s$/i;
const SIGNOFF = /(?:hälsningar|hälsning|mvh|regards|cheers|thanks|tack|best|sincerely|vänligen|\/\/)[\s,.!]*$/i;

const SURNAME_SHAPE = /(?:sson|son|sen|berg|ström|strom|gren|qvist|kvist|quist|lund|holm|dahl|stedt|blad|bäck|mark|ling|ander|ius|lin|lén|én|fors|sjö|hed|vall|löf|löv|gård|ek|ic|ić|vić|ski|ska|cki|wicz|ov|ova|ev|eva|enko|uk|nen|oğlu|zadeh|zade|pour|yan|ian|zai|poulos|escu|ini|elli|etti|ez|es)$/;

const NON_ASCII = /[^\x00-\x7f]/;

function isAllUpper(raw: string): boolean {
  return raw.length > 1 && raw === raw.toUpperCase();
}

export interface NameOptions {
  /** spans already claimed by other detectors (e-mail, URLs, keys): tokens inside are skipped */
  masked: (s: number, e: number) => boolean;
}

export function detectNames(text: string, sink: Sink, words: Words, opts: NameOptions): void {
  const { first, core, sur, amb, places, coreShape, anyShape } = data();
  const folded = (w: string): string => (NON_ASCII.test(w) ? fold(w) : w);
  const isFirst = (low: string): boolean => {
    if (first.has(low)) return true;
    if (low.includes("-")) return low.split("-").every((p) => first.has(p) || first.has(folded(p)));
    return NON_ASCII.test(low) && first.has(fold(low));
  };
  const isSur = (low: string): boolean => sur.has(low) || (NON_ASCII.test(low) && sur.has(fold(low))) ||
    (low.includes("-") && low.split("-").every((p) => sur.has(p) || sur.has(folded(p)) || first.has(p)));
  const raw = (t: Tok) => text.slice(t.s, t.e);
  const inCode = (t: Tok): boolean => {
    const p = text[t.s - 1], q = text[t.e];
    return p === "@" || p === "_" || p === "/" && /\w/.test(text[t.s - 2] ?? "") || p === "." && /\w/.test(text[t.s - 2] ?? "") ||
      q === "@" || q === "_" || q === "(" || (q === "." && /[A-Za-z]/.test(text[t.e + 1] ?? "")) || p === "#" || p === "$" || p === "\\";
  };
  const lineStartBefore = (pos: number): number => {
    const ls = lineStart(text, pos, 300);
    return ls < 0 ? pos - 300 : ls;
  };
  const sentenceStart = (t: Tok): boolean => {
    let k = t.s - 1;
    while (k >= 0 && (text[k] === " " || text[k] === "\t" || text[k] === '"' || text[k] === "'" || text[k] === "“" || text[k] === "(" || text[k] === "*")) k--;
    if (k < 0) return true;
    const c = text[k];
    return c === "." || c === "!" || c === "?" || c === "\n" || c === ":" || c === ";" || c === "-" || c === "–" || c === "•" || c === "]" || c === ">";
  };
  const cueBefore = (t: Tok): boolean => {
    // the word right before (over at most three spaces, commas or colons), on the same line
    let k = t.s - 1;
    while (k >= 0 && t.s - k <= 3 && (text[k] === " " || text[k] === "," || text[k] === ":" || text[k] === "\t")) k--;
    if (k >= 0 && text[k] === "/" && !isAlnumAt(text, k - 1)) return true; // signature "/Ebba"
    if (k === t.s - 1 && text[k] !== "/") return false;
    const we = k + 1;
    while (k >= 0 && we - k <= 16 && isLetterAt(text, k)) k--;
    if (we - k - 1 < 2) return false;
    return CUE_WORDS.has(text.slice(k + 1, we).toLowerCase());
  };
  const aloneOnLine = (s: number, e: number): boolean => {
    const ls = lineStartBefore(s);
    let le = e;
    while (le < text.length && le - e < 300 && text[le] !== "\n") le++;
    const line = text.slice(ls, le).trim();
    return line.length === text.slice(s, e).length || /^[-–/]\s?/.test(line) && line.replace(/^[-–/]\s?/, "").length === e - s;
  };
  const signature = (s: number, e: number): boolean => {
    if (!aloneOnLine(s, e)) return false;
    const ls = lineStartBefore(s);
    const prev = text.slice(Math.max(0, ls - 60), Math.max(0, ls - 1));
    return SIGNOFF.test(prev) || text.slice(e).trim() === "" || /^\s*\n[^\n]{0,60}(?:chef|manager|consultant|konsult|handläggare|samordnare|rektor|director|head|projektledare|koordinator|assistent|officer|specialist|ansvarig|lead)/i.test(text.slice(e, e + 80));
  };
  const chatSpeaker = (s: number, e: number): boolean => {
    const ls = lineStartBefore(s);
    const lead = text.slice(ls, s);
    return (lead.trim() === "" || /^\s*\[[\d:. ]{3,12}\]\s*$/.test(lead) || /^\s*\d{1,2}[:.]\d{2}\s*$/.test(lead)) && text[e] === ":";
  };
  const codeLine = (t: Tok): boolean => {
    const ls = lineStartBefore(t.s);
    let le = t.e;
    while (le < text.length && le - t.e < 200 && text[le] !== "\n") le++;
    return /[{};=<>]|\(\)|=>|^\s*(?:const|let|var|import|export|return|function|def|class|\$)\b/.test(text.slice(ls, le));
  };

  let lastNameEnd = -1;
  const n = words.n, ws = words.s, we = words.e;
  const tok = (k: number): Tok => ({ s: ws[k], e: we[k] });
  for (let i = 0; i < n; i++) {
    const s0 = ws[i], e0 = we[i];
    const c0 = text.charCodeAt(s0);
    const upperFirst = c0 < 128 ? c0 >= 65 && c0 <= 90 : isUpperCode(c0);
    let r: string, low: string;
    if (upperFirst) {
      // names with diacritics folded ("Petrovic" for "Petrović") or hyphenated may miss the filter
      if (!anyShape[shapeKey(text, s0, e0)] && e0 - s0 > 1) {
        let plain = true;
        for (let k = s0; k < e0; k++) { const c = text.charCodeAt(k); if (c > 127 || c === 45) { plain = false; break; } }
        if (plain) continue;
      }
      r = text.slice(s0, e0);
      low = r.toLowerCase();
    } else {
      // lowercase words: only the curated list can match, skip the rest cheaply
      if (e0 - s0 < 3 || !coreShape[shapeKey(text, s0, e0)]) continue;
      r = text.slice(s0, e0);
      if (!core.has(r)) continue;
      low = r;
    }
    const cap = upperFirst && !isAllUpper(r);
    if (upperFirst && !cap) continue;
    if (cap && !first.has(low) && !sur.has(low) && !NON_ASCII.test(low) && !low.includes("-") && !(text.charCodeAt(s0 - 1) === 32 && TITLE_BEFORE.test(text.slice(Math.max(0, s0 - 12), s0)))) continue;
    const t = tok(i);
    if (opts.masked(t.s, t.e) || inCode(t)) continue;
    if (cap) {
      const firstHit = isFirst(low);
      const titled = !firstHit && TITLE_BEFORE.test(text.slice(Math.max(0, t.s - 12), t.s)) && !amb.has(low) && !places.has(low);
      if (!firstHit && !titled) continue;
      // extend with surnames / more given names, single spaces only
      let j = i;
      let knownFollowers = 0, shapeFollowers = 0;
      while (j + 1 < n && j - i < 3) {
        const nx = tok(j + 1);
        const gap = text.slice(we[j], nx.s);
        const nr = raw(nx);
        const nl = nr.toLowerCase();
        if (gap !== " " || opts.masked(nx.s, nx.e) || inCode(nx)) break;
        if (PARTICLES.has(nl) && j + 2 < n && text.slice(nx.e, tok(j + 2).s) === " " && isUpperCode(text.charCodeAt(tok(j + 2).s))) {
          j += 2; knownFollowers++; continue;
        }
        if (!isUpperCode(nr.charCodeAt(0)) || isAllUpper(nr) || STOP.has(nl)) break;
        if (isSur(nl) || (isFirst(nl) && !amb.has(nl))) { knownFollowers++; j++; continue; }
        if (SURNAME_SHAPE.test(nl) && !places.has(nl) && !amb.has(nl)) { shapeFollowers++; j++; continue; }
        // an unlisted capitalised word after a clear first name or a title is most likely a surname
        if ((titled || (!amb.has(low) && core.has(low))) && nl.length >= 3 && !places.has(nl) && !amb.has(nl)) { shapeFollowers++; j++; continue; }
        break;
      }
      const s = t.s, e = we[j];
      const ambiguous = amb.has(low) || (places.has(low) && !core.has(low));
      // context is costly to read: only when the decision depends on it
      const cue = (): boolean => cueBefore(t) || signature(s, e) || chatSpeaker(s, e) || (lastNameEnd >= 0 && /^\s*(?:,|och|and|&|\+)\s*$/.test(text.slice(lastNameEnd, s)));
      let conf = 0;
      let reason = "";
      if (j > i) {
        if (ambiguous && knownFollowers === 0 && !cue()) { i = j; continue; }
        conf = knownFollowers > 0 ? 0.92 : 0.8;
        reason = "first name and surname";
      } else if (titled) {
        conf = 0.85; reason = "surname after a title";
      } else {
        const hasCue = (ambiguous || codeLine(t)) && cue();
        if (ambiguous && !hasCue) continue;
        if (!hasCue && codeLine(t)) continue;
        conf = hasCue ? 0.85 : sentenceStart(t) ? 0.7 : 0.8;
        reason = hasCue ? "first name in context" : "first name";
      }
      sink.add("PERSON_NAME", s, e, conf, reason);
      lastNameEnd = e;
      i = j;
      continue;
    }
    // lowercase chat text: "hej anna kan du ringa lisa"
    if (low !== r || low.length < 3) continue;
    if (!core.has(low) || amb.has(low) || places.has(low)) continue;
    if (codeLine(t)) continue;
    let j = i;
    if (i + 1 < n && text.slice(t.e, tok(i + 1).s) === " ") {
      const nl = raw(tok(i + 1));
      if (nl === nl.toLowerCase() && sur.has(nl) && !amb.has(nl) && !STOP.has(nl)) j = i + 1;
    }
    const cue = cueBefore(t);
    sink.add("PERSON_NAME", t.s, we[j], cue ? 0.8 : 0.65, cue ? "lowercase first name in context" : "lowercase first name");
    lastNameEnd = we[j];
    i = j;
  }
}
