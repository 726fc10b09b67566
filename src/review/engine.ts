// Runs the detectors over a draft and resolves overlapping findings deterministically.
import type { Finding, FindingType } from "./types";
import { scanText } from "./text";
import type { Sink } from "./detect/types";
import { detectPersonnummer } from "./detect/personnummer";
import { detectCards, detectIban, detectGiroAndAccounts } from "./detect/finance";
import { detectEmails, detectPhones, detectSpelledEmails } from "./detect/contact";
import { detectIps } from "./detect/network";
import { detectAddresses } from "./detect/address";
import { detectPlates } from "./detect/plate";
import { detectCredentials } from "./detect/credentials";
import { detectAccessCodes } from "./detect/access-codes";
import { detectNames } from "./detect/names";
import { detectCategories } from "./detect/categories";
import { detectTableColumns } from "./detect/table-columns";
import { digitRuns } from "./detect/digits";
import { PLACEHOLDER_LABEL } from "./redact";
import { BLOCK_CONFIDENCE } from "./verdict";

export const CATEGORY_TYPES: ReadonlySet<FindingType> = new Set<FindingType>(["HEALTH", "SPECIAL_CATEGORY", "SECRECY"]);

/** which finding wins an overlap: the stronger evidence (checksummed ids and keys over shapes) */
const PRIORITY: Record<FindingType, number> = {
  CREDENTIAL: 10, PERSONNUMMER: 9, PAYMENT_CARD: 8, BANK_ACCOUNT: 8, EMAIL: 7, IP_ADDRESS: 6, PHONE: 5,
  ADDRESS: 4, LICENSE_PLATE: 3, PERSON_NAME: 2, HEALTH: 1, SPECIAL_CATEGORY: 1, SECRECY: 1,
};

/** seven digits, possibly grouped by single spaces or dashes: the least any id, card, account or phone has */
const LONG_DIGIT_RUN = /\d(?:[ +\-\u2013]?\d){6}/;
/** "0503/122 45": a phone number with a slash after its area code, the one number shape LONG_DIGIT_RUN misses */
const SLASHED_PHONE = /0\d{2,3}\/\d/;
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
  } else if (SLASHED_PHONE.test(text)) detectPhones(text, sink, digitRuns(text));
  if (text.indexOf("@") >= 0) detectEmails(text, sink);
  detectSpelledEmails(text, sink);
  if (text.indexOf(":") >= 0 || DOTTED_DIGITS.test(text)) detectIps(text, sink);
  detectAddresses(text, sink, toks);
  detectPlates(text, sink, toks);
  // a pasted table's columns say what their cells are; its header's words are labels, not names
  const labels: Array<[number, number]> = [];
  detectTableColumns(text, sink, labels);
  const structured = keepStrongest(sink.items);

  // names: skip words inside what was already found, inside URLs and in table headers
  const masks: Array<[number, number]> = structured.map((f) => [f.start, f.end]);
  if (labels.length > 0) {
    masks.push(...labels);
    masks.sort((a, b) => a[0] - b[0]);
  }
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

  // names in stories, public offices and lists of municipalities: one look at the text says whether to read further
  if (identifiers.some((f) => f.type === "PERSON_NAME") && (NAME_CONTEXT_HINT.test(text) || PARTY_TAG.test(text) || CITED_YEAR.test(text) || quotedWork(text))) {
    storyNamesWarn(text, identifiers);
    municipalityNames(text, identifiers);
  }
  const cats = new Collector(text);
  // a name that only warns (a story's character, a public figure) is nobody a health word can be about
  const persons = identifiers.filter((f) => f.type !== "CREDENTIAL" && f.type !== "IP_ADDRESS" && !(f.type === "PERSON_NAME" && f.confidence < BLOCK_CONFIDENCE));
  detectCategories(text, cats, toks, persons, triggers);
  const categories = keepStrongest(cats.items);
  if (persons.length < identifiers.length) storyCategoriesWarn(text, identifiers, categories);
  const all = mergeByPosition(personalOnly(text, identifiers.filter((f) => f.confidence > 0)), categories);
  if (all.some((f) => f.type === "PAYMENT_CARD")) withCardDetails(text, all);
  return text.indexOf("[") >= 0 ? outsidePlaceholders(text, all) : all;
}

