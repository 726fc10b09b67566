// A question read into the decision table's slots (policies/DECISIONS.md): is it asking
// whether something is allowed ("may") or required ("must"); which information, tool,
// use and duty it names. General Swedish and English vocabulary (stems, so inflections
// and compounds meet), plus the draft reviewer run on the question itself: a personnummer,
// a person's name or a diagnosis in a question is personal or sensitive data.
import { reviewDraft } from "../../review";
import placeList from "../../review/lists/places";
import { FIELDS, MATERIAL } from "./material-kinds";
import type { Ask, Duty, InfoKind, InfoTerms, ToolKind, ToolTerms, Use } from "./schema";
import { E, rx, scan, W, type Lexicon } from "./word-patterns";

const PLACES = new Set(placeList.split("|"));

export interface QuestionSlots {
  /** undefined: not a yes/no question (who, what, how …) */
  ask?: Ask;
  /** "räcker det att …?", "is that all the sign-off we need?": whether what the asker did or plans is enough */
  enough?: boolean;
  /** "betyder det att jag inte får …?", "so I can't …?": a prohibition asked to be confirmed, answered yes when the rules forbid */
  confirmsProhibition?: boolean;
  /** "måste vi fundera på om …?", "do we have to work out whether …?": a duty to consider, not to act */
  considers?: boolean;
  /** the kinds of information named are alternatives ("ibland offentliga kungörelser, ibland interna PM"), not one text holding all */
  alternatives?: boolean;
  /** the question asserts the opposite of a duty ("that's on the tool, not me, right?"): a required duty answers no */
  denies?: boolean;
  /** "uppmuntrar kommunen att vi testar AI?": whether using AI at all is wanted, nothing handed to it */
  encouraged?: boolean;
  /** the question names AI, a tool or generative AI in general ("ett AI-system") */
  namesAi: boolean;
  info: Set<InfoKind>;
  tool: Set<ToolKind>;
  use: Set<Use>;
  duty: Set<Duty>;
}


/** "en AI-app där det är oklart vad som händer med datan": a tool whose data handling nobody knows is unvetted */
const UNKNOWN_DATA_HANDLING = rx("(?:oklar|okänd|otydlig)\\s+datahantering|(?:unclear|unknown)\\s+data\\s+handling|(?:oklart|okänt|osäkert|ingen\\s+vet|vet\\s+inte|vet\\s+ingen)\\s+(?:\\p{L}+\\s+){0,2}?(?:vad\\s+som\\s+händer\\s+med|var\\s+(?:\\p{L}+\\s+){1,2}?(?:hamnar|lagras|sparas|tar\\s+vägen))|(?:unclear|unknown|not\\s+clear|no\\s+idea|don't\\s+know|do\\s+not\\s+know|nobody\\s+knows)\\s+(?:\\p{L}+\\s+){0,2}?(?:what\\s+happens\\s+to|where\\s+(?:\\p{L}+\\s+){1,2}?(?:goes|go|ends?\\s+up|is\\s+stored|are\\s+stored))");
/** "uppmuntrar kommunen att vi testar AI?", "are we expected to use AI?": whether using AI at all is wanted */
const ENCOURAGED = rx("uppmuntra\\p{L}*|encourag\\p{L}*|(?:förväntas|expected\\s+to)\\s+(?:\\p{L}+\\s+){0,2}?(?:använda|testa|use|try)|vill\\s+(?:kommunen|företaget|ledningen|arbetsgivaren|the\\s+(?:municipality|company|council|management))\\s+att\\s+(?:vi|man|jag|alla)\\s+(?:använder|testar)|(?:want|wants)\\s+(?:us|staff|employees)\\s+to\\s+(?:use|try)");
/** "a new AI app": unknown unless it is being procured ("upphandla ett nytt AI-verktyg") */
const NEW_TOOL = rx("(?:splitter|spritt\\s+)?ny(?:a|tt)?\\s+(?:gratis\\s*)?(?:ai[-\\s]?)?(?:app|tjänst|verktyg|tillägg|program|sajt|plugin)\\p{L}*|new\\s+(?:free\\s+)?(?:ai\\s+)?(?:app|tool|extension|service|plugin|site)");

/** "is it still me who answers for the result?", "am I responsible?": a question about the duty to own the output */
const RESPONSIBILITY = rx(
  "(?:jag|vi)\\s+som\\s+\\p{L}+\\s+som\\s+(?:står\\s+för|ansvarar|har\\s+ansvar)|(?:i'm|i\\s+am|we're|we\\s+are)\\s+(?:still\\s+)?(?:the\\s+one\\s+)?(?:responsible|liable|accountable)|(?:me|us)\\s+who(?:'s|\\s+is|\\s+are)\\s+(?:responsible|liable|accountable)|(?:it's|its|it\\s+is|det\\s+är)\\s+(?:väl\\s+)?(?:openai|microsoft|google|the\\s+vendor|the\\s+supplier|the\\s+tool|leverantören|verktyget)\\s+(?:that's|thats|that\\s+is|who's|who\\s+is|som\\s+(?:är|blir))\\s+(?:liable|responsible|to\\s+blame|ansvarig)|(?:jag|vi)\\s+som\\s+(?:åker\\s+dit|får\\s+(?:ta\\s+)?skulden|ställs\\s+till\\s+svars)|(?:will|would|could)\\s+(?:i|we)\\s+be\\s+(?:held\\s+)?(?:liable|responsible)|(?:står|ansvarar)\\s+(?:jag|vi)\\s|(?:jag|vi)\\s+som\\s+(?:står\\s+för|ansvarar|har\\s+ansvar)|(?:jag|vi)\\s+(?:ändå\\s+|fortfarande\\s+)?ansvarig|(?:jag|vi)\\s+som\\s+får\\s+stå\\s+för|(?:am\\s+i|are\\s+we)\\s+(?:still\\s+)?(?:the\\s+one\\s+)?(?:responsible|liable|accountable)|on\\s+the\\s+hook|on\\s+me(?![\\p{L}])|ta\\s+smällen|(?:felet|ansvaret|skulden)\\s+(?:ligger\\s+)?(?:hos|på)\\s+|(?:my|our)\\s+responsibility|mitt\\s+ansvar|(?:verktygets|leverantörens|ai:ns|the\\s+tool's|the\\s+vendor's)\\s+(?:fel|ansvar|fault|responsibility|problem)|(?:openai|microsoft|google|the\\s+vendor|the\\s+supplier|the\\s+tool|the\\s+ai)\\s+(?:is|are)\\s+(?:liable|responsible|to\\s+blame)|(?:mitt|vårt)\\s+fel|(?:verktyget|ai:n|copilot|chatgpt|gemini|leverantören|programmet)\\s+som\\s+(?:gjorde|gjort|har\\s+gjort)\\s+fel|(?:my|our)\\s+fault|on\\s+the\\s+(?:tool|vendor|ai|supplier)(?=\\s*(?:[?.!,]|$|or\\s|and\\s|not\\s|instead))",
);
/** "det är väl leverantörens ansvar", "that's on the vendor": the duty put on someone else */
const OTHERS_DUTY = rx("(?:it's|its|it\\s+is|det\\s+är)\\s+(?:väl\\s+)?(?:openai|microsoft|google|the\\s+vendor|the\\s+supplier|the\\s+tool|leverantören|verktyget)\\s+(?:that's|thats|that\\s+is|who's|who\\s+is|som\\s+(?:är|blir))\\s+(?:liable|responsible|to\\s+blame|ansvarig)|(?:felet|ansvaret|skulden)\\s+(?:ligger\\s+)?(?:väl\\s+)?(?:hos|på)\\s+(?:verktyget|ai:n|ain|leverantören|copilot|chatgpt|gemini|openai|microsoft|tjänsten)|(?:openai|microsoft|google|the\\s+vendor|the\\s+supplier|the\\s+tool|the\\s+ai)\\s+(?:is|are)\\s+(?:liable|responsible|to\\s+blame)|\\p{L}+\\s+som\\s+(?:får|ska|måste)\\s+ta\\s+smällen|(?:verktygets|leverantörens|ai:ns|tjänstens|the\\s+tool's|the\\s+vendor's|openai's|microsoft's)\\s+(?:fel|ansvar|fault|responsibility|problem)|on\\s+the\\s+(?:tool|vendor|ai|supplier)|(?:verktyget|ai:n|copilot|chatgpt|gemini|leverantören|programmet)\\s+som\\s+(?:gjorde|gjort|har\\s+gjort)\\s+fel");
/** "behöver väl inte fråga nån", "vi måste väl inte märka den": the subject may be left out in chat */
const DUTY_ASSERTED_AWAY = rx("(?:behöver|måste)\\s+(?:(?:jag|vi|man|du)\\s+)?väl\\s+inte");
/** "I don't need to …", "vi behöver inte …" (not "Måste vi inte …?", which asks whether one must); with "väl", DUTY_ASSERTED_AWAY */
const NEGATED_DUTY = rx("(?:i|we|you)\\s+(?:don't|do\\s+not|dont|won't)\\s+(?:really\\s+)?(?:need|have)\\s+to|no\\s+need\\s+to|(?:jag|vi|man|du)\\s+(?:behöver|måste)\\s+inte|(?:jag|vi|man|du)\\s+slipper");
/** "… and not mine, right?": the question asserts that the duty is not the asker's */
const NOT_MINE = rx("(?:inte|not)\\s+(?:hos|with|på)\\s+(?:mig|me)(?![\\p{L}])|(?:inte|not|isn't|ej)\\s+(?:mitt|mig|me|mine|jag|on\\s+me|my\\s+(?:fault|problem|responsibility))(?![\\p{L}])");

/** a Swedish yes/no question opens with its verb: "Kör jag det ändå?", "Har vi rätt att …?" */
const VERB_FIRST = /^\s*(?!(?:har|hade|är|var|blir|finns|kostar|heter|gäller|fungerar|vet|tror)\s)\p{L}+[rs]\s+(?:jag|vi|man|du|ni)(?![\p{L}]).*\?\s*$/iu;

/** a question opening with an interrogative is a who/what/how question, whatever modal follows */
const WH_OPENING = rx("(?:(?:från|sedan|fram\\s+till|till|hos|med|för|av|om|from|since|until|for|with|by|to)\\s+(?:när|vem|vad|vilk(?:en|et|a)|when|whom|what|which)|vems|vem|vilk(?:en|et|a)|vad|hur|varför|varifrån|vart|(?:till|hos|med|to|with)\\s+(?:vem|whom)|var(?!\\s+(?:jag|vi|det|du|ni|man|den|han|hon|hen)(?![\\p{L}]))|när|who|whom|whose|what|which|how|where|when|why)" + E);
const WH_START = new RegExp(`(?:^|[,.;:!?]\\s*)${WH_OPENING.source}\\s+\\p{L}+\\s+(?:jag|vi|man|du|ni|i|we|you)(?![\\p{L}])|^\\s*${WH_OPENING.source}`, "iu");

