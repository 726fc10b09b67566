// Document categories: health (GDPR art. 9), other special categories and criminal records
// (art. 9-10), and secrecy markings. A category word counts only when it concerns a person
// (a name or identifier nearby, or a personal reference such as "hon", "eleven", "my") or, for
// secrecy, when it is a marking ("SEKRETESS enligt 26 kap. 1 § OSL", "KONFIDENTIELLT", "K3"):
// a text *about* GDPR or sick-leave statistics does not trigger.
import type { Finding } from "../types";
import { HashSetFilter, isDigitAt, isLetterAt, lowerLatin1, TRIGGER, triggersOf, type Words } from "../text";
import type { Sink } from "./types";

/** strong health terms: diagnoses, treatments, medication, disability, sick leave of someone */
const HEALTH_TERMS = [
  "depression\\w*", "deprimerad\\w*", "ångest\\w*", "panikångest", "adhd", "add-diagnos", "autism\\w*", "asperger\\w*", "diabetes", "diabetiker", "cancer\\w*", "tumör\\w*",
  "stroke", "alzheimer\\w*", "demens\\w*", "dement", "epilepsi\\w*", "migrän\\w*", "astma\\w*", "allergi\\w*", "allergisk", "celiaki", "glutenintolerans", "laktosintolerans",
  "multipel skleros", "ms-diagnos", "parkinson\\w*", "schizofreni\\w*", "bipolär\\w*", "psykos\\w*", "ptsd", "utmattningssyndrom\\w*", "utbränd\\w*", "utbrändhet",
  "hjärtinfarkt\\w*", "hiv", "aids", "hepatit\\w*", "gravid\\w*", "missfall\\w*", "abort\\w*", "ätstörning\\w*", "anorexi\\w*", "bulimi\\w*", "missbruk\\w*",
  "alkoholism", "alkoholberoende", "beroende av", "självmord\\w*", "suicid\\w*", "självskad\\w*", "dyslexi\\w*", "funktionsnedsättning\\w*", "funktionshinder\\w*",
  "rullstol\\w*", "rullator\\w*", "hörapparat\\w*", "synnedsättning\\w*", "utvecklingsstörning\\w*", "sjukskriv\\w*", "sjukskrivning\\w*", "läkarintyg\\w*", "diagnos\\w*",
  "medicinering\\w*", "medicin(?:en|er|erna)?", "läkemedel\\w*", "insulin\\w*", "antidepressiv\\w*", "sertralin", "medikinet", "concerta", "elvanse", "morfin", "metadon",
  "psykiatri\\w*", "bup", "inlagd", "inlades", "opererad\\w*", "rehabilitering\\w*", "arbetsträn\\w*", "fysioterapeut\\w*", "sjukgymnast\\w*", "psykolog\\w*", "terapi\\w*",
  "adrenalinpenna", "epipen", "hjärnskakning", "cellgift\\w*", "cytostatika", "dialys\\w*", "kol-diagnos", "covid\\w*", "sjuk", "sjuka", "sjukdom\\w*", "migrän", "magsjuk\\w*",
  "depressed", "anxiety", "diagnosed", "diagnosis", "sick leave", "sick note", "medical certificate", "medication", "prescribed", "therapy", "disability", "disabled",
  // symptoms, care and treatment in everyday words (about someone only with a person close by)
  "feber", "febrig\\w*", "kräk\\w*", "kräktes", "illamående", "diarré\\w*", "influensa", "lunginflammation\\w*", "infektion\\w*", "vattkoppor", "mässling\\w*", "utslag",
  "eksem", "andfådd\\w*", "andnöd", "bröstsmärt\\w*", "yrsel", "svimma\\w*", "spirometri", "lungröntgen", "röntgen\\w*", "magnetkamera\\w*", "blodprov\\w*", "provsvar\\w*",
  "ordination\\w*", "ordinerad\\w*", "vid behovs-medicin\\w*", "smärtstillande", "antibiotika\\w*", "penicillin\\w*", "waran", "alvedon", "oxascand", "sobril", "imovane", "propavan",
  "förvirrad\\w*", "minnessvikt\\w*", "kognitiv svikt", "hörselnedsättning\\w*", "svårt att höra", "hör dåligt", "döv\\w*", "blind\\w*", "synskadad\\w*", "benbrott\\w*",
  "fraktur\\w*", "höftfraktur\\w*", "fallolycka\\w*", "bröt (?:armen|benet|handleden|foten|nyckelbenet|höften)", "brutit (?:armen|benet|handleden|foten|nyckelbenet|höften)", "knäoperation\\w*", "höftoperation\\w*", "operation\\w*",
  "palliativ\\w*", "strålbehandling\\w*", "kemoterapi\\w*", "cellgiftsbehandling\\w*", "förlossning\\w*", "panikattack\\w*", "ångestattack\\w*", "självskadebeteende",
  "sömnproblem\\w*", "sömnlöshet", "psykisk ohälsa", "psykiskt sjuk", "alkoholproblem\\w*", "spelberoende", "kol", "lungsjukdom\\w*", "hjärtsvikt", "njursvikt", "högt blodtryck",
  "fever", "vomit\\w*", "nausea", "flu", "pneumonia", "infection", "rash", "chickenpox", "measles", "fractur\\w*", "x-ray", "mri scan", "blood test\\w*", "prescription",
  "warfarin", "inr", "pain in (?:his|her|their|my)", "injur(?:y|ies|ed)", "hospital\\w*", "admitted to", "asthma", "cancer", "diabetes", "depression", "panic attack\\w*",
  "autism", "adhd", "dyslexia", "hearing loss", "deaf", "blind", "back surgery", "sick", "ill", "fell in the", "fell and",
  "wheelchair", "pregnant", "pregnancy", "mental health", "hospitali[sz]ed", "surgery", "chemotherapy", "illness", "dementia", "seizure\\w*", "rehab",
];
/** ICD-10 codes such as F43.8 near a health word are health data in themselves */
const ICD = /(?<![\w.])[A-TV-Z]\d{2}\.\d{1,2}(?![\w.])/y;

