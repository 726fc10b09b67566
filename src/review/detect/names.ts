// Person names: first names and surnames from lists of names common in Sweden's population,
// joined into full names, helped by context (titles, greetings, "heter", signatures), while
// place names and ordinary words that happen to be names ("Per" in "per månad") need context.
import FIRST from "../lists/first-names";
import CORE from "../lists/core-first-names";
import SURNAMES from "../lists/surnames";
import AMBIGUOUS from "../lists/ambiguous-names";
import PLACES from "../lists/places";
import { fold, HashSetFilter, isLetterAt, isUpperCode, NO_HASH, wordHash, type Words } from "../text";
import { chatSpeaker, clauseStart, codeLine, CUE_WORDS, cueBefore, inCode, joinsNames, sentenceStart, signature, timedSpeaker, titleBefore } from "./name-context";
import type { Sink } from "./types";
import { nameScore, nameScoreAt } from "../name-model";

/** the lists a word is in: bits of the lexicon's values */
const FIRST_NAME = 1, SURNAME = 2, AMBIGUOUS_WORD = 4, PLACE = 8, CORE_NAME = 16;

interface Lists {
  /**
   * every listed word (lowercase) and the lists it is in: one look-up answers for all lists, where
   * a Set per list would take one look-up each into tables the other detectors push out of the cache
   */
  lex: Map<string, number>;
  /** hash filters: most words are rejected by one lookup on their token hash */
  lexF: HashSetFilter; anyF: HashSetFilter; surF: HashSetFilter; coreF: HashSetFilter; roleF: HashSetFilter;
  /** first names and the core ones, as big as coreF: a word it rejects, coreF rejects too */
  lowerF: HashSetFilter;
}
let lists: Lists | null = null;
function data() {
  // parsed on first use so that importing the module stays cheap
  if (!lists) {
    const first = FIRST.split("|"), core = CORE.split("|"), sur = SURNAMES.split("|");
    const lex = new Map<string, number>();
    const add = (words: readonly string[], bit: number): void => { for (const w of words) lex.set(w, (lex.get(w) ?? 0) | bit); };
    add(first, FIRST_NAME); add(core, CORE_NAME); add(sur, SURNAME);
    add(AMBIGUOUS.split("|"), AMBIGUOUS_WORD); add(EXTRA_AMBIGUOUS, AMBIGUOUS_WORD); add(PLACES.split("|"), PLACE);
    lists = {
      lex, lexF: new HashSetFilter(lex.keys(), 21),
      anyF: new HashSetFilter([...first, ...sur], 21), surF: new HashSetFilter(sur),
      coreF: new HashSetFilter(core), lowerF: new HashSetFilter([...first, ...core]), roleF: new HashSetFilter(ROLE_CUES, 16),
    };
  }
  return lists;
}

/** the lists (bits) that hold w, a word whose token hash is h (w as written or lowercased: the hash is of its lowercase form) */
function listsOf(L: Lists, w: string, h: number): number {
  return L.lexF.mayHave(h) ? L.lex.get(w) ?? 0 : 0;
}

/** the lists that hold w, for words without a token hash at hand (parts and folded forms) */
function listsOfWord(L: Lists, w: string): number {
  return L.lex.get(w) ?? 0;
}

/** ordinary words and feast days missing from the generated ambiguity list ("ville" = wanted, "Lucia", "Newroz") */
const EXTRA_AMBIGUOUS = ["ville", "lucia", "newroz", "noel", "eid", "påsk", "advent", "april", "juni", "juli", "august", "augusti", "sankt", "saint", "nyår", "jul"];

/** function words that never continue a name ("Hej Anna Kan du…") */
const STOP = new Set(("och eller men att som det den de dem du jag vi ni han hon hen man en ett i på av för med till från om när var vad vem hur kan ska vill har är var blev får fick tack hej mvh ps " +
  "and or but the a an of in on at to from for with by is are was were has have had will can may please thanks regards dear hi hello " +
  "ab hb kb ltd inc gmbh llc plc oy as asa kommun region länsstyrelse förvaltning skola skolan förskola förskolan enheten avdelningen").split(" "));
/** particles inside names: "Ludwig van Beethoven", "Eva af Klint", "Omar al-Bashir" */
const PARTICLES = new Set(["van", "von", "de", "der", "den", "af", "al", "el", "bin", "ibn", "da", "di", "du", "la", "le", "dos", "das", "del"]);
/** role words that make the next capitalised word(s) a name even when no list holds it */
const ROLE_CUES = new Set(("patient|patienten|pat|elev|eleven|elevens|brukare|brukaren|sökande|sökanden|medsökande|kund|kunden|klient|klienten|medarbetare|medarbetaren|" +
  "anställd|anställde|kandidat|kandidaten|hyresgäst|hyresgästen|försäkrade|vårdnadshavare|anhörig|kontaktperson|kontaktpersonen|handläggare|handläggaren|styrelseledamot|" +
  "ledamot|givare|deltagare|namn|name|customer|employee|candidate|tenant|applicant|pupil|client|välkommen|welcome|barn|barnet|maken|makan|sambo|sambon|" +
  "vän|vännen|grannen|kollegan|kollega|praktikant|praktikanten|vikarie|vikarien|assistent|assistenten|kontakt|contact|att|familjen|" +
  // case and report labels: "Huvudman: …", "Complainant: …", "Family: …"
  "huvudman|huvudmannen|anmälare|anmälaren|anmäld|anmälde|målsägande|målsäganden|misstänkt|misstänkte|vittne|vittnet|klagande|klaganden|boende|brukaren|" +
  "complainant|respondent|witness|suspect|victim|family|guardian|parent|resident|student|patient|member|claimant|caller|visitor|" +
  // kin: "his daughter Sofiia", "dottern Märta"
  "daughter|son|wife|husband|mother|father|brother|sister|grandmother|grandfather|dotter|dottern|sonen|frun|hustrun|maken|mamma|mamman|pappa|pappan|" +
  "bror|brodern|syster|systern|mormor|morfar|farmor|farfar|barnbarnet|styvdotter|styvdottern|styvsonen|fosterbarnet").split("|"));
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

