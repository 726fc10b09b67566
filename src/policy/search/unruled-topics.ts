// Topics staff bring to a policy bot that many AI policies never rule on: what a licence or
// subscription costs, accounts and log-ins, courses, how long a vendor keeps chats, copyright,
// labelling, the data protection officer, what happens to someone who breaks the rules. A
// question about one of them shares words with every AI policy ("ChatGPT", "använda"), so word
// coverage cannot tell; the pack's own text can: a topic it never speaks of is one it does not
// cover, whatever else the question names.
import { rx } from "../decisions/word-patterns";
import type { Passage } from "../types";

interface Topic {
  id: string;
  /** a question about buying it is about procurement, which a policy may rule on in its own words */
  procurement?: boolean;
  /** what the question asks about */
  asked: RegExp;
  /** the policy's own words for the topic: one of them in its text means it rules on it */
  ruled: RegExp;
  /** words that ask about the topic only when the question names none of these ("sign up" for a course is no account) */
  weak?: { asked: RegExp; unless: RegExp };
}


const TOPICS: Topic[] = [
  {
    id: "cost",
    procurement: true,
    asked: rx("kostnad|kostar|kosta(?![\\p{L}])|få\\s+(?:\\p{L}+\\s+)?ersättning|pris(?:et)?(?![\\p{L}])|betala|betalar|avgift|ersättning\\s+för|ersätt(?:s|as)|utlägg|prenumeration|abonnemang|costs?(?![\\p{L}])|price|pay(?:s|ing)?\\s+for|paid|fees?(?![\\p{L}])|reimburs|expens|subscription|budget\\s+code"),
    // whole words: "kostnadsfria AI-tjänster" are free tools, not a word on costs
    ruled: rx("(?:kostnad(?:en|er|erna)?|kostar|avgift(?:en|er)?|betala|betalar|pris(?:et)?|prenumeration(?:en)?|abonnemang(?:et)?)(?![\\p{L}])"),
  },
  {
    id: "licence-account",
    procurement: true,
    // an account of one's own, not "konsulter som har konto i vår it-miljö"
    asked: rx("licens|licence|license|(?:ett|mitt|nytt|eget|ditt|sitt)\\s+(?:\\p{L}+-)?konto(?![\\p{L}])|\\p{L}+-konto|kontot\\s+(?:till|för|i)|inloggning|logga\\s+in|loggar\\s+in|log\\s+in|sign\\s+in|login|(?:an|my|a\\s+new|own)\\s+(?:\\p{L}+\\s+)?account(?![\\p{L}])|skapa\\s+(?:ett\\s+)?(?:eget\\s+)?konto|create\\s+(?:an?\\s+)?(?:\\p{L}+\\s+)?account|register\\s+(?:for|with|on)"),
    // "inloggningsuppgifter" are credentials, information the policy protects, not accounts
    ruled: rx("licens|(?:konto|kontot|konton)(?![\\p{L}])|logga\\s+in"),
    weak: { asked: rx("sign(?:ing)?\\s+up|signa\\s+upp|registrera\\s+(?:mig|dig|sig|oss)"), unless: rx("kurs|utbildning|webbinari|seminari|föreläsning|workshop|course|training|webinar|seminar|lecture|class(?:es)?(?![\\p{L}])") },
  },
  {
    id: "training",
    asked: rx("kurs(?:er|en|erna)?(?![\\p{L}])|\\p{L}*utbildning(?:ar|en|arna)?(?![\\p{L}])|fortbildning|kompetensutveckling|workshop|course|training"),
    // "utbildningsmaterial" is information, not training
    ruled: rx("kurs(?:er|en|erna)?(?![\\p{L}])|utbildning(?:ar|en|arna)?(?![\\p{L}])|fortbildning|kompetensutveckling|utbilda"),
  },
  {
    id: "retention",
    // a chat's history, not Swedish history
    asked: rx("\\p{L}*historik|(?:chat|conversation|prompt|search)\\s+history|radera|raderas|hur\\s+länge\\s+(?:\\p{L}+\\s+){0,3}?(?:spara|sparas|lagra|lagras|finns)|retention|delete|how\\s+long\\s+(?:\\p{L}+\\s+){0,4}?(?:kept|stored|saved|retained)"),
    ruled: rx("historik|radera|gallr|lagringstid|sparas\\s+i|retention"),
  },
  {
    id: "copyright",
    asked: rx("upphovsrätt|upphovsrätts\\p{L}*|äger\\s+(?:rätten|upphovs|texten|bilden|resultatet)|copyright|who\\s+owns|ownership|immateriell"),
    ruled: rx("upphovsr|immateriell|äganderätt"),
  },
  {
    id: "labelling",
    // also "skriva ut att texten är skriven med hjälp av AI", "say it was made with AI"
    asked: rx("märk(?:a|as|ning|t|er)?(?![\\p{L}])|märkas|bildtext|vattenstämp|vattenmärk|labell?(?:ed|ing)?(?![\\p{L}])|caption|watermark|(?:skriva|skriver|ange|uppge|berätta|tala\\s+om|säga)\\s+(?:\\p{L}+\\s+){0,4}?att\\s+(?:\\p{L}+\\s+){0,6}?(?:ai-genererad\\p{L}*|genererad\\p{L}*|gjord|skriven|formulerad|skapad)(?:\\s+(?:med|av))?|(?:say|state|mention|disclose)\\s+(?:that\\s+)?(?:it|this|the\\s+\\p{L}+)\\s+(?:was|is)\\s+(?:made|written|generated|created)"),
    ruled: rx("märk|bildtext|transparen|vattenmärk|vattenstämp"),
  },
  {
    // who owns what AI made, registering it: not whether one infringes someone else's rights
    id: "ownership",
    asked: rx("vem\\s+äger|who\\s+owns|ownership|äganderätt|rättigheterna\\s+till|registrera\\s+(?:\\p{L}+\\s+){0,2}?(?:som\\s+)?(?:varumärke|logga|logotyp)|trademark"),
    ruled: rx("anspråk\\s+på\\s+upphovsrätt|äganderätt|äger\\s+(?:rätten|upphovsrätten)|står\\s+dig\\s+fritt|ownership"),
  },
  {
    // pupils' own use of AI in their schoolwork, which staff policies leave to the school
    id: "pupils-use",
    asked: rx("(?:elever|eleverna|mina\\s+elever|pupils|students|my\\s+pupils|the\\s+kids)\\s+(?:\\p{L}+\\s+){0,3}?(?:använd|use|using|fuska|cheat)|(?:hemuppgift|hemläx|läxor|läxan|uppsatser|homework|essays)(?![\\p{L}])"),
    ruled: rx("fusk|plagiat|elevers\\s+användning|elever\\s+(?:får|ska)\\s+använda|studerande"),
  },
  {
    // a list of the approved tools, a fact the policy may not hold
    id: "tool-list",
    asked: rx("(?:lista|list|förteckning|register|overview|översikt)\\s+(?:\\p{L}+\\s+){0,4}?(?:över|of|på|med|with)\\s+(?:\\p{L}+\\s+){0,3}?(?:ai-verktyg|ai\\s+tools|verktyg(?:en)?|tools|tjänster|(?:ai[-\\s])?appar(?:na)?|(?:ai\\s+)?apps|program(?:men)?|(?:ai\\s+)?services)"),
    ruled: rx("(?:lista|förteckning)\\s+(?:över|med)\\s+(?:\\p{L}+\\s+)?(?:godkända|tillåtna)|list\\s+of\\s+approved"),
  },
  {
    // public records and filing of prompts and chats
    id: "records",
    asked: rx("allmän(?:na)?\\s+handling|diarieför|public\\s+records?|arkivera|gallra"),
    ruled: rx("allmän(?:na)?\\s+handling|diarieför|arkiv|gallr|offentlighetsprincip"),
  },
  {
    // consulting the unions before introducing a tool
    id: "union-consultation",
    asked: rx("mbl" + "(?![\\p{L}])|förhandla\\s+med\\s+facket|samverka\\s+med\\s+facket|consult\\s+the\\s+unions?|union\\s+negotiation"),
    ruled: rx("mbl(?![\\p{L}])|förhandl|fackliga\\s+organisation|samverkan\\s+med"),
  },
  {
    // private phones and computers, working from home
    id: "devices",
    asked: rx("privat(?:a)?\\s+(?:mobil|telefon|dator|enhet|surfplatta)\\p{L}*|egen\\s+(?:mobil|telefon|dator)|own\\s+(?:phone|device|laptop|computer)|private\\s+(?:phone|device|laptop|computer)|byod"),
    ruled: rx("privat(?:a)?\\s+(?:mobil|telefon|dator|enhet)|egna\\s+enheter|jobbdator|tjänstedator|arbetsdator|mobila\\s+enheter"),
  },
  {
    id: "dpo",
    asked: rx("dataskyddsombud|dpo(?![\\p{L}])|data\\s+protection\\s+officer"),
    ruled: rx("dataskyddsombud"),
  },
  {
    id: "climate",
    // the footprint of AI itself, not a text or image about the climate ("en bild till klimatmålen")
    asked: rx("klimatavtryck|klimatpåverkan|klimatbelast|energiförbrukning|energianvändning|energiåtgång|energi(?![\\p{L}])|elförbrukning|miljöpåverkan|miljöbelast|miljövänlig|koldioxid|carbon\\s+footprint|(?:climate|environmental)\\s+(?:impact|footprint|cost)|energy(?:\\s+(?:use|consumption|usage))?(?![\\p{L}])|emissions"),
    // not "IT-miljö": the environment a system runs in
    ruled: rx("klimat|energiförbrukning|energianvändning|miljöpåverkan|koldioxid|hållbarhet|hållbar\\s+utveckling"),
  },
  {
    id: "monitoring",
    asked: rx("övervak|(?:se|läsa|kolla|spåra|logga)\\s+(?:vad|vilka|vem|om)\\s+(?:jag|vi|man|de\\s+anställda|personalen|medarbetarna)|(?:see|read|track|log|monitor)\\s+(?:what|who|whether)\\s+(?:i|we|staff|employees|people)|monitor|surveil"),
    ruled: rx("övervak|loggning|loggas|monitor"),
  },
  {
    id: "network",
    asked: rx("(?:ai-)?nätverk(?:et|en)?(?![\\p{L}])|ambassadör|superanvändare|community\\s+of\\s+practice|champions?(?![\\p{L}])|ambassadors?|(?:ai\\s+)?network(?:s)?\\s+(?:for|of|to\\s+join)|forum\\s+(?:för|for)"),
    ruled: rx("nätverk(?:et|en)?(?![\\p{L}])|ambassadör|superanvändare|forum"),
  },
  {
    id: "sanctions",
    asked: rx("uppsagd|sparken|avsked|disciplin|varning\\s+från|fired|dismiss|sanction"),
    ruled: rx("uppsäg|uppsagd|avsked|disciplin|sanktion|arbetsrättslig"),
  },
  {
    // trouble may be with the employer or with the law: a policy that speaks of either rules on it
    id: "trouble",
    asked: rx("get(?:\\s+\\p{L}+)?\\s+in(?:to)?\\s+trouble|råka\\s+illa\\s+ut|(?:åka|åker)\\s+dit"),
    ruled: rx("uppsäg|uppsagd|avsked|disciplin|sanktion|arbetsrättslig|brott|straffbar|skadestånd"),
  },
];

