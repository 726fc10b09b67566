// A question read into the decision table's slots (policies/DECISIONS.md): is it asking
// whether something is allowed ("may") or required ("must"); which information, tool,
// use and duty it names. General Swedish and English vocabulary (stems, so inflections
// and compounds meet), plus the draft reviewer run on the question itself: a personnummer,
// a person's name or a diagnosis in a question is personal or sensitive data.
import { reviewDraft } from "../../review";
import placeList from "../../review/lists/places";

const PLACES = new Set(placeList.split("|"));
import type { Ask, Duty, InfoKind, InfoTerms, ToolKind, Use } from "./schema";

export interface QuestionSlots {
  /** undefined: not a yes/no question (who, what, how …) */
  ask?: Ask;
  /** the question names AI, a tool or generative AI in general ("ett AI-system") */
  namesAi: boolean;
  info: Set<InfoKind>;
  tool: Set<ToolKind>;
  use: Set<Use>;
  duty: Set<Duty>;
}

type Lexicon<T extends string> = Array<[T, RegExp]>;

// \b does not know å/ä/ö: word starts are "not preceded by a letter"
const W = "(?<![\\p{L}\\p{N}])";
// å/ä/ö also match a/a/o: many type without them ("ar det ok att anvanda …")
const rx = (body: string) => new RegExp(`${W}(?:${body.replace(/å/g, "[åa]").replace(/ä/g, "[äa]").replace(/ö/g, "[öo]")})`, "iu");

/** a question opening with an interrogative is a who/what/how question, whatever modal follows */
const WH_OPENING = rx("vem|vilk(?:en|et|a)|vad|hur|var(?:för|ifrån)?|när|who|whom|whose|what|which|how|where|when|why");
const WH_START = new RegExp(`(?:^|[,.;:!?]\\s*)${WH_OPENING.source}\\s+\\p{L}+\\s+(?:jag|vi|man|du|ni|i|we|you)(?![\\p{L}])|^\\s*${WH_OPENING.source}`, "iu");

const MUST = rx(
  "måste|behöver|bör\\s+(?:jag|vi|man|du|ni)|ska(?:ll)?\\s+(?:det|detta|den|de|dom)\\s|is\\s+it\\s+necessary|necessary\\s+to|ska(?:ll)?\\s+(?:jag|vi|man|du|ni)|krävs|kräver|är\\s+det\\s+(?:ett\\s+)?krav|obligatorisk|need(?:s)?\\s+to|do\\s+(?:i|we|you)\\s+(?:need|have)|have\\s+to|has\\s+to|must|required|requirement|should\\s+(?:i|we)|am\\s+i\\s+(?:required|obliged)",
);
const MAY = rx(
  "vore\\s+det\\s+(?:ok|okej|möjligt|tillåtet)|funkar\\s+det|går\\s+det\\s+bra|(?:ok|okej)\\s*\\?|would\\s+it\\s+be\\s+(?:ok|okay|fine|allowed)|is\\s+(?:that|this)\\s+(?:ok|okay|allowed|fine)|får|få\\s+(?:jag|vi|man)|kan\\s+(?:jag|ja|vi|man|du|ni)(?![\\p{L}])|går\\s+det|är\\s+det\\s+(?:ok|okej|tillåtet|förbjudet|fritt|lugnt|i\\s+sin\\s+ordning)|tillåt|förbjud|okej\\s+att|ok\\s+att|may\\s+(?:i|we)|can\\s+(?:i|we|you|staff)|could\\s+(?:i|we)|allowed|permitted|is\\s+it\\s+(?:ok|okay|fine|alright|forbidden|prohibited)|forbidden|prohibited|am\\s+i\\s+allowed",
);