/** А–Я and Ukrainian Є І Ї Ґ */
function isCyrillicCapital(c: number): boolean {
  return (c >= 0x410 && c <= 0x42f) || c === 0x404 || c === 0x406 || c === 0x407 || c === 0x490;
}
const isCyrillicWord = (text: string, s: number, e: number): boolean => /^[\u0400-\u04ff'’ʼ-]+$/u.test(text.slice(s, e));

/**
 * Names in Cyrillic script (an SMS in Ukrainian or Russian pasted for translation): the lists and the
 * name model are Latin, but inside a Cyrillic sentence a capital letter says proper noun. Two
 * capitalised words in a row are a name; one inside a sentence (not in «quotes», which name groups
 * and places) is a name or a place: masked in the copy, too weak alone to block on.
 */
function cyrillicName(r: Review, i: number): number {
  const { text, words } = r;
  const s0 = words.s[i], e0 = words.e[i];
  if (e0 - s0 < 2 || !isCyrillicWord(text, s0, e0) || r.masked(s0, e0)) return i;
  const j = i + 1;
  if (j < words.n && words.s[j] === e0 + 1 && text.charCodeAt(e0) === 32 && isCyrillicCapital(text.charCodeAt(words.s[j])) && isCyrillicWord(text, words.s[j], words.e[j])) {
    emit(r, i, j, 0.8, "two capitalised words in Cyrillic");
    return j;
  }
  const quoted = text.charCodeAt(s0 - 1) === 0xab || text.charCodeAt(s0 - 1) === 34;
  if (!quoted && !sentenceStart(text, s0)) emit(r, i, i, 0.5, "a capitalised word inside a Cyrillic sentence (a name or a place)");
  return i;
}

/** isUpperCode, without building strings for Latin-1 ("är", "Åsa"): A-Z and À-Þ but × */
function isUpper(c: number): boolean {
  return c < 0x100 ? (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) : isUpperCode(c);
}

// The helpers below (and those of name-context.ts) are module functions taking the text and the
// words, not closures made on each call: a call allocates nothing for them, and the main loop's
// own variables stay local.

// ---- list look-ups ----

/** å, ä, ö are letters of their own: "Lön" is no "Lon", "Räven" no "Raven" */
function foldable(w: string): boolean {
  return NON_ASCII.test(w) && !SWEDISH_LETTERS.test(w);
}

function folded(w: string): string {
  return foldable(w) ? fold(w) : w;
}

/** low: a word lowercased, k: the lists that hold it */
function isFirst(L: Lists, low: string, k: number): boolean {
  if (k & FIRST_NAME) return true;
  if (low.includes("-")) return low.split("-").every((p) => ((listsOfWord(L, p) | listsOfWord(L, folded(p))) & FIRST_NAME) !== 0);
  return foldable(low) && (listsOfWord(L, fold(low)) & FIRST_NAME) !== 0;
}

/** low: a word lowercased, k: the lists that hold it */
function isSur(L: Lists, low: string, k: number): boolean {
  return (k & SURNAME) !== 0 || (foldable(low) && (listsOfWord(L, fold(low)) & SURNAME) !== 0) ||
    (low.includes("-") && low.split("-").every((p) => (listsOfWord(L, p) & (SURNAME | FIRST_NAME)) !== 0 || (listsOfWord(L, folded(p)) & SURNAME) !== 0));
}

// ---- the words around word i ----

/** the word before word i on the same line, over at most ": ", ", " or a dash; "" when none */
function prevWord(text: string, words: Words, i: number): string {
  if (i === 0) return "";
  const gs = words.e[i - 1], ge = words.s[i];
  if (ge - gs > 3) return "";
  for (let k = gs; k < ge; k++) {
    const c = text.charCodeAt(k); // space : , tab – -
    if (c !== 32 && c !== 58 && c !== 44 && c !== 9 && c !== 0x2013 && c !== 45) return "";
  }
  return text.slice(words.s[i - 1], gs).toLowerCase();
}

/** the word after word i, lowercased, when a single space separates them */
function nextWord(text: string, words: Words, i: number): string {
  const we = words.e[i];
  return i + 1 < words.n && words.s[i + 1] === we + 1 && text.charCodeAt(we) === 32 ? text.slice(we + 1, words.e[i + 1]).toLowerCase() : "";
}

/** a role word right before: "Patient Farida …", "Sökande: …", "for customer …", "c/o …" */
function roleCue(L: Lists, text: string, words: Words, i: number): boolean {
  const s = words.s[i];
  if (i > 0 && !L.roleF.mayHave(words.h[i - 1]) && text.charCodeAt(s - 2) !== 111 /* "c/o " */) return false;
  const p = prevWord(text, words, i);
  if (p && ROLE_CUES.has(p)) return true;
  return text.slice(Math.max(0, s - 4), s).toLowerCase() === "c/o ";
}

/** a capitalised ambiguous word inside a lowercase sentence ("… och Hans delar …") reads as a name */
function midSentence(text: string, words: Words, i: number): boolean {
  if (i === 0 || sentenceStart(text, words.s[i])) return false;
  const p = prevWord(text, words, i);
  if (!p || p !== text.slice(words.s[i - 1], words.e[i - 1]) || PLACE_PREPS.has(p)) return false;
  // joined to another name or followed by a verb: "Per och Hans delar", "… och Hans tar …"
  const nx = nextWord(text, words, i);
  return (CONNECTIVES.has(p) || NAME_VERBS.has(nx)) && nx !== "" && nx === text.slice(words.s[i + 1], words.e[i + 1]);
}

/** a sentence opening with the word (w: word i lowercased) and a finite verb: "Björn är sjukskriven", "Per tar …" */
function verbAfter(w: string, text: string, words: Words, i: number): boolean {
  return !PRONOUNS.has(w) && !CUE_WORDS.has(w) && !ROLE_CUES.has(w) && NAME_VERBS.has(nextWord(text, words, i));
}

/** "Farida Nazari": an unlisted capitalised word right before a listed, unambiguous surname */
function surnameNext(L: Lists, text: string, words: Words, i: number): boolean {
  const ws = words.s, we = words.e;
  if (i + 1 >= words.n || ws[i + 1] !== we[i] + 1 || text.charCodeAt(we[i]) !== 32) return false;
  const c = text.charCodeAt(ws[i + 1]);
  if (!isUpper(c)) return false;
  const hn = words.h[i + 1];
  if (!L.surF.mayHave(hn)) return false;
  const nl = text.slice(ws[i + 1], we[i + 1]).toLowerCase();
  // listed as a surname, and neither ambiguous, a place nor a first name
  if ((listsOf(L, nl, hn) & (SURNAME | AMBIGUOUS_WORD | PLACE | FIRST_NAME)) !== SURNAME) return false;
  const w = text.slice(ws[i], we[i]).toLowerCase();
  return w.length >= 3 && !STOP.has(w) && !(listsOf(L, w, words.h[i]) & (PLACE | AMBIGUOUS_WORD)) && !ROLE_CUES.has(w) && !sentenceStart(text, ws[i]) || roleCue(L, text, words, i);
}

/** "anders.berg": a listed first name and a listed surname or first name joined by a dot */
function dottedName(L: Lists, text: string, words: Words, i: number): boolean {
  const a = text.slice(words.s[i], words.e[i]), b = text.slice(words.s[i + 1], words.e[i + 1]);
  if (a !== a.toLowerCase() || b !== b.toLowerCase() || a.length < 3 || b.length < 2) return false;
  const p = text[words.s[i] - 1], q = text[words.e[i + 1]];
  if (p === "." || p === "@" || p === "/" || q === "@" || q === "." && isLetterAt(text, words.e[i + 1] + 1) || q === "(" || q === "/") return false;
  return (listsOf(L, a, words.h[i]) & (FIRST_NAME | AMBIGUOUS_WORD)) === FIRST_NAME && (listsOf(L, b, words.h[i + 1]) & (SURNAME | FIRST_NAME)) !== 0;
}

// ---- one review ----

/** which words are inside an emitted name (reused: one review at a time) */
let coveredBuf: Uint8Array | null = null;
/**
 * a bit per token hash (mod 4096) of the confident names' words and their genitives, so the second
 * pass slices only likely words (reused: one review at a time; small, so it stays in the cache)
 */
const nameHashes = new Int32Array(4096 >>> 5);

function markNameHash(h: number): void {
  if (h !== NO_HASH) nameHashes[(h & 4095) >>> 5] |= 1 << (h & 31);
}

/** one review's draft, its words, where names go, and what has been found so far */
class Review {
  /** end of the last name emitted (-1: none yet) */
  lastNameEnd = -1;
  /** the words of confident names: the same words later in the draft are the same person */
  tokens: Set<string> | null = null;
  /** whether the draft speaks of AI or digital assistants (read once, when a word asks) */
  private aiTalk: boolean | undefined;
  speaksOfAi(): boolean {
    return (this.aiTalk ??= AI_TALK.test(this.text));
  }
  constructor(
    readonly text: string, readonly words: Words, readonly sink: Sink, readonly masked: (s: number, e: number) => boolean,
    /** which words are inside an emitted name */
    readonly covered: Uint8Array,
  ) {}
}

function emit(r: Review, i: number, j: number, conf: number, reason: string): void {
  const ws = r.words.s, we = r.words.e;
  r.sink.add("PERSON_NAME", ws[i], we[j], conf, reason);
  r.lastNameEnd = we[j];
  for (let k = i; k <= j; k++) {
    r.covered[k] = 1;
    const s = ws[k], len = we[k] - s;
    if (conf >= 0.8 && len >= 3) {
      const w = r.text.slice(s, s + len);
      (r.tokens ??= new Set()).add(w);
      // the hashes of w, w + "s" and w + "'s" ("’" is outside Latin-1: w + "’s" has no hash)
      markNameHash(r.words.h[k]);
      markNameHash(wordHash(w + "s", 0, len + 1));
      markNameHash(wordHash(w + "'s", 0, len + 2));
    }
  }
}

/** a context that makes a doubtful word a name: a cue word, a signature, a chat speaker, a list of names */
function cue(r: Review, s: number, e: number): boolean {
  const text = r.text;
  return cueBefore(text, s) || signature(text, s, e) || chatSpeaker(text, s, e) ||
    (r.lastNameEnd >= 0 && joinsNames(text, r.lastNameEnd, s));
}

// ---- the decisions per word ----
// The main loop keeps only the cheap per-word filters; what follows a hit is in functions of its
// own, so that the loop every word passes through stays small.

const SKIP = 0, UNLISTED = 1, LISTED = 2;

/** assistants and models with people's names ("Claude", "Alexa", "Siri"): products where a draft speaks of AI */
const ASSISTANTS = new Set(["claude", "alexa", "siri", "cortana", "bixby", "gemini", "grok", "watson", "jasper", "ernie"]);
const AI_TALK = /(?<![\p{L}])(?:AI|A\.I\.|GPT|LLM)(?![\p{L}])|chatgpt|copilot|chatbot|assistent|assistant|röststyr|voice|språkmodell|language model|generativ/iu;

/** software, services and vendors staff name in drafts: shaped like names ("Jira", "Azure", "Lenovo"), never people */
const PRODUCTS = new Set(("azure|entra|intune|jira|confluence|slack|zoom|gemini|claude|chatgpt|copilot|openai|otter|gamma|notion|canva|miro|trello|asana|adobe|acrobat|photoshop|" +
  "outlook|excel|word|powerpoint|onenote|onedrive|sharepoint|teams|windows|linux|ubuntu|debian|macos|ios|android|iphone|ipad|oracle|cisco|fortinet|citrix|okta|vmware|" +
  "tieto|tietoevry|evry|visma|procapita|lifecare|treserva|pulsen|combine|unikum|vklass|skolon|infomentor|schoolsoft|dexter|medvind|heroma|agresso|raindance|platina|ciceron|" +
  "public|lenovo|dell|apple|google|microsoft|amazon|samsung|huawei|safari|chrome|firefox|edge|github|gitlab|docker|kubernetes|postgres|mysql|mongodb|redis|python|java|" +
  "javascript|typescript|sap|salesforce|hubspot|zendesk|servicenow|topdesk|freshdesk|dropbox|box|wetransfer|mailchimp|figma|mural|kahoot|mentimeter|padlet|quizlet|" +
  "duolingo|grammarly|deepl|perplexity|mistral|llama|midjourney|dalle|stable|diffusion|bard|bing|yahoo|linkedin|facebook|instagram|tiktok|snapchat|whatsapp|telegram|signal|" +
  "youtube|spotify|netflix|klarna|swish|bankid|freja|inera|sitevision|episerver|wordpress|drupal").split("|"));

/** cue words that make a name-shaped word a name on their own (not the prepositions of CUE_WORDS: "till Azure") */
const WEAK_CUES = new Set(["enligt", "from", "från", "till", "to", "cc", "med", "with", "för", "for", "av", "by"]);

/** how name-like a word must look (name-model.ts) to be one without a list: alone, and as a pair's other word */
const NAME_SHAPE = 0.5;
const PAIR_SHAPE = 0.4;

/** a capitalised word at i+step (single space between) that looks like a name or is a listed one */
function nameLikeNeighbour(L: Lists, text: string, words: Words, i: number, step: 1 | -1): boolean {
  const j = i + step;
  if (j < 0 || j >= words.n) return false;
  const [a, b] = step === 1 ? [i, j] : [j, i];
  if (words.s[b] !== words.e[a] + 1 || text.charCodeAt(words.e[a]) !== 32) return false;
  const s = words.s[j], e = words.e[j];
  if (e - s < 2 || !isUpper(text.charCodeAt(s)) || isAllUpper(text.slice(s, e))) return false;
  const low = text.slice(s, e).toLowerCase();
  if (STOP.has(low) || PRODUCTS.has(low)) return false;
  const k = listsOf(L, low, words.h[j]);
  if (k & (PLACE | AMBIGUOUS_WORD)) return false;
  return (k & (FIRST_NAME | SURNAME)) !== 0 || nameScore(low) >= PAIR_SHAPE;
}

/**
 * a capitalised word no list holds that is a name by its shape (name-model.ts: "Olena", "Kovalenko",
 * "Faadumo") and by where it stands: beside another name-like word, after a cue word ("hej", "mamma"),
 * or before a verb people do; never a place, a stop word or a word opening a sentence alone
 */
function shapedName(r: Review, L: Lists, i: number): boolean {
  const { text, words } = r;
  const s0 = words.s[i], e0 = words.e[i];
  if (e0 - s0 < 3) return false;
  // a place only a person's name stands in (a greeting, a mail header, a signature) needs no shape
  if (personSlot(text, s0, e0)) {
    const low0 = text.slice(s0, e0).toLowerCase();
    // not a word that reads plainly as Swedish, nor a definite noun ("Hej Kommunen,", "Mvh\nIT-supporten")
    const shape = nameScoreAt(text, s0, e0);
    if (shape < -0.4 || (shape < 0.3 && /(?:en|et|na)$/.test(low0))) return false;
    return !STOP.has(low0) && !PRODUCTS.has(low0) && !ROLE_CUES.has(low0) && !(listsOf(L, low0, words.h[i]) & PLACE);
  }
  // its shape first, read in place (most capitalised words are ordinary ones: no string is made for them)
  const score = nameScoreAt(text, s0, e0);
  if (score < NAME_SHAPE) return false;
  const raw = text.slice(s0, e0);
  if (isAllUpper(raw)) return false;
  const low = raw.toLowerCase();
  if (STOP.has(low) || ROLE_CUES.has(low) || PRODUCTS.has(low) || (listsOf(L, low, words.h[i]) & (PLACE | AMBIGUOUS_WORD))) return false;
  // then where it stands: beside another name-like word ("Olena Kovalenko") ...
  if (capitalisedAt(text, words, i + 1, true) && nameLikeNeighbour(L, text, words, i, 1)) return true;
  if (capitalisedAt(text, words, i - 1, false) && nameLikeNeighbour(L, text, words, i, -1)) return true;
  // ... opening a sentence with a verb people do after it, when it looks clearly like a name ("Faadumo har …") ...
  // (inside a sentence too: "att Sanaz ska …")
  if (score >= 1 && verbAfter(low, text, words, i)) return true;
  if (sentenceStart(text, s0)) return false;
  // ... or after a cue that is no mere preposition ("hej", "mamma", "ringde"), or as a chat speaker
  const before = previousWord(text, words, i);
  return (cueBefore(text, s0) && !(before !== undefined && WEAK_CUES.has(before))) || chatSpeaker(text, s0, e0) || PERSON_DETAIL_AFTER.test(text.slice(e0, e0 + 14));
}

/** "Eetu i 2A", "Aino, 87 år": a class or an age right after a word says it is someone */
const PERSON_DETAIL_AFTER = /^(?:\s+i\s+(?:klass\s+)?\d{1,2}\s?[A-ZÅÄÖa-d](?![\p{L}\d])|,\s*\d{1,3}\s*år(?![\p{L}]))/u;

const GREETING_BEFORE = /^[ \t]*(?:hej|hejsan|hallå|hi|hello|hey|dear|kära|bästa)(?:\s+(?:igen|again))?[ \t]+$/iu;
const HEADER_BEFORE = /^[ \t]*(?:från|from|avsändare|sender)[ \t]*:[ \t]*$/iu;
const SIGNOFF_LINE = /(?:hälsningar|hälsning|mvh|regards|cheers|best|sincerely|vänligen)[\s,.!]*$/iu;
const REST_OF_NAME_LINE = /^(?:[ \t]+[A-ZÅÄÖ][\p{L}'’-]+){0,2}[ \t]*(?:$|\n|<|,)/u;

/**
 * "Hej igen Dmytro,", "Från: Dmytro Bondarenko <…>", a line of one to three capitalised words right
 * under "Med vänlig hälsning": places where only a person's name stands
 */
function personSlot(text: string, s: number, e: number): boolean {
  // the line's start, looked for at most SLOT_LEAD back (a greeting or a header is short): bounded work per word
  const ls = lineStartWithin(text, s, SLOT_LEAD);
  if (ls < 0) return false;
  const before = text.slice(ls, s);
  if (GREETING_BEFORE.test(before)) return /^[ \t]*[,!]/.test(text.slice(e, e + 3));
  if (HEADER_BEFORE.test(before)) return REST_OF_NAME_LINE.test(text.slice(e, e + 80));
  if (before.trim() !== "" || ls === 0) return false;
  const prevEnd = ls - 1;
  const prevStart = lineStartWithin(text, prevEnd, SIGNOFF_LEAD);
  return prevStart >= 0 && SIGNOFF_LINE.test(text.slice(prevStart, prevEnd)) && REST_OF_NAME_LINE.test(text.slice(e, e + 80));
}

const SLOT_LEAD = 16;
/** the sign-off line above a signature may be longer ("Med vänliga hälsningar,") */
const SIGNOFF_LEAD = 40;
/** where the line holding position p starts, if within `max` characters before it; else -1 */
function lineStartWithin(text: string, p: number, max: number): number {
  for (let k = p - 1; k >= 0 && p - k <= max; k--) if (text.charCodeAt(k) === 10) return k + 1;
  return p <= max ? 0 : -1;
}

/** "Linneas pappa", "Ahmeds mentor": a listed first name in the genitive before a kin or role word */
function genitiveBeforeKin(L: Lists, text: string, words: Words, i: number): boolean {
  const s0 = words.s[i], e0 = words.e[i];
  if (e0 - s0 < 4 || text.charCodeAt(e0 - 1) !== 115 /* s */ || i + 1 >= words.n || words.s[i + 1] !== e0 + 1) return false;
  const stem = text.slice(s0, e0 - 1).toLowerCase();
  const k = listsOf(L, stem, wordHash(stem, 0, stem.length));
  if (!(k & FIRST_NAME) || (k & (AMBIGUOUS_WORD | PLACE))) return false;
  return ROLE_CUES.has(text.slice(words.s[i + 1], words.e[i + 1]).toLowerCase());
}

/** word j is capitalised and a single space from word i (the next when `after`, else the previous) */
function capitalisedAt(text: string, words: Words, j: number, after: boolean): boolean {
  if (j < 0 || j >= words.n) return false;
  const gap = after ? words.s[j] - words.e[j - 1] : words.s[j + 1] - words.e[j];
  const sp = after ? words.e[j - 1] : words.e[j];
  return gap === 1 && text.charCodeAt(sp) === 32 && isUpper(text.charCodeAt(words.s[j]));
}

/** the word before word i, lowercase, when only spaces or a comma lie between */
function previousWord(text: string, words: Words, i: number): string | undefined {
  if (i === 0) return undefined;
  const between = text.slice(words.e[i - 1], words.s[i]);
  return /^[ ,]{1,3}$/.test(between) ? text.slice(words.s[i - 1], words.e[i - 1]).toLowerCase() : undefined;
}

/**
 * A capitalised word that the list filter rejects: SKIP when it cannot start a name, UNLISTED when
 * it may all the same (after a title or a role word, or before a listed surname), LISTED when the
 * lists must be asked as for a listed word (hyphenated, or with letters that fold: "Petrovic").
 */
function unlistedWord(r: Review, L: Lists, text: string, words: Words, i: number): number {
  const s0 = words.s[i], e0 = words.e[i];
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
  if (!plain && swedish && !titleBefore(text, s0) && !roleCue(L, text, words, i) && !surnameNext(L, text, words, i)) return SKIP;
  if (!plain) return LISTED;
  // an unlisted word still counts after a title or a role word, before a listed surname, or by its shape
  const titledHere = text.charCodeAt(s0 - 1) === 32 && titleBefore(text, s0);
  return !titledHere && !roleCue(L, text, words, i) && !surnameNext(L, text, words, i) && !shapedName(r, L, i) && !genitiveBeforeKin(L, text, words, i) ? SKIP : UNLISTED;
}

const ANONYMISED_LABEL = /^(?:person|personen|individ|klient|elev|patient|brukare|kund|medarbetare|anställd|sökande|barn|vårdnadshavare|client|pupil|student|employee|applicant|resident|customer|participant|deltagare|respondent|informant)$/;
const FIRM_AMPERSAND = /^ ?& ?$/;
/** "Drottninggatan", "Linnéparken": a street or a park, never a person */
const STREET_NAME = /\p{L}{3,}(?:gatan|vägen|torget|gränd|gränden|backen|platsen|allén|stigen|parken|leden|kajen|plan|gata|väg|torg)$/u;
/** a single capital letter or a number right after, as a word of its own */
const LABEL_AFTER = /^ (?:\p{Lu}|\d{1,3})(?![\p{L}\d])/u;
/** "Gustav Adolfs torg", "Karl Johans väg": a name (in the genitive) with a street or place word after is the place's */
const PLACE_AFTER = /(?:\s+\p{Lu}\p{Ll}+)?\s+(?:torg|gata|väg|gränd|plats|park|allé|backe|stig|kaj|bro|skola|kyrka|sjukhus|hall|torget|gatan|vägen|gränden|platsen|parken|backen|stigen|kajen|bron|skolan|kyrkan|hallen|square|street|road|avenue|park|school|church|hospital|hall)(?![\p{L}])/uy;

/** a capitalised word: a name starting at word i? Emits it; returns the last word it used */
function capitalised(r: Review, L: Lists, i: number, unlisted: boolean): number {
  const { text, words } = r;
  const n = words.n, ws = words.s, we = words.e, wh = words.h;
  const s0 = ws[i], e0 = we[i], h = wh[i];
  const raw = text.slice(s0, e0);
  // "K. Andersson": an initial, a dot and a listed surname
  if (e0 - s0 === 1 && text.charCodeAt(e0) === 46 && text.charCodeAt(e0 + 1) === 32 && i + 1 < n && ws[i + 1] === e0 + 2 && isUpper(text.charCodeAt(ws[i + 1]))) {
    const next = text.slice(ws[i + 1], we[i + 1]).toLowerCase();
    const kn = listsOf(L, next, wh[i + 1]);
    if (kn & SURNAME && !(kn & (AMBIGUOUS_WORD | PLACE)) && !r.masked(s0, we[i + 1]) && !inCode(text, s0, we[i + 1])) {
      emit(r, i, i + 1, 0.8, "an initial and a listed surname");
      return i + 1;
    }
  }
  if (isAllUpper(raw)) return i;
  const low = raw.toLowerCase();
  const k = listsOf(L, low, h);
  if (!unlisted && !(k & (FIRST_NAME | SURNAME)) && !NON_ASCII.test(low) && !low.includes("-") && !(text.charCodeAt(s0 - 1) === 32 && titleBefore(text, s0)) && !roleCue(L, text, words, i) && !surnameNext(L, text, words, i)) return i;
  if (r.masked(s0, e0) || inCode(text, s0, e0)) return i;
  if (ROLE_CUES.has(low) && text.charCodeAt(e0) === 58) return i; // "Pat:", "Elev:" are labels
  // "Claude and ChatGPT", "fråga Siri": the product, alone, where the draft speaks of AI (not "Claude Monet")
  if (ASSISTANTS.has(low) && !(i + 1 < n && ws[i + 1] === e0 + 1 && isUpper(text.charCodeAt(ws[i + 1]))) && r.speaksOfAi()) return i;
  // "Person A", "Elev 2", "Brukare X": a label that anonymises
  if (ANONYMISED_LABEL.test(low) && LABEL_AFTER.test(text.slice(e0, e0 + 4))) return i;
  // … and the label's own letter ("Elev B tog …")
  if (e0 - s0 === 1 && i > 0 && ws[i] === we[i - 1] + 1 && ANONYMISED_LABEL.test(text.slice(ws[i - 1], we[i - 1]).toLowerCase())) return i;
  // "Martin & Servera", "Johnson & Johnson": a firm, unless a first name follows ("Anna & Per")
  if (i + 1 < n && FIRM_AMPERSAND.test(text.slice(e0, e0 + 3))) {
    const next = text.slice(ws[i + 1], we[i + 1]).toLowerCase();
    if (!isFirst(L, next, listsOf(L, next, wh[i + 1]))) return i;
  }
  // "Gustav Adolfs torg", "Drottninggatan": a street or a place named after someone
  PLACE_AFTER.lastIndex = e0;
  if (STREET_NAME.test(low) || PLACE_AFTER.test(text)) return i;
  const firstHit = !unlisted && isFirst(L, low, k);
  const titled = !firstHit && titleBefore(text, s0) && !(k & (AMBIGUOUS_WORD | PLACE));
  const roled = !firstHit && !titled && !(k & PLACE) && !STOP.has(low) && !ROLE_CUES.has(low) && roleCue(L, text, words, i);
  const beforeSurname = !firstHit && !titled && !roled && !(k & (AMBIGUOUS_WORD | PLACE)) && !STOP.has(low) && surnameNext(L, text, words, i);
  const shaped = !firstHit && !titled && !roled && !beforeSurname && !(k & (FIRST_NAME | SURNAME)) && (shapedName(r, L, i) || genitiveBeforeKin(L, text, words, i));
  if (!firstHit && !titled && !roled && !beforeSurname && !shaped) return i;
  // extend with surnames / more given names, single spaces only
  let j = i;
  let knownFollowers = 0;
  while (j + 1 < n && j - i < 3) {
    // cheap refusals first (every check up to the particle test ends the name, in any order): no
    // single space between, or a lowercase word that is no particle ("van", "af") before a
    // capitalised word, since the particle test is the only one a lowercase word can pass
    const ns = ws[j + 1], ne = we[j + 1];
    if (ns !== we[j] + 1 || text.charCodeAt(we[j]) !== 32) break;
    if (!isUpper(text.charCodeAt(ns)) && (ne - ns > 3 || !(j + 2 < n && ws[j + 2] === ne + 1 && text.charCodeAt(ne) === 32 && isUpper(text.charCodeAt(ws[j + 2]))))) break;
    if (r.masked(ns, ne) || inCode(text, ns, ne)) break;
    const nr = text.slice(ns, ne);
    const nl = nr.toLowerCase();
    if (PARTICLES.has(nl) && j + 2 < n && ws[j + 2] === ne + 1 && text.charCodeAt(ne) === 32 && isUpper(text.charCodeAt(ws[j + 2]))) {
      j += 2; knownFollowers++; continue;
    }
    if (!isUpper(nr.charCodeAt(0)) || isAllUpper(nr) || STOP.has(nl)) break;
    const kn = listsOf(L, nl, wh[j + 1]);
    if (isSur(L, nl, kn) || (isFirst(L, nl, kn) && !(kn & AMBIGUOUS_WORD))) { knownFollowers++; j++; continue; }
    if (SURNAME_SHAPE.test(nl) && !(kn & (PLACE | AMBIGUOUS_WORD))) { j++; continue; }
    // an unlisted capitalised word after a clear first name, a title or a role word is most likely a surname
    if ((titled || roled || (k & (AMBIGUOUS_WORD | CORE_NAME)) === CORE_NAME) && nl.length >= 3 && !(kn & (PLACE | AMBIGUOUS_WORD))) { j++; continue; }
    // "Olena Kovalenko", "Sunná Kuhmunen": a name-shaped word after a first name or a name-shaped one
    if ((shaped || firstHit) && nl.length >= 3 && !(kn & (PLACE | AMBIGUOUS_WORD)) && nameScore(nl) >= PAIR_SHAPE) { j++; continue; }
    break;
  }
  const e = we[j];
  const ambiguous = (k & AMBIGUOUS_WORD) !== 0 || (k & (PLACE | CORE_NAME)) === PLACE;
  // context is costly to read: only when the decision depends on it
  let conf = 0;
  let reason = "";
  if (j > i) {
    if (ambiguous && knownFollowers === 0 && !cue(r, s0, e)) return j;
    conf = knownFollowers > 0 ? 0.92 : 0.8;
    reason = roled ? "name after a role word" : shaped ? "a name by its shape and place" : "first name and surname";
  } else if (titled) {
    conf = 0.85; reason = "surname after a title";
  } else if (roled) {
    conf = 0.8; reason = "name after a role word";
  } else if (shaped) {
    conf = 0.75; reason = "a name by its shape and place";
  } else {
    const code = !ambiguous && codeLine(text, s0, e0); // read once: an ambiguous word's answer never needs it
    const hasCue = (ambiguous || code) && (cue(r, s0, e) || (ambiguous && (midSentence(text, words, i) || sentenceStart(text, s0) && verbAfter(low, text, words, i))));
    if (ambiguous && !hasCue) return i;
    if (!hasCue && code) return i;
    conf = hasCue ? (ambiguous ? 0.8 : 0.85) : sentenceStart(text, s0) ? 0.7 : 0.8;
    reason = hasCue ? "first name in context" : "first name";
  }
  // "Kund: Bergslagens Måleri AB": a company name, not a person
  if (COMPANY_SUFFIX.has(nextWord(text, words, j))) return j;
  emit(r, i, j, conf, reason);
  return j;
}

const MONTH_SHORT = /^(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)$/i;
/** a month's short form beside a number or another month ("3 jan", "jan 2025", "jan–maj", "dec-jan") */
const MONTH_CONTEXT = /\d\s*\p{L}{3}\.?(?!\p{L})|(?<!\p{L})\p{L}{3}\.?\s*\d|(?<!\p{L})\p{L}{3}\s*[-–—/]\s*(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)|(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)\s*[-–—/]\s*\p{L}{3}(?!\p{L})/iu;

/** a lowercase word of the curated list (chat text: "hej anna kan du ringa lisa"): emits it; returns the last word it used */
function lowercaseName(r: Review, L: Lists, i: number, low: string, k: number): number {
  const { text, words } = r;
  const s0 = words.s[i], e0 = words.e[i];
  // a lowercase listed word reads as a name only when it is neither ambiguous nor a place
  if (k & (AMBIGUOUS_WORD | PLACE)) return i;
  // "jan–maj", "12 jan 2025": a month's short form among months, days and years
  if (MONTH_SHORT.test(low) && MONTH_CONTEXT.test(text.slice(Math.max(0, s0 - 4), Math.min(text.length, e0 + 8)))) return i;
  if (r.masked(s0, e0) || inCode(text, s0, e0)) return i;
  if (codeLine(text, s0, e0)) return i;
  let j = i;
  if (i + 1 < words.n && words.s[i + 1] === e0 + 1 && text.charCodeAt(e0) === 32) {
    const nl = text.slice(e0 + 1, words.e[i + 1]);
    if (nl === nl.toLowerCase() && (listsOf(L, nl, words.h[i + 1]) & (SURNAME | AMBIGUOUS_WORD)) === SURNAME && !STOP.has(nl)) j = i + 1;
  }
  const cued = cueBefore(text, s0);
  emit(r, i, j, cued ? 0.8 : 0.65, cued ? "lowercase first name in context" : "lowercase first name");
  return j;
}

/** any listed first name, lowercase, opening a line or a chat message: a name where a chat line or greeting puts it */
function chatFirstName(r: Review, L: Lists, i: number): void {
  const { text, words } = r;
  const s0 = words.s[i], e0 = words.e[i];
  const w = text.slice(s0, e0);
  // a first name, neither ambiguous nor a place (nor a surname that is no first name: implied)
  if ((listsOf(L, w, words.h[i]) & (FIRST_NAME | AMBIGUOUS_WORD | PLACE)) !== FIRST_NAME || STOP.has(w)) return;
  if (r.masked(s0, e0) || inCode(text, s0, e0) || codeLine(text, s0, e0)) return;
  if (!(chatSpeaker(text, s0, e0) || cueBefore(text, s0) || verbAfter(w.toLowerCase(), text, words, i))) return;
  emit(r, i, i, 0.75, "lowercase first name in a chat line");
}

const DEFINITE_END = /(?:en|et|an|na|ln|rn)$/i;
/** below this name score a definite-form handle reads as an ordinary word (name-model.ts) */
const UNIT_SHAPE = -0.2;

/** a system sender named for what it does ("servicedesk", "bokningsbot", "driftlarm"): a compound with a system word as its head */
const SYSTEM_HEAD = /.{2,}(?:bot|desk|larm|alarm|support|service|drift|central|centralen|jour|jouren|noreply|system|monitor|robot|notiser|bevakning|backup)$/i;

/** log levels and system senders that time-stamped lines also open with ("[12:00] error: …") */
const LOG_SENDERS = new Set("error|err|warn|warning|info|debug|trace|fatal|notice|critical|crit|system|server|bot|admin|root|log|status|note|obs|info|svar|fråga|question|answer|user|assistant|copilot|chatgpt|ai".split("|"));

/** an unlisted word speaking on a time-stamped chat line: emits it as a name; false when it is none */
function chatHandle(r: Review, L: Lists, i: number): boolean {
  const { text, words } = r;
  const s0 = words.s[i], e0 = words.e[i];
  // "<sanna>": in an IRC-style log the brackets say it is the speaker, whatever its case or list
  const bracketed = text.charCodeAt(e0) === 62 && text.charCodeAt(s0 - 1) === 60;
  // handles are lowercase: a capitalised speaker is a name the lists know or a desk ("Receptionen", "IT-support")
  if (e0 - s0 < 2 || (!bracketed && isUpper(text.charCodeAt(s0))) || !timedSpeaker(text, s0, e0)) return false;
  const low = text.slice(s0, e0);
  // unambiguous listed names take their usual path; an ambiguous one ("jonte") speaks here as a name
  const k = listsOf(L, low, words.h[i]);
  if ((!bracketed && (k & (FIRST_NAME | SURNAME)) && !(k & AMBIGUOUS_WORD)) || LOG_SENDERS.has(low.toLowerCase()) || STOP.has(low.toLowerCase()) || SYSTEM_HEAD.test(low)) return false;
  if (r.masked(s0, e0) || inCode(text, s0, e0)) return false;
  // "<växeln>", "<socialjouren>": a desk or unit in its definite form, shaped like a word, speaks for no one person
  if (low.length >= 6 && DEFINITE_END.test(low) && nameScore(low.toLowerCase()) < UNIT_SHAPE) return false;
  emit(r, i, i, 0.8, "speaker on a time-stamped chat line");
  return true;
}

/** "[09:14] anna.k:", "<jussi_h>": the last word of a handle whose parts are joined by "." or "_" right before the speaker's colon or bracket; -1 when word i starts none */
function handleEnd(text: string, words: Words, i: number): number {
  let j = i;
  // a handle has a few parts ("anna.k", "k.nyberg.2"): a longer chain is a token or a host, and is not walked
  while (j + 1 < words.n && j - i < 3 && words.s[j + 1] === words.e[j] + 1) {
    const c = text.charCodeAt(words.e[j]);
    if (c !== 46 && c !== 95) break;
    j++;
  }
  if (j === i) return -1;
  const after = text.charCodeAt(words.e[j]);
  return after === 58 || (after === 62 && text.charCodeAt(words.s[i] - 1) === 60) ? j : -1;
}

/** a dotted or underscored handle speaking on a time-stamped chat line ("[09:14] anna.k:"): emits it whole */
function chatHandleSpan(r: Review, L: Lists, i: number, j: number): boolean {
  const { text, words } = r;
  const s0 = words.s[i], e1 = words.e[j];
  if (isUpper(text.charCodeAt(s0)) || !timedSpeaker(text, s0, e1)) return false;
  // a person's handle: a listed first name first ("anna.k"), or a name-shaped word with an initial ("k.nyberg");
  // not a system sender ("sys.log", "app.api")
  const lettersOf = (k: number) => words.e[k] - words.s[k];
  const firstListed = (listsOf(L, text.slice(s0, words.e[i]), words.h[i]) & FIRST_NAME) !== 0;
  // with an initial, the other part carries the name
  const initial = lettersOf(i) === 1 ? j : lettersOf(j) === 1 ? i : -1;
  const other = initial >= 0 ? text.slice(words.s[initial], words.e[initial]) : "";
  const named = firstListed || (initial >= 0 && ((listsOf(L, other, words.h[initial]) & (FIRST_NAME | SURNAME)) !== 0 || nameScore(other.toLowerCase()) > 0));
  if (!named) return false;
  if (LOG_SENDERS.has(text.slice(s0, words.e[i]).toLowerCase()) || r.masked(s0, e1) || inCode(text, s0, e1)) return false;
  emit(r, i, j, 0.8, "handle speaking on a time-stamped chat line");
  return true;
}

/** a name found once is the same person later in the draft, also in the genitive ("Hamzas", "Paweł's") */
function repeatedNames(r: Review, nameTokens: Set<string>): void {
  const { text, words, covered } = r;
  const n = words.n, ws = words.s, we = words.e, wh = words.h;
  for (let i = 0; i < n; i++) {
    if (covered[i]) continue;
    const s0 = ws[i], e0 = we[i], h = wh[i];
    // a word with a hash can be a name's only when its hash is one (words without: "Paweł", "Anna’s")
    if (e0 - s0 < 3 || h !== NO_HASH && (nameHashes[(h & 4095) >>> 5] & (1 << (h & 31))) === 0) continue;
    let w = text.slice(s0, e0);
    if (!nameTokens.has(w)) {
      if (w.endsWith("'s") || w.endsWith("’s")) w = w.slice(0, -2);
      else if (w.endsWith("s")) w = w.slice(0, -1);
      else continue;
      if (!nameTokens.has(w)) continue;
    }
    if (r.masked(s0, e0) || inCode(text, s0, e0)) continue;
    r.sink.add("PERSON_NAME", s0, e0, 0.8, "the same name as found earlier in the draft");
  }
}

export interface NameOptions {
  /** spans already claimed by other detectors (e-mail, URLs, keys): tokens inside are skipped */
  masked: (s: number, e: number) => boolean;
}

export function detectNames(text: string, sink: Sink, words: Words, opts: NameOptions): void {
  const L = data();
  const { anyF, lowerF, coreF } = L;
  const n = words.n, ws = words.s, we = words.e, wh = words.h;
  if (!coveredBuf || coveredBuf.length < n) coveredBuf = new Uint8Array(Math.max(n, 1024));
  coveredBuf.fill(0, 0, n);
  const r = new Review(text, words, sink, opts.masked, coveredBuf);
  for (let i = 0; i < n; i++) {
    const s0 = ws[i], e0 = we[i];
    const c0 = text.charCodeAt(s0);
    // "[08:51] jocke:": a chat log names its speakers, nicknames and handles no list holds
    const after = text.charCodeAt(e0);
    if ((after === 58 || (after === 62 && text.charCodeAt(s0 - 1) === 60)) && chatHandle(r, L, i)) continue;
    if (isCyrillicCapital(c0)) {
      i = cyrillicName(r, i);
      continue;
    }
    if (isUpper(c0)) {
      // names with diacritics folded ("Petrovic" for "Petrović") or hyphenated may miss the filter
      let unlisted = false;
      if (!anyF.mayHave(wh[i]) && e0 - s0 > 1) {
        const kind = unlistedWord(r, L, text, words, i);
        if (kind === SKIP) continue;
        unlisted = kind === UNLISTED;
      }
      i = capitalised(r, L, i, unlisted);
      continue;
    }
    // "[09:14] anna.k:": a handle of parts joined by "." or "_" speaking on a chat line (handles are lowercase)
    if ((after === 46 || after === 95) && text.charCodeAt(e0 + 1) !== 32) {
      const j = handleEnd(text, words, i);
      if (j > i && chatHandleSpan(r, L, i, j)) {
        i = j;
        continue;
      }
    }
    // lowercase words: every lowercase name is a listed first name of three letters or more
    // (dottedName's first one too), so one look-up rejects most words
    if (e0 - s0 < 3) continue;
    const h = wh[i];
    if (!lowerF.mayHave(h)) continue;
    // "anders.berg" in chat logs: first name and surname joined by a dot (not an e-mail or a host)
    if (text.charCodeAt(e0) === 46 && i + 1 < n && ws[i + 1] === e0 + 1 && dottedName(L, text, words, i)) {
      emit(r, i, i + 1, 0.8, "first.last user name");
      i++;
      continue;
    }
    // the curated list, or any listed first name where a chat line or greeting puts it
    if (coreF.mayHave(h)) {
      const w = text.slice(s0, e0);
      const k = listsOf(L, w, h);
      if (k & CORE_NAME) { i = lowercaseName(r, L, i, w, k); continue; }
    }
    // chatFirstName asks the first-name list itself
    if (clauseStart(text, s0)) chatFirstName(r, L, i);
  }
  if (r.tokens) {
    repeatedNames(r, r.tokens);
    nameHashes.fill(0);
  }
}
