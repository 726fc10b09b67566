// What the text around a word says about it, for the name detector: a cue word or a title right
// before it, a sign-off above it, a chat speaker's colon after it, a line of code around it. Plain
// functions of the text and a span [s, e), made once (not closures made on every review).
import { isAlnumAt, isLetterAt, lineStart } from "../text";

/** words that make the next word a name */
export const CUE_WORDS = new Set(("hej|hejsan|hallå|tjena|hi|hello|hey|dear|kära|bästa|heter|hette|named|called|kallas|mvh|hälsningar|regards|herr|fru|fröken|dr|doktor|mr|mrs|ms|miss|prof|professor|ring|ringa|ringde|fråga|frågade|mejla|maila|träffa|träffade|tacka|kontakta|contact|ask|kollega|kollegan|chefen|mamma|mamman|pappa|pappan|dotter|dottern|sonen|broder|brodern|bror|syster|systern|eleven|brukaren|patienten|klienten|sökanden|medarbetaren|handläggaren|vårdnadshavaren|rektor|mentor|manager|colleague|wife|husband|son|daughter|mother|father|friend|enligt|from|från|till|to|cc|med|with|för|for|av|by").split("|"));

/** titles before a name; titleBefore reads them as /(?:^|[^\wåäö])(?:herr|…)\.?\s$/i would on the 12 characters before it */
const TITLES = new Set(["herr", "fru", "fröken", "dr", "doktor", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "madam"]);
const SIGNOFF = /(?:hälsningar|hälsning|mvh|regards|cheers|thanks|tack|best|sincerely|vänligen|\/\/)[\s,.!]*$/i;

const CODE_LINE = /[{};=<>]|\(\)|=>|^\s*(?:const|let|var|import|export|return|function|def|class|\$)\b/;
const DASH_OPENER = /^[-–/]\s?/;
const JOB_TITLE_BELOW = /^\s*\n[^\n]{0,60}(?:chef|manager|consultant|konsult|handläggare|samordnare|rektor|director|head|projektledare|koordinator|assistent|officer|specialist|ansvarig|lead)/i;
const CHAT_TIME = /^\s*\[[\d:. ]{3,12}\]\s*$/;
const CHAT_CLOCK = /^\s*\d{1,2}[:.]\d{2}\s*$/;

/** whitespace as String#trim and /\s/ see it */
function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c < 128 ? false : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** what /\w/ matches (NaN, for a position outside the text, is none) */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isAsciiLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

// ---- the text around a span [s, e) ----

/** glued to code or an address: "@anna", "_per", "obj.Anna", "anna(", "#per", "$Per" */
export function inCode(text: string, s: number, e: number): boolean {
  // charCodeAt outside the text is NaN, which equals nothing, as text[k] there was undefined
  const p = text.charCodeAt(s - 1), q = text.charCodeAt(e);
  return p === 64 || p === 95 || (p === 47 || p === 46) && isWordCode(text.charCodeAt(s - 2)) ||
    q === 64 || q === 95 || q === 40 || (q === 46 && isAsciiLetterCode(text.charCodeAt(e + 1))) || p === 35 || p === 36 || p === 92;
}

function lineStartBefore(text: string, pos: number): number {
  const ls = lineStart(text, pos, 300);
  return ls < 0 ? pos - 300 : ls;
}

/** the word opens a sentence (over spaces, quotes, "(" and "*") */
export function sentenceStart(text: string, s: number): boolean {
  let k = s - 1;
  for (; k >= 0; k--) {
    const c = text.charCodeAt(k); // space tab " ' “ ( *
    if (c !== 32 && c !== 9 && c !== 34 && c !== 39 && c !== 0x201c && c !== 40 && c !== 42) break;
  }
  if (k < 0) return true;
  const c = text.charCodeAt(k); // . ! ? \n : ; - – • ] >
  return c === 46 || c === 33 || c === 63 || c === 10 || c === 58 || c === 59 || c === 45 || c === 0x2013 || c === 0x2022 || c === 93 || c === 62;
}