const MUST = rx(
  "måste|mste(?![\\p{L}])|behövs|fordras|förutsätts\\s+det|ligger\\s+det\\s+på\\s+(?:mig|oss|dig|er)(?![\\p{L}])|(?:är|blir)\\s+det\\s+(?:mitt|vårt|ditt|ert)\\s+(?:ansvar|jobb|uppgift)|is\\s+it\\s+on\\s+(?:me|us)(?![\\p{L}])|is\\s+it\\s+(?:my|our)\\s+(?:job|responsibility|duty)|krav\\s+på\\s+(?:oss|mig|att)|obligatorisk|compulsory|mandatory|nödvändigt?|(?:is|are)\\s+\\p{L}+\\s+needed|needed\\s+(?:before|for|to)|necessary|(?:an?\\s+)?obligation|skyldighet|tvungen|tvungna|(?:ett\\s+)?ansvar\\s+(?:att|för\\s+att)|up\\s+to\\s+me|upp\\s+till\\s+(?:mig|oss)|förväntas|(?:are|am)\\s+(?:we|i)\\s+expected|got\\s+to|gotta|ought\\s+to|åligger|meningen\\s+att\\s+(?:vi|jag|man)\\s+ska|behöver\\s+(?:jag|vi|man|du|ni|det|den|de|dom|alla|vem)|(?:är|blir)\\s+(?:jag|vi|man|du|ni)\\s+(?:skyldig|tvungen|tvungna)|skyldig(?:a|het)?\\s+att|supposed\\s+to|obliged|obligated|expected\\s+to|bör\\s+(?:jag|vi|man|du|ni)|ska(?:ll)?\\s+(?:det|detta|den|de|dom)\\s|ska(?:ll)?\\s+(?:jag|vi|man|du|ni)|krävs|kräver|är\\s+det\\s+(?:ett\\s+)?krav|need(?:s)?\\s+to|do\\s+(?:i|we|you)\\s+(?:need|have\\s+to|have\\s+got\\s+to)|have\\s+to|has\\s+to|must|required|requirement|should\\s+(?:i|we)|am\\s+i\\s+(?:required|obliged)",
);
const MAY = rx(
  "(?:is|would\\s+it\\s+be|would)\\s+(?:that|this|it)?\\s*(?:acceptable|permissible)|(?:är|vore)\\s+(?:det|detta)\\s+(?:acceptabelt|godtagbart)|var\\s+det\\s+(?:fel|ok|okej|tillåtet|rätt|dumt|illa)(?![\\p{L}])|was\\s+(?:that|it|this)\\s+(?:wrong|ok|okay|allowed|a\\s+problem|a\\s+mistake)|(?:vara|be|är|is)\\s+(?:emot|mot|i\\s+strid\\s+med|against|in\\s+breach\\s+of)\\s+(?:policyn|reglerna|riktlinjerna|the\\s+(?:policy|rules|guidelines))|godkänner\\s+att|(?:säg|tell\\s+me|let\\s+me\\s+know)\\s+(?:till\\s+)?(?:om|if)\\s+(?:det\\s+här|detta|det|this|that)\\s+(?:inte\\s+)?(?:är|is)\\s+(?:inte\\s+|not\\s+)?(?:ok|okej|okay)|vågar|våga(?![\\p{L}])|dare\\s+(?:i|we)|fritt\\s+fram|(?:något|nåt|några)\\s+som\\s+hindrar|hinder\\s+för|anything\\s+(?:that\\s+)?(?:stops|prevents)|säker(?:t)?\\s+nog|safe\\s+enough|(?:do|does|can)\\s+(?:we|i|staff)\\s+get\\s+to|go-?ahead|grönt\\s+ljus|klartecken|(?:ok|okej|okay)\\s+(?:eller|or)\\s+(?:inte|not)|(?:tell|confirm)\\s+(?:me\\s+)?(?:that\\s+)?(?:i|we)\\s+(?:can|may|am\\s+allowed)|(?:blir|är|vore)\\s+det\\s+(?:ett\\s+)?problem|måste\\s+väl\\s+vara\\s+(?:ok|okej|tillåtet|lugnt|fine)|(?:är|vore|blir)\\s+det\\s+(?!(?:obligatoriskt|nödvändigt|ett\\s+krav|krav|tvunget|meningen|ansvar|ansvaret|uppgift|jobb|skyldighet|plikt)(?![\\p{L}]))(?:\\p{L}+\\s+)?(?!(?:obligatoriskt|nödvändigt|ett\\s+krav|krav|tvunget|meningen|ansvar|ansvaret|uppgift|jobb|skyldighet|plikt)(?![\\p{L}]))\\p{L}+\\s+(?:att|om)(?![\\p{L}])|(?:is|would)\\s+it\\s+(?:be\\s+)?(?!(?:compulsory|mandatory|necessary|required|obligatory|needed|expected|responsibility|job|duty|on\\s+(?:me|us)|up\\s+to)(?![\\p{L}]))(?:\\p{L}+\\s+)?(?!(?:compulsory|mandatory|necessary|required|obligatory|needed|expected|responsibility|job|duty|on\\s+(?:me|us)|up\\s+to)(?![\\p{L}]))\\p{L}+\\s+(?:to|if)(?![\\p{L}])|any\\s+(?:problems?|issues?|objections?|harm)\\s+(?:with|in|if)|permission\\s+to|go\\s+or\\s+no[-\\s]go|green\\s+light|(?:hoppas|hoping|hope)\\s+(?:det|it's|it\\s+is|that's)\\s+(?:går\\s+bra|är\\s+ok|okay|ok|fine|alright)|(?:har|hade)\\s+(?:vi|jag|man|du|ni)\\s+(?:lov|rätt|tillåtelse)\\s+att|(?:okej|ok|okay|fine|alright)\\s+(?:om|if)(?![\\p{L}])|(?:är|vore)\\s+(?:det|detta|det\\s+här)\\s+(?:ens\\s+)?möjligt|is\\s+(?:that|it|this)\\s+(?:even\\s+)?possible|is\\s+possible\\s+(?:to|for)(?![\\p{L}])|(?:undrar|undrade|wonder(?:ing)?)\\s+(?:om|if|whether)\\s+(?:jag|vi|man|du|ni|i|we|they|de)\\s+(?:\\p{L}+\\s+)?(?:kan|får|could|can|may|are\\s+allowed)|(?:jag|vi|man)\\s+(?:kan|får)\\s+väl|räcker\\s+det|is\\s+it\\s+enough|(?:kan|får|kunde|can|could|may)\\s+(?:den|de|dom|ai|ai:n|ai-\\p{L}+|hen|han|hon|they)(?![\\p{L}])|finns\\s+det\\s+(?:nåt|något|någon|ett|en)\\s+(?:sätt|möjlighet|undantag)|is\\s+there\\s+(?:a|any)\\s+way|skulle\\s+(?:jag|vi|man|du|ni)\\s+kunna|(?:fine|ok|okay|okej|safe|säkert|lugnt)\\s+(?:to|att)(?![\\p{L}])|(?:borde|bör)\\s+(?:väl\\s+)?(?:vara|gå)\\s+(?:lugnt|ok|okej|bra|fine|säkert)|(?:kör|gör)\\s+(?:vi|jag)\\s*\\?|vore\\s+det\\s+(?:ok|okej|möjligt|tillåtet)|funkar\\s+det|går\\s+det\\s+bra|(?:så\\s+)?det\\s+är\\s+(?:väl\\s+)?(?:ok|okej|lugnt|tillåtet|godkänt|fine)(?=\\s*[?.!]*\\s*$)|(?:ok|okej)\\s*\\?|would\\s+it\\s+be\\s+(?:ok|okay|fine|allowed)|is\\s+(?:that|this)\\s+(?:ok|okay|allowed|fine)|får|få\\s+(?:jag|vi|man)|kan\\s+(?:jag|ja|vi|man|du|ni)(?![\\p{L}])|går\\s+det|är\\s+det\\s+(?:ok|okej|tillåtet|förbjudet|fritt|lugnt|i\\s+sin\\s+ordning|fel|rätt|lämpligt|olämpligt|säkert|lagligt|olagligt|godkänt|förenligt|ett\\s+problem|problem|någon\\s+fara|ingen\\s+fara|farligt|ett\\s+brott)|ingen\\s+fara|(?:bryter|strider)\\s+(?:det|jag|vi|man)?\\s*mot|is\\s+it\\s+(?:legal|appropriate|acceptable|safe|wrong|against|compliant|a\\s+problem)|would\\s+it\\s+be\\s+(?:a\\s+problem|wrong|against)|(?:is|does)\\s+(?:that|this|it)\\s+(?:against|break|breach|violate)|against\\s+the\\s+(?:policy|rules)|tillåt|förbjud|okej\\s+att|ok\\s+att|(?:may\\s+(?:i|we)|can\\s+(?:i|we|you|staff)|could\\s+(?:i|we))(?![\\p{L}])|allowed|permitted|is\\s+it\\s+(?:ok|okay|fine|alright|forbidden|prohibited)|forbidden|prohibited|am\\s+i\\s+allowed",
);

/** the data protection authority, by name or as "the authority" a breach is notified to */
const AUTHORITY = "imy(?![\\p{L}])|integritetsskyddsmyndighet|datainspektion|dataskyddsmyndighet|tillsynsmyndighet|data\\s+protection\\s+(?:authority|regulator)|supervisory\\s+authority|(?:the\\s+)?regulator(?![\\p{L}])|(?:anmäl|rapporter|meddela|underrätta)\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:till\\s+)?myndighet|(?:report|notify)\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:to\\s+)?(?:the\\s+)?authorit";

const DUTY: Lexicon<Duty> = [
  ["approval", rx("(?:fråga|tillfråga|be)\\s+(?:nån|någon|ngn)(?![\\p{L}])|ask\\s+(?:anyone|anybody|someone|first)|(?:nåt|något|ett)\\s+ok(?![\\p{L}])|grönt\\s+ljus|stämma\\s+av|check\\s+with|(?:fråga|tillfråga|be)\\s+(?:\\p{L}+\\s+){0,2}?(?:chef|ledning|vd(?![\\p{L}])|arbetsgivar)|ask\\s+(?:my|the|our)\\s+(?:manager|boss|line\\s+manager|ceo)|godkän|tillstånd|lov\\b|medgivande|klartecken|approv|permission|sign-?off|authoris|authoriz|(?:säger|sagt|sa|sade)\\s+(?:att\\s+det\\s+är\\s+)?(?:ok|okej|ja)(?![\\p{L}])|(?:said|says)\\s+(?:it's\\s+|it\\s+is\\s+)?(?:ok|okay|fine|yes|go\\s+ahead)")],
  ["label", rx("say\\s+(?:that|when|if|whether)\\s+(?:i|we|you|ai)\\s|mention\\s+(?:that|when|if|whether)\\s|säga\\s+som\\s+det\\s+är|vara\\s+ärlig|be\\s+honest|come\\s+clean|stå\\s+(?:nåt|något|någonting)\\s+(?:under|vid|bredvid|på)|(?:under|vid|bredvid)\\s+bilden|(?:below|under|next\\s+to)\\s+the\\s+(?:image|picture|photo)|text\\s+(?:next\\s+to|beside|below)|put\\s+(?:some\\s+(?:kind\\s+of\\s+)?|a\\s+)?(?:text|note|label)|(?:write|put|add)\\s+(?:something|anything|a\\s+line|a\\s+caption)\\s+(?:next\\s+to|beside|under|below|with|on)\\s+(?:it|them|the\\s+(?:image|picture|photo))|text\\s+under|skriva\\s+(?:nåt|något|någonting)|säga\\s+(?:till|att)|märk|bildtext|ange\\s+att|uppge\\s+att|skriva\\s+(?:ut\\s+)?att|tala\\s+om|berätta|upplys|(?:vara\\s+)?öppen\\s+med|transparen|label|caption|disclos|watermark|vattenstämp|be\\s+open\\s+about|tell\\s+(?:them|the|my|our|readers|people)")],
  ["check-output", rx("(?:ansvarar|står)\\s+för\\s+(?:att\\s+)?(?:\\p{L}+\\s+){0,5}?(?:stämmer|är\\s+rätt|är\\s+korrekt)|responsible\\s+for\\s+(?:what|whatever)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:writes|produces|spits\\s+out|generates|says|gives)|(?:ses|se|betraktas|betrakta)\\s+som\\s+(?:ett\\s+)?utkast|(?:treated|seen|regarded)\\s+as\\s+a\\s+draft|läsa\\s+igenom|go\\s+through|fix\\s+(?:what|it|the)|rätta|korrigera|kolla|faktakoll|make\\s+sure|säkerställ|gå\\s+igenom|korrekturläs|read\\s+(?:it\\s+)?through|granska|kontroller|faktagransk|dubbelkoll|verifier|källkritisk|check|review|verify|fact-?check|proofread")],
  // also the analyses a policy asks for before a system is used ("analyserna görs innan vi kör igång")
  ["risk-analysis", rx("riskanalys|riskbedömning|konsekvensanalys|risk-\\s+och\\s+\\p{L}*(?:analys|bedömning)|risk\\s+(?:assessments?|analys[ie]s)|analys(?:en|er|erna)?\\s+(?:\\p{L}+\\s+){0,3}?(?:innan|före)|analys(?:is|es)\\s+(?:\\p{L}+\\s+){0,3}?before|klassa(?:s|t|d)?(?![\\p{L}])|klassning|(?:informations|system)klass\\p{L}*|classif(?:y|ied|ication)|utred(?:a|er|s|as)\\s+(?:\\p{L}+\\s+){0,3}?(?:ai|system|verktyg|tjänst)")],
  // the GDPR's impact assessment, which policies require in narrower cases than a risk analysis
  ["dpia", rx("dpia|konsekvensbedömning|(?:data\\s+protection\\s+|privacy\\s+)?impact\\s+assessment")],
  ["report", rx("rapportera\\p{L}*|rapporterad\\p{L}*|anmäl|incident|avvikelse|tell\\s+(?:anyone|anybody|someone)|säga\\s+(?:till\\s+)?(?:nån|någon)|säga\\s+(?:nåt|något)\\s+till\\s+(?:nån|någon)|berätta\\s+för\\s+(?:nån|någon)|(?:gått|gick|blivit|blev)\\s+(?:\\p{L}+\\s+)?(?:snett|fel)|läck|report(?:ed|ing)?\\s+(?:it|this|that|them|the\\s+(?:incident|breach|mistake|error)|to|back)|(?:to|should|must|have\\s+to|need\\s+to|do\\s+(?:i|we)|did\\s+(?:i|we)|shall|will)\\s+report|reporting|notify|(?:informera|kontakta|dra\\s+in|säga\\s+till|meddela|underrätta|tell|inform|contact|involve|loop\\s+in)\\s+(?:\\p{L}+\\s+){0,2}?(?:chef|it(?![\\p{L}])|it-\\p{L}+|säkerhet|dataskydd|manager|boss|security|dpo)")],
  // notifying the supervisory authority (IMY), which policies tie to conditions, unlike reporting inside the organisation
  ["notify-authority", rx(AUTHORITY)],
  // also whether something becomes a public record to be registered ("blir allmänna handlingar")
  ["document", rx("(?:blir|är|utgör|become|are)\\s+(?:\\p{L}+\\s+)?(?:allmänna?\\s+handling(?:ar)?|public\\s+records?)|skriv(?:a|as|s|er)?\\s+ner|write\\s+(?:it\\s+|that\\s+|this\\s+)?down|in\\s+writing|skriftlig\\p{L}*|förklara\\s+hur|explain\\s+how|(?:be\\s+able\\s+to|kunna)\\s+(?:explain|förklara)|redogöra\\s+för|account\\s+for\\s+how|stå\\s+(?:nån|någon)stans|(?:skriva|skriver|notera|ange|anteckna)\\s+(?:det|detta|den|att\\s+\\p{L}+(?:\\s+\\p{L}+){0,3}?)\\s+(?:nån|någon)stans|(?:write|note|put|mention)\\s+(?:it|that|this)\\s+(?:down\\s+)?(?:somewhere|anywhere)|(?:stå(?:\\s+med)?|skrivas?(?:\\s+det|\\s+detta)?|anges?|nämnas?|uppges?)\\s+i\\s+(?:tu(?::t|:n)?(?![\\p{L}])|tjänste|underlag|protokoll|beslut|ärende|akt|journal)\\p{L}*|framgå|dokumenter|diarieför|anteckn|journalför|notera|skriva\\s+ut\\s+(?:det|att|vilket)|ange\\s+(?:det|vilket|att)|redovisa|document|record\\s+(?:it|that|the)|note\\s+(?:it|that|down)|state\\s+(?:it|that|which)")],
  ["read-terms", rx("(?:läsa|läs|läst)\\s+(?:och\\s+följa\\s+)?(?:igenom\\s+)?(?:\\p{L}+\\s+)?(?:användar|avtals)?villkor|read\\s+(?:through\\s+)?(?:the\\s+)?(?:terms|user\\s+agreement|t&c)|terms\\s+(?:of\\s+(?:use|service)|and\\s+conditions)")],
  ["training", rx("utbildning|kurs\\b|fortbildning|training|trained|course|läst\\s+på|läsa\\s+på|ta\\s+del\\s+av|informerad|read\\s+up|be\\s+informed")],
];