const SPECIAL_TERMS = [
  // trade union membership
  "fackligt? ombud\\w*", "fackliga ombud\\w*", "facklig företrädare", "fackmedlem\\w*", "medlem i (?:facket|kommunal|unionen|vision|vårdförbundet|lärarförbundet|sveriges lärare|if metall|seko|byggnads|handels|akademikerförbundet|saco|lo|tco|ledarna|jusek|sveriges ingenjörer)",
  "fackförening\\w*", "union member\\w*", "trade union",
  // political opinions
  "medlem i (?:sverigedemokraterna|socialdemokraterna|moderaterna|vänsterpartiet|centerpartiet|liberalerna|kristdemokraterna|miljöpartiet|nyans|partiet)", "politisk(?:a)? uppfattning\\w*", "sverigedemokrat\\w*", "socialdemokrat\\w*", "kristdemokrat\\w*", "vänsterpartist\\w*", "miljöpartist\\w*", "sweden democrats?", "social democrats?", "christian democrats?", "left party", "green party", "party member\\w*", "politiska åsikter", "partimedlem\\w*", "röstade på", "röstar på", "sympatiserar med", "aktiv i (?:sverigedemokraterna|socialdemokraterna|moderaterna|vänsterpartiet|centerpartiet|liberalerna|kristdemokraterna|miljöpartiet)", "engagerad i (?:sverigedemokraterna|socialdemokraterna|moderaterna|vänsterpartiet|centerpartiet|liberalerna|kristdemokraterna|miljöpartiet)", "aktiv i (?:sverigedemokraternas|socialdemokraternas|moderaternas|vänsterpartiets|centerpartiets|liberalernas|kristdemokraternas|miljöpartiets) \\w+", "engagerad i (?:sverigedemokraternas|socialdemokraternas|moderaternas|vänsterpartiets|centerpartiets|liberalernas|kristdemokraternas|miljöpartiets) \\w+", "medlem i (?:sverigedemokraternas|socialdemokraternas|moderaternas|vänsterpartiets|centerpartiets|liberalernas|kristdemokraternas|miljöpartiets) \\w+", "political (?:opinion|views|affiliation)",
  // religion
  "muslim\\w*", "kristen", "kristna", "christian\\w*", "orthodox", "catholic\\w*", "protestant\\w*", "church", "mosque", "synagogue", "ramadan", "fasting", "halal", "kosher", "hijab\\w*", "kippa", "kyrkan", "kyrka", "bönerummet", "fredagsbön\\w*", "troende", "jude", "judisk\\w*", "katolik\\w*", "katolsk", "hindu\\w*", "buddhist\\w*", "ateist\\w*", "ortodox\\w*", "konverter\\w*", "religion\\w*", "religiös\\w*", "moské\\w*", "synagoga\\w*", "jehovas vittne\\w*", "frikyrk\\w*",
  // ethnic origin
  "kurd(?:er|erna|isk|iska)?", "kurdish", "assyri\\w*", "syriansk\\w*", "romani", "roma", "sami", "jewish", "tornedalsk\\w*", "urfolk\\w*", "hudfärg\\w*",
  "romska minoriteten", "rom(?:er|erna|ska|sk)", "samisk\\w*", "samer", "samerna", "etnisk\\w*", "etniskt ursprung", "tornedaling\\w*", "ethnic\\w*", "ethnicity",
  // sex life, orientation, gender identity
  "gay", "homosexuell\\w*", "lesbisk\\w*", "bisexuell\\w*", "transperson\\w*", "hbtq\\w*", "queer", "sexuell läggning", "sexual orientation", "transgender", "sexliv\\w*",
  // genetic, biometric
  "genetisk\\w*", "dna-test\\w*", "gentest\\w*", "fingeravtryck\\w*", "ansiktsigenkänning\\w*", "biometrisk\\w*", "genetic", "biometric",
  // criminal offences (art. 10)
  "belastningsregist\\w*", "brottsregist\\w*", "dömd\\w*", "dömdes", "dömts", "fälld(?:es)?", "narkotikabrott\\w*", "misshandel\\w*", "snatteri\\w*", "stöld\\w*", "rattfylleri\\w*", "bedrägeri\\w*",
  "våldtäkt\\w*", "sexualbrott\\w*", "åtal\\w*", "fängelse\\w*", "villkorlig dom", "skyddstillsyn", "bötesstraff\\w*", "polisanmäl\\w*", "misstänkt för", "kriminell\\w*",
  "criminal record", "convicted", "conviction", "arrested", "charged with",
];

/** social services' case facts about a person: under secrecy (OSL 26 kap.) whatever the draft is marked */
const SOCIAL_CASE_TERMS = [
  "orosanmälan\\w*", "orosanmäl(?:a|de|t|s)", "barnavårdsutredning\\w*", "utredning enligt (?:11 kap\\.?|sol|lvu|lvm|lss|socialtjänstlagen)",
  "enligt (?:lvu|lvm)", "lvu-\\w+", "omhändertag\\w*", "familjehemsplace\\w*", "placerad(?:es|e)? (?:i|på) (?:familjehem|jourhem|hvb)\\w*",
  "hvb-hem\\w*", "jourhem\\w*", "skyddat boende", "skyddade boendet", "ekonomiskt bistånd", "försörjningsstöd\\w*",
  "child protection report", "child welfare investigation", "foster care", "taken into care", "social assistance",
];