/** a cue word right before (over at most three spaces, commas or colons), on the same line, or a signature's "/" */
export function cueBefore(text: string, s: number): boolean {
  let k = s - 1;
  for (; k >= 0 && s - k <= 3; k--) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 44 && c !== 58 && c !== 9) break;
  }
  if (k >= 0 && text.charCodeAt(k) === 47 && !isAlnumAt(text, k - 1)) return true; // signature "/Ebba"
  if (k === s - 1 && text.charCodeAt(k) !== 47) return false;
  const end = k + 1;
  while (k >= 0 && end - k <= 16 && isLetterAt(text, k)) k--;
  if (end - k - 1 < 2) return false;
  return CUE_WORDS.has(text.slice(k + 1, end).toLowerCase());
}

function aloneOnLine(text: string, s: number, e: number): boolean {
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
  const ls = lineStartBefore(text, s);
  let le = e;
  while (le < text.length && le - e < 300 && text.charCodeAt(le) !== 10) le++;
  const line = text.slice(ls, le).trim();
  return line.length === e - s || DASH_OPENER.test(line) && line.replace(DASH_OPENER, "").length === e - s;
}

/** alone on its line after a sign-off, at the end of the draft, or above a job title */
export function signature(text: string, s: number, e: number): boolean {
  if (!aloneOnLine(text, s, e)) return false;
  const ls = lineStartBefore(text, s);
  const prev = text.slice(Math.max(0, ls - 60), Math.max(0, ls - 1));
  return SIGNOFF.test(prev) || text.slice(e).trim() === "" || JOB_TITLE_BELOW.test(text.slice(e, e + 80));
}

/** the labels of mail and form headers ("To:", "Till:", "Kopia:"): a line that opens with one is a header, not a speaker */
const HEADER_LABEL = /^(?:to|cc|bcc|from|subject|sent|date|re|fw|fwd|till|från|kopia|hemlig\s?kopia|ämne|skickat|datum|svar|vb|tid|plats|ärende)$/i;

/** "Anna: …" opening a chat line, after nothing or a time stamp */
export function chatSpeaker(text: string, s: number, e: number): boolean {
  if (text.charCodeAt(e) !== 58) return false;
  if (HEADER_LABEL.test(text.slice(s, e))) return false;
  const lead = text.slice(lineStartBefore(text, s), s);
  return lead.trim() === "" || CHAT_TIME.test(lead) || CHAT_CLOCK.test(lead);
}

/** the word [s, e) speaks on a chat line with a time stamp: "[08:51] jocke: …", "08:51 Mirre: …" */
export function timedSpeaker(text: string, s: number, e: number): boolean {
  // "09:14 <sanna> …", "[09:14] <sanna>": IRC-style logs put the speaker in angle brackets
  if (text.charCodeAt(e) === 62 && text.charCodeAt(s - 1) === 60) {
    const lead = text.slice(lineStartBefore(text, s - 1), s - 1);
    return lead.trim() === "" || CHAT_TIME.test(lead) || CHAT_CLOCK.test(lead);
  }
  if (text.charCodeAt(e) !== 58) return false;
  // the stamp ends with ']' or a digit right before the spaces: most "Word:" labels are refused here
  let k = s - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  const c = text.charCodeAt(k);
  if (c !== 93 && !(c >= 48 && c <= 57)) return false;
  const lead = text.slice(lineStartBefore(text, s), s);
  return CHAT_TIME.test(lead) || CHAT_CLOCK.test(lead);
}