const DUTY: Lexicon<Duty> = [
  ["approval", rx("stämma\\s+av|check\\s+with|godkän|tillstånd|lov\\b|medgivande|klartecken|approv|permission|sign-?off|authoris|authoriz")],
  ["label", rx("skriva\\s+(?:nåt|något|någonting)|säga\\s+(?:till|att)|märk|bildtext|ange\\s+att|uppge\\s+att|skriva\\s+(?:ut\\s+)?att|tala\\s+om|berätta|upplys|(?:vara\\s+)?öppen\\s+med|transparen|label|caption|disclos|watermark|vattenstämp|be\\s+open\\s+about|tell\\s+(?:them|the|my|our|readers|people)")],
  ["check-output", rx("läsa\\s+igenom|gå\\s+igenom|korrekturläs|read\\s+(?:it\\s+)?through|granska|kontroller|faktagransk|dubbelkoll|verifier|källkritisk|check|review|verify|fact-?check|proofread")],
  ["risk-analysis", rx("riskanalys|riskbedömning|konsekvensanalys|risk-\\s+och\\s+konsekvens|dpia|risk\\s+(?:assessment|analysis)|impact\\s+assessment")],
  ["report", rx("rapporter|anmäl|incident|avvikelse|report|notify")],
  ["document", rx("stå\\s+(?:nån|någon)stans|framgå|dokumenter|diarieför|anteckn|journalför|notera|skriva\\s+ut\\s+(?:det|att|vilket)|ange\\s+(?:det|vilket|att)|redovisa|document|record\\s+(?:it|that|the)|note\\s+(?:it|that|down)|state\\s+(?:it|that|which)")],
  ["training", rx("utbildning|kurs\\b|fortbildning|training|course")],
];