const INFO: Lexicon<InfoKind> = [
  [
    "personal",
    rx(
      "personuppgift|persondata|person(?:num+er|nr)|samordningsnummer|personlig(?:a)?\\s+(?:uppgift|information|data)|namn(?:et|en|lista)?(?![\\p{L}])|adress|telefonnummer|mobilnummer|e-?postadress|mejladress|elev|patient|brukar|famil(?:j|jen|jer|jens|jerna)(?![\\p{L}])|hushåll|hembesök|anhörig|släkting|family|families|household|relatives|klient(?!data)|vårdnadshavar|förälder|föräldrar|(?:invånar|medborgar)(?:e|en|na|nas|es|s|ens)?(?![\\p{L}])|sökande|anställd|medarbetar(?:e|na|nas|es)|personalen|kollegas|löne(?:list|uppgift|specifikation|spec|besked|samtal|revision|utveckling|historik)\\p{L}*|cv(?![\\p{L}])|journal|personakt|personalakt|initialer|personlig(?:a|t)?\\s+brev|(?:mina|egna)\\s+(?:person)?uppgifter|cover\\s+letter|personal\\s+data|personally|names?(?![\\p{L}])|address(?:es)?(?![\\p{L}])|phone\\s+numbers?|pupils?|students?(?![\\p{L}])|patients?|clients?(?:'s)?\\s+(?:name|details|case)|employees?|staff\\s+(?:member|list|data)|applicants?|citizens?|residents?|children|barn(?:en|ens|s)?(?![\\p{L}])|(?<!(?:statlig|statliga|offentlig|offentliga|extern|externa)\\s)\\p{L}*(?:anmälan|ansökan|ansökningar|utredning|journal|personakt)|ärendet|ärenden\\s+om|bistånd|försörjningsstöd|hemtjänst|omsorg|vårdplan|genomförandeplan|åtgärdsprogram|betyg|omdöme|provresultat|frånvaro|medarbetarsamtal|personalärende|löner?(?![\\p{L}])|lönen|klagomål\\s+från|(?:mejl|brev|svar)\\s+(?:från|till)\\s+en\\s+(?:medborgare|invånare|förälder|kund|elev|brukare|patient)|om\\s+en\\s+(?:elev|patient|brukare|kund|kollega|medarbetare|person|anställd|invånare)|case\\s+(?:files?|notes?|records?)|applications?\\s+(?:for|from)|complaints?\\s+from|performance\\s+review|salar(?:y|ies)|payroll|grades|absence|welfare",
    ),
  ],
  [
    "special",
    rx(
      "hälso|hälsa|sjuk|diagnos|läkarintyg|rehab|psykisk|psykiatri|beroende|elevhälsa|lvu(?![\\p{L}])|lvm(?![\\p{L}])|brott|dom(?:en)?\\s+mot|sick|mental\\s+health|addiction|criminal|child\\s+protection|medicin|läkemedel|funktionsneds|funktionsvariation|npf(?![\\p{L}])|neuropsykiatri|adhd|autism|asperger|diabetes|demens|cancer|epilepsi|depression|ångest|astma|dyslexi|hiv(?![\\p{L}])|gravid|missbruk|etnisk|religi|politisk|sexuell|fackligt|fackmedlem|biometri|genetisk|känsliga\\s+personuppgifter|särskilda\\s+kategorier|health|medical|illness|disabilit|ethnic|religio|political|sexual|trade\\s+union|biometric|genetic|sensitive\\s+personal|special\\s+categor",
    ),
  ],
  ["secret", rx("sekretess|hemlig|konfidentiell|säkerhetsskydd|skyddsklass|affärskritisk|affärshemlig|känslig(?:a)?\\s+(?:information|uppgifter|data|material|dokument|handling(?:ar)?|filer|underlag)|secret|confidential|classified|business-critical|trade\\s+secret|sensitive\\s+(?:information|data|material|documents?|files?|records?|papers?)")],
  // a presentation or pitch for a client is made for them, not from their data
  ["customer", rx("kund(?!(?:presentation|event|evenemang|pitch)\\p{L}*)|uppdragsgivar|beställar|offert|customer(?!\\s+(?:presentation|pitch|event|deck)s?" + E + ")|client(?:s|'s)?(?!\\s+(?:name|details|case|presentation|pitch|event|deck)s?" + E + ")")],
  ["internal", rx("intern(?:a|t)?(?![\\p{L}])|internal(?![\\p{L}])|(?:utkast|förslag(?:et)?)\\s+till(?!\\s+(?:en\\s+|ett\\s+)?(?:webb|hemsid|nyhet|pressmeddel|inlägg|annons|notis))|verksamhetsplan|innan\\s+(?:det|den|de|dom)\\s+(?:blir|är|har\\s+blivit)\\s+(?:offentlig|publicera)\\p{L}*|draft\\s+(?:of|for)\\s+(?:the|our|a)|proposal|before\\s+(?:it|they)\\s+(?:is|are)\\s+(?:public|published)|ej\\s+offentlig|inte\\s+offentlig|inte\\s+publicerat?\\s+än|opublicerad|budget|strategi|ledningsgrupp|avtal(?:et|sutkast)?(?![\\p{L}])|mötesanteckning|draft\\s+budget|unpublished|not\\s+(?:yet\\s+)?published|meeting\\s+notes|strategy|contract")],
  ["open", rx("(?:the|a|an|some|this|that)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:public|open|publicly\\s+available)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:reports?|documents?|statistics|figures|data|study|studies|survey|decision|minutes|guidance|text|page|brochure|information)|öppen\\s+information|öppna\\s+uppgifter|öppen\\s+statistik|öppna\\s+data|(?:redan\\s+)?(?:ligger|finns|är)\\s+(?:redan\\s+)?(?:ute\\s+|publicera\\p{L}*\\s+)?på\\s+(?:kommunens\\s+|vår\\s+|den\\s+|företagets\\s+)?(?:externa\\s+|öppna\\s+)?(?:webb(?:en|plats(?:en)?)?|hemsida(?:n)?|externwebb(?:en)?)|ska\\s+(?:ut|läggas\\s+ut|publiceras)\\s+på\\s+(?:hemsidan|webben|webbplatsen|nätet)|redan\\s+(?:ligger\\s+ute|är\\s+ute|(?:är\\s+|har\\s+blivit\\s+)?publicera\\p{L}*|offentlig\\p{L}*)|already\\s+(?:on|public|published|online|out)|on\\s+(?:our|the)\\s+(?:public\\s+)?website|(?<!(?:inte|ej|innan\\s+(?:det|den|de|dom)\\s+(?:blir|är))\\s+)offentlig|allmän\\s+handling|allmänna\\s+handlingar|publicerad|redan\\s+publicer|public\\s+information|publicly\\s+available\\s+(?:information|data|text)|open\\s+(?:data|information)|already\\s+published|press\\s*release|pressmeddelande|(?:ska|kommer\\s+att|ska\\s+sen)\\s+(?:\\p{L}+\\s+){0,2}?(?:upp|ut|publiceras|läggas\\s+(?:ut|upp))\\s+(?:på|till)\\s+(?:kommunens\\s+|vår\\s+|den\\s+)?(?:hemsida|webb|webbplats|nätet|platsbanken)|(?:will|is\\s+going\\s+to|to)\\s+be\\s+published|(?:redan|already)\\s+(?:har\\s+|has\\s+|have\\s+been\\s+|has\\s+been\\s+)?(?:publicera\\p{L}*|published)|(?:till|för|for)\\s+(?:kommunens\\s+|vår\\s+|the\\s+|our\\s+)?(?:webben|hemsidan|webbplatsen|externwebben|website)(?![\\p{L}])|published\\s+on|law\\s+texts?|legal\\s+texts?|text\\s+of\\s+the\\s+law|published\\s+(?:decisions?|minutes|reports?)|(?<!(?:enligt|under|according\\s+to|i\\s+enlighet\\s+med|med|mot|against|with)\\s+(?:\\p{L}+\\s+|\\p{L}+-)?)(?:(?:skol|socialtjänst|kommunal|förvaltnings|offentlighets|arbetsmiljö|diskriminerings|plan-\\s+och\\s+bygg|miljö|dataskydds)lag(?:en)?(?![\\p{L}])|lagtext|lagar(?:na)?(?![\\p{L}])|föreskrift|förordning|författning|statutes?|legislation)|(?:ks|kf)-beslut|publicerade?\\s+beslut")],
  ["copyright", rx("upphovsrättsskydd|(?:omfattas|skyddas|skyddade?|skyddat)\\s+av\\s+upphovsrätt|copyrighted|(?:covered|protected)\\s+by\\s+copyright|under\\s+copyright|efterlikn|härma|imitat|någon\\s+annans\\s+(?:text|bild|verk)|someone\\s+else'?s\\s+(?:text|image|work)")],
  [
    "images-of-people",
    rx(
      "(?:foto|fotografi|bild|porträtt|teckning|karikatyr)(?:er|n|na)?\\s+(?:av|på)\\s+(?:en\\s+|ett\\s+|min\\s+|mitt\\s+|mina\\s+|vår\\s+|våra\\s+|vårt\\s+)?(?:\\p{L}+s\\s+)?(?:person|kollega|elev|kund|anställd|medarbetare|barn|mig|oss|människ|folk|chef|ordförande|rektor|borgmästare|kommunalråd|kommundirektör|politiker|kändis|vd(?![\\p{L}]))|porträtt|ansikte|verklig(?:a)?\\s+(?:plats|person|miljö|människ)|(?:photo|picture|image|drawing|caricature)s?\\s+of\\s+(?:a\\s+|an\\s+|our\\s+|my\\s+|the\\s+)?(?:\\p{L}+'s\\s+)?(?:person|colleague|pupil|customer|employee|child|me|us|people|mayor|boss|manager|principal|chair|politician|celebrity|ceo|councillor|director|head\\s+teacher|kommunalråd|kommundirektör|rektor|ordförande)|likeness|real\\s+(?:person|people|place)|(?:foto|fotografi|bild|photo|picture|snapshot)(?:er|n|na|t|s)?\\s+(?:från|ifrån|from|of|at)\\s+(?:the\\s+|our\\s+|vår\\s+|vårt\\s+|förra\\s+|last\\s+)?\\p{L}*(?:fest|festen|middag|middagen|avslutning|avslutningen|utflykt|utflykten|kickoff|kick-off|julbord|julbordet|konferens|konferensen|party|dinner|outing|offsite|wedding|bröllop|bröllopet|reunion)(?![\\p{L}])|så\\s+(?:att\\s+)?(?:vi|jag|alla|de|dom|hon|han|hen|eleverna|kollegorna|barnen)\\s+ser\\s+ut\\s+som|make\\s+(?:us|me|them|him|her|everyone|the\\s+team|my\\s+colleagues)\\s+look\\s+like|(?:med|with)\\s+(?:folk|människor|personer|badande|people|persons|kids|barn)(?![\\p{L}])",
    ),
  ],
  ["own-images", rx("(?:kommunens|företagets|organisationens|förvaltningens|skolans|vår(?:a|t)?|egna|officiella|municipality's|company's|council's|our\\s+own|our|official)\\s+(?:egna\\s+|officiella\\s+|own\\s+|official\\s+)?(?:\\p{L}+\\s+)?(?:foto|fotografi|original|bilder|bildbank|photo|picture|images|image\\s+bank)\\p{L}*|originalbild")],
  ["code", rx("källkod|programkod|kod(?:en)?(?![\\p{L}])|skript|script|source\\s+code|code(?![\\p{L}])")],
];

