// What kind of information a piece of work material is, from how staff name it: the records,
// documents and media that municipalities and companies handle ("klasslistan för 7b",
// "förhandlingsprotokollet", "the signed contract with IKEA", "Skolverkets kursplan").
// General vocabulary by kind; compounds are read by their last part ("upphandlingsstrategin"
// is a strategy). The question reader (question-slots.ts) adds what it finds to its own words.
import type { InfoKind } from "./schema";
import { E, heads, rx, type Lexicon } from "./word-patterns";

/** people a record is about, as staff name them (not roles, which are as often the asker: "som lärare") */
const PEOPLE =
  "elev|patient|brukare|klient|låntagare|förare|ungdom|kvinna|flicka|pojke|tjej|kille|mamma|pappa|förälder|anhörig|vårdnadshavare|medarbetare|kollega|anställd|medborgare|invånare|sökande|hyresgäst|husägare|fastighetsägare|granne|boende|deltagare|person|individ|familj|pensionär|barn|pupil|student|client|resident|tenant|applicant|colleague|employee|woman|girl|boy|child|parent|mother|father|family";

/**
 * Fields of work a policy may name as a whole ("affärskritisk (… ekonomi …)"), by their everyday
 * words; a pack's terms name a field as "@finance" (policies/DECISIONS.md, Terms).
 */
export const FIELDS: Record<string, string> = {
  finance:
    "ekonomi|budget|prognos|bokslut|årsbokslut|resultaträkning|balansräkning|resultatrapport|kalkyl|marginal|täckningsbidrag|lönsamhet|omsättning|intäkt|kostnad|fakturer|faktura|fakturor|arvode|timpris|prissättning|prisnivå|likviditet|kassaflöde|finans|finances|financial|forecast|margin|profitab|revenue|turnover|invoic|billing|pricing|cash\\s+flow|balance\\s+sheet|income\\s+statement|p&l",
};