/** being paid back for what one paid oneself (not "buy it and expense it", which asks to buy) */
const REIMBURSED = rx("(?:få|låta)\\s+(?:kommunen|arbetsgivaren|företaget|jobbet|chefen)\\s+(?:att\\s+)?betala|(?:get|have|make)\\s+(?:the\\s+|my\\s+)?(?:council|municipality|employer|company|boss)\\s+(?:to\\s+)?pay|(?:få|får|fått|kan\\s+\\p{L}+\\s+få)\\s+(?:\\p{L}+\\s+)?(?:ersättning|betalt\\s+för|tillbaka\\s+(?:pengar|pengarna))|ersättning\\s+(?:för|om|när)|ersätta\\s+(?:mig|dig|oss|kostnad)|reimburs|(?:get|got)\\s+(?:my\\s+|the\\s+)?money\\s+back|paid\\s+back|pay\\s+me\\s+back");

/** someone here buying or paying for a tool ("vi köper", "tänkte betala", "can I just buy it"), not "kommunen har köpt" */
const BUY = "(?:köp|inköp|betal|upphandl|anskaff|buy|pay|purchas|procur)";
const BUYING = rx(`(?:vi|jag|we|i|us|oss|man|teamet|team|förvaltningen|enheten|avdelningen)\\s+(?:\\p{L}+\\s+){0,3}?${BUY}|(?:tänkte|vill|ska|att|to)\\s+${BUY}|(?:på|on|with)\\s+(?:the\\s+|our\\s+|my\\s+|a\\s+)?(?:\\p{L}+\\s+)?(?:företagskort\\p{L}*|\\p{L}*kortet|card)(?![\\p{L}])|^\\s*(?:köpte|betalade|beställde|bought|purchased|paid\\s+for|ordered)\\s`);
const PROCUREMENT_RULED = rx("köp|inköp|upphandl|anskaff");