const TOOL: Lexicon<ToolKind> = [
  ["copilot", rx("(?:m365|microsoft\\s*365|office|teams|word|outlook|excel)[-\\s]*copilot|copilot\\s*(?:i|in|för|for)?\\s*(?:m365|microsoft\\s*365|office|teams|word|outlook|excel)|copilot\\s+chat|copilot(?![\\p{L}])")],
  [
    "public",
    rx(
      "chat\\s*-?\\s*g(?:pt|tp|bt|ppt|p)(?![\\p{L}])|chatgpt|gpt-?\\d|openai|gemini|bard|claude|perplexity|deepseek|mistral|grok|midjourney|dall-?e|stable\\s+diffusion|deepl|google\\s+(?:translate|översätt)|allmänt\\s+tillgänglig|publik(?:a|t)?\\s+(?:ai|tjänst|verktyg|system)|öppn?(?:a|e)?\\s+ai|gratis(?:versionen)?|free\\s+(?:version|tool|ai)|public(?:ly)?\\s+(?:available\\s+)?(?:ai|tool|service|chatbot)|open\\s+ai\\s+(?:tool|service)|chatt?bot|chatbot|på\\s+nätet|copilot\\s+(?:webb|web|på\\s+webben|i\\s+webbläsaren|in\\s+the\\s+browser)|bing|webbläsartillägg|browser\\s+extension|plug-?in|online\\s+(?:ai|tool)|webbtjänst",
    ),
  ],
  ["approved", rx("godkän(?:d|da|t)\\s+(?:ai|verktyg|tjänst|system)|upphandla(?:d|de|t)(?![\\p{L}])|säker(?:a|t)?\\s+(?:ai|tjänst|verktyg|system)|vår(?:t|a)?\\s+egn?(?:a|et)?\\s+(?:ai|verktyg|system)|intern(?:a|t)?\\s+(?:ai|verktyg|system|modell)|lokal(?:a|t)?\\s+(?:ai|modell|språkmodell)|(?:på|i)\\s+(?:en\\s+|vår\\s+|våra\\s+|egen\\s+|egna\\s+)+server(?:n|ar|arna)?\\s+(?:hos\\s+oss|i\\s+huset)|egen\\s+server|egna\\s+servrar|self-?hosted|on-?prem(?:ise|ises)?|on\\s+our\\s+own\\s+servers?|approved\\s+(?:ai|tool|service|system)|procured|secure\\s+(?:ai|tool|system)|in-house|our\\s+own\\s+(?:ai|tool|model)|internal\\s+(?:ai|tool|model)|local\\s+(?:ai|model)")],
  ["unknown", rx("okänd|aldrig\\s+hört|startup|start-up|brand[-\\s]new|unknown|never\\s+heard|helt\\s+ny(?:a|tt)?(?![\\p{L}])|(?:found|hittat|hittade|hittar)\\s+(?:a|an|en|ett)\\s+(?:\\p{L}+\\s+){0,3}?(?:app|tool|extension|tjänst|verktyg|tillägg)")],
  ["embedded", rx("(?:through|via|genom)\\s+(?:an?\\s+|en\\s+)?integration|ai[-\\s](?:module|modul|function|feature)\\s+(?:in|i)\\s+|(?:got|has|gets|fått|får|har\\s+fått)\\s+(?:an?\\s+|en\\s+)?(?:new\\s+|ny\\s+)?ai[-\\s]?(?:assistant|assistent|funktion|feature|stöd)|ai-assistent|ai\\s+assistant\\s+(?:in|inside)|ai-funktion|ai-funktionalitet|i\\s+(?:det\\s+|vårt\\s+)?(?:\\p{L}+\\s+)?systemet|inbyggd|integrerad|följer\\s+med|\\p{L}{3,}system(?:et)?(?![\\p{L}])|verksamhetssystem|ärendehanteringssystem|journalsystem|i\\s+systemet|built[-\\s]?in|integrated|case\\s+management\\s+system|business\\s+system")],
];

const USE: Lexicon<Use> = [
  ["paste", rx("transkriber|transcrib|klistra|mata\\s+in|matar\\s+in|ladda\\s+upp|laddar\\s+upp|lägga\\s+in|lägger\\s+in|dela|skicka\\s+in|stoppa\\s+in|köra\\s+in|paste|upload|enter|input|share|feed|put\\s+(?:[\\p{L}'’]+\\s+){1,4}?(?:into|in\\s+(?:there|here|it|them))(?![\\p{L}])|skriv(?:a|er)?\\s+in(?![\\p{L}])")],
  ["summarise", rx("sammanfatt|sammanställ|korta(?![\\p{L}])|korta\\s+ner|förkort|summar|sum\\s+up|shorten|condense")],
  ["translate", rx("översätt|translat")],
  ["draft", rx("skriv|formuler|utkast|författ|mejl|brev|putsa|förbättra\\s+(?:texten|språket)|språkgransk|write|draft|compose|email|letter|polish|rewrite|wording|rephrase")],
  ["images", rx("bild|illustration|foto|video|film|logotyp|affisch|image|picture|photo|illustrat|poster|dall-?e|midjourney")],
  ["decide", rx("fatta\\s+(?:\\p{L}+\\s+)?beslut|(?:ta|göra)\\s+(?:själva\\s+)?beslut|beslutsfatt|automatiserade?\\s+beslut|automatiska\\s+beslut|beslut\\s+(?:i|om)\\s+(?:ärenden|ansökningar|bistånd|\\p{L}+bidrag)|(?<!(?:ej|inte|icke|ännu\\s+inte)\\s+)besluta|bedöm|automatisk|urval|sortera\\s+(?:ansökningar|sökande)|ranka|rangordna|rekryter|avgöra|bevilja|avslå|avslog|prioritera\\s+(?:bland|vilka|ärenden|sökande)|välja\\s+ut|(?:make|take)\\s+(?:the\\s+)?(?:final\\s+|actual\\s+|real\\s+)?(?:call|decisions?)|decision-?making|(?:automated|automatic)\\s+decisions?|decide|automat|auto-?(?:approve|reject|decide|grant|deny)|(?:sköta|ta\\s+hand\\s+om)\\s+(?:själva\\s+)?beslut(?:en|et)?|on\\s+its\\s+own|by\\s+itself|assess|screen|rank|recruit|hiring|grant|reject|determine\\s+who")],
  ["publish", rx("publicer|lägga\\s+ut|hemsida|webbplats|sociala\\s+medier|intranät|skicka\\s+(?:det|den|dem|ut|iväg|vidare)|skicka\\s+\\p{L}+\\s+(?:direkt|rakt)|som\\s+(?:den|det)\\s+är(?![\\p{L}])|rakt\\s+av|as\\s+it\\s+is|publish|post\\s+(?:it|on)|website|social\\s+media|send\\s+(?:it|them)?\\s*(?:out|straight|directly)")],
  [
    "unchecked",
    rx(
      "i\\s+stället\\s+för\\s+(?:att\\s+)?(?:\\p{L}+\\s+){0,5}?(?:juristen|juristerna|jurist|experten|sakkunnig\\p{L}*|specialisten|granskaren|handläggaren)|instead\\s+of\\s+(?:\\p{L}+\\s+){0,3}?(?:lawyer|legal|expert|specialist|reviewer)|(?:generate|write|make|skriva|göra|generera)\\s+(?:\\p{L}+\\s+){0,6}?(?:and|och)\\s+(?:then\\s+|sen\\s+)?(?:send|skicka)\\s+(?:it|them|det|den|dem)\\s+(?:off|iväg|vidare)|(?:slippa|slipper)\\s+(?:\\p{L}+\\s+){0,2}?(?:beredning|granskning|kontroll)\\p{L}*|rakt\\s+av|rakt\\s+(?:till|ut|in)|som\\s+(?:den|det|de|dom)\\s+är(?![\\p{L}])|utan\\s+att\\s+(?:läsa|kolla|granska|kontrollera|ändra|redigera|faktagranska)|oläst|ogranskad|okontrollerad|direkt\\s+(?:till|ut|vidare|för\\s+beslut)|utan\\s+att\\s+(?:blanda|ta)\\s+in\\s+(?:någon|nån|fler|andra|kollegor|fler\\s+personer)|without\\s+involving\\s+(?:anyone|anybody|others|colleagues)|hoppa\\s+över\\s+(?:\\p{L}+\\s+){0,2}?(?:beredning|granskning|kontroll)|as\\s+(?:it\\s+)?is(?![\\p{L}])|without\\s+(?:reading|checking|reviewing|editing|changing)|unchecked|unedited|straight\\s+(?:to|out|into)|just\\s+go\\s+with|skip\\s+(?:the\\s+)?(?:usual\\s+|normal\\s+)?(?:preparation|review|checking|beredning|granskning|approval)",
    ),
  ],
  ["undisclosed", rx("(?:hand|pass|turn)\\s+(?:\\p{L}+\\s+){0,3}?in\\s+as\\s+(?:my|our|his|her|their)\\s+own|(?:lämna|ge)\\s+in\\s+(?:det\\s+)?som\\s+(?:mitt|vårt|eget)\\s+(?:eget\\s+)?|utan\\s+(?:att\\s+)?(?:någon\\s+|nån\\s+)?(?:bildtext|märkning|säga|berätta|nämna|uppge|ange|märka|tala\\s+om)|inte\\s+(?:\\p{L}+\\s+)?(?:nämna|säga|berätta|uppge|ange|märka|skriva\\s+ut)|låter\\s+bli\\s+att\\s+(?:säga|berätta|nämna|anmäla|rapportera)|without\\s+(?:a\\s+|any\\s+)?(?:caption|label|telling|disclosing|mentioning|saying|reporting)|not\\s+(?:to\\s+)?(?:tell|mention|disclose|label|report)|keep\\s+(?:it|this)\\s+quiet|hålla\\s+(?:det\\s+)?tyst")],
  ["unapproved", rx("(?:jag|vi)\\s+(?:\\p{L}+\\s+){0,2}?själv(?:a)?\\s+(?:lägga|mata|klistra|köra|ladda|föra)\\s+in|(?:i|we)\\s+(?:can\\s+)?(?:just\\s+)?(?:put|paste|upload|feed)\\s+(?:[\\p{L}'’]+\\s+){0,5}?(?:myself|ourselves)|på\\s+eget\\s+initiativ|utan\\s+att\\s+(?:fråga|be\\s+om\\s+lov|stämma\\s+av|få\\s+(?:det\\s+)?godkänt|ha\\s+fått\\s+godkänt)|utan\\s+(?:\\p{L}+\\s+)?(?:godkännande|tillstånd|beslut|lov)(?![\\p{L}])|på\\s+eget\\s+bevåg|without\\s+(?:asking|approval|permission|checking\\s+with|a\\s+decision|(?:my|the)\\s+(?:manager|boss)'s\\s+(?:ok|approval))|on\\s+(?:my|our)\\s+own(?:\\s+(?:initiative|authority))?(?=\\s*(?:[?.!,]|$))|by\\s+(?:myself|ourselves)(?=\\s*(?:[?.!,]|$))")],
  ["unsure", rx("osäker|oklart|otydligt|unclear|inte\\s+(?:helt\\s+|riktigt\\s+)?säker\\s+på|vet\\s+inte\\s+(?:riktigt\\s+|om\\s+)|unsure|not\\s+sure|uncertain")],
  ["casework", rx("\\p{L}*ärende|handlägg|tjänsteutlåtande|tjänsteskrivelse|beslutsunderlag|myndighetsutövning|remissvar|nämnd|case\\s+(?:handling|work|file|officer)|casework|caseload|official\\s+report")],
  ["access", rx("åtkomst|index|indexera|läsa\\s+(?:filerna|mina\\s+filer|mapparna)|read\\s+(?:the\\s+)?files|tillgång\\s+till|komma\\s+åt|läsa\\s+(?:i|alla|allt|mina|våra)\\s|koppla\\s+(?:den\\s+|det\\s+|in\\s+)?(?:till|mot)|integrera\\s+(?:den\\s+|det\\s+)?med|access|connect(?:ed)?\\s+(?:it\\s+)?to|read\\s+(?:my|our|all)\\s|permission\\s+to\\s+(?:access|read)")],
  ["code", rx("programmer|kodning|koda(?![\\p{L}])|skriva\\s+kod|program|coding|write\\s+code|debug")],
  ["buy", rx("köp(?:a|er|te|t)?(?![\\p{L}])|köpa\\s+in|inköp|betala|prenumer|upphandl(?:a|ar|ing)(?![\\p{L}])|beställ|licens|purchas|buy|subscri|pay\\s+for|procure")],
  ["use", rx("installer|install|använd|nyttja|jobba\\s+med|arbeta\\s+med|köra|kör(?![\\p{L}])|testa|prova|use|using|work\\s+with|try(?![\\p{L}])|run(?![\\p{L}])")],
];

