// Person names: first names and surnames from lists of names common in Sweden's population,
// joined into full names, helped by context (titles, greetings, "heter", signatures), while
// place names and ordinary words that happen to be names ("Per" in "per månad") need context.
import FIRST from "../lists/first-names";
import CORE from "../lists/core-first-names";
import SURNAMES from "../lists/surnames";
import AMBIGUOUS from "../lists/ambiguous-names";
import PLACES from "../lists/places";
import { fold, HashSetFilter, isAlnumAt, isLetterAt, isUpperCode, lineStart, setOf, type Tok, type Words } from "../text";
import type { Sink } from "./types";

/**
 * A cheap filter in front of the name sets: a bit per (first letter, second letter, last letter,
 * length) of every listed name, so most words are rejected without slicing or hashing a string.
 */
function shapeKey(text: string, s: number, e: number): number {
  const len = e - s;
  return ((text.charCodeAt(s) & 31) << 14) | ((text.charCodeAt(s + 1) & 31) << 9) | ((text.charCodeAt(e - 1) & 31) << 4) | (len > 15 ? 15 : len);
}

interface Lists {
  first: Set<string>; core: Set<string>; sur: Set<string>; amb: Set<string>; places: Set<string>;
  /** hash filters over the same sets: most words are rejected by one lookup on their token hash */
  anyF: HashSetFilter; firstF: HashSetFilter; surF: HashSetFilter; coreF: HashSetFilter; roleF: HashSetFilter;
}
let lists: Lists | null = null;
function data() {
  // parsed on first use so that importing the module stays cheap
  if (!lists) {
    const first = setOf(FIRST), core = setOf(CORE), sur = setOf(SURNAMES);
    lists = {
      first, core, sur, amb: setOf(AMBIGUOUS, EXTRA_AMBIGUOUS), places: setOf(PLACES),
      anyF: new HashSetFilter([...first, ...sur], 21), firstF: new HashSetFilter(first), surF: new HashSetFilter(sur),
      coreF: new HashSetFilter(core), roleF: new HashSetFilter(ROLE_CUES, 16),
    };
  }
  return lists;
}

/** ordinary words and feast days missing from the generated ambiguity list ("ville" = wanted, "Lucia", "Newroz") */
const EXTRA_AMBIGUOUS = ["ville", "lucia", "newroz", "noel", "eid", "påsk", "advent", "april", "juni", "juli", "august", "augusti", "sankt", "saint", "nyår", "jul"];

/** function words that never continue a name ("Hej Anna Kan du…") */
const STOP = new Set(("och eller men att som det den de dem du jag vi ni han hon hen man en ett i på av för med till från om när var vad vem hur kan ska vill har är var blev får fick tack hej mvh ps " +
  "and or but the a an of in on at to from for with by is are was were has have had will can may please thanks regards dear hi hello " +
  "ab hb kb ltd inc gmbh llc plc oy as asa kommun region länsstyrelse förvaltning skola skolan förskola förskolan enheten avdelningen").split(" "));
/** particles inside names: "Ludwig van Beethoven", "Eva af Klint", "Omar al-Bashir" */
const PARTICLES = new Set(["van", "von", "de", "der", "den", "af", "al", "el", "bin", "ibn", "da", "di", "du", "la", "le", "dos", "das", "del"]);
/** words that make the next word a name */
const CUE_WORDS = new Set(("hej|hejsan|hallå|tjena|hi|hello|hey|dear|kära|bästa|heter|hette|named|called|kallas|mvh|hälsningar|regards|herr|fru|fröken|dr|doktor|mr|mrs|ms|miss|prof|professor|ring|ringa|ringde|fråga|frågade|mejla|maila|träffa|träffade|tacka|kontakta|contact|ask|kollega|kollegan|chefen|mamma|mamman|pappa|pappan|dotter|dottern|sonen|broder|brodern|bror|syster|systern|eleven|brukaren|patienten|klienten|sökanden|medarbetaren|handläggaren|vårdnadshavaren|rektor|mentor|manager|colleague|wife|husband|son|daughter|mother|father|friend|enligt|from|från|till|to|cc|med|with|för|for|av|by").split("|"));
/** role words that make the next capitalised word(s) a name even when no list holds it */
const ROLE_CUES = new Set(("patient|patienten|pat|elev|eleven|elevens|brukare|brukaren|sökande|sökanden|medsökande|kund|kunden|klient|klienten|medarbetare|medarbetaren|" +
  "anställd|anställde|kandidat|kandidaten|hyresgäst|hyresgästen|försäkrade|vårdnadshavare|anhörig|kontaktperson|kontaktpersonen|handläggare|handläggaren|styrelseledamot|" +
  "ledamot|givare|deltagare|namn|name|customer|employee|candidate|tenant|applicant|pupil|client|välkommen|welcome|barn|barnet|maken|makan|sambo|sambon|" +
  "vän|vännen|grannen|kollegan|kollega|praktikant|praktikanten|vikarie|vikarien|assistent|assistenten|kontakt|contact|att|" +
  // case and report labels: "Huvudman: …", "Complainant: …", "Family: …"
  "huvudman|huvudmannen|anmälare|anmälaren|anmäld|anmälde|målsägande|målsäganden|misstänkt|misstänkte|vittne|vittnet|klagande|klaganden|boende|brukaren|" +
  "complainant|respondent|witness|suspect|victim|family|guardian|parent|resident|student|patient|member|claimant|caller|visitor").split("|"));