/**
 * which topics a pack's text speaks of, each looked up the first time a question asks about it
 * (scanning the whole text for every topic at start-up costs more than all questions will)
 */
export class RuledTopics {
  private text?: string;
  private readonly known = new Map<string, boolean>();
  constructor(private readonly passages: readonly Passage[]) {}

  has(id: string): boolean {
    let v = this.known.get(id);
    if (v === undefined) {
      this.text ??= this.passages.map((p) => p.text).join("\n");
      const re = id === "procurement" ? PROCUREMENT_RULED : TOPICS.find((t) => t.id === id)?.ruled;
      v = re ? re.test(this.text) : false;
      this.known.set(id, v);
    }
    return v;
  }
}

/** the first topic the question asks about that the pack never speaks of */
export function unruledTopic(question: string, ruled: { has(id: string): boolean }): string | undefined {
  const asked = TOPICS.filter((t) => t.asked.test(question) || (t.weak && t.weak.asked.test(question) && !t.weak.unless.test(question)));
  if (asked.length === 0) return undefined;
  // "kan jag få ersättning för abonnemanget jag köpt?": being paid back is not procurement, however the tool was bought
  const buying = asked.some((t) => t.procurement) && ruled.has("procurement") && BUYING.test(question) && !REIMBURSED.test(question);
  return asked.find((t) => !(t.procurement && buying) && !ruled.has(t.id))?.id;
}