/** the word [s, e) is on a line of code (the line as lineStartBefore and a scan of at most 200 characters after it bound it) */
export function codeLine(text: string, s: number, e: number): boolean {
  // CODE_LINE by hand: its characters and "()" anywhere on the line ("=>" holds "="), read once
  // from the word back to the line's start and once on to its end (the word itself holds none) ...
  let ls = s;
  for (; ls > 0 && s - ls < 300; ls--) {
    const c = text.charCodeAt(ls - 1);
    if (c === 10) break;
    if (isCodeChar(c) || c === 40 && text.charCodeAt(ls) === 41) return true;
  }
  let le = e;
  for (; le < text.length && le - e < 200; le++) {
    const c = text.charCodeAt(le);
    if (c === 10) break;
    if (isCodeChar(c) || c === 40 && le + 1 - e < 200 && text.charCodeAt(le + 1) === 41) return true;
  }
  // ... and the regex only when the line's first non-space character can open one of its keywords
  let k = ls;
  while (k < le && isSpaceCode(text.charCodeAt(k))) k++;
  if (k >= le) return false;
  const c = text.charCodeAt(k); // c l v i e r f d $
  if (c !== 99 && c !== 108 && c !== 118 && c !== 105 && c !== 101 && c !== 114 && c !== 102 && c !== 100 && c !== 36) return false;
  return CODE_LINE.test(text.slice(ls, le));
}

/** { } ; = < > */
function isCodeChar(c: number): boolean {
  return c === 123 || c === 125 || c === 59 || c === 61 || c === 60 || c === 62;
}

/** a title right before s ("Dr. ", "fru "): the 12 characters before s match /(?:^|[^\wåäö])(?:herr|…|madam)\.?\s$/i */
export function titleBefore(text: string, s: number): boolean {
  let c = text.charCodeAt(s - 2);
  if (c === 46) c = text.charCodeAt(s - 3);
  c |= 32; // ASCII case fold: only 'R' and 'r' give 'r', and so on
  if (c !== 114 && c !== 117 && c !== 110 && c !== 115 && c !== 102 && c !== 109) return false; // r u n s f m
  if (!isSpaceCode(text.charCodeAt(s - 1))) return false;
  // the title ends before the space or a dot and must be a whole word: the run of characters the
  // regex's [\wåäö] matches (case-insensitively), at the start of the text or after another character
  const end = text.charCodeAt(s - 2) === 46 ? s - 2 : s - 1;
  let k = end;
  while (k > 0 && end - k < 10 && isTitleWordCode(text.charCodeAt(k - 1))) k--;
  if (k > 0 && isTitleWordCode(text.charCodeAt(k - 1))) return false; // longer than any title
  // every title has 2 to 9 letters and starts with h, f, d, m, p or s (case folded as above)
  const f = text.charCodeAt(k) | 32;
  if (end - k < 2 || end - k > 9 || f !== 104 && f !== 102 && f !== 100 && f !== 109 && f !== 112 && f !== 115) return false;
  // the run holds only ASCII and å ä ö Å Ä Ö, whose case folding toLowerCase does just as the regex
  return TITLES.has(text.slice(k, end).toLowerCase());
}

/** what /[\wåäö]/i matches: ASCII letters, digits, '_', å ä ö Å Ä Ö (no other character folds into them without the u flag) */
function isTitleWordCode(c: number): boolean {
  return isWordCode(c) || c === 0xe5 || c === 0xe4 || c === 0xf6 || c === 0xc5 || c === 0xc4 || c === 0xd6;
}

/** the word opens a line or a chat message ("anna: …", "[10:02] anna: …", "> anna") */
export function clauseStart(text: string, s: number): boolean {
  let k = s - 1;
  for (; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) break;
  }
  if (k < 0) return true;
  const c = text.charCodeAt(k); // \n : ] >
  return c === 10 || c === 58 || c === 93 || c === 62;
}

/** /^\s*(?:,|och|and|&|\+)\s*$/ on text[from, to), without the slice: the gap of a list of names, "Anna, Per", "Anna och Per" */
export function joinsNames(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && isSpaceCode(text.charCodeAt(k))) k++;
  const c = text.charCodeAt(k);
  if (k < to && (c === 44 || c === 38 || c === 43)) k++; // , & +
  else if (k + 3 <= to && (text.startsWith("och", k) || text.startsWith("and", k))) k += 3;
  else return false;
  while (k < to && isSpaceCode(text.charCodeAt(k))) k++;
  return k === to;
}
