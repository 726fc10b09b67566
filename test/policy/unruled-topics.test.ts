// Topics a policy never speaks of: a question about them is refused with where to turn,
// even though it names AI and shares the policy's everyday words.
import { strict as assert } from "node:assert";
import { RuledTopics, unruledTopic } from "../../src/policy/search/unruled-topics";
import type { Passage } from "../../src/policy/types";
import { testLibrary } from "../support/library";

const passage = (text: string): Passage => ({ id: `t#${text.length}`, packId: "t", section: "S", rule: null, text });
const topicsOf = (text: string) => new RuledTopics([passage(text)]);

describe("topics a policy never speaks of", () => {
  it("a pack rules on a topic when its own text uses the topic's words, as whole words where a compound means something else", () => {
    const ruled = new RuledTopics([
      passage("Alla anställda ska gå en utbildning i AI innan de använder verktygen."),
      passage("Kostnadsfria AI-tjänster får bara användas med öppen information."),
      passage("Dela aldrig inloggningsuppgifter med ett AI-verktyg. Inköp av AI-verktyg godkänns av förvaltningschefen."),
    ]);
    assert.ok(ruled.has("training"));
    // "kostnadsfria" tools and "inloggningsuppgifter" say nothing on costs or accounts
    assert.ok(!ruled.has("cost"));
    assert.ok(!ruled.has("licence-account"));
    assert.ok(ruled.has("procurement"));
  });

  it("names the topic a question asks about that the pack leaves alone", () => {
    const ruled = new Set(["procurement"]);
    assert.equal(unruledTopic("Vad kostar en Copilot-licens för vår enhet?", ruled), "cost");
    assert.equal(unruledTopic("hur får jag ett eget konto i Claude?", ruled), "licence-account");
    assert.equal(unruledTopic("Finns det någon AI-kurs i vår?", ruled), "training");
    assert.equal(unruledTopic("How long does Gemini keep my chat history?", ruled), "retention");
    // "accountable" is no account, "har konto i vår it-miljö" no question about accounts
    assert.equal(unruledTopic("Am I accountable for what Copilot writes?", ruled), undefined);
    assert.equal(unruledTopic("gäller riktlinjen konsulter som har konto i vår it-miljö?", ruled), undefined);
    // buying is procurement, which this pack rules on; what the municipality has bought is not
    assert.equal(unruledTopic("Vi vill köpa in Midjourney-licenser, vem ska godkänna?", ruled), undefined);
    assert.equal(unruledTopic("Hur många licenser har kommunen köpt?", ruled), "licence-account");
    // being paid back is not procurement, however the tool was bought; buying it and expensing it is
    assert.equal(unruledTopic("Får jag ersättning för Claude-abonnemanget som jag köpte själv?", ruled), "cost");
    assert.equal(unruledTopic("Can I get reimbursed for the Perplexity subscription I bought myself?", ruled), "cost");
    assert.equal(unruledTopic("can we buy a Gamma subscription for the team and expense it?", ruled), undefined);
    assert.equal(unruledTopic("kan jag lägga en Midjourney-prenumeration på företagskortet?", ruled), undefined);
    assert.equal(unruledTopic("Kan jag få arbetsgivaren att betala mitt Claude-abonnemang?", ruled), "cost");
    assert.equal(unruledTopic("Finns det en lista på godkända AI-appar jag får installera?", ruled), "tool-list");
  });

  it("reads who owns AI output, pupils' own use, lists of approved tools, public records, union consultation and private devices as topics of their own", () => {
    const none = new Set<string>();
    assert.equal(unruledTopic("Vem äger rättigheterna till loggan vi gjorde i Midjourney?", none), "ownership");
    assert.equal(unruledTopic("Får eleverna använda ChatGPT till hemuppgifterna?", none), "pupils-use");
    assert.equal(unruledTopic("Finns det en lista över godkända AI-verktyg?", none), "tool-list");
    assert.equal(unruledTopic("Är mina Copilot-chattar allmänna handlingar som ska diarieföras?", none), "records");
    assert.equal(unruledTopic("Behöver vi förhandla med facket enligt MBL först?", none), "union-consultation");
    assert.equal(unruledTopic("Får jag ha AI-appen på privata mobilen?", none), "devices");
    assert.equal(unruledTopic("Måste vi skriva ut att texten är skriven med hjälp av AI?", none), "labelling");
  });

  it("trouble may be with the employer or the law: a pack that speaks of crimes or damages rules on it, one of dismissal alone on dismissal", () => {
    const lawOnly = topicsOf("Den som sprider ett verk utan lov kan begå ett brott och bli skadeståndsskyldig.");
    assert.equal(unruledTopic("If our newsletter uses an AI picture that copies a photographer's work, could I get in trouble?", lawOnly), undefined);
    assert.equal(unruledTopic("kan jag bli uppsagd om jag klistrar in kunddata i ChatGPT?", lawOnly), "sanctions");
    assert.equal(unruledTopic("Kan jag råka illa ut om Copilot hittar på en siffra?", topicsOf("AI-verktyg ska användas med omdöme.")), "trouble");
  });

  it("the shipped packs refuse what they never speak of, and still answer material handed to a tool", () => {
    const lib = testLibrary();
    const refused = (pack: string, q: string) => lib.ask(pack, q).citations.length === 0;
    assert.ok(refused("soderkoping", "Vad kostar en Copilot-licens för vår enhet?"));
    assert.ok(refused("soderkoping", "Finns det någon AI-utbildning vi måste gå?"));
    // Hjo has image rules but none on labelling them; Söderköping's rule Q does
    assert.ok(refused("hjo", "Måste AI-bilder märkas när vi lägger ut dem?"));
    assert.ok(!refused("soderkoping", "Måste AI-bilder märkas när vi lägger ut dem?"));
    const refusal = lib.ask("hjo", "Måste AI-bilder märkas när vi lägger ut dem?");
    assert.equal(refusal.verdictKind ?? null, null);
    assert.ok(refusal.answer.length > 0);
    // "kostnadskalkylen" is material handed to a tool, which the policy rules on
    assert.ok(!refused("soderkoping", "får jag klistra in kostnadskalkylen för bygget i chatgpt?"));
  });

  it("material merely named does not make a topic covered; a mishap, a decision left to the tool, or a question of scope does", () => {
    const lib = testLibrary();
    const refused = (pack: string, q: string) => lib.ask(pack, q).citations.length === 0;
    // a poster for the library, a client's slides: named, not handed over
    assert.ok(refused("hjo", "Måste jag märka AI-bilderna på affischen till bibliotekets läsfest?"));
    assert.ok(refused("wenell", "Who owns the rights to pictures I make in Midjourney for a client's slides?"));
    // something went wrong: the policy's incident rules answer it, whatever it was about
    assert.ok(!refused("dalsland", "ChatGPT gav mig fel uppgifter om avgifterna som jag redan mejlat till en invånare, vad gör jag nu?"));
    // the tool ranking or deciding is ruled on, even with money in the question
    assert.ok(!refused("dalsland", "Kan vi låta Copilot rangordna ansökningarna om stipendier och betala ut efter listan?"));
    // sign-ups and accounts are a topic of their own
    assert.equal(unruledTopic("Should I sign up for Gemini with my work address?", new Set()), "licence-account");
    assert.equal(unruledTopic("Kan jag registrera mig på Claude med jobbmejlen?", new Set()), "licence-account");
  });

  it("AI's own climate footprint, watching what staff type, and networks of AI users are topics of their own", () => {
    assert.equal(unruledTopic("Hur stor är klimatpåverkan av att köra Copilot varje dag?", new Set()), "climate");
    assert.equal(unruledTopic("What's the carbon footprint of a ChatGPT query?", new Set()), "climate");
    assert.equal(unruledTopic("Kan Gemini göra en bild till klimatmålen i vår presentation?", new Set()), undefined, "a picture about the climate is no question about AI's footprint");
    assert.equal(unruledTopic("Övervakar IT vad vi skriver i ChatGPT?", new Set()), "monitoring");
    assert.equal(unruledTopic("Finns det ett nätverk för oss som använder AI i skolan?", new Set()), "network");
    const lib = testLibrary();
    // a policy that speaks of monitoring AI use covers it; one that does not refuses
    assert.ok(lib.ask("wenell", "Övervakas hur vi använder AI?").citations.length > 0);
    assert.equal(lib.ask("hjo", "Kan IT se vad jag skriver i ChatGPT?").citations.length, 0);
  });
});