/** a sentence about a book, a tale, a film or a play: its names are characters and authors */
const STORY = /(?<![\p{L}])(?:bok(?:en)?|böcker(?:na)?|roman(?:en|er)?|novell(?:en)?|sag(?:a|an|or|orna)|sagan om|kapitl(?:et|en)|kapitel|karaktär(?:en|er|erna)?|huvudperson(?:en)?|figur(?:en|er)?|författare(?:n)?|film(?:en|er|erna)|tv-serie(?:n|r|rna)?|pjäs(?:en)?|teater(?:n)?|föreställning(?:en)?|bokcirkel\p{L}*|läsecirkel\p{L}*|book(?:s| club)?|novel|fairy tale|story|chapter|character|author|films?|movies?|tv series|play)(?![\p{L}])/iu;
/** a work's title in quotes with its author: "'A Man Called Ove' by Fredrik Backman", 'Selma Lagerlöfs "Nils Holgerssons underbara resa"' (case matters) */
const WORK_TITLE = /['"“‘][^'"”’\n]{2,60}['"”’] (?:by|av) \p{Lu}|\p{Lu}\p{Ll}+s ["“]\p{Lu}\p{Ll}*(?: [\p{L}–-]+){1,12}["”]/u;
const aboutStory = (s: string): boolean => STORY.test(s) || WORK_TITLE.test(s);
/** a quoted work's title in the text: quotes first, the regex only where there are some */
const quotedWork = (s: string): boolean => (s.indexOf('"') >= 0 || s.indexOf("“") >= 0 || s.indexOf("'") >= 0 || s.indexOf("‘") >= 0) && WORK_TITLE.test(s);
/** a public office right before a name: the person acts in a public role ("statsrådet X", "the Minister for …, X") */
const PUBLIC_ROLE = /(?<![\p{L}])(?:\p{L}*minist(?:er|ern)|(?:kommunstyrelsens|kommunfullmäktiges|fullmäktiges|regionstyrelsens|regionfullmäktiges|\p{L}*nämndens) (?:vice )?ordförande|statsråd(?:et)?|president(?:en)?|kung(?:en)?|drottning(?:en)?|riksdagsledamot(?:en)?|partiledare(?:n)?|kommunalråd(?:et)?|oppositionsråd(?:et)?|landshövding(?:en)?|generaldirektör(?:en)?|prime minister|minister for [\p{L} ]{3,40}|secretary of state|king|queen|president|senator|mayor)[,\s]{1,3}$/iu;

/** a party's letters after a name, "Maria Lindahl (M)": a politician named in that role */
const PARTY_TAG = /\((?:M|S|SD|V|C|L|KD|MP)\)/;
const PARTY_TAG_AFTER = /^\s?\((?:M|S|SD|V|C|L|KD|MP)\)/;
/** a year in brackets after a name, "Hattie (2009)", "Lundström och Berg (2019)", "Ek et al. (2021)": an author cited */
const CITED_YEAR = /\((?:19|20)\d\d[a-z]?\)/;
const CITED_AFTER = /^\s?(?:(?:och|and|&)\s\p{Lu}[\p{L}-]+\s?)?(?:et al\.?\s?)?\((?:19|20)\d\d[a-z]?\)/u;

/** a year before 1900 or a past century ("1523", "på 1700-talet", "in the 1600s"), not an amount or a measure */
const HISTORIC_TIME = /(?<![\d.,:/-])(?:1[0-8]\d\d(?![\d.,:/-])(?!\s?(?:kr|sek|:-|st|m|kvm|km|kg|%|personer|people))|1[0-8]00-tal\p{L}*|1[0-8]00s)/iu;
/** a ruler's numeral after a first name ("Gustav II Adolf", "Karl XII", "Henry VIII") */
const REGNAL = /(?<![\p{L}])\p{Lu}\p{Ll}+ (?:I{1,3}|IV|V|VI{1,3}|IX|X{1,2}|XI{1,3}|XIV|XV|XVI)(?![\p{L}])/u;
/** words of a history lesson or text, needed beside a past year before its names are read as historical */
const HISTORY_WORD = /(?<![\p{L}])(?:histori\p{L}*|kung(?:en|ar)?|drottning(?:en)?|kejsare(?:n)?|stormakt\p{L}*|medeltid\p{L}*|history|historical|king|queen|emperor|century)(?![\p{L}])/iu;