const NAMES_AI = rx("ai(?![\\p{L}])|\\p{L}*gpt|ai[-:]\\p{L}*|artificiell\\s+intelligens|generativ|språkmodell|chatbot|chattbot|language\\s+model|(?:local|lokal|open-source|öppen)\\s+(?:\\p{L}+\\s+)?(?:model|modell)|llama|whisper|transkriberingsapp|transcription\\s+(?:app|tool|service)");

const INFO_OPEN = INFO.find(([k]) => k === "open")![1];

/** the text with what `re` matches blanked out */
function blank(text: string, re: RegExp): string {
  return text.replace(new RegExp(re.source, "giu"), (m) => " ".repeat(m.length));
}


/** "… so I can use it for X, right?": a statement of a permission, asked to be confirmed */
const TAG_PERMISSION = new RegExp(`${W}(?:i|we|jag|vi|man)\\s+(?:can|may|kan|får)(?![\\p{L}]).*(?:right|eller\\s+hur|va|correct|rätt|ok|okej)\\s*\\?\\s*$`, "iu");

/** permission or obligation, by the words that ask it: the first modal decides */
/** "ska jag bara köra ändå?", "ska vi bara slå på den?": whether to go ahead, a permission */
const GO_AHEAD = rx("ska\\s+(?:jag|vi|man)\\s+(?:bara|ändå)\\s+\\p{L}+|should\\s+(?:i|we)\\s+just\\s+\\p{L}+");

function askByWords(text: string): Ask | undefined {
  if (WH_START.test(text)) return undefined;
  if (TAG_PERMISSION.test(text) || GO_AHEAD.test(text)) return "may";
  const must = MUST.exec(text);
  const may = MAY.exec(text);
  if (must && (!may || must.index < may.index)) return "must";
  return may ? "may" : undefined;
}

/** "så jag kan köra det i ChatGPT?": a permission stated and asked to be confirmed (not "Finns det en kurs vi kan gå?") */
const STATED_PERMISSION = new RegExp(`(?:^|[,;]\\s*|${W}(?:så|och|men|alltså)\\s+)(?:jag|vi|man)\\s+(?:kan|får)(?![\\p{L}])[^?]*\\?\\s*$`, "iu");
/** "copyright på bilder från Midjourney, vem ansvarar?": an open question after a comma */
const WH_TAIL = new RegExp(`^\\s*${rx("vems|vem|vilk(?:en|et|a)|vad|hur|varför|vart|who|whom|whose|what|which|how|why").source}\\s`, "iu");

/** a closing clause that is a question of its own: "is that allowed?", "är det ok?", "får jag det?", "måste jag det?" */
const TAIL_ASKS = rx("(?:is|would)\\s+(?:that|this|it)\\s+(?:ok|okay|allowed|fine|alright|permitted|required|necessary)|(?:är|vore)\\s+(?:det|det\\s+här|detta)\\s+(?:ok|okej|tillåtet|godkänt|lugnt|ett\\s+krav|nödvändigt)|(?:får|kan|måste|behöver)\\s+(?:jag|vi|man)\\s+(?:det|göra\\s+(?:det|så))\\s*\\?");

function askOfClause(clause: string): Ask | undefined {
  if (WH_START.test(clause)) return undefined;
  const tail = clause.slice(clause.lastIndexOf(",") + 1);
  if (WH_TAIL.test(tail)) return undefined;
  if (CLASSIFYING.test(clause) && !MAY.test(clause.replace(/^\s*\p{L}+/u, ""))) return undefined;
  if (SOMEONE_SEES.test(clause)) return undefined;
  // "I need to put X into our AI system, is that allowed?": the clause after the comma asks
  // ("…, or is it fine if …?" offers an alternative to the first clause, which asks)
  const tailAsk = tail !== clause && TAIL_ASKS.test(tail) && !/^\s*(?:or|eller)\s/iu.test(tail) ? askByWords(tail) : undefined;
  if (tailAsk) return tailAsk;
  const ask = askByWords(clause);
  if (ask) return ask;
  if (STATED_PERMISSION.test(clause)) return "may";
  // a clause opening with a modal asks yes or no whoever the subject is ("Kan IT fixa det?"),
  // also after a comma ("har inte tid, kan chatgpt granska det?")
  if ([clause, tail].some((c) => MODAL_OPENING.test(c) || VERB_FIRST.test(c)) || TAG_ENDING.test(clause)) return "may";
  if (MUST_OPENING.test(clause) || MUST_OPENING.test(tail)) return "must";
  if (INFINITIVE_QUESTION.test(tail)) return "may";
  // any other yes/no question asks whether it may be done, unless it asks a fact ("Sparas det …?", "Does Copilot store …?")
  if (/\?\s*$/.test(clause) && !FACT_OPENING.test(clause)) return "may";
  return undefined;
}

const TRUST = rx("(?:kan|kunde|får|can|could|should|may)\\s+(?:jag|vi|man|du|i|we|you)\\s+(?:\\p{L}+\\s+)?(?:lita\\s+på|tro\\s+på|trust|rely\\s+on|count\\s+on|believe)");

/** "Hamnar det utomlands?", "Lagras den i USA?": a present-tense verb with an impersonal subject asks what happens */
const PRESENT_OF_IT = /\p{L}{3,}(?:ar|er|r)\s+(?:det|den|de|dom|datan|informationen|uppgifterna|texten)(?![\p{L}])/u;

/** "Is there anywhere I can give feedback?", "Finns det nån jag kan fråga?": whether something exists, not permission (unless a ban or a permission is what may exist) */
const EXISTS = rx("is\\s+there|are\\s+there|finns\\s+det|fanns\\s+det");
const ONESELF = rx("(?:jag|vi|man|i|we|me|us)(?![\\p{L}])");
const EXISTS_OPENING = new RegExp(`^\\s*${EXISTS.source}`, "iu");
/** "finns det något sätt att få göra det?", "is there any way I could be allowed to …": a way to be permitted */
const WAY_TO_BE_ALLOWED = rx("(?:sätt|möjlighet|väg)\\s+(?:att|för\\s+(?:mig|oss)\\s+att)\\s+få\\s+(?:göra|använda|hantera|mata|lägga|klistra|ladda|dela|köra|ta|behandla|skriva)|(?:way|chance)\\s+(?:\\p{L}+\\s+){0,3}?(?:be\\s+allowed|be\\s+permitted|get\\s+(?:permission|approval|an?\\s+exception))");
const EXISTS_RULING = rx("hinder|hindra\\p{L}*|förbud|against|ban|forbid\\p{L}*|tillåt\\p{L}*|allowed|permitted|ok|okej|problem");

/** "Kan IT se vad jag skriver i Copilot?", "Can my manager see what I paste?": what someone can see or know is a fact */
const SOMEONE_SEES = rx("(?:kan|får|can|could|will|may)\\s+(?!(?:jag|vi|man|du|ni|i|we|you)(?![\\p{L}]))(?:\\p{L}+\\s+){1,2}?(?:se|veta|spåra|övervaka|see|know|track|monitor|tell)\\s+(?:vad|vilka|vilket|vem|om|hur|när|what|which|who|whether|if|how|when)");
const FACT_OPENING = new RegExp(`^\\s*(?:${rx("finns|fanns|har|hade|är|var|blir|blev|kostar|heter|gäller|fungerar|funkar|vet|tror|stämmer|syns|does|do|did|is|are|was|were|has|have|had|will|kan\\s+(?:du|ni)|can\\s+you|could\\s+you").source}|\\p{L}+s|${PRESENT_OF_IT.source})\\s`, "iu");

/** "…, testa i jobbet?": a short question opening with a Swedish infinitive asks whether to */
const INFINITIVE_QUESTION = /^\s*(?!(?:vilka|vilken|vilket|vem|vad|hur|var|när|varför|inga|alla|andra|sina|mina|dina|våra|era|nya|gamla|bra)\s)\p{Ll}{3,}a(?:\s+\p{L}+){0,4}\s*\?\s*$/u;

/** "vill göra en AI-bild till kampanjen": a plan told without a question asks whether it may be done */
const INTENT = rx("(?:^|[.!?]\\s+)(?:want|wanting|planning|going|thinking\\s+of)\\s+|(?:planen|tanken|idén|meningen)\\s+är\\s+att|(?:the\\s+)?(?:plan|idea)\\s+is\\s+(?:to|that)|(?:we|i)\\s+(?:want|plan|intend)(?:\\s+\\p{L}+)?\\s+to|(?:jag|vi)\\s+(?:\\p{L}+\\s+)?(?:lägger|klistrar|kör|använder|testar|laddar|ber|låter|tar|skickar|matar)(?![\\p{L}])|(?:it's|it\\s+is|that's)\\s+(?:fine|ok|okay)\\s+for\\s+(?:me|us)\\s+to|(?:i'll|i\\s+will|we'll|we\\s+will|jag\\s+ska|vi\\s+ska|(?:jag|vi)\\s+kommer\\s+(?:att\\s+)?)\\s*\\p{L}+|(?:we'd|we\\s+would|i\\s+would)\\s+like|(?:nu\\s+)?(?:kör|använder|testar|laddar\\s+upp|klistrar\\s+in|lägger\\s+in)\\s+(?:jag|vi)(?![\\p{L}])|(?:jag\\s+|vi\\s+)?(?:vill|tänker|tänkte|planerar\\s+att|funderar\\s+på\\s+att|skulle\\s+vilja)\\s+\\p{L}+|i\\s+(?:want|plan|intend|need)\\s+to|i'd\\s+like\\s+to|we\\s+(?:want|plan|intend)\\s+to|i'm\\s+(?:going|planning|thinking\\s+of)");

/**
 * A question of permission opens with a modal whatever its subject ("Kan IT fixa det?", "Would
 * it be a problem …?") or ends in a tag ("…, eller?", "…, right?", "… går väl bra?"). Other
 * verbs first ask facts ("Finns det …?", "Sparas det …?", "Har vi licens …?"), not permission.
 */