describe("topics a policy never speaks of: words that serve two topics", () => {
  it("signing up for a course is training, signing up for a tool is an account", () => {
    const ruled = new Set(["training"]);
    assert.equal(unruledTopic("Kan jag registrera mig på webbinariet om AI i vår?", ruled), undefined);
    assert.equal(unruledTopic("Is there an AI course I could sign up for this autumn?", ruled), undefined);
    assert.equal(unruledTopic("Can I sign up for Claude with my work address?", ruled), "licence-account");
  });
  it("a licence bought on a company card is procurement, told without a subject too; who pays for a licence is not", () => {
    const ruled = new Set(["procurement"]);
    assert.equal(unruledTopic("beställde en Gemini-licens med jobbkortet, är det ok?", ruled), undefined);
    assert.equal(unruledTopic("Bought a Claude licence on the team card yesterday, is that fine?", ruled), undefined);
    assert.notEqual(unruledTopic("Betalar arbetsgivaren Copilot-licensen åt mig?", ruled), undefined, "who pays is not the policy's purchasing rule");
  });
  it("material handed to a tool is the policy's business, whatever the account it is handed through", () => {
    const a = testLibrary().ask("staffanstorp", "My unit has a shared ChatGPT account, can I put the tenants' phone numbers in there?");
    assert.equal(a.refused, false);
    assert.equal(a.verdictKind, "no");
  });
});