/** STORY's words anywhere in a text (a cheap first look: no word boundaries, no Unicode classes) */
const STORY_HINT = /bok|böcker|roman|novell|sag[aoa]|kapit|karaktär|huvudperson|figur|författare|film|serie|pjäs|teater|föreställning|cirkel|book|novel|fairy|story|chapter|character|author|movie|series|play/i;
/** any of STORY_HINT, PUBLIC_OFFICE and "kommun" in a text: most drafts have none */
const NAME_CONTEXT_HINT = /ordförande|bok|böcker|roman|novell|sag[aoa]|kapit|karaktär|huvudperson|figur|författare|film|serie|movie|series|pjäs|teater|föreställning|cirkel|book|novel|fairy|story|chapter|character|author|play|minist|statsråd|president|kung|drottning|riksdagsledamot|partiledare|kommun|landshövding|generaldirektör|secretary of state|king|queen|senator|mayor|municipalit|histori|history|medeltid|stormakt|kejsare|emperor|century/i;
/** PUBLIC_ROLE's offices anywhere in a text */
const PUBLIC_OFFICE = /minist|ordförande|statsråd|president|kung|drottning|riksdagsledamot|partiledare|kommunalråd|oppositionsråd|landshövding|generaldirektör|secretary of state|king|queen|senator|mayor/i;

/** the sentence around [s, e) (to a sentence end or a line break, at most 300 characters each way) */
function sentenceOf(text: string, s: number, e: number): string {
  let a = s, b = e;
  const stop = (c: number) => c === 46 || c === 33 || c === 63 || c === 10; // . ! ? newline
  while (a > 0 && s - a < 300 && !stop(text.charCodeAt(a - 1))) a--;
  while (b < text.length && b - e < 300 && !stop(text.charCodeAt(b))) b++;
  return text.slice(a, b);
}

/**
 * names in a sentence about a story (Pippi, an author, a novel's characters) or right after a public
 * office warn rather than block: a name alone there is nobody's private data. A real person in the
 * same draft still blocks: only those names change, and only when no identifier sits in their sentence.
 */