const INFO: Lexicon<InfoKind> = [
  [
    "personal",
    rx(
      "personuppgift|persondata|person(?:num+er|nr)|samordningsnummer|personlig(?:a)?\\s+(?:uppgift|information|data)|namn(?:et|en|lista)?(?![\\p{L}])|adress|telefonnummer|mobilnummer|e-?postadress|mejladress|elev|patient|brukar|klient(?!data)|vårdnadshavar|förälder|föräldrar|invånar|medborgar|sökande|anställd|medarbetar(?:e|na|nas|es)|personalen|kollegas|löne\\p{L}+|cv(?![\\p{L}])|journal|personakt|personal\\s+data|personally|names?(?![\\p{L}])|address(?:es)?(?![\\p{L}])|phone\\s+numbers?|pupils?|students?(?![\\p{L}])|patients?|clients?(?:'s)?\\s+(?:name|details|case)|employees?|staff\\s+(?:member|list|data)|applicants?|citizens?|residents?|children|barn(?:en|ens|s)?(?![\\p{L}])|\\p{L}*(?:anmälan|ansökan|ansökningar|utredning|journal|personakt)|ärendet|ärenden\\s+om|bistånd|försörjningsstöd|hemtjänst|omsorg|vårdplan|genomförandeplan|åtgärdsprogram|betyg|omdöme|provresultat|frånvaro|medarbetarsamtal|personalärende|löner?(?![\\p{L}])|lönen|klagomål\\s+från|(?:mejl|brev|svar)\\s+(?:från|till)\\s+en\\s+(?:medborgare|invånare|förälder|kund|elev|brukare|patient)|om\\s+en\\s+(?:elev|patient|brukare|kund|kollega|medarbetare|person|anställd|invånare)|case\\s+files?|applications?\\s+(?:for|from)|complaints?\\s+from|performance\\s+review|salar(?:y|ies)|payroll|grades|absence|welfare",
    ),
  ],
  [
    "special",
    rx(
      "hälso|hälsa|sjuk|diagnos|läkarintyg|rehab|psykisk|psykiatri|beroende|elevhälsa|lvu(?![\\p{L}])|lvm(?![\\p{L}])|brott|dom(?:en)?\\s+mot|sick|mental\\s+health|addiction|criminal|child\\s+protection|medicin|läkemedel|funktionsneds|missbruk|etnisk|religi|politisk|sexuell|fackligt|fackmedlem|biometri|genetisk|känsliga\\s+personuppgifter|särskilda\\s+kategorier|health|medical|illness|disabilit|ethnic|religio|political|sexual|trade\\s+union|biometric|genetic|sensitive\\s+personal|special\\s+categor",
    ),
  ],
  ["secret", rx("sekretess|hemlig|konfidentiell|säkerhetsskydd|skyddsklass|affärskritisk|affärshemlig|känslig(?:a)?\\s+(?:information|uppgifter|data|material)|secret|confidential|classified|business-critical|trade\\s+secret|sensitive\\s+(?:information|data|material)")],
  ["customer", rx("kund|uppdragsgivar|beställar|offert|customer|client(?:s|'s)?(?!\\s+(?:name|details|case))")],
  ["internal", rx("intern(?:a|t)?(?![\\p{L}])|internal(?![\\p{L}])|(?:utkast|förslag(?:et)?)\\s+till|verksamhetsplan|innan\\s+(?:det|den|de|dom)\\s+(?:blir|är|har\\s+blivit)\\s+(?:offentlig|publicera)\\p{L}*|draft\\s+(?:of|for)\\s+(?:the|our|a)|proposal|before\\s+(?:it|they)\\s+(?:is|are)\\s+(?:public|published)|ej\\s+offentlig|inte\\s+offentlig|inte\\s+publicerat?\\s+än|opublicerad|budget|strategi|ledningsgrupp|avtal(?:et|sutkast)?(?![\\p{L}])|mötesanteckning|draft\\s+budget|unpublished|not\\s+(?:yet\\s+)?published|meeting\\s+notes|strategy|contract")],
  ["open", rx("öppen\\s+information|öppna\\s+uppgifter|(?:redan\\s+)?(?:ligger|finns|är)\\s+(?:redan\\s+)?(?:ute\\s+|publicera\\p{L}*\\s+)?på\\s+(?:kommunens\\s+|vår\\s+|den\\s+|företagets\\s+)?(?:externa\\s+|öppna\\s+)?(?:webb(?:en|plats(?:en)?)?|hemsida(?:n)?|externwebb(?:en)?)|ska\\s+(?:ut|läggas\\s+ut|publiceras)\\s+på\\s+(?:hemsidan|webben|webbplatsen|nätet)|redan\\s+(?:ligger\\s+ute|är\\s+ute|(?:är\\s+|har\\s+blivit\\s+)?publicera\\p{L}*|offentlig\\p{L}*)|already\\s+(?:on|public|published|online|out)|on\\s+(?:our|the)\\s+(?:public\\s+)?website|(?<!(?:inte|ej|innan\\s+(?:det|den|de|dom)\\s+(?:blir|är))\\s+)offentlig|allmän\\s+handling|allmänna\\s+handlingar|publicerad|redan\\s+publicer|public\\s+information|publicly\\s+available\\s+(?:information|data|text)|open\\s+(?:data|information)|already\\s+published|press\\s*release|pressmeddelande")],
  ["copyright", rx("upphovsrätt|copyright|i\\s+\\p{L}+s\\s+stil|efterlikn|härma|imitat|in\\s+the\\s+style\\s+of|in\\s+\\p{L}+'s\\s+style|någon\\s+annans\\s+(?:text|bild|verk)|someone\\s+else'?s\\s+(?:text|image|work)")],
  ["images-of-people", rx("(?:foto|fotografi|bild|porträtt)(?:er|n|na)?\\s+(?:av|på)\\s+(?:en\\s+|ett\\s+|min\\s+|mitt\\s+|mina\\s+|vår\\s+|våra\\s+)?(?:person|kollega|elev|kund|anställd|medarbetare|barn|mig|oss|människ|folk|chef)|porträtt|ansikte|verklig(?:a)?\\s+(?:plats|person|miljö)|photos?\\s+of\\s+(?:a\\s+)?(?:person|colleague|pupil|customer|employee|child|me|us|people)|likeness|real\\s+(?:person|people|place)")],
  ["code", rx("källkod|programkod|kod(?:en)?(?![\\p{L}])|skript|script|source\\s+code|code(?![\\p{L}])")],
];