/** prepositions before places and months ("i Lund", "in May"): a capitalised word after them is no name cue */
const PLACE_PREPS = new Set("i|på|till|från|in|on|at|of|the|om|vid|mot|av|under|efter|före|sedan|since|until|during|by|from|to|via|över|genom|utanför|nära|near|för".split("|"));
const COMPANY_SUFFIX = new Set(["ab", "hb", "kb", "ltd", "inc", "oy", "oyj", "gmbh", "as", "asa", "aps", "llc", "plc", "sp", "bv", "nv", "sa", "srl", "ek", "förening", "stiftelse"]);
const CONNECTIVES = new Set(["och", "eller", "samt", "and", "or", "&"]);
/** pronouns and adverbs that open sentences like names do ("Vi har", "Du får", "Nu är") */
const PRONOUNS = new Set("vi|du|han|hon|hen|ni|de|dom|jag|nu|det|den|man|här|där|då|så|sen|alla|ingen|inget|vem|vad|we|you|he|she|they|it|i|this|that|there|here|now|then|who|what".split("|"));
/** finite verbs that follow a name opening a sentence */
const NAME_VERBS = new Set(("är|var|har|hade|ska|skulle|kommer|kom|blir|blev|fick|får|säger|sa|sade|tar|tog|behöver|vill|ville|kan|kunde|gick|går|jobbar|arbetar|börjar|" +
  "började|slutar|mår|mådde|ringde|ringer|sitter|satt|bor|bodde|hälsar|skriver|skrev|hade|hämtar|lämnar|lämnade|tycker|tyckte|berättar|berättade|och|" +
  "is|was|has|had|will|said|says|can|needs|wants|called|went|asked|told|works|lives|e|hade").split("|"));
const TITLE_BEFORE = /(?:^|[^\wåäö])(?:herr|fru|fröken|dr|doktor|mr|mrs|ms|miss|prof|professor|sir|madam)\.?\s$/i;
const SIGNOFF = /(?:hälsningar|hälsning|mvh|regards|cheers|thanks|tack|best|sincerely|vänligen|\/\/)[\s,.!]*$/i;

const SURNAME_SHAPE = /(?:sson|son|sen|berg|ström|strom|gren|qvist|kvist|quist|lund|holm|dahl|stedt|blad|bäck|mark|ling|ander|ius|lin|lén|én|fors|sjö|hed|vall|löf|löv|gård|ek|ic|ić|vić|ski|ska|cki|wicz|ov|ova|ev|eva|enko|uk|nen|oğlu|zadeh|zade|pour|yan|ian|zai|poulos|escu|ini|elli|etti|ez|es)$/;

const NON_ASCII = /[^\x00-\x7f]/;
const SWEDISH_LETTERS = /[åäöÅÄÖ]/;

function isAllUpper(raw: string): boolean {
  if (raw.length <= 1) return false;
  // ASCII answers without building the uppercase copy
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    // Latin-1 lowercase letters (and µ) change under toUpperCase: no copy needed to tell
    if (c >= 0xdf && c <= 0xff && c !== 0xf7 || c === 0xb5) return false;
    if (c > 0xff) return raw === raw.toUpperCase();
  }
  return true;
}