function storyNamesWarn(text: string, found: Finding[]): Finding[] {
  const history = HISTORY_WORD.test(text) && HISTORIC_TIME.test(text);
  if (!STORY_HINT.test(text) && !PUBLIC_OFFICE.test(text) && !PARTY_TAG.test(text) && !CITED_YEAR.test(text) && !history && !quotedWork(text)) return found;
  // a draft about a story that holds no identifier of anyone ("Gör diskussionsfrågor om Bröderna Lejonhjärta
  // av Astrid Lindgren … varför Jonatan …"): its names are the story's, in whatever sentence they stand.
  // A history text is read the same way: its people lived centuries ago.
  const identified = found.some((g) => g.type !== "PERSON_NAME");
  const storyDraft = (aboutStory(text) || history) && !identified;
  const pastSentence = (sentence: string) => history && (HISTORIC_TIME.test(sentence) || REGNAL.test(sentence));
  for (const f of found) {
    if (f.type !== "PERSON_NAME" || f.confidence < BLOCK_CONFIDENCE) continue;
    const sentence = sentenceOf(text, f.start, f.end);
    const inStorySentence = aboutStory(sentence) || pastSentence(sentence);
    const story = storyDraft || inStorySentence;
    if (!story && !PUBLIC_ROLE.test(text.slice(Math.max(0, f.start - 60), f.start)) && !PARTY_TAG_AFTER.test(text.slice(f.end, f.end + 8)) && !CITED_AFTER.test(text.slice(f.end, f.end + 48))) continue;
    if (found.some((g) => g !== f && g.type !== "PERSON_NAME" && g.start < f.end + 300 && g.end > f.start - 300)) continue;
    // a character or author named in a sentence about their story is nobody's data: no finding; a
    // public figure, or a name in a draft about a story but outside such a sentence, only warns
    f.confidence = inStorySentence ? 0 : 0.5;
    f.reason = story ? "a name in a text about a story (a character or an author)" : "a name in a public role or an author cited";
  }
  // the same name elsewhere takes the same reading ("Ove" after "… by Fredrik Backman about Ove")
  const warned = new Set(found.filter((f) => f.type === "PERSON_NAME" && f.confidence <= 0.5).map((f) => text.slice(f.start, f.end).replace(/(?:'s|’s|s)$/, "")));
  for (const f of found) if (f.type === "PERSON_NAME" && f.confidence > 0 && warned.has(text.slice(f.start, f.end).replace(/(?:'s|’s|s)$/, ""))) f.confidence = Math.min(f.confidence, 0.5);
  return found;
}

/**
 * an illness or an origin told of a character ("Parvaneh, a pregnant Iranian woman" in a book review): in a
 * sentence about a story whose names are all the story's, and a draft that identifies no one, it only warns
 */
function storyCategoriesWarn(text: string, identifiers: Finding[], categories: Finding[]): void {
  if (identifiers.some((f) => f.type !== "PERSON_NAME")) return;
  for (const c of categories) {
    if (c.type !== "HEALTH" && c.type !== "SPECIAL_CATEGORY") continue;
    const sentence = sentenceOf(text, c.start, c.end);
    if (!aboutStory(sentence)) continue;
    const a = text.lastIndexOf(sentence, c.start);
    const names = identifiers.filter((f) => f.start >= a && f.end <= a + sentence.length);
    if (names.length > 0 && names.every((f) => f.confidence < BLOCK_CONFIDENCE)) c.confidence = Math.min(c.confidence, 0.5);
  }
}

/** "Nora, Eda, Vara och Sala kommuner": names of municipalities, not of people (their confidence set to 0: dropped) */
const MUNICIPALITY_AFTER = /^(?:\s*(?:,|och|and|&)\s*[A-ZÅÄÖ][\p{L}-]+)*\s+(?:kommuner?|kommuns|kommunes|municipalit(?:y|ies))(?![\p{L}])/u;
function municipalityNames(text: string, found: Finding[]): void {
  for (const f of found) if (f.type === "PERSON_NAME" && MUNICIPALITY_AFTER.test(text.slice(f.end, f.end + 120))) f.confidence = 0;
}

/** the weakest personnummer findings (shape only, checksum broken, no label) */
const SHAPE_ONLY = 0.5;
/** words that make a passage about a person */
const PERSON_WORD = /(?<![\p{L}])(?:hon|han|hen|hennes|hans|eleven?|elevens|brukare[n]?|patient(?:en)?|klient(?:en)?|sökande[n]?|mamma|pappa|barnet|vårdnadshavare|anhörig|medarbetare[n]?|den anställde|she|he|her|his|patient|client|pupil|student|employee|resident|applicant)(?![\p{L}])/iu;

/** a number only shaped like a personnummer is kept where the text is about a person: a name or a person word near it */
function personalOnly(text: string, found: Finding[]): Finding[] {
  if (!found.some((f) => f.type === "PERSONNUMMER" && f.confidence <= SHAPE_ONLY)) return found;
  return found.filter((f) => {
    if (f.type !== "PERSONNUMMER" || f.confidence > SHAPE_ONLY) return true;
    if (found.some((g) => g.type === "PERSON_NAME" && Math.abs(g.start - f.start) < 120)) return true;
    return PERSON_WORD.test(text.slice(Math.max(0, f.start - 80), Math.min(text.length, f.end + 40)));
  });
}

/** the placeholders a redacted copy holds ("[PERSON 1]", "[SECRET 2]"): never findings themselves, nor the start of one */
const OWN_PLACEHOLDER = new RegExp(`\\[(?:${[...new Set(Object.values(PLACEHOLDER_LABEL))].join("|")}) \\d{1,5}\\]`, "g");

function outsidePlaceholders(text: string, found: Finding[]): Finding[] {
  const spans: Array<[number, number]> = [];
  OWN_PLACEHOLDER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OWN_PLACEHOLDER.exec(text))) spans.push([m.index, m.index + m[0].length]);
  if (spans.length === 0) return found;
  // a token that starts inside a placeholder ("[SECRET 1]TrustServerCertificate=…") is the placeholder's tail read on
  return found.filter((f) => !spans.some(([s, e]) => f.start >= s && f.start < e));
}

/** "4111 1111 1111 1111, CVC 123, giltigt till 09/27": the card's security code and expiry, on its line just after it */
const CARD_DETAIL = /^[\s,;:\-–/]*\(?\s*(?:(?:cvc|cvv|cvc2|cvv2|säkerhetskod(?:en)?|security code|kontrollsiffror(?:na)?)[\s:.#-]*\d{3,4}|(?:giltig[t]?\s+(?:till|t\.o\.m\.?)|utg(?:år|ångsdatum)|exp(?:iry|ires|\.)?(?:\s+date)?|valid\s+(?:thru|through|until)|gäller\s+till)[\s:.]*(?:0[1-9]|1[0-2])\s?[/\-.]\s?(?:\d{4}|\d{2})|(?:0[1-9]|1[0-2])\/(?:\d{4}|\d{2})(?!\d))(?:\s*\))?/i;

/** stretch each card finding over the security code and expiry written right after it, so the redacted copy takes them too */
function withCardDetails(text: string, found: Finding[]): void {
  found.forEach((f, i) => {
    if (f.type !== "PAYMENT_CARD") return;
    const limit = Math.min(text.length, found[i + 1]?.start ?? text.length);
    let end = f.end;
    for (let k = 0; k < 3; k++) {
      const m = CARD_DETAIL.exec(text.slice(end, Math.min(limit, end + 60)));
      if (!m) break;
      end += m[0].length;
    }
    f.end = end;
  });
}