const TOOL: Lexicon<ToolKind> = [
  ["copilot", rx("(?:m365|microsoft\\s*365|office|teams|word|outlook|excel)[-\\s]*copilot|copilot\\s*(?:i|in|för|for)?\\s*(?:m365|microsoft\\s*365|office|teams|word|outlook|excel)|copilot\\s+chat|copilot(?![\\p{L}])")],
  [
    "public",
    rx(
      "chat\\s*-?\\s*g(?:pt|tp|bt|ppt|p)(?![\\p{L}])|chatgpt|gpt-?\\d|openai|gemini|bard|claude|perplexity|deepseek|mistral|grok|midjourney|dall-?e|stable\\s+diffusion|deepl|google\\s+(?:translate|översätt)|allmänt\\s+tillgänglig|publik(?:a|t)?\\s+(?:ai|tjänst|verktyg|system)|öppn?(?:a|e)?\\s+ai|gratis(?:versionen)?|free\\s+(?:version|tool|ai)|public(?:ly)?\\s+(?:available\\s+)?(?:ai|tool|service|chatbot)|open\\s+ai\\s+(?:tool|service)|chatt?bot|chatbot|på\\s+nätet|webbläsartillägg|browser\\s+extension|plug-?in|online\\s+(?:ai|tool)|webbtjänst",
    ),
  ],
  ["approved", rx("godkän(?:d|da|t)\\s+(?:ai|verktyg|tjänst|system)|upphandlad|säker(?:a|t)?\\s+(?:ai|tjänst|verktyg|system)|vår(?:t|a)?\\s+egn?(?:a|et)?\\s+(?:ai|verktyg|system)|intern(?:a|t)?\\s+(?:ai|verktyg|system|modell)|lokal(?:a|t)?\\s+(?:ai|modell)|approved\\s+(?:ai|tool|service|system)|procured|secure\\s+(?:ai|tool|system)|in-house|our\\s+own\\s+(?:ai|tool|model)|internal\\s+(?:ai|tool|model)|local\\s+(?:ai|model)")],
  ["embedded", rx("inbyggd|integrerad|följer\\s+med|\\p{L}{3,}system(?:et)?(?![\\p{L}])|verksamhetssystem|ärendehanteringssystem|journalsystem|i\\s+systemet|built[-\\s]?in|integrated|case\\s+management\\s+system|business\\s+system")],
];

const USE: Lexicon<Use> = [
  ["paste", rx("klistra|mata\\s+in|matar\\s+in|ladda\\s+upp|laddar\\s+upp|lägga\\s+in|lägger\\s+in|dela|skicka\\s+in|stoppa\\s+in|köra\\s+in|paste|upload|enter|input|share|feed|put\\s+(?:it|them|\\w+)\\s+into")],
  ["summarise", rx("sammanfatt|sammanställ|summar|sum\\s+up")],
  ["translate", rx("översätt|translat")],
  ["draft", rx("skriv|formuler|utkast|författ|mejl|brev|texter|rapport|protokoll|write|draft|compose|email|letter")],
  ["images", rx("bild|illustration|foto|video|film|logotyp|affisch|image|picture|photo|illustrat|poster|dall-?e|midjourney")],
  ["decide", rx("(?<!-)beslut|besluta|bedöm|automatisk|urval|sortera\\s+(?:ansökningar|sökande)|ranka|rekryter|avgöra|bevilja|avslå|avslog|prioritera\\s+(?:bland|vilka|ärenden|sökande)|välja\\s+ut|handlägg|decision|decide|automat|assess|screen|rank|recruit|hiring|grant|reject|determine\\s+who")],
  ["publish", rx("publicer|lägga\\s+ut|hemsida|webbplats|sociala\\s+medier|intranät|skicka\\s+(?:det|den|dem|ut|iväg|vidare)|skicka\\s+\\p{L}+\\s+(?:direkt|rakt)|som\\s+(?:den|det)\\s+är(?![\\p{L}])|rakt\\s+av|as\\s+it\\s+is|publish|post\\s+(?:it|on)|website|social\\s+media|send\\s+(?:it|them)?\\s*(?:out|straight|directly)")],
  ["code", rx("programmer|kodning|koda(?![\\p{L}])|skriva\\s+kod|program|coding|write\\s+code|debug")],
  ["buy", rx("köp(?:a|er|te|t)?(?![\\p{L}])|köpa\\s+in|inköp|betala|prenumer|upphandl|beställ|licens|purchas|buy|subscri|pay\\s+for|procure")],
  ["use", rx("installer|install|använd|nyttja|jobba\\s+med|arbeta\\s+med|use|using|work\\s+with")],
];