const MODAL_OPENING = new RegExp(
  `^\\s*${rx("kan|får|kunde|skulle|går|funkar|duger|vore|can|could|may|might|would").source}\\s.*\\?\\s*$`,
  "iu",
);
/** "Ska AI-texter diarieföras?", "Behöver koden granskas …?": a clause opening with an obligation's modal, whatever its subject */
const MUST_OPENING = new RegExp(`^\\s*${rx("ska|skall|behöver|måste|bör|krävs|must|should").source}\\s.*\\?\\s*$`, "iu");
const TAG_ENDING = new RegExp(`(?:${rx("eller|va|kör|right|correct|yes|ok|okay|okej|eller\\s+hur|eller\\s+inte|or\\s+not|isn't\\s+it|won't\\s+it|är\\s+det\\s+inte").source})\\s*\\?\\s*$|${W}väl(?![\\p{L}]).*\\?\\s*$|${W}väl\\s+(?:vara\\s+)?(?:lugnt|ok|okej|bra|fine|tillåtet|inga\\s+problem|ingen\\s+fara)\\s*[.!]*\\s*$`, "iu");
/** what staff are to be given: "har vi rätt att få …", "ska vi få …", "are we entitled to …", "will we get …" */
const ENTITLED = rx("(?:har|får)\\s+(?:vi|jag|man|alla|anställda|personalen|medarbetarna)(?:\\s+(?:anställda|medarbetare|alla))?\\s+rätt\\s+(?:att\\s+få|till)|(?:ska|kommer|skulle)\\s+(?:vi|jag|man|alla|anställda|personalen|medarbetarna)(?:\\s+som(?:\\s+\\p{L}+){1,4}?)?\\s+(?:alla\\s+)?(?:att\\s+)?få(?![\\p{L}])|(?:are|am)\\s+(?:we|i|staff|employees)\\s+(?:all\\s+)?(?:entitled|(?:going\\s+to|gonna)\\s+(?:get|receive|be\\s+(?:given|offered)))|(?:will|do|does|should)\\s+(?:we|i|staff|employees|everyone)\\s+(?:get|receive|be\\s+(?:given|offered))|erbjuda(?:s)?\\s+(?:oss|mig|alla|anställda)");

/** "räcker det att …?", "is it enough to …?", "sen är det klart?", "that's all the sign-off we need, right?" */
const ENOUGH = rx("(?:eller\\s+)?behövs\\s+(?:det\\s+)?(?:nåt|något|någonting)\\s+(?:mer|annat|utöver)|(?:or\\s+)?(?:is|do\\s+(?:we|i)\\s+need)\\s+anything\\s+(?:else|more)\\s+(?:needed|required)?|räcker\\s+(?:hennes|hans|chefens|deras|hens|mitt|ett|det)\\s+(?:ok|okej|godkännande|ja)|(?:is|are)\\s+(?:\\p{L}+\\s+){1,3}?enough(?:\\s*\\?|\\s+or\\s)|räcker\\s+det|är\\s+det\\s+(?:tillräckligt|nog)(?![\\p{L}])|is\\s+(?:it|that|this)\\s+enough|(?:that's|that\\s+is|is\\s+that)\\s+all\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:we|i)\\s+need|(?:sen|då|så)\\s+är\\s+det\\s+(?:väl\\s+)?klart|(?:då|så)\\s+kör\\s+(?:vi|jag)\\s+väl|and\\s+(?:then\\s+)?(?:that's\\s+it|we're\\s+done|i'm\\s+done)");

const PROHIBITION_ASKED = rx("(?:betyder|innebär)\\s+(?:det|detta|det\\s+här)\\s+att\\s+(?:jag|vi|man)\\s+inte\\s+får|(?:does|do)\\s+(?:that|this|it)\\s+mean\\s+(?:that\\s+)?(?:i|we)\\s+(?:can't|cannot|can\\s+not|may\\s+not|am\\s+not\\s+allowed|are\\s+not\\s+allowed|mustn't|must\\s+not)|^\\s*so\\s+(?:i|we)\\s+(?:can't|cannot|may\\s+not|am\\s+not\\s+allowed|are\\s+not\\s+allowed)");
const CONSIDER_WHETHER = rx("reda\\s+ut\\s+om|klargöra\\s+om|figure\\s+out\\s+whether|find\\s+out\\s+whether|(?:fundera|tänka|reflektera)\\s+på\\s+om|överväga\\s+om|ta\\s+ställning\\s+till\\s+om|consider\\s+whether|think\\s+about\\s+whether|work\\s+out\\s+whether|assess\\s+whether|look\\s+into\\s+whether");
/** "chefen har sagt ok", "my manager said it's fine", "rektorn har godkänt": someone's approval, stated */
const APPROVAL_GIVEN = rx("(?:sagt|sa|sade|säger)\\s+(?:att\\s+det\\s+är\\s+)?(?:ok|okej|ja|att\\s+vi\\s+får)(?![\\p{L}])|har\\s+godkänt|gett\\s+(?:sitt\\s+)?(?:ok|klartecken|grönt\\s+ljus)|(?:said|says)\\s+(?:it'?s\\s+|it\\s+is\\s+)?(?:ok|okay|fine)|(?:has\\s+|have\\s+)?(?:approved|signed\\s+off|given\\s+(?:the\\s+|us\\s+the\\s+|me\\s+the\\s+)?(?:go-?ahead|ok|green\\s+light))");
/** "… så nu kan jag väl …", "so I can just go ahead …": going on from what was said before */
const GO_ON_THAT = rx("(?:så|då)\\s+(?:nu\\s+)?(?:kan|får)\\s+(?:jag|vi)\\s+väl|so\\s+(?:now\\s+)?(?:i|we)\\s+can\\s+(?:just\\s+)?");
const ALTERNATIVE_ENOUGH = rx("(?:eller|or)\\s+(?:\\p{L}+\\s+)?(?:räcker\\s+det|är\\s+det\\s+(?:tillräckligt|nog)|is\\s+it\\s+enough)|(?:or|eller)\\s+(?:is|är)\\s+(?:\\p{L}+\\s+){1,4}?(?:enough|tillräckligt|nog)");

/** the duties a text names, whatever it asks ("är det IT som ska göra riskanalysen?") */
export function dutiesNamed(text: string): Set<Duty> {
  const duty = scan(text, DUTY);
  if (duty.has("notify-authority")) duty.delete("report");
  return duty;
}

/** "räknas provresultat som känsliga?": what something counts as, not whether it is allowed */
export const CLASSIFYING = rx("räknas|räknar\\s+man|klassas|klassificeras|anses|betraktas|ses\\s+som|counts?\\s+as|counted\\s+as|considered|classified\\s+as|regarded\\s+as|treated\\s+as");

/** the question opens with who/what/how (in its asking clause) */
export function opensWithQuestionWord(question: string): boolean {
  const clauses = clausesByAsking(question);
  return clauses.length > 0 && WH_START.test(clauses[0]);
}

const OFFERED_ANSWER = new RegExp(`^\\s*(?:(?:eller|or)\\s+)?(?!${rx("kan|får|ska|måste|behöver|går|funkar|can|may|must|should|ok|okej|okay|right|rätt|eller\\s+hur|va|yes|no|ja|nej").source}\\s*\\?)[\\p{L}-]+(?:\\s+[\\p{L}-]+)?\\s*\\?\\s*$|^\\s*(?!${rx("kan|får|ska|måste|behöver|är|can|may|must|should|is|are|do|does").source})(?:[\\p{L}-]+\\s+){1,3}(?:eller|or)\\s+(?:[\\p{L}-]+\\s*){1,3}\\?\\s*$`, "iu");

/** "… måste det stå nånstans? och vilket program?": a clause opening with "and" goes on asking the one before */
const CONTINUES = /^\s*(?:och|samt|and|plus)\s/iu;

/** a question's clauses, the asking one first: the last ending in "?", then the last one */
function clausesByAsking(text: string): string[] {
  const clauses: string[] = [];
  for (const c of text.split(/(?<=[.!?…])\s+|\s+[–—]\s+|\s+-\s+|\n+/u).map((x) => x.trim())) {
    if (c.length === 0) continue;
    // "vem ska jag fråga? chefen? IT?", "who does it — me or IT?": answers offered after a question belong to it, they do not ask
    if (clauses.length > 0 && (OFFERED_ANSWER.test(c) || CONTINUES.test(c))) clauses[clauses.length - 1] += ` ${c}`;
    else clauses.push(c);
  }
  const asking = clauses.filter((c) => /\?\s*$/.test(c)).reverse();
  const last = clauses[clauses.length - 1];
  return [...asking, ...(last && !asking.includes(last) ? [last] : [])];
}

const GO_AHEAD_OFFERED = rx("(?:eller|or)\\s+(?:är\\s+det\\s+fritt\\s+fram|är\\s+det\\s+bara\\s+att\\s+(?:köra|kör|sätta\\s+igång|börja)|kör\\s+(?:man|jag|vi)\\s+bara|(?:kan|får)\\s+(?:jag|vi|man)\\s+bara\\s+(?:köra|börja|sätta\\s+igång|använda|köpa|installera)|(?:can|may)\\s+(?:i|we)\\s+just\\s+(?:go\\s+ahead|start|use|run|get\\s+started|buy|install|begin)|do\\s+(?:i|we)\\s+just\\s+(?:go\\s+ahead|start)|(?:is\\s+it\\s+(?:ok|fine)\\s+to\\s+)?just\\s+go\\s+ahead)");

/** "Vad krävs för att det ska vara ok?", "What do we need for that to be ok?": whether, and on what condition */
const CONDITIONS = rx("what\\s+do\\s+(?:we|i)\\s+need\\s+(?:for\\s+(?:it|this|that)\\s+to\\s+be\\s+(?:ok|okay|allowed|fine|alright)|to\\s+(?:be\\s+allowed|get\\s+(?:it\\s+)?approved))|under\\s+(?:what|which)\\s+conditions|vad\\s+(?:krävs|behövs)\\s+för\\s+att\\s+(?:det\\s+ska\\s+(?:vara|bli)\\s+(?:ok|okej|tillåtet|godkänt)|(?:jag|vi|man)\\s+(?:ska\\s+)?(?:få|kunna)\\s+(?:använda|lägga|klistra|köra|mata))|på\\s+vilka\\s+villkor|vilka\\s+villkor\\s+gäller");

/** is it a yes/no question, and about permission or obligation: the asking clause decides, then the first modal */
/** "är det jag eller leverantören som åker dit?", "is it me or the vendor who pays?": a choice between who, not yes or no */
const ACTOR_CHOICE = rx(
  "(?:är|blir|var)\\s+det\\s+(?:jag|vi|man|du|ni|\\p{L}+(?:en|et|na|n))\\s+eller\\s+(?:\\p{L}+\\s+){0,2}?som\\s|(?:is|was|would)\\s+it\\s+(?:be\\s+)?(?:me|us|you|them|the\\s+\\p{L}+|my\\s+\\p{L}+|our\\s+\\p{L}+)\\s+or\\s+(?:\\p{L}+\\s+){1,3}?(?:who|that)(?:'s)?\\s",
);

export function askOf(question: string): Ask | undefined {
  if (CONDITIONS.test(question)) return "may";
  if (ACTOR_CHOICE.test(question)) return undefined;
  const clauses = clausesByAsking(question).map(mainClause);
  // who/what/how in the asking clause makes the whole an open question, also after a lead-in
  // ("I don't want to snitch, but where would I report it?", "vet inte riktigt, men vem ska jag fråga?")
  if (clauses.length > 0 && (WH_START.test(clauses[0]) || WH_START.test(afterLeadIn(clauses[0])))) return undefined;
  // "Kan jag lita på det den svarar, eller måste jag dubbelkolla?": whether to believe it, not permission
  const trust = clauses.length > 0 ? TRUST.exec(clauses[0]) : null;
  // ("Finns det något hinder för att vi testar X?" asks permission; "Are there uses that are banned?" asks which)
  if (clauses.length > 0 && EXISTS_OPENING.test(clauses[0])) return (EXISTS_RULING.test(clauses[0]) && ONESELF.test(clauses[0])) || WAY_TO_BE_ALLOWED.test(clauses[0]) ? "may" : undefined;
  if (trust) return MUST.test(clauses[0].slice(0, trust.index) + clauses[0].slice(trust.index + trust[0].length)) ? "must" : undefined;
  for (const c of clauses) {
    const ask = askOfClause(c);
    if (ask) return ask;
  }
  return askByWords(question) ?? (!question.includes("?") && INTENT.test(question) ? "may" : undefined);
}

/** what follows the last ", but" / ", men" / ", so" / ", så" of a clause (the clause itself when there is none) */
function afterLeadIn(clause: string): string {
  const m = /,\s*(?:but|men|so|så)\s+(?=[^,]*$)/iu.exec(clause);
  return m ? clause.slice(m.index + m[0].length) : clause;
}