/**
 * A term list compiled for speed: a sticky regex tried only at word starts whose first letters
 * begin some term (table lookups per word instead of a regex at every position).
 */
interface TermMatcher {
  re: RegExp;
  /** per 15-bit key of a word's first three letters (bitKey): some term may start so */
  first3: Uint8Array;
  /** one bit per 20-bit key of the first four letters (bitKey4): some term may start so */
  first4: Int32Array;
  /** per such key, the literal heads of the terms that start so: the text must begin with one */
  heads: Map<number, string[]>;
  /** the whole three-letter words a term can start with ("hiv", "mri" of "mri scan"), and their filter */
  threeWords: string[];
  three: HashSetFilter;
  /** the fewest letters of the word a match starts in */
  minWord: number;
}
/** 20-bit key of the first four letters (a second, stricter filter) */
function bitKey4(s: string, i: number): number {
  return (bitKey(s, i) << 5) | (s.charCodeAt(i + 3) & 31);
}
/** 15-bit key of a word's first three letters; '& 31' folds ASCII and Latin-1 case (a/A, å/Å) */
function bitKey(s: string, i: number): number {
  return ((s.charCodeAt(i) & 31) << 10) | ((s.charCodeAt(i + 1) & 31) << 5) | (s.charCodeAt(i + 2) & 31);
}
function hasBit(bits: Int32Array, i: number): boolean {
  return (bits[i >>> 5] & (1 << (i & 31))) !== 0;
}
function setBit(bits: Int32Array, i: number): void {
  bits[i >>> 5] |= 1 << (i & 31);
}
const TERM_LETTER = /[a-zåäöé]/;
/** the literal text every match of term `t` starts with, lowercase ("fackligt?" -> "facklig") */
function literalHead(t: string): string {
  const lit = /^[a-zåäöé\- ']+/i.exec(t)?.[0].toLowerCase() ?? "";
  const next = t[lit.length];
  return next === "?" || next === "*" || next === "{" ? lit.slice(0, -1) : lit;
}
/**
 * how many letters of a word the literal head covers for sure: its letters up to the first character
 * that ends a word (tokenize keeps a hyphen or apostrophe followed by a letter inside the word)
 */
function wordPart(lit: string): number {
  let i = 0;
  while (i < lit.length && (TERM_LETTER.test(lit[i]) || ((lit[i] === "-" || lit[i] === "'") && TERM_LETTER.test(lit[i + 1] ?? "")))) i++;
  return i;
}
function compileTerms(terms: string[]): TermMatcher {
  const first3 = new Uint8Array(1 << 15);
  const first4 = new Int32Array(1 << 15);
  const heads = new Map<number, string[]>();
  const three: string[] = [];
  let minWord = Infinity;
  for (const t of terms) {
    const lit = literalHead(t);
    const w = wordPart(lit);
    minWord = Math.min(minWord, w);
    // a match in a word of three letters is the whole word
    if (w === 3) three.push(lit.slice(0, 3));
    // a head of three letters or fewer: any fourth character (or none)
    const keys4 = lit.length >= 4 ? [bitKey4(lit, 0)] : Array.from({ length: 32 }, (_, c) => (bitKey(lit.padEnd(3, " "), 0) << 5) | c);
    for (const k of keys4) {
      setBit(first4, k);
      heads.set(k, [...(heads.get(k) ?? []), lit]);
    }
    if (lit.length >= 3) first3[bitKey(lit, 0)] = 1;
    else {
      // a term with a short literal head: every third letter is possible
      const head = (lit || t).slice(0, 2);
      for (let c = 0; c < 32; c++) first3[((head.charCodeAt(0) & 31) << 10) | ((head.charCodeAt(1) & 31) << 5) | c] = 1;
    }
  }
  const re = new RegExp("(?:" + terms.join("|") + ")(?![\\wåäö])", "iy");
  return { re, first3, first4, heads, threeWords: three, three: new HashSetFilter(three, 12), minWord };
}
const HEALTH = compileTerms(HEALTH_TERMS);
const SPECIAL = compileTerms(SPECIAL_TERMS);
const SOCIAL_CASE = compileTerms(SOCIAL_CASE_TERMS);

/** the term lists, in bit order: 0 health, 1 special categories, 2 social services' case facts */
const BOTH = [HEALTH, SPECIAL, SOCIAL_CASE];
/** per three-letter key, bit k set when term list k has a term starting so (one lookup rejects most words) */
const BOTH_FIRST3 = (() => {
  const t = new Uint8Array(1 << 15);
  BOTH.forEach((tm, k) => { for (let i = 0; i < t.length; i++) if (tm.first3[i]) t[i] |= 1 << k; });
  return t;
})();
/** shorter words hold no match: they are refused on their length alone */
const MIN_WORD = Math.min(...BOTH.map((tm) => tm.minWord));
/** the three-letter words either list can start with: one lookup refuses most three-letter words */
const THREE_ANY = new HashSetFilter(BOTH.flatMap((tm) => tm.threeWords), 12);

type TermVisit = (k: number, s: number, e: number, w: string) => void;

/**
 * one pass over the words: the matches of both term lists go to `visit`, the ends of the words an
 * ICD code may end in go to `codes`, and (when asked for) the words that may be a secrecy phrase's
 * keyword to `keywords`. The gates read as little of the text as they can: the word's length
 * first, then for a three-letter word its hash (computed by tokenize; a word outside Latin-1 has
 * none and goes to the regexes), and only for longer words their first letters.
 */
function scanWords(text: string, words: Words, visit: TermVisit, codes: number[], keywords: number[] | null): void {
  const ws = words.s, we = words.e, wh = words.h, n = words.n;
  for (let i = 0; i < n; i++) {
    const s = ws[i], e = we[i], len = e - s;
    // "F43.8": the code's digits and dot lie between its letter's word and the next word
    if ((i + 1 < n ? ws[i + 1] : text.length) - e >= 4 && isDigitAt(text, e)) codes.push(e);
    if (len < MIN_WORD) continue;
    if (len === 3 && MIN_WORD === 3) {
      const h = wh[i];
      if (!THREE_ANY.mayHave(h)) continue;
      if (HEALTH.three.mayHave(h)) tryTerms(text, 0, s, visit);
      if (SPECIAL.three.mayHave(h)) tryTerms(text, 1, s, visit);
      if (SOCIAL_CASE.three.mayHave(h)) tryTerms(text, 2, s, visit);
      continue;
    }
    const k3 = bitKey(text, s);
    if (keywords && len >= 6 && PHRASE_KEYS.includes(k3)) keywords.push(i);
    const lists = BOTH_FIRST3[k3];
    if (lists === 0) continue;
    const k4 = (k3 << 5) | (text.charCodeAt(s + 3) & 31);
    if ((lists & 1) !== 0 && mayStart(HEALTH, text, s, k4)) tryTerms(text, 0, s, visit);
    if ((lists & 2) !== 0 && mayStart(SPECIAL, text, s, k4)) tryTerms(text, 1, s, visit);
    if ((lists & 4) !== 0 && mayStart(SOCIAL_CASE, text, s, k4)) tryTerms(text, 2, s, visit);
  }
}

/** a term of the list may start at s: its four-letter key `k4` is one of theirs and the text begins with one's head */
function mayStart(tm: TermMatcher, text: string, s: number, k4: number): boolean {
  return hasBit(tm.first4, k4) && startsWithAny(text, s, tm.heads.get(k4)!);
}

/** the text at s begins with one of the lowercase heads, case-insensitively (any character past Latin-1 may match) */
function startsWithAny(text: string, s: number, heads: string[]): boolean {
  for (const h of heads) {
    let j = 0;
    for (; j < h.length; j++) {
      const c = text.charCodeAt(s + j);
      if (c <= 0xff && lowerLatin1(c) !== h.charCodeAt(j)) break;
    }
    if (j === h.length) return true;
  }
  return false;
}

/** the terms of list k at word start s */
function tryTerms(text: string, k: number, s: number, visit: TermVisit): void {
  const re = BOTH[k].re;
  re.lastIndex = s;
  const m = re.exec(text);
  if (m) visit(k, s, s + m[0].length, m[0]);
}

/** secrecy markings and references */
const OSL = /\d{1,2}\s?kap\.?\s?\d{1,2}\s?[a-z]?\s?§\s?(?:(?:första|andra|tredje|fjärde|femte|1|2|3|4|5)\s?st(?:ycket|\.)?\s)?(?:\d{1,2}\s?p\.?\s)?(?:OSL|offentlighets- och sekretesslagen|sekretesslagen)|\bOSL\s\d{1,2}:\d{1,2}/gi;
const MARKING = /(?:SEKRETESS(?:BELAGD|BELAGT)?|KONFIDENTIELL[AT]?|HEMLIG[AT]?|STRICTLY CONFIDENTIAL|CONFIDENTIAL|TOP SECRET|SECRET|INTERNAL ONLY|ENDAST FÖR INTERNT BRUK|Sekretess enligt|Sekretessbelagd|Konfidentiell[at]?|Confidential|Strictly confidential|Hemlig[at]?)(?![\wåäö])/g;
const CLASS = /(?<![\wåäö])(?:informationsklass(?:ning)?|klass(?:ning|ad|at|ade)?|konfidentialitet(?:snivå)?|skyddsnivå|sekretessnivå)\s?:?\s?(?:K|k)[2-4](?![\w])|(?<![\wåäö])K[2-4]\s?[-–(]\s?(?:känslig|konfidentiell|sekretess|hemlig|skyddsvärd)/gi;
const PROTECTED = /(?<![\wåäö])(?:skyddade personuppgifter|skyddad identitet|sekretessmarkering|kvarskrivning|kvarskriven|fingerade personuppgifter)(?![\wåäö])/gi;
const SECRET_PHRASE = /(?<![\wåäö])(?:(?:ärendet|uppgifterna|handlingen|handlingarna|dokumentet|utredningen|informationen|detta|följande|protokollet|bilagan|texten|anbuden|anbudet|anbudsunderlaget|journalen|anteckningen|anmälan|orosanmälan|yttrandet|beslutet|mejlet|underlaget)\s(?:nedan\s)?(?:omfattas av|är belagd med|är belagda med|är under|faller under)\s(?:sträng\s|absolut\s)?sekretess|(?:är|is)\s(?:strikt\s|strictly\s|mycket\s|highly\s)?(?:konfidentiell[at]?|confidential|hemlig[at]?|sekretessbelagd[at]?))(?![\wåäö])/iy;
// What finding the phrases from their keywords (secretPhrases) relies on; change it with the regex:
// a match ends in its keyword (sekretess, konfidentiell, confidential, hemlig, sekretessbelagd) after a
// whitespace and one of these words ...
const PHRASE_WORD_BEFORE = ["är", "is", "strikt", "strictly", "mycket", "highly", "av", "med", "under", "sträng", "absolut"];
// ... and starts at most 46 characters before the keyword ("anbudsunderlaget nedan är belagda med absolut "),
// a bound given some room here
const PHRASE_LEAD = 64;
/** bitKey of the keywords' first three letters: the words a keyword may start */
const PHRASE_KEYS = ["sek", "kon", "con", "hem"].map((w) => bitKey(w, 0));

/** references to a particular person: pronouns, roles with the definite article, "my …" */
const PERSON_REF = /(?<![\wåäö])(?:han|hon|hen|hans|hennes|henne|honom|jag|mig|min|mitt|mina|he|she|his|her|him|i'm|i've|my|me|eleven|elevens|brukaren|brukarens|patienten|patientens|klienten|klientens|sökanden|sökandens|medarbetaren|medarbetarens|den anställde|den anställda|barnet|barnets|mamma|mamman|mammans|pappa|pappan|pappans|dottern|sonen|familjen|kollegan|vårdnadshavaren|hyresgästen|kunden|anhörig\w*|maken|makan|frun|mannen|our client|the client|the patient|the employee|the applicant|the child|the student|the tenant|my (?:son|daughter|mother|father|wife|husband|colleague|manager)|min kollega|vår kollega|our colleague|pojken|pojkens|flickan|flickans|kvinnan|kvinnans|damen|damens|herren|tjejen|killen|grannen|läraren|deltagaren|studenten|tonåringen|ungdomen|den boende|den äldre|the man|the woman|the boy|the girl|the resident|the pupil|the service user)(?![\wåäö])/gi;

/**
 * someone described, not named: a person noun with a detail that singles them out ("en brukare på
 * Solgården, 87 år", "eleven i 7B", "en 45-årig man", "kvinnan i lägenhet 4B", "min kollega på ekonomi")
 */
const PERSON_NOUN = "(?:brukare|brukaren|elev|eleven|patient|patienten|klient|klienten|kvinna|kvinnan|man|mannen|pojke|pojken|flicka|flickan|dam|damen|anställd|anställde|kollega|kollegan|medarbetare|medarbetaren|hyresgäst|hyresgästen|boende|sökande|sökanden|deltagare|deltagaren|tjej|kille|granne|grannen|resident|pupil|patient|client|woman|man|boy|girl|employee|colleague|tenant|applicant)";
const DESCRIBED = new RegExp(
  `(?<![\\p{L}])(?:(?:en|ett|a|an|min|vår|our|my)\\s+(?:\\d{1,3}-årig\\s+|\\d{1,3}-year-old\\s+|äldre\\s+|ung\\s+|elderly\\s+|young\\s+)?${PERSON_NOUN}|${PERSON_NOUN})(?![\\p{L}])` +
    `[^.!?\\n]{0,40}?(?:,\\s*\\d{1,3}\\s*(?:år|years)|\\d{1,3}-årig|\\d{1,3}-year-old|\\s(?:i|in)\\s+(?:klass\\s+)?\\d{1,2}\\s?[A-Da-dA-ÖÅÄÖ]?(?![\\p{L}\\d])|\\s(?:i|in)\\s+(?:rum|lägenhet|room|flat|apartment)\\s+\\w+|\\s(?:på|at|from)\\s+(?:avdelning\\s+\\w+|[A-ZÅÄÖ][\\p{L}-]+)|\\s(?:i|på)\\s+\\d{1,3}-årsåldern)`,
  "u",
);
/** "en 45-årig man", "a 92-year-old woman": the age alone singles the person out */
const AGED_PERSON = new RegExp(`(?<![\\p{L}])(?:\\d{1,3}-årig|\\d{1,3}-year-old)\\s+${PERSON_NOUN}(?![\\p{L}])`, "u");

const WINDOW = 250;
/** a draft this short that identifies someone (a personnummer, a name) is about them throughout */
const WHOLE_DRAFT = 2500;
const IDENTIFIERS: ReadonlySet<string> = new Set(["PERSONNUMMER", "PERSON_NAME"]);

/** the sentence around [s, e): up to a sentence end or a blank line, at most 200 characters each way */
function sentenceAround(text: string, s: number, e: number): string {
  let a = s, b = e;
  while (a > 0 && s - a < 200) {
    const c = text[a - 1];
    if ((c === "." || c === "!" || c === "?") && (text[a] === " " || text[a] === "\n")) break;
    if (c === "\n" && (text[a - 2] === "\n" || a - 1 === 0)) break;
    a--;
  }
  while (b < text.length && b - e < 200) {
    const c = text[b];
    if ((c === "." || c === "!" || c === "?") && (b + 1 >= text.length || text[b + 1] === " " || text[b + 1] === "\n")) break;
    if (c === "\n" && text[b + 1] === "\n") break;
    b++;
  }
  return text.slice(a, b);
}

/**
 * the category word concerns someone: an identifier of a person close by, or a reference to a
 * particular person ("hon", "eleven", "my", "I") in the same sentence
 */
/** a share, count or average of people ("Andel boende med demensdiagnos: 71 %"): statistics, about no one */
const STATISTIC = /^[\s\-•*–]*(?:andel(?:en)?|antal(?:et)?|genomsnitt\p{L}*|medelvärde\p{L}*|the share of|share of|the number of|number of|proportion of|percentage of|average)(?![\p{L}])/iu;

function nearPerson(text: string, s: number, e: number, persons: Finding[]): boolean {
  for (const p of persons) if (p.end >= s - WINDOW && p.start <= e + WINDOW) return true;
  const win = sentenceAround(text, s, e);
  // the health word's own line or sentence opens as a statistic
  // (read back at most 200 characters: a sentence, and bounded work however many health words a draft holds)
  const from = Math.max(0, s - 200);
  const lead = text.slice(from, s);
  if (STATISTIC.test(lead.slice(Math.max(lead.lastIndexOf("\n"), lead.lastIndexOf(". ") + 1, lead.lastIndexOf("? ") + 1) + 1))) return false;
  PERSON_REF.lastIndex = 0;
  return PERSON_REF.test(win) || DESCRIBED.test(win) || AGED_PERSON.test(win) || /(?:^|[^\wåäöÅÄÖ])I(?:'m|'ve| am| have| was| had|[^\w'åäöÅÄÖ]|$)/.test(win) && /\b(?:the|and|my|is|am|have|was)\b/i.test(win);
}

/**
 * health words the term list cannot reach: Swedish compounds whose last part is one ("lungcancer",
 * "urinvägsinfektion", "huvudvärk"), words it lacks, and common health words of the other languages
 * staff meet in their cases (Finnish, Somali, English; Arabic below). Lowercase; tails and stems.
 */
const HEALTH_TAILS = ["cancer", "tumör", "infektion", "inflammation", "sjukdom", "diagnos", "fraktur", "allergi", "diabetes", "missbruk", "beroende",
  "värk", "smärta", "smärtor", "syndrom", "depression", "ångest", "psykos", "demens", "epilepsi", "astma", "skleros", "ätstörning", "sömnstörning"];
/** compounds ending in a tail that are no health word ("räkenskapsår", "verksamhetsår": -s + år) */
const TAIL_EXCEPTIONS = /(?:inter|sam|ömsesidigt|ekonomiskt)beroende$|(?:prestations)ångest$/;
const TAIL_ENDINGS = ["", "en", "er", "erna", "et", "ar", "arna", "n"];
const HEALTH_STEMS = [
  // Swedish words the list lacks (weak ones: WEAK_HEALTH)
  "sjukhus", "trycksår", "liggsår", "bensår", "blåmärk", "antabus", "inhalator", "återfall", "alkohol", "demenssjuk", "cancersjuk",
  // Finnish
  "muistisairau", "sokeritau", "syöpä", "syövä", "masennu", "ahdistu", "epilepsia", "sydänkohtau", "aivoinfarkt", "aivohalvau", "sairausloma", "sairaala",
  "mielenterveys", "dementia", "diabete", "verenpainetau", "keuhkoahtaum", "alkoholismi", "päihdeongelm", "raskaana", "sairastu", "sairaus",
  // Somali
  "sonkorow", "sonkorta", "kansar", "neefta", "xanuun", "cudur", "isbitaal", "daawo", "dhakhtar",
  // English words the list lacks
  "relapse", "alcoholic", "addiction", "addicted", "overdose", "stroke", "dementia", "alzheimer", "epilep", "bruis",
];
/** Arabic health words, with the article and a clinging conjunction or preposition ("والربو", "بالسكري") */
const ARABIC_HEALTH = /(?<![\u0600-\u06ff])(?:[وبفل])?(?:ال)?(?:ربو|سكري|سرطان|اكتئاب|خرف|صرع|زهايمر|مستشفى|مرض|الزهايمر)(?:[\u0600-\u06ff]{0,3})(?![\u0600-\u06ff])/g;

/** the tails with their endings by the bitKey of their last three letters, the stems by that of their first three */
const TAIL_FORMS = new Map<number, Array<{ form: string; ending: number }>>();
for (const tail of HEALTH_TAILS) for (const end of TAIL_ENDINGS) {
  const form = tail + end;
  const key = bitKey(form, form.length - 3);
  TAIL_FORMS.set(key, [...(TAIL_FORMS.get(key) ?? []), { form, ending: end.length }]);
}
const STEMS_BY_HEAD = new Map<number, string[]>();
for (const st of HEALTH_STEMS) STEMS_BY_HEAD.set(bitKey(st, 0), [...(STEMS_BY_HEAD.get(bitKey(st, 0)) ?? []), st]);
/** the same keys as flags (a typed-array read per word is cheaper than a map look-up) */
const STEM_KEYS = new Uint8Array(1 << 15);
for (const k of STEMS_BY_HEAD.keys()) STEM_KEYS[k] = 1;
const TAIL_KEYS = new Uint8Array(1 << 15);
for (const k of TAIL_FORMS.keys()) TAIL_KEYS[k] = 1;

/** lowercase of an ASCII or Latin-1 letter's code (others as they are) */
function lowerAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c;
}
/** text[s, e) begins with the lowercase `head` (case-insensitively), read in place */
function beginsWith(text: string, s: number, e: number, head: string): boolean {
  if (e - s < head.length) return false;
  for (let j = 0; j < head.length; j++) if (lowerAt(text, s + j) !== head.charCodeAt(j)) return false;
  return true;
}
/** text[s, e) ends with the lowercase `tail`, read in place */
function endsWithAt(text: string, s: number, e: number, tail: string): boolean {
  if (e - s < tail.length) return false;
  for (let j = 1; j <= tail.length; j++) if (lowerAt(text, e - j) !== tail.charCodeAt(tail.length - j)) return false;
  return true;
}

/** health words of the tails, stems and Arabic list in the draft: visits each as the term scan does */
function otherHealthWords(text: string, words: Words, visit: TermVisit, arabic: boolean): void {
  const ws = words.s, we = words.e, n = words.n;
  for (let i = 0; i < n; i++) {
    const s = ws[i], e = we[i];
    if (e - s < 4) continue;
    // table look-ups and comparisons in place: a string is made only for a word that matches
    const hk = bitKey(text, s);
    const stems = STEM_KEYS[hk] ? STEMS_BY_HEAD.get(hk) : undefined;
    if (stems) {
      let stem = false;
      for (const st of stems) if (beginsWith(text, s, e, st)) { stem = true; break; }
      if (stem) {
        visit(0, s, e, text.slice(s, e).toLowerCase());
        continue;
      }
    }
    if (e - s < 7) continue;
    const tk = bitKey(text, e - 3);
    const forms = TAIL_KEYS[tk] ? TAIL_FORMS.get(tk) : undefined;
    let hit: { form: string; ending: number } | undefined;
    if (forms) for (const f of forms) if (e - s - f.form.length >= 3 && endsWithAt(text, s, e, f.form)) { hit = f; break; }
    if (hit) {
      const w = text.slice(s, e).toLowerCase();
      if (!TAIL_EXCEPTIONS.test(w.slice(0, w.length - hit.ending))) visit(0, s, e, w);
    } else if (e - s >= 12 && hasInfix(text, s, e)) {
      visit(0, s, e, text.slice(s, e).toLowerCase());
    }
  }
  if (!arabic) return;
  ARABIC_HEALTH.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ARABIC_HEALTH.exec(text))) visit(0, m.index, m.index + m[0].length, m[0]);
}

/** one of HEALTH_INFIXES inside text[s, e) (first letters compared before any string is made) */
function hasInfix(text: string, s: number, e: number): boolean {
  // a word starting with the diagnosis is the term list's or a stem's; one ending in it, a tail's
  for (let p = s + 3; p < e - 5; p++) {
    const c = lowerAt(text, p);
    if (c > 255 || INFIX_FIRST[c] === 0) continue;
    for (const inf of HEALTH_INFIXES) if (inf.charCodeAt(0) === c && p + inf.length <= e && beginsWith(text, p, e, inf)) return true;
  }
  return false;
}

/** diagnoses that keep their meaning inside any compound ("bröstcancerbehandling", "diabetesmottagningen") */
const HEALTH_INFIXES = ["cancer", "tumör", "diabet", "demens", "epilep", "leukemi", "lymfom", "schizofren", "cytostatika", "cellgift"];
/** per lowercase Latin-1 code: an infix starts with it */
const INFIX_FIRST = new Uint8Array(256);
for (const x of HEALTH_INFIXES) INFIX_FIRST[x.charCodeAt(0)] = 1;

/** weak health words that are usually about policy or statistics unless someone's identity is right there */
const WEAK_HEALTH = /^(?:sjukhus\w*|återfall\w*|alkohol\w*|xanuun\w*|cudur\w*|daawo\w*|sairaala\w*|sairaus\w*|مرض\w*|مستشفى|operation\w*|röntgen\w*|blodprov\w*|hospital\w*|sick|ill|injur\w*|infektion\w*|infection|utslag|rash|blind\w*|döv\w*|deaf|kol|inr|flu|förvirrad\w*|roma|sami|sjuk|sjuka|sjukdom\w*|läkarintyg\w*|diagnos\w*|medicin\w*|läkemedel\w*|rehabilitering\w*|terapi\w*|therapy|illness|medication|disability|religion\w*|etnisk\w*|ethnic\w*|genetisk\w*|genetic|biometri\w*|fängelse\w*|åtal\w*|stöld\w*|bedrägeri\w*|kriminell\w*|psykolog\w*)$/i;

/** `triggers`: triggersOf(text), when the caller has it already */
export function detectCategories(text: string, sink: Sink, toks: Words, persons: Finding[], triggers = triggersOf(text)): void {
  let m: RegExpExecArray | null;
  const identified = persons.length > 0;
  const codes: number[] = [];
  const keywords = triggers & TRIGGER.SECRET_PHRASE ? [] : null;
  const visit: TermVisit = (k, s, e, w) => {
    const type = k === 0 ? "HEALTH" : k === 1 ? "SPECIAL_CATEGORY" : "SECRECY";
    const weak = WEAK_HEALTH.test(w);
    const near = weak
      ? persons.some((p) => p.end >= s - WINDOW && p.start <= e + WINDOW)
      : nearPerson(text, s, e, persons) || (text.length <= WHOLE_DRAFT && persons.some((p) => IDENTIFIERS.has(p.type)));
    if (!near) return;
    sink.add(type, s, e, weak ? 0.7 : identified ? 0.9 : 0.75,
      `${type === "HEALTH" ? "health" : type === "SECRECY" ? "social services case" : "special-category"} word '${w.slice(0, 40)}' about a person`);
  };
  scanWords(text, toks, visit, codes, keywords);
  otherHealthWords(text, toks, visit, (triggers & TRIGGER.ARABIC) !== 0);
  // an ICD code's letter ends a word that a digit follows: only those places are tried
  for (const e of codes) {
    const p = e - 1;
    const c = text.charCodeAt(p);
    if (c < 65 || c > 90 || c === 85) continue; // [A-TV-Z]
    ICD.lastIndex = p;
    if (!(m = ICD.exec(text))) continue;
    if (!/diagnos|icd|sjukskriv|intyg|för\s*$/i.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
    if (!nearPerson(text, m.index, m.index + m[0].length, persons)) continue;
    sink.add("HEALTH", m.index, m.index + m[0].length, 0.85, "diagnosis code");
  }
  // the marking regexes run only when the one keyword scan (triggersOf) found their words
  OSL.lastIndex = 0;
  if (triggers & TRIGGER.OSL) while ((m = OSL.exec(text))) sink.add("SECRECY", m.index, m.index + m[0].length, 0.95, "reference to the Public Access to Information and Secrecy Act (OSL)");
  MARKING.lastIndex = 0;
  if (triggers & TRIGGER.MARKING) while ((m = MARKING.exec(text))) {
    const w = m[0];
    if (isLetterAt(text, m.index - 1) || isLetterAt(text, m.index + w.length)) continue;
    const upper = w === w.toUpperCase();
    // title-case markings count at the start of a line or before a colon/dash ("Konfidentiell – …", "Confidential:")
    const ls = text.lastIndexOf("\n", m.index - 1) + 1;
    const lineStart = text.slice(ls, m.index).trim() === "" || /^[\s[(*#>-]*$/.test(text.slice(ls, m.index));
    const follow = text.slice(m.index + w.length, m.index + w.length + 4);
    if (!upper && !(lineStart && /^\s?(?:[-–:|]|$|\n|\s*\n|\s[a-zåäö])/.test(follow + "\n"))) continue;
    if (upper && w.length <= 6 && !lineStart && !/^\s?[-–:]/.test(follow)) continue; // "SECRET" inside a sentence in caps
    sink.add("SECRECY", m.index, m.index + w.length, 0.9, `marking '${w}'`);
  }
  CLASS.lastIndex = 0;
  if (triggers & TRIGGER.CLASS) while ((m = CLASS.exec(text))) sink.add("SECRECY", m.index, m.index + m[0].length, 0.85, "information classification above open (K2–K4)");
  PROTECTED.lastIndex = 0;
  if (triggers & TRIGGER.PROTECTED) while ((m = PROTECTED.exec(text))) {
    const s = m.index, e = s + m[0].length;
    const lead = text.slice(Math.max(0, s - 40), s);
    // a heading ("Skyddad identitet – …") marks the draft itself
    const heading = /(?:^|\n)[\s*#>-]*$/.test(lead);
    if (!heading && !/(?:har|med|hennes|hans|familjens|barnets|mammans|pappans|mamman|pappan|personen|sökanden|eleven|has|with)\s+(?:\w+\s)?$/i.test(lead)) continue;
    sink.add("SECRECY", s, e, 0.9, "a person with protected identity");
  }
  if (keywords) secretPhrases(text, sink, toks, keywords);
  if (triggers & TRIGGER.WEAKNESS) securityWeakness(text, sink);
  if (triggers & TRIGGER.RESTRICTED) restrictedCircle(text, sink);
}

/** "får inte spridas utanför ledningsgruppen", "do not circulate outside the engagement team": kept to a closed circle
 * (the verbs are TRIGGER.RESTRICTED's words: "delas", "forward" and "share" are too common to scan for) */
const RESTRICTED = /(?<![\p{L}])(?:(?:får|ska|bör|skall)\s+inte\s+(?:spridas|vidarebefordras)\s+(?:vidare\s+)?(?:utanför|till\s+(?:någon|andra|obehöriga|media|externa))|(?:do\s+not|don't|must\s+not|may\s+not|not\s+to\s+be|please\s+don't)\s+(?:circulate|disclose)\p{L}*\s+(?:\p{L}+\s+){0,2}?(?:outside|beyond|externally|to\s+anyone))/iu;

function restrictedCircle(text: string, sink: Sink): void {
  const m = RESTRICTED.exec(text);
  if (m) sink.add("SECRECY", m.index, m.index + m[0].length, 0.8, "text restricted to a closed circle");
}

/** a security weakness named ("sårbarhet", "authentication bypass", "CVE-2024-…") … */
const WEAKNESS = /(?<![\p{L}])(?:sårbarhet\p{L}*|säkerhetshål\p{L}*|säkerhetsbrist\p{L}*|vulnerabilit\p{L}*|authentication bypass|exploit\p{L}*|zero-day|CVE-\d{4}-\d{3,7})/giu;
/** … and said to be open still ("inte åtgärdad", "unpatched", "reachable from the internet"): details an attacker could use, under secrecy */
const UNFIXED = /(?<![\p{L}])(?:inte\s+(?:är\s+|blivit\s+|har\s+)?(?:åtgärdad|åtgärdat|patchad|patchat|fixad|fixat|lagad|uppdaterad|installerad)\p{L}*|oåtgärdad\p{L}*|opatchad\p{L}*|öppen\s+mot\s+internet|nåbar\s+från\s+internet|unpatched|not\s+(?:yet\s+)?(?:been\s+)?(?:fixed|patched|applied|remediated|installed)|has\s+not\s+been\s+(?:applied|fixed|patched)|reachable\s+from\s+the\s+internet|exposed\s+to\s+the\s+internet|still\s+runs)(?![\p{L}])/iu;


function securityWeakness(text: string, sink: Sink): void {
  WEAKNESS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WEAKNESS.exec(text))) {
    const around = text.slice(Math.max(0, m.index - 300), m.index + m[0].length + 300);
    if (!UNFIXED.test(around)) continue;
    sink.add("SECRECY", m.index, m.index + m[0].length, 0.8, "a security weakness still open, described");
    return;
  }
}

/**
 * SECRET_PHRASE found from its keywords instead of a scan of the whole text. `keywords`: the words
 * that may start one (scanWords), in text order. Only a keyword after one of PHRASE_WORD_BEFORE can
 * end a phrase; then the places up to PHRASE_LEAD before it are tried in order, each at or after the
 * end of the previous match. That finds the whole-text scan's matches: each one is the leftmost
 * match after the previous, and it starts in the places tried for its own keyword (or an earlier one).
 */
function secretPhrases(text: string, sink: Sink, words: Words, keywords: number[]): void {
  let floor = 0;
  for (const k of keywords) {
    const q = words.s[k];
    if (k === 0 || words.e[k - 1] !== q - 1 || !endsWithAny(text, q - 1, PHRASE_WORD_BEFORE)) continue;
    for (let i = Math.max(floor, q - PHRASE_LEAD); i <= q; i++) {
      // a phrase starts with a letter after no word character (its lookbehind): most places are refused here
      if (!isLetterAt(text, i) || isPhraseWordAt(text, i - 1)) continue;
      SECRET_PHRASE.lastIndex = i;
      const m = SECRET_PHRASE.exec(text);
      if (!m) continue;
      floor = i + m[0].length;
      sink.add("SECRECY", i, floor, 0.8, "text described as secret or confidential");
      break;
    }
  }
}

/** a character of SECRET_PHRASE's lookbehind class [\wåäö] (case-insensitive) at i */
function isPhraseWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ||
    c === 0xe5 || c === 0xe4 || c === 0xf6 || c === 0xc5 || c === 0xc4 || c === 0xd6;
}

/** the text before `end` ends in one of the lowercase words, case-insensitively (any character past Latin-1 may match) */
function endsWithAny(text: string, end: number, words: string[]): boolean {
  return words.some((w) => startsWithAny(text, end - w.length, [w]));
}