export const MATERIAL: Lexicon<InfoKind> = [
  // about a person: lists and schedules of people, records about one, photos where people are seen
  ["personal", heads("klasslist|elevlist|deltagarlist|närvarolist|kontaktlist|telefonlist|medlemslist|sändlist|tjänstgöringslist|bemanningslist|fritextsvar|mejlväxling|korrespondens|skärmdump|klagomål|synpunkt|orosanmälan|anmälan|ansökan|intyg|betyg|omdöme|utvecklingssamtal|föräldrasamtal|lönesamtal|sjukskrivning|personalakt|rehabiliteringsplan")],
  // a schedule of people ("nattschemat", "schemat för …"), not a database schema
  ["personal", rx("\\p{L}*schema(?:t|n|na)" + E + "|\\p{L}{3,}schema" + E)],
  // after "about", "of", "from": the record's subject, not its audience ("ett quiz för eleverna");
  // a particular person (a determiner, or a definite or genitive form), not people in general ("om barn")
  ["personal", rx(`(?:om|på|av|från|kring|about|regarding|of|from)\\s+(?:(?:en|ett|min|mitt|mina|vår|våra|den|det|de|hans|hennes|deras|a|an|my|our|the|one|this)\\s+(?:\\p{L}+\\s+)?(?:${PEOPLE})(?:en|et|n|s|ns|ens|er|ar|or|na|erna|arna|orna|es)?|(?:\\p{L}+\\s+)?(?:${PEOPLE})(?:en|et|n|s|ns|ens|na|erna|arna|orna|'s))${E}`)],
  ["personal", rx("resultat(?:en)?\\s+(?:från|på|i|of|from)\\s+(?:\\p{L}+\\s+)?\\p{L}*prov|test\\s+(?:results|scores)|personnel\\s+files?|hr[-\\s](?:drive|files|folder|mapp)|(?:de\\s+boende|(?:of|av|på|med)\\s+(?:hela\\s+(?:arbetslaget|teamet|klassen|personalen|gruppen)|the\\s+whole\\s+(?:team|class|staff)|my\\s+colleagues|our\\s+staff)|everyone's)" + E)],
  ["personal", rx("(?:där|som)\\s+(?:\\p{L}+\\s+){0,3}?(?:syns|ser|känner\\s+igen)|(?:står\\s+)?med\\s+(?:namn|personnummer|foto)|kopplad(?:e|t)?\\s+till\\s+(?:en\\s+|de\\s+)?(?:person|förar|anställd|medarbetar|elev|individ)|(?:a|the)\\s+(?:child|pupil|patient|client|resident|customer|student|colleague)'s|(?:en|ett)\\s+(?:elevs|patients|brukares|klients|barns|persons|kollegas|medarbetares)|kontaktperson(?:er|erna)?|contact\\s+(?:persons|people|details)|köphistorik|purchase\\s+history|lånehistorik|kundregist|customer\\s+database|crm|går\\s+att\\s+(?:känna\\s+igen|identifiera|koppla)|(?:still|could\\s+(?:still\\s+)?be)\\s+(?:recognis|recogniz|identif)|it's\\s+(?:still\\s+)?obvious\\s+who|familjen\\s+\\p{L}+|vem\\s+som\\s+(?:sagt|skrivit|svarat)|who\\s+said\\s+what")],
  // health, social services interventions, victims, union membership, biometrics
  [
    "special",
    rx(
      "mående|ohälsa|våldsutsatt|våld\\s+i\\s+nära|misshandel|övergrepp|hot\\s+(?:mot|om)|trycksår|fallolycka|vårdcentral|vårdplan|omvårdnad|äldreboende|särskilt\\s+boende|korttidsboende|(?:lss|sol|lvu|lvm)" +
        E +
        "|socialtjänstärende|socialtjänstakt|insats(?:er|en|erna)?\\s+(?:enligt|från|inom)\\s+(?:sol|lss|socialtjänst|hemtjänst)|biståndsbedömd|placering\\s+(?:av|på|i)\\s+(?:ett\\s+)?(?:barn|ungdom|hvb|familjehem|jourhem)|placerade?\\s+(?:barn|ungdom)|hvb" +
        E +
        "|familjehem|kontaktfamilj|färdtjänst|försörjningsstöd|bistånd|genomförandeplan|orosanmäl|epikris|discharge\\s+summar|placement|union\\s+(?:representation|membership|member)|fackligt\\s+ombud|vården\\s+av|elevhälso|elevhälsa|skolsköterska|kurator|journal(?!ist)|patient|facket(?![\\p{L}])|fackförening|(?:med|medlem(?:mar|marna|skap)?)\\s+i\\s+(?:facket|kommunal|vision|unionen|lärarförbundet|sveriges\\s+lärare|akademikerförbundet)|fackligt?\\s+(?:ansluten|medlem)|ansiktsigenkänning|face\\s+recognition|fingeravtryck|fingerprint|domestic\\s+violence|abuse|medical\\s+record|care\\s+home|nursing\\s+home|social\\s+services\\s+(?:case|file|record|client)|injur",
    ),
  ],
  // security and classified material, tenders, non-disclosure
  [
    "secret",
    rx(
      "vattenverk|reningsverk|ställverk|kritisk\\s+infrastruktur|critical\\s+infrastructure|data\\s+breach|larmkod|portkod|passerkod|nyckelkod|passerkort|säkerhetsbrist|går\\s+att\\s+låsa|inte\\s+går\\s+att\\s+låsa|alarm\\s+codes?|door\\s+codes?|ip-adress|ip\\s+address|nätverksritning|nätverkskart|network\\s+diagram|driftdokumentation|brandvägg|firewall|vpn|lösen(?:ord|et)?" +
        E +
        "|password|api-?nyck|api\\s+keys?|(?:api|access)[-\\s]?tokens?|credentials|inloggningsuppgift|it-attack|cyberattack|dataintrång|säkerhetsincident|sårbarhet|vulnerabilit|penetrationstest|pentest|anbud|tender\\s+bids?|bids?\\s+(?:we|from)|nda" +
        E +
        "|non-disclosure|sekretessklausul|sekretessavtal|skyddad\\s+identitet|protected\\s+identity|(?:closed|confidential)\\s+(?:session|meeting|part)|in\\s+camera|behind\\s+closed\\s+doors|(?:slutna?|stängda?)\\s+(?:sammanträde|möte|session)\\p{L}*|inom\\s+stängda\\s+dörrar",
    ),
  ],
  // a company's clients: a contract, offer or specification with or from a named party
  ["customer", rx("kundens\\s+kravspec|uppdragsbeskrivning|leverantörs\\p{L}*|prisbilaga|prislista\\s+från|statement\\s+of\\s+work|requirements?\\s+spec|supplier|vendor's")],
  // internal work not yet public: plans, strategies, minutes, drafts, forecasts
  ["internal", rx("\\p{L}{3,}plan(?:en|er|erna|s)?" + E + "|planen" + E)],
  ["internal", heads("strategi|planering|protokoll|anteckningar|minnesanteckningar|utkast|budget|budgetunderlag|prognos|kalkyl|kartläggning|utredning|rapport|dokumentation|underlag|enkät|enkätsvar|omorganisation|organisationsförändring|förhandling|lönepolicy|handlingsplan|verksamhetsberättelse|riskanalys|konsekvensanalys|lägesbild|avvikelse|avvikelser|sammanställning|presentation|arbetsmaterial")],
  ["internal", rx("(?:board\\s+)?minutes|forecast|roadmap|memo|reorgani[sz]ation|survey\\s+results|business\\s+plan|action\\s+plan|investment\\s+plan|quarterly\\s+(?:report|figures|numbers)|som\\s+inte\\s+är\\s+(?:ute|beslutad|klar|publicerad)|inte\\s+(?:är\\s+)?beslutad|not\\s+(?:yet\\s+)?(?:decided|approved|out)")],
  // what is public or meant to be: an authority's publications, statistics, published pages, invented text
  [
    "open",
    rx(
      "(?:skolverket|boverket|socialstyrelsen|scb|skatteverket|försäkringskassan|arbetsmiljöverket|naturvårdsverket|folkhälsomyndigheten|riksdagen|regeringen|imy|länsstyrelsen)s?(?::s)?\\s+\\p{L}+|från\\s+(?:scb|skolverket|boverket|socialstyrelsen)|1177|national\\s+board\\s+of|swedish\\s+(?:agency|national)|government\\s+guidance|årsredovisning|annual\\s+report|kursplan|läroplan|byggregler|bbr" +
        E +
        "|skattesats|befolkningsprognos|öppettider|opening\\s+hours|term\\s+dates|ute\\s+på\\s+samråd|på\\s+samråd|kungjord|anslagstavl|faq|påhittad|fiktiv|fabricated|made[-\\s]up|invented|fictional|exempeltext|sample\\s+text|lorem\\s+ipsum|website'?s\\s+\\p{L}+|(?:texten|texterna|sidan|sidorna|informationen|artikeln|nyheten|the\\s+(?:text|page|pages|article|information))\\s+(?:\\p{L}+\\s+){0,4}?(?:som\\s+(?:ligger|står|finns)\\s+)?(?:på|on)\\s+(?:hemsidan|webbplatsen|webben|kommunens\\s+webb\\p{L}*|the\\s+website|our\\s+website)|statlig(?:a)?\\s+utredning\\p{L}*|statens\\s+offentliga\\s+utredningar|sou(?:\\s+\\d{4}:\\d+)?(?![\\p{L}])|(?:regeringens\\s+)?proposition(?:en)?(?![\\p{L}])|government\\s+(?:inquiry|report|bill)|hemsidans|webbplatsens|public\\s+notice|published|already\\s+public|publicera(?:d|t|de)" + E,
    ),
  ],
  // someone else's protected work
  [
    "copyright",
    rx(
      "(?:ur|från|from|in)\\s+(?:\\p{L}+)?boken|lärobok|läromedel|textbook|(?:a|the)\\s+(?:poem|song|novel|book|chapter)\\s+(?:by|from|of)|dikt(?:en)?\\s+av|låt(?:en)?\\s+av|kapitel\\s+(?:ur|i)|chapter|mickey|disney|pixar|marvel|harry\\s+potter|pippi|bamse|lyrics|låttext|sångtext|youtube|bildbank|stock\\s+(?:photo|image)|getty|shutterstock|tidningsartikel|artikel\\s+(?:från|i|ur)|article\\s+(?:from|in)|radioinslag|tv-inslag|poddavsnitt|podcast|roman(?:en)?" +
        E +
        "|novel|(?:en|ett)\\s+annan\\s+(?:kommuns|myndighets|företags)|another\\s+(?:company's|council's|municipality's)",
    ),
  ],
  ["code", rx("react|component|komponent|frontend|backend|kodbas|codebase|repo(?:t|sitory)?(?![\\p{L}])|sql|kodsnutt|skriptet|python|javascript|typescript|powershell|bash|config(?:uration)?\\s+file|konfigurationsfil|regex")],
];