/** "När vi översätter med DeepL, måste …", "Med AI-förordningen, behöver …": a clause that sets the scene before a comma leaves the asking to what follows */
const SCENE_SETTING = rx("när|when|whenever|once|om|if|innan|before|efter|after|medan|while|eftersom|since|nu\\s+när|now\\s+that|med|with|för|for|i|in|inför|ahead\\s+of");
function mainClause(clause: string): string {
  const comma = clause.indexOf(",");
  if (comma < 0 || !new RegExp(`^\\s*${SCENE_SETTING.source}\\s`, "iu").test(clause)) return clause;
  const rest = clause.slice(comma + 1);
  return MODAL_OPENING.test(rest) || MUST_OPENING.test(rest) ? rest : clause;
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

/** a picture of a place that exists ("en AI-bild av hamnen", "a picture of our town hall") */
const REAL_PLACE = rx("(?:bild|foto|illustration|målning|image|picture|photo|painting)\\p{L}*\\s+(?:av|på|över|från|of|from)\\s+(?:\\p{L}+\\s+){0,2}?(?:hamnen|torget|stadshuset|kommunhuset|rådhuset|kyrkan|biblioteket|simhallen|badplatsen|stranden|parken|centrum|skolan|slottet|stationen|the\\s+harbou?r|the\\s+town\\s+hall|the\\s+square|the\\s+church|the\\s+library|our\\s+school|the\\s+station)" + E);

/** the pack's own examples as word-start patterns (built once per pack) */
const termCache = new WeakMap<object, Lexicon<string>>();
function termLexicon<K extends string>(terms: Partial<Record<K, string[]>>): Lexicon<K> {
  let lex = termCache.get(terms);
  if (!lex) {
    const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    // "@finance": a field the policy names as a whole, read by its everyday words (material-kinds.ts)
    const term = (w: string) => (w.startsWith("@") && FIELDS[w.slice(1)] ? `(?:${FIELDS[w.slice(1)]})` : esc(w));
    lex = Object.entries<string[] | undefined>(terms).map(([k, words]) => [k, rx((words ?? []).map(term).join("|"))]);
    termCache.set(terms, lex);
  }
  return lex as Lexicon<K>;
}

/** "utan några kunduppgifter", "inga personuppgifter", "without any personal data": named to say it is absent */
const ABSENT = rx("(?:(?:utan|inga|inget|ingen|ingenting|inte\\s+några|without|no|nothing)\\s+|(?:removed|deleted|stripped|tagit\\s+bort|plockat\\s+bort|rensat\\s+bort|strukit)\\s+(?:all(?:a)?\\s+|the\\s+|alla\\s+|every\\s+)?)(?:några\\s+|någon\\s+|något\\s+|nån\\s+|nåt\\s+|any\\s+)?\\p{L}+(?:\\s+(?:data|uppgifter|information))?(?:\\s+(?:och|eller|and|or)\\s+\\p{L}+)*");

/** "i samma stil som Lars Lerin", "in the style of Tove Jansson": an artist named for a style, not a person's data */
const STYLE_OF = /(?:stil\s+(?:som|med)|style\s+(?:of|as)|à\s+la)(?:\s+\p{Lu}[\p{L}'’-]+){1,3}/gu;
/** a style named after someone ("i Carl Larssons stil", "in Tove Jansson's style", "i samma stil som Lars Lerin"): case matters, so not through rx */
const NAMED_STYLE = /(?<![\p{L}])(?:i\s+(?:\p{Lu}\p{L}+\s+){0,2}\p{Lu}\p{L}*s\s+stil|in\s+(?:\p{Lu}\p{L}+\s+){0,2}\p{Lu}\p{L}+'s\s+style|in\s+the\s+style\s+of\s+\p{Lu}|(?:i\s+samma\s+)?stil\s+(?:som|med)\s+\p{Lu}|à\s+la\s+\p{Lu})/u;

/** "in the style of a famous painter", "i stil med en känd fotograf", "like a famous painting": someone's work imitated, unnamed */
const ARTISTS_STYLE = rx("(?:in\\s+the\\s+style\\s+of|(?:i|med)\\s+(?:samma\\s+)?stil\\s+(?:som|med)|looks?\\s+like|liknar|ser\\s+ut\\s+som)\\s+(?:\\p{L}+\\s+){0,3}?(?:painter|artist|photographer|illustrator|cartoonist|designer|konstnär|målare|fotograf|illustratör|tecknare|formgivare)(?:s|en|er|na)?|(?:famous|well-known|known|känd|kända|berömd|berömda)\\s+(?:painting|artwork|work\\s+of\\s+art|photo(?:graph)?|målning(?:en)?|tavla(?:n)?|konstverk(?:et)?|foto(?:t)?|fotografi(?:et)?)");
const DEAL_WITH_NAMED_PARTY = /(?<![\p{L}])(?:[Aa]vtal(?:et)?|[Kk]ontrakt(?:et)?|[Oo]ffert(?:en)?|[Cc]ontract|[Aa]greement|[Qq]uote|[Pp]roposal)\s+(?:med|till|från|with|to|from|for)\s+\p{Lu}/u;
/** "ett helt påhittat fall, inga riktiga klienter": invented people are nobody's data (what the tool made up is a mistake, not an example) */
const FICTION = rx("(?<!(?:copilot|chatgpt|gemini|claude|ai|ai:n|den|verktyget|modellen)\\s+(?:har\\s+)?)(?:hittat|hittar)\\s+på\\s+(?:en|ett|alla)\\s|påhittad(?:e|t)?\\s+(?:namn|person|personer|brukare|patient|elev|elever|fall|exempel\\p{L}*|klient|kund|mejl)|(?:helt|är|var)\\s+påhittad(?:e|t)?|fiktiv(?:a|t)?\\s+\\p{L}+|uppdiktad|(?:invented|made[-\\s]up|fictional|fictitious)\\s+(?:names?|people|persons?|characters?|patients?|pupils?|clients?|case|example|data|customers?|famil(?:y|ies)|couple|kids|children)|inga\\s+riktiga\\s+(?:personer|klienter|brukare|namn|patienter|elever|kunder)|no\\s+real\\s+(?:people|persons|names|clients|patients|pupils|customers)");
/** "elevernas riktiga namn eller påhittade?": real people asked about are real */
const REAL_PEOPLE = rx("(?<!(?:inga|no)\\s+)(?:riktiga|verkliga|real|actual)\\s+(?:namn|personer|uppgifter|names|people|data|pupils|patients|clients)");
/** one row per person ("each employee's salary", "per medarbetare"): figures about individuals */
const PER_PERSON = rx("each|every|varje|per\\s+(?:medarbetare|person|anställd|elev|individ|employee|pupil|person)|individual|enskild|individuell");

/** "be den räkna ut snittökning per avdelning", "calculate the average": totals the tool is to compute from the rows handed to it */
const COMPUTED = rx("räkna\\s+(?:ut|fram)|beräkna|ta\\s+fram|sammanställa|calculate|compute|work\\s+out|figure\\s+out|aggregate\\s+(?:it|them|the)");
const AGGREGATE = rx("summerad|summerade|aggregerad|aggregated|totals?(?![\\p{L}])|per\\s+(?:avdelning|enhet|årskurs|klass|skola|team|månad|department|unit|year)|procent\\s+per|statistik|statistics|snittlön|genomsnitt|average");
const OUTGOING_TEXT = rx("(?:plats)?annons(?:en|er)?(?![\\p{L}])|job\\s+(?:ad|advert|posting)|(?:brev|utskick|sms-utskick|folder|broschyr|affisch|nyhetsbrev|månadsbrev|veckobrev|inbjudan|välkomstbrev|tackmejl|information|anslag|newsletter|letter|flyer|poster|leaflet|notice|invitation|e-?mail)\\s+(?:\\p{L}+\\s+)?(?:till|för|åt|to|for)\\s");

/** who a text is for ("brevet till vårdnadshavarna", "a newsletter for residents"): its readers, not what it is about */
/** "ta hjälp med utkast till nyhetsbrevet", "help with a first draft": the draft is what the tool is to make, not material handed to it */
const DRAFT_WANTED = rx("(?:hjälp|help)(?:\\s+(?:av|från|from)\\s+[\\p{L}-]+)?\\s+(?:med|with|to\\s+write|att\\s+skriva)\\s+(?:ett\\s+|a\\s+|the\\s+|första\\s+|first\\s+)*(?:utkast|draft)\\p{L}*|(?:skriva|göra|ta\\s+fram|write|make|produce)\\s+(?:ett\\s+|a\\s+|the\\s+|första\\s+|first\\s+)*(?:utkast|draft)\\p{L}*");

/** "bilder till kundpresentationen", "images for a client presentation": what the pictures are made for, not material handed over */
const IMAGES_FOR = rx("(?:bild|bilder|bilderna|illustration(?:er)?|images?|pictures?|illustrations?|visuals?)\\s+(?:till|för|i|åt|for|in|to)\\s+(?:(?:a|an|the|our|my|this|en|ett|vår|vårt|min|mitt|den|det)\\s+)?(?:\\p{L}+\\s+)?\\p{L}*(?:presentation|pitch|deck|rapport|report|nyhetsbrev|newsletter|affisch|poster|broschyr|brochure|inbjudan|invitation|webbsida|webpage|inlägg|post)\\p{L}*");

/** "får man komma med synpunkter på …?", "can I give feedback on …": what the asker says, not material handed to a tool */
const ASKERS_FEEDBACK = rx("(?:komma|kommer|kom)\\s+med\\s+(?:\\p{L}+\\s+)?(?:synpunkter|förslag|idéer|feedback|åsikter)|(?:lämna|ge|framföra|tycka\\s+till\\s+med)\\s+(?:\\p{L}+\\s+)?(?:synpunkter|förslag|feedback|åsikter)|(?:give|send|share|offer)\\s+(?:\\p{L}+\\s+)?(?:feedback|suggestions|input|views|opinions)" + E);

/** "en ny riktlinje för hemtjänsten", "a routine for home care": a document for a service names no one in it */
const SERVICE_GOVERNED = new RegExp(
  `(?<=${rx("riktlinje|rutin|policy|styrdokument|verksamhetsplan|handlingsplan|budget|broschyr|informationsblad|organisation|schema|guideline|routine|procedure|brochure|budget").source}\\p{L}*\\s+(?:för|om|inom|i|till|for|about|on|in|of)\\s+(?:\\p{L}+\\s+){0,2}?)${rx("hemtjänst|omsorg|äldreomsorg|socialtjänst|bistånd|home\\s+care|elderly\\s+care|social\\s+services").source}\\p{L}*`,
  "iu",
);
const AUDIENCE = rx("answer(?:ing|s)?\\s+(?:the\\s+)?(?:residents|citizens|customers|parents|pupils|visitors|tenants)(?:'|’)?s?\\s+(?:general\\s+)?questions|svara\\s+på\\s+(?:invånarnas|medborgarnas|kundernas|föräldrarnas|besökarnas)\\s+frågor|\\p{L}*(?:brev|utskick|folder|broschyr|affisch|inbjudan|text|svar|mejl|information|sammanfattning|newsletter|letter|email|message|notice|poster|flyer|leaflet|summary|answer|reply|invitation)\\p{L}*\\s+(?:\\p{L}+\\s+){0,4}?(?:till|för|åt|to|for)\\s+(?:(?:alla|våra|kommunens|nya|nyanlända|nyinflyttade|lokala|the|our|all|new|newly|arrived|local)\\s+){0,3}(?:familjer|families|households|hushåll|nyanlända|newcomers|vårdnadshavar|föräldrar|invånar|medborgar|elever|kunder|brukar|anhörig|besökar|hyresgäst|låntagar|deltagar|residents|citizens|parents|pupils|students|staff|employees|customers|tenants|visitors|relatives|members|everyone|medarbetar|personalen|kollegor|colleagues|allmänheten|the\\s+public|nyanställd|new\\s+hires)\\p{L}*|svara(?:r)?\\s+(?:invånarna|medborgarna|kunderna|föräldrarna)");
/** "for a bid we're writing", "till rapporten som jag skriver": what the work is for is being written, not handed over */
const PURPOSE = rx("(?:for|towards|till|för|inför)\\s+(?:a|an|the|our|my|this|ett|en|det|den|vårt|vår|mitt|min|detta)\\s+(?:\\p{L}+\\s+){0,2}?\\p{L}+\\s+(?:that\\s+|which\\s+|som\\s+)?(?:we're|we\\s+are|i'm|i\\s+am|vi|jag)\\s+(?:currently\\s+|just\\s+|håller\\s+på\\s+(?:att|med)\\s+|ska\\s+)?(?:writing|preparing|drafting|working\\s+on|putting\\s+together|skriver|skriva|förbereder|tar\\s+fram|jobbar\\s+med|sätter\\s+ihop)" + E);
const NOT_THIS_TOOL = rx("(?:inget|ingenting|inte|aldrig|nothing|never|not)\\s+(?:\\p{L}+\\s+){0,2}?(?:ut\\s+)?(?:på|till|on|to)\\s+(?:nätet|internet|the\\s+internet)(?![\\p{L}])|(?:not|inte|ej|instead\\s+of|rather\\s+than|unlike|istället\\s+för|i\\s+stället\\s+för|till\\s+skillnad\\s+från|snarare\\s+än)\\s+(?:the\\s+|a\\s+|den\\s+|det\\s+|vanliga\\s+|regular\\s+|public\\s+|free\\s+)?(?:chat\\s*-?\\s*gpt|chatgpt|gemini|claude|perplexity|deepl|midjourney|dall-?e|bard|grok|deepseek|copilot)" + E);
/** something already went wrong ("råkade klistra in", "ChatGPT gav mig fel info", "it turned out the figures were wrong") */
export const MISHAP = rx("(?:klistrade|matade|laddade|lade|la)\\s+(?:precis|nyss|just)\\s+(?:in|upp)|(?:i|we)\\s+just\\s+(?:pasted|uploaded|entered|fed)|råkade|råkat|av\\s+misstag|accident(?:al)?ly|by\\s+mistake|(?:gav|gett|gave|given)\\s+(?:mig|oss|me|us|them|dem|dom)?\\s*(?:helt\\s+|completely\\s+)?(?:fel(?![\\p{L}])|felaktig\\p{L}*|wrong|incorrect|false)|turned\\s+out\\s+(?:to\\s+be\\s+)?(?:\\p{L}+\\s+){0,4}?(?:wrong|incorrect|false)|(?:was|were|var|blev)\\s+(?:completely\\s+|totally\\s+|helt\\s+)?(?:wrong|incorrect|fel(?![\\p{L}])|felaktig\\p{L}*)|(?:hittade|hittat)\\s+på\\s+(?:\\p{L}+\\s+)?(?:siffror|fakta|uppgifter|källor|referenser)|made\\s+up\\s+(?:\\p{L}+\\s+)?(?:figures|facts|numbers|sources|references)|hallucin");
/** "sometimes public notices, sometimes internal memos", "antingen … eller", "it varies": material of one kind or another */
/** "not sure if it's public yet", "vet inte om rapporten är offentlig" */
const UNSURE_IF_OPEN_WORDS = "(?:not\\s+sure|unsure|don't\\s+know|osäker(?:\\s+på)?|vet\\s+inte)\\s+(?:\\p{L}+\\s+){0,2}?(?:if|whether|om)\\s+(?:[\\p{L}'’]+\\s+){1,4}?(?:public|published|offentlig\\p{L}*|publicerad\\p{L}*|open)";
const UNSURE_IF_OPEN = rx(UNSURE_IF_OPEN_WORDS);
const ALTERNATIVES = rx(UNSURE_IF_OPEN_WORDS + "|(?:ibland|sometimes)\\s[^.?!]*(?:ibland|sometimes|other\\s+times|andra\\s+gånger)|(?:either|antingen)\\s[^.?!]*\\s(?:or|eller)\\s|it\\s+varies|det\\s+varierar|(?:depending|beroende)\\s+(?:on|på)\\s+(?:which|what|vilk\\p{L}+|vad)\\s|(?:vissa|some)\\s+(?:\\p{L}+\\s+){0,3}?(?:andra|others)(?![\\p{L}])");
/** a statute named by its name ("socialtjänstlagen", "skollagen") is the law's text, not a case under it */
const LAW_NAME = rx("(?:skol|socialtjänst|kommunal|förvaltnings|förvaltningsprocess|offentlighets-\\s+och\\s+sekretess|sekretess|arbetsmiljö|diskriminerings|plan-\\s+och\\s+bygg|dataskydds|upphovsrätts|hälso-\\s+och\\s+sjukvårds|patientdata|patientsäkerhets|arbetstids|semester|medbestämmande|anställningsskydds|upphandlings|tryckfrihets|yttrandefrihets|arkiv|bostadsanpassnings|alkohol|ordnings)lag(?:en|ens)?(?![\\p{L}])|(?:miljö|brotts|föräldra|socialförsäkrings|jorda)balk(?:en)?(?![\\p{L}])|lagen\\s+om\\s+\\p{L}+|\\p{L}*förordning(?:en)?(?![\\p{L}])");
/** the material is said to be public already: not internal, whatever kind of document it is */
const PUBLISHED = rx("(?:från|ur|from)\\s+(?:vår|våran|kommunens|företagets|the|our|its)?\\s*(?:hemsida|hemsidan|externwebben|webbplats\\p{L}*|website|public\\s+(?:\\p{L}+\\s+)?(?:portal|site))|ligger\\s+ute|redan\\s+(?:ligger|är|har\\s+(?:blivit|varit))\\s+(?:ute|publicera|offentlig|på)|ligger\\s+(?:redan\\s+)?(?:ute\\s+)?på\\s+(?:hemsidan|webben|webbplatsen|nätet|intranätet)|already\\s+(?:public|published|online|out)|(?<!(?:inte|ej|not|aldrig|never|innan|before|until|tills|förrän|när|when|once|efter|after|ska|will|to\\s+be)\\s+(?:\\p{L}+\\s+){0,2})(?:(?:is|are)\\s+published|published\\s+on|publicerad|publicerat|publicerade)|allmän(?:na)?\\s+handling|lagtext|law\\s+texts?|paragraf\\p{L}*\\s+(?:ur|i|från)\\s+\\p{L}*lagen");

export function readQuestion(question: string, terms: InfoTerms = {}, toolTerms: ToolTerms = {}): QuestionSlots {
  const text = question.normalize("NFC");
  const said = blank(text, ABSENT);
  // readers and statutes say nothing of the kind of material, except that a statute is open
  const present = blank(blank(blank(blank(blank(blank(blank(said, AUDIENCE), PURPOSE), LAW_NAME), SERVICE_GOVERNED), DRAFT_WANTED), ASKERS_FEEDBACK), IMAGES_FOR);
  const explicit = scan(present, INFO);
  if (NAMED_STYLE.test(present) || ARTISTS_STYLE.test(present)) explicit.add("copyright");
  const material = scan(present, MATERIAL);
  const info = new Set([...explicit, ...material]);
  // said of the material itself that it is public (not "innan det är publicerat", not a law it is checked against)
  const saidOpen = info.has("open") || PUBLISHED.test(present);
  // a statute handed over is open text too, whatever it is compared with
  if (saidOpen || INFO_OPEN.test(said)) info.add("open");
  // an open report is open: a document's type ("rapport", "protokoll") says internal only when nothing says more
  // … unless the asker is unsure it is public ("vet inte om rapporten är offentlig än")
  const unsureOpen = UNSURE_IF_OPEN.test(text);
  if (saidOpen && !explicit.has("internal") && !unsureOpen) info.delete("internal");
  // a record about a person is personal data first: its document type adds nothing ("anteckningarna från hembesöket")
  if (["personal", "special", "secret", "customer"].some((k) => info.has(k as InfoKind)) && !explicit.has("internal")) info.delete("internal");
  // a contract or offer with a named party is that party's business ("avtalet med Volvo Cars")
  if (DEAL_WITH_NAMED_PARTY.test(present)) info.add("customer");
  for (const k of scan(present, termLexicon(terms))) info.add(k);
  // "utan några kunduppgifter": a kind the question says is absent is not there, whatever else hints at it
  const absent = new Set<InfoKind>();
  for (const m of text.matchAll(new RegExp(ABSENT.source, "giu"))) for (const k of scan(m[0], INFO)) absent.add(k);
  // what the draft reviewer finds in the question itself
  // AI products are no people ("Gemini", "Claude"): the reviewer reads the question without them
  let withoutTools = blank(blank(text, STYLE_OF), NAMED_STYLE);
  for (const [, re] of TOOL) withoutTools = blank(withoutTools, re);
  const findings = reviewDraft(withoutTools).findings;
  const reviewerFound = findings.some((f) => f.type !== "HEALTH" && f.type !== "SPECIAL_CATEGORY");
  for (const f of findings) {
    if (f.type === "HEALTH" || f.type === "SPECIAL_CATEGORY") info.add("special");
    else if (f.type === "SECRECY" || f.type === "CREDENTIAL") info.add("secret");
    else info.add("personal");
  }
  // a question about special categories is about personal data too
  if (info.has("special")) info.add("personal");
  // a person still named or described ("förnamnet på eleven, inga personnummer") stays personal data
  const personNamed = explicit.has("personal") || material.has("personal");
  for (const k of absent) if (k !== "personal" || (!info.has("special") && !personNamed)) info.delete(k);
  if (FICTION.test(text) && !REAL_PEOPLE.test(text) && !reviewerFound) {
    for (const k of ["personal", "special", "customer"] as const) info.delete(k);
    info.add("open");
  }
  // figures summed over people ("summerade lönekostnader per avdelning", "team totals") are nobody's data
  if (AGGREGATE.test(text) && !COMPUTED.test(text) && !PER_PERSON.test(text) && !reviewerFound && !info.has("special")) {
    info.delete("personal");
    if (!info.has("open")) info.add("internal");
  }
  // a letter, poster or newsletter to its readers, with nothing else named, is text for publication
  if (info.size === 0 && OUTGOING_TEXT.test(text)) info.add("open");
  // "SveaGPT (the procured one, not ChatGPT)": a tool named to say it is not the one in use
  const tool = scan(blank(text, NOT_THIS_TOOL), TOOL);
  for (const k of scan(text, termLexicon(toolTerms))) tool.add(k);
  // an app nobody has vetted is one the organisation has not procured
  const use = scan(blank(text, INFO_OPEN), USE);
  if ((NEW_TOOL.test(text) || UNKNOWN_DATA_HANDLING.test(text)) && !use.has("buy")) tool.add("unknown");
  if (tool.has("unknown") && !tool.has("approved")) tool.add("public");
  // a picture of a real place is a likeness of something real, like one of a person
  if ((namesRealPlace(text) || REAL_PLACE.test(text)) && /(?<![\p{L}])(?:bild|foto|illustration|image|picture|photo)/iu.test(text)) info.add("images-of-people");
  let ask = askOf(text);
  // "…, behöver väl inte fråga nån": a duty asserted away with "väl" asks to be confirmed, whatever else the text plans
  const assertedAway = DUTY_ASSERTED_AWAY.test(text);
  if (assertedAway) ask = "must";
  // "behöver jag fråga nån eller är det bara att köra?": whether one may just go ahead, so the answer leads with the condition
  if (ask === "must" && GO_AHEAD_OFFERED.test(text)) ask = "may";
  // "har vi rätt att få utbildning?", "ska vi få nån utbildning?": training owed to staff is the policy's duty to train
  if (ask !== "must" && ENTITLED.test(text) && dutiesNamed(text).has("training")) ask = "must";
  // "anmäla till IMY" is a notification to the authority, not the internal report
  const duty = ask === "must" ? dutiesNamed(text) : new Set<Duty>();
  const responsibility = RESPONSIBILITY.test(text);
  // "…, I don't need to tell anyone, right?": a duty asserted away, asked to be confirmed
  const deniesDuty = assertedAway || (ask === "must" && NEGATED_DUTY.test(text) && TAG_ENDING.test(text));
  // the asking clause asserts the duty away, not a remark after it ("…? the AI wrote it, not me");
  // "… eller är det leverantörens ansvar?" offers the other answer and asserts nothing
  const asserted = (clausesByAsking(text)[0] ?? text).replace(/(?:[?,]\s*|\s)(?:eller|or)\s[^?]*\??\s*$/iu, " ");
  const denies = (responsibility && (NOT_MINE.test(asserted) || OTHERS_DUTY.test(asserted))) || deniesDuty;
  if (responsibility && (ask !== undefined || denies || /\?/.test(text))) {
    ask = "must";
    duty.add("check-output");
  }
  // "not sure if it's public yet": the material may be open, or not
  if (unsureOpen && info.size > 0) info.add("open");
  const alternatives = info.size > 1 && ALTERNATIVES.test(text);
  // "måste jag säga det, eller räcker det att …?": the obligation asks, the alternative is what it is weighed against
  const enough = (ENOUGH.test(text) || (APPROVAL_GIVEN.test(text) && GO_ON_THAT.test(text))) && !(ask === "must" && ALTERNATIVE_ENOUGH.test(text));
  const considers = ask === "must" && CONSIDER_WHETHER.test(text);
  const confirmsProhibition = ask === "may" && PROHIBITION_ASKED.test(text);
  // "Are we encouraged to try AI?": a yes/no question about whether AI is wanted
  if (ask === undefined && ENCOURAGED.test(text) && !WH_START.test(text) && text.includes("?")) ask = "may";
  const encouraged = ask !== undefined && info.size === 0 && [...use].every((u) => u === "use") && ENCOURAGED.test(text);
  return { ask, ...(encouraged ? { encouraged } : {}), ...(enough ? { enough } : {}), ...(considers ? { considers } : {}), ...(confirmsProhibition ? { confirmsProhibition } : {}), ...(denies ? { denies } : {}), ...(alternatives ? { alternatives } : {}), namesAi: tool.size > 0 || NAMES_AI.test(text), info, tool, use, duty };
}