const NAMES_AI = rx("ai(?![\\p{L}])|ai[-:]\\p{L}*|artificiell\\s+intelligens|generativ|språkmodell|chatbot|chattbot|language\\s+model");

const INFO_OPEN = INFO.find(([k]) => k === "open")![1];

/** the text with what `re` matches blanked out */
function blank(text: string, re: RegExp): string {
  return text.replace(new RegExp(re.source, "giu"), (m) => " ".repeat(m.length));
}

function scan<T extends string>(text: string, lexicon: Lexicon<T>): Set<T> {
  const out = new Set<T>();
  for (const [value, re] of lexicon) if (re.test(text)) out.add(value);
  return out;
}

/** is it a yes/no question, and about permission or obligation: the first modal decides */
/** "… so I can use it for X, right?": a statement of a permission, asked to be confirmed */
const TAG_PERMISSION = new RegExp(`${W}(?:i|we|jag|vi|man)\\s+(?:can|may|kan|får)(?![\\p{L}]).*(?:right|eller\\s+hur|va|correct|rätt|ok|okej)\\s*\\?\\s*$`, "iu");

export function askOf(question: string): Ask | undefined {
  if (WH_START.test(question)) return undefined;
  if (TAG_PERMISSION.test(question)) return "may";
  const must = MUST.exec(question);
  const may = MAY.exec(question);
  if (must && (!may || must.index < may.index)) return "must";
  return may ? "may" : undefined;
}

/** a place name written with a capital (not opening a sentence): "en bild av Vättern", "Kiruna" */
function namesRealPlace(text: string): boolean {
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}{2,})(?![\p{L}])/gu)) {
    const before = text.slice(0, m.index).trimEnd();
    if (before === "" || /[.!?:]$/.test(before)) continue;
    if (PLACES.has(m[1].toLowerCase())) return true;
  }
  return false;
}

/** the pack's own examples as word-start patterns (built once per pack) */
const termCache = new WeakMap<InfoTerms, Lexicon<InfoKind>>();
function termLexicon(terms: InfoTerms): Lexicon<InfoKind> {
  let lex = termCache.get(terms);
  if (!lex) {
    const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    lex = Object.entries(terms).map(([k, words]) => [k as InfoKind, rx((words ?? []).map(esc).join("|"))]);
    termCache.set(terms, lex);
  }
  return lex;
}

/** "utan några kunduppgifter", "inga personuppgifter", "without any personal data": named to say it is absent */
const ABSENT = rx("(?:utan|inga|inget|ingen|inte\\s+några|without|no)\\s+(?:några\\s+|någon\\s+|något\\s+|any\\s+)?\\p{L}+(?:\\s+(?:data|uppgifter|information))?");

export function readQuestion(question: string, terms: InfoTerms = {}): QuestionSlots {
  const text = question.normalize("NFC");
  const present = blank(text, ABSENT);
  const info = scan(present, INFO);
  for (const k of scan(present, termLexicon(terms))) info.add(k);
  // what the draft reviewer finds in the question itself
  // AI products are no people ("Gemini", "Claude"): the reviewer reads the question without them
  let withoutTools = text;
  for (const [, re] of TOOL) withoutTools = blank(withoutTools, re);
  for (const f of reviewDraft(withoutTools).findings) {
    if (f.type === "HEALTH" || f.type === "SPECIAL_CATEGORY") info.add("special");
    else if (f.type === "SECRECY" || f.type === "CREDENTIAL") info.add("secret");
    else info.add("personal");
  }
  // a question about special categories is about personal data too
  if (info.has("special")) info.add("personal");
  const tool = scan(text, TOOL);
  // a picture of a real place is a likeness of something real, like one of a person
  if (namesRealPlace(text) && /(?<![\p{L}])(?:bild|foto|illustration|image|picture|photo)/iu.test(text)) info.add("images-of-people");
  // "already published", "on our website" tell what the information is, not what is done with it
  const use = scan(blank(text, INFO_OPEN), USE);
  const ask = askOf(text);
  const duty = ask === "must" ? scan(text, DUTY) : new Set<Duty>();
  return { ask, namesAi: tool.size > 0 || NAMES_AI.test(text), info, tool, use, duty };
}