const CODE_LINE = /[{};=<>]|\(\)|=>|^\s*(?:const|let|var|import|export|return|function|def|class|\$)\b/;

/** which words are inside an emitted name (reused: one review at a time) */
let coveredBuf: Uint8Array | null = null;

/** whitespace as String#trim and /\s/ see it */
function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c < 128 ? false : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** shape bits of the names found in the current draft (reused: one review at a time) */
let seenShapes: Uint8Array | null = null;

export interface NameOptions {
  /** spans already claimed by other detectors (e-mail, URLs, keys): tokens inside are skipped */
  masked: (s: number, e: number) => boolean;
}

export function detectNames(text: string, sink: Sink, words: Words, opts: NameOptions): void {
  const { first, core, sur, amb, places, anyF, firstF, surF, coreF, roleF } = data();
  // å, ä, ö are letters of their own: "Lön" is no "Lon", "Räven" no "Raven"
  const foldable = (w: string): boolean => NON_ASCII.test(w) && !SWEDISH_LETTERS.test(w);
  const folded = (w: string): string => (foldable(w) ? fold(w) : w);
  const isFirst = (low: string): boolean => {
    if (first.has(low)) return true;
    if (low.includes("-")) return low.split("-").every((p) => first.has(p) || first.has(folded(p)));
    return foldable(low) && first.has(fold(low));
  };
  const isSur = (low: string): boolean => sur.has(low) || (foldable(low) && sur.has(fold(low))) ||
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
    // quick refusals, same answer: a word right after the name, or a word before it on its line that is no dash
    for (let k = e; k < text.length && k - e < 300; k++) {
      const c = text.charCodeAt(k);
      if (c === 10) break;
      if (!isSpaceCode(c)) return false;
    }
    for (let k = s - 1; k >= 0 && k >= s - 300; k--) {
      const c = text.charCodeAt(k);
      if (c === 10) break;
      if (isSpaceCode(c)) continue;
      if (c !== 45 && c !== 0x2013 && c !== 47) return false;
      break;
    }
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
    if (text[e] !== ":") return false;
    const ls = lineStartBefore(s);
    const lead = text.slice(ls, s);
    return (lead.trim() === "" || /^\s*\[[\d:. ]{3,12}\]\s*$/.test(lead) || /^\s*\d{1,2}[:.]\d{2}\s*$/.test(lead)) && text[e] === ":";
  };
  const codeLine = (t: Tok): boolean => {
    const ls = lineStartBefore(t.s);
    let le = t.e;
    while (le < text.length && le - t.e < 200 && text.charCodeAt(le) !== 10) le++;
    // CODE_LINE by hand: its characters and "()" anywhere on the line ("=>" holds "=") ...
    for (let k = ls; k < le; k++) {
      const c = text.charCodeAt(k);
      if (c === 123 || c === 125 || c === 59 || c === 61 || c === 60 || c === 62) return true;
      if (c === 40 && k + 1 < le && text.charCodeAt(k + 1) === 41) return true;
    }
    // ... and the regex only when the line's first non-space character can open one of its keywords
    let k = ls;
    while (k < le && isSpaceCode(text.charCodeAt(k))) k++;
    if (k >= le) return false;
    const c = text.charCodeAt(k); // c l v i e r f d $
    if (c !== 99 && c !== 108 && c !== 118 && c !== 105 && c !== 101 && c !== 114 && c !== 102 && c !== 100 && c !== 36) return false;
    return CODE_LINE.test(text.slice(ls, le));
  };

  let lastNameEnd = -1;
  const n = words.n, ws = words.s, we = words.e, wh = words.h;
  const tok = (k: number): Tok => ({ s: ws[k], e: we[k] });
  /** the word before word i on the same line, over at most ": ", ", " or a dash; "" when none */
  const prevWord = (i: number): string => {
    if (i === 0) return "";
    const gs = we[i - 1], ge = ws[i];
    if (ge - gs > 3) return "";
    for (let k = gs; k < ge; k++) { const c = text[k]; if (c !== " " && c !== ":" && c !== "," && c !== "\t" && c !== "–" && c !== "-") return ""; }
    return text.slice(ws[i - 1], gs).toLowerCase();
  };
  /** a role word right before: "Patient Farida …", "Sökande: …", "for customer …", "c/o …" */
  const roleCue = (i: number): boolean => {
    if (i > 0 && !roleF.mayHave(wh[i - 1]) && text.charCodeAt(ws[i] - 2) !== 111 /* "c/o " */) return false;
    const p = prevWord(i);
    if (p && ROLE_CUES.has(p)) return true;
    return text.slice(Math.max(0, ws[i] - 4), ws[i]).toLowerCase() === "c/o ";
  };
  /** the word after word i, lowercased, when a single space separates them */
  const nextWord = (i: number): string => (i + 1 < n && ws[i + 1] === we[i] + 1 && text[we[i]] === " " ? text.slice(ws[i + 1], we[i + 1]).toLowerCase() : "");
  /** a capitalised ambiguous word inside a lowercase sentence ("… och Hans delar …") reads as a name */
  const midSentence = (i: number): boolean => {
    if (i === 0 || sentenceStart(tok(i))) return false;
    const p = prevWord(i);
    if (!p || p !== text.slice(ws[i - 1], we[i - 1]) || PLACE_PREPS.has(p)) return false;
    // joined to another name or followed by a verb: "Per och Hans delar", "… och Hans tar …"
    const nx = nextWord(i);
    return (CONNECTIVES.has(p) || NAME_VERBS.has(nx)) && nx !== "" && nx === text.slice(ws[i + 1], we[i + 1]);
  };
  /** a sentence opening with the word and a finite verb: "Björn är sjukskriven", "Per tar …" */
  const verbAfter = (i: number): boolean => {
    const w = text.slice(ws[i], we[i]).toLowerCase();
    return !PRONOUNS.has(w) && !CUE_WORDS.has(w) && !ROLE_CUES.has(w) && NAME_VERBS.has(nextWord(i));
  };
  const nameTokens = new Set<string>();
  const seen = seenShapes ??= new Uint8Array(1 << 19);
  const seenKeys: number[] = [];
  if (!coveredBuf || coveredBuf.length < n) coveredBuf = new Uint8Array(Math.max(n, 1024));
  const covered = coveredBuf;
  covered.fill(0, 0, n);
  const emit = (i: number, j: number, conf: number, reason: string): void => {
    sink.add("PERSON_NAME", ws[i], we[j], conf, reason);
    lastNameEnd = we[j];
    for (let k = i; k <= j; k++) {
      covered[k] = 1;
      if (conf >= 0.8 && we[k] - ws[k] >= 3) {
        const w = text.slice(ws[k], we[k]);
        nameTokens.add(w);
        // the shapes of the name and its genitives, so the second pass slices only likely words
        for (const v of [w, w + "s", w + "'s", w + "’s"]) { const key = shapeKey(v, 0, v.length); seen[key] = 1; seenKeys.push(key); }
      }
    }
  };
  for (let i = 0; i < n; i++) {
    const s0 = ws[i], e0 = we[i];
    const c0 = text.charCodeAt(s0);
    const upperFirst = c0 < 128 ? c0 >= 65 && c0 <= 90 : isUpperCode(c0);
    let r: string, low: string;
    let unlisted = false;
    if (upperFirst) {
      // names with diacritics folded ("Petrovic" for "Petrović") or hyphenated may miss the filter
      if (!anyF.mayHave(wh[i]) && e0 - s0 > 1) {
        let plain = true, swedish = true;
        for (let k = s0; k < e0; k++) {
          const c = text.charCodeAt(k);
          if (c === 45) { plain = swedish = false; break; }
          if (c > 127) {
            plain = false;
            // å ä ö Å Ä Ö: never folded, so the filter's answer holds for the word as it is
            if (c !== 0xe5 && c !== 0xe4 && c !== 0xf6 && c !== 0xc5 && c !== 0xc4 && c !== 0xd6) { swedish = false; break; }
          }
        }
        // "Mötet", "Söderköping": in no list, so only a title, a role word or a surname after can make a name of it
        if (!plain && swedish && !titleBefore(s0) && !roleCue(i) && !surnameNext(i)) continue;
        if (plain) {
          // an unlisted word still counts after a title or a role word, or before a listed surname
          const titledHere = text.charCodeAt(s0 - 1) === 32 && titleBefore(s0);
          if (!titledHere && !roleCue(i) && !surnameNext(i)) continue;
          unlisted = true;
        }
      }
      r = text.slice(s0, e0);
      low = r.toLowerCase();
    } else {
      // "anders.berg" in chat logs: first name and surname joined by a dot (not an e-mail or a host)
      if (text.charCodeAt(e0) === 46 && i + 1 < n && ws[i + 1] === e0 + 1 && dottedName(i)) {
        emit(i, i + 1, 0.8, "first.last user name");
        i++;
        continue;
      }
      // lowercase words: the curated list, or any listed first name where a chat line or greeting puts it
      if (e0 - s0 < 3) continue;
      const h = wh[i];
      if (!coreF.mayHave(h) || !core.has(text.slice(s0, e0))) {
        if (!firstF.mayHave(h) || !clauseStart(s0)) continue;
        r = text.slice(s0, e0);
        if (!first.has(r) || amb.has(r) || places.has(r) || STOP.has(r) || sur.has(r) && !first.has(r)) continue;
        const t0 = tok(i);
        if (opts.masked(t0.s, t0.e) || inCode(t0) || codeLine(t0)) continue;
        if (!(chatSpeaker(s0, e0) || cueBefore(t0) || verbAfter(i))) continue;
        emit(i, i, 0.75, "lowercase first name in a chat line");
        continue;
      }
      r = text.slice(s0, e0);
      low = r;
      // a lowercase listed word reads as a name only when it is neither ambiguous nor a place (checked below, after pure tests)
      if (amb.has(low) || places.has(low)) continue;
    }
    const cap = upperFirst && !isAllUpper(r);
    if (upperFirst && !cap) continue;
    if (cap && !unlisted && !first.has(low) && !sur.has(low) && !NON_ASCII.test(low) && !low.includes("-") && !(text.charCodeAt(s0 - 1) === 32 && titleBefore(s0)) && !roleCue(i) && !surnameNext(i)) continue;
    const t = tok(i);
    if (opts.masked(t.s, t.e) || inCode(t)) continue;
    if (cap) {
      if (ROLE_CUES.has(low) && text[t.e] === ":") continue; // "Pat:", "Elev:" are labels
      const firstHit = !unlisted && isFirst(low);
      const titled = !firstHit && titleBefore(t.s) && !amb.has(low) && !places.has(low);
      const roled = !firstHit && !titled && !places.has(low) && !STOP.has(low) && !ROLE_CUES.has(low) && roleCue(i);
      const beforeSurname = !firstHit && !titled && !roled && !amb.has(low) && !places.has(low) && !STOP.has(low) && surnameNext(i);
      if (!firstHit && !titled && !roled && !beforeSurname) continue;
      // extend with surnames / more given names, single spaces only
      let j = i;
      let knownFollowers = 0, shapeFollowers = 0;
      while (j + 1 < n && j - i < 3) {
        // cheap refusals first (every check up to the particle test ends the name, in any order):
        // no single space between, or a lowercase word too long to be a particle ("van", "af")
        const ns = ws[j + 1];
        if (ns !== we[j] + 1 || text.charCodeAt(we[j]) !== 32) break;
        if (we[j + 1] - ns > 3 && !isUpperCode(text.charCodeAt(ns))) break;
        const nx = tok(j + 1);
        const nr = raw(nx);
        const nl = nr.toLowerCase();
        if (opts.masked(nx.s, nx.e) || inCode(nx)) break;
        if (PARTICLES.has(nl) && j + 2 < n && text.slice(nx.e, tok(j + 2).s) === " " && isUpperCode(text.charCodeAt(tok(j + 2).s))) {
          j += 2; knownFollowers++; continue;
        }
        if (!isUpperCode(nr.charCodeAt(0)) || isAllUpper(nr) || STOP.has(nl)) break;
        if (isSur(nl) || (isFirst(nl) && !amb.has(nl))) { knownFollowers++; j++; continue; }
        if (SURNAME_SHAPE.test(nl) && !places.has(nl) && !amb.has(nl)) { shapeFollowers++; j++; continue; }
        // an unlisted capitalised word after a clear first name, a title or a role word is most likely a surname
        if ((titled || roled || (!amb.has(low) && core.has(low))) && nl.length >= 3 && !places.has(nl) && !amb.has(nl)) { shapeFollowers++; j++; continue; }
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
        reason = roled ? "name after a role word" : "first name and surname";
      } else if (titled) {
        conf = 0.85; reason = "surname after a title";
      } else if (roled) {
        conf = 0.8; reason = "name after a role word";
      } else {
        const code = !ambiguous && codeLine(t); // read once: an ambiguous word's answer never needs it
        const hasCue = (ambiguous || code) && (cue() || (ambiguous && (midSentence(i) || sentenceStart(t) && verbAfter(i))));
        if (ambiguous && !hasCue) continue;
        if (!hasCue && code) continue;
        conf = hasCue ? (ambiguous ? 0.8 : 0.85) : sentenceStart(t) ? 0.7 : 0.8;
        reason = hasCue ? "first name in context" : "first name";
      }
      // "Kund: Bergslagens Måleri AB": a company name, not a person
      if (COMPANY_SUFFIX.has(nextWord(j))) { i = j; continue; }
      emit(i, j, conf, reason);
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
    emit(i, j, cue ? 0.8 : 0.65, cue ? "lowercase first name in context" : "lowercase first name");
    i = j;
  }
  // a name found once is the same person later in the draft, also in the genitive ("Hamzas", "Paweł's")
  if (nameTokens.size === 0) return;
  for (let i = 0; i < n; i++) {
    if (covered[i]) continue;
    const s0 = ws[i], e0 = we[i];
    if (e0 - s0 < 3 || !seen[shapeKey(text, s0, e0)]) continue;
    let w = text.slice(s0, e0);
    if (!nameTokens.has(w)) {
      if (w.endsWith("'s") || w.endsWith("’s")) w = w.slice(0, -2);
      else if (w.endsWith("s")) w = w.slice(0, -1);
      else continue;
      if (!nameTokens.has(w)) continue;
    }
    const t = tok(i);
    if (opts.masked(t.s, t.e) || inCode(t)) continue;
    sink.add("PERSON_NAME", s0, e0, 0.8, "the same name as found earlier in the draft");
  }
  for (const key of seenKeys) seen[key] = 0;

  function surnameNext(i: number): boolean {
    // "Farida Nazari": an unlisted capitalised word right before a listed, unambiguous surname
    if (i + 1 >= n || ws[i + 1] !== we[i] + 1 || text[we[i]] !== " ") return false;
    const c = text.charCodeAt(ws[i + 1]);
    if (!(c < 128 ? c >= 65 && c <= 90 : isUpperCode(c))) return false;
    if (!surF.mayHave(wh[i + 1])) return false;
    const nl = text.slice(ws[i + 1], we[i + 1]).toLowerCase();
    if (!sur.has(nl) || amb.has(nl) || places.has(nl) || first.has(nl)) return false;
    const w = text.slice(ws[i], we[i]).toLowerCase();
    return w.length >= 3 && !STOP.has(w) && !places.has(w) && !amb.has(w) && !ROLE_CUES.has(w) && !sentenceStart(tok(i)) || roleCue(i);
  }
  /** TITLE_BEFORE on the 12 characters before s, after a check that a title's last letter is there */
  function titleBefore(s: number): boolean {
    let c = text.charCodeAt(s - 2);
    if (c === 46) c = text.charCodeAt(s - 3);
    c |= 32; // ASCII case fold: only 'R' and 'r' give 'r', and so on
    if (c !== 114 && c !== 117 && c !== 110 && c !== 115 && c !== 102 && c !== 109) return false; // r u n s f m
    return TITLE_BEFORE.test(text.slice(Math.max(0, s - 12), s));
  }
  function dottedName(i: number): boolean {
    const a = text.slice(ws[i], we[i]), b = text.slice(ws[i + 1], we[i + 1]);
    if (a !== a.toLowerCase() || b !== b.toLowerCase() || a.length < 3 || b.length < 2) return false;
    const p = text[ws[i] - 1], q = text[we[i + 1]];
    if (p === "." || p === "@" || p === "/" || q === "@" || q === "." && isLetterAt(text, we[i + 1] + 1) || q === "(" || q === "/") return false;
    return first.has(a) && !amb.has(a) && (sur.has(b) || first.has(b));
  }
  function clauseStart(s: number): boolean {
    let k = s - 1;
    while (k >= 0 && (text[k] === " " || text[k] === "\t")) k--;
    return k < 0 || text[k] === "\n" || text[k] === ":" || text[k] === "]" || text[k] === ">";
  }
}
