// Reading a question: its form (may, must, or neither), the material it names, what it says is
// public or who the text is for, and questions of what something is or whom the policy covers.
// Examples are the project's own; the two general sets (question-forms.jsonl, material-kinds.jsonl)
// were written by a helper who saw neither the engine nor any evaluation set.
import { strict as assert } from "node:assert";
import { askOf, readQuestion } from "../../src/policy/decisions/question-slots";
import { decide } from "../../src/policy/decisions/verdict";
import type { DecisionRow } from "../../src/policy/decisions/schema";
import { testLibrary } from "../support/library";
import { policyFixture } from "../support/policy-fixtures";

describe("reading a question: its form", () => {
  it("obligations asked whatever the subject, after a scene set with a comma, or in the past", () => {
    assert.equal(askOf("Ska AI-genererade texter diarieföras?"), "must");
    assert.equal(askOf("När vi översätter med DeepL, måste en tolk granska texten?"), "must");
    assert.equal(askOf("Var jag tvungen att fråga dataskyddsombudet först?"), "must");
    assert.equal(askOf("Is it compulsory to use the company's own Copilot?"), "must");
    assert.equal(askOf("Har vi krav på oss att spara promptarna?"), "must");
  });

  it("permission asked as 'is it wise', 'any problem with', 'hoping it is fine', or as any other yes/no question", () => {
    assert.equal(askOf("Är det klokt att låta ChatGPT formulera avslagen?"), "may");
    assert.equal(askOf("Any problem with running the survey answers through Gemini?"), "may");
    assert.equal(askOf("hoppas det går bra att jag testade Claude på checklistan"), "may");
    assert.equal(askOf("Copilot i Teams för protokollen från APT?"), "may");
    // a question of fact stays one
    assert.equal(askOf("Sparas det jag skriver i Copilot?"), undefined);
    assert.equal(askOf("Does Copilot keep what I type?"), undefined);
    assert.equal(askOf("Finns det en kurs vi kan gå?"), undefined);
    assert.equal(askOf("copyright på bilder från Midjourney, vem ansvarar?"), undefined);
    // where to, to whom: open questions too
    assert.equal(askOf("ChatGPT skrev fel i protokollet. Vart anmäler jag det?"), undefined);
    assert.equal(askOf("Till vem ska jag vända mig om Copilot läckt något?"), undefined);
    // "is possible to", as non-native English asks it
    assert.equal(askOf("Is possible to use Gemini for my planning work?"), "may");
  });

  for (const [file, floor] of [
    ["question-forms.jsonl", 0.95],
    ["question-forms-2.jsonl", 0.93],
    // first run 212/240 on the engine before the duty and after-the-fact forms, 217/240 after
    ["question-forms-3.jsonl", 0.9],
  ] as const) {
    it(`the general set ${file}: at least ${floor} read as asked (helper-written)`, () => {
      const lines = policyFixture<{ q: string; ask: string }>(file).filter((x) => x.ask !== "rule");
      const right = lines.filter((x) => (askOf(x.q) ?? "none") === x.ask).length;
      assert.ok(right / lines.length >= floor, `${right}/${lines.length}`);
    });
  }

  it("a duty put as whose job it is, what is demanded or presumed; 'do we have' alone asks what there is", () => {
    assert.equal(askOf("Ligger det på mig att kolla att Copilot inte hittat på källorna?"), "must");
    assert.equal(askOf("Är det mitt ansvar att radera chattloggen efteråt?"), "must");
    assert.equal(askOf("Fordras det ett beslut av nämnden innan vi tar in ett AI-verktyg?"), "must");
    assert.equal(askOf("Förutsätts det att vi har gått utbildningen först?"), "must");
    assert.equal(askOf("Is it on me to check the translation before it goes out?"), "must");
    assert.equal(askOf("Is it my job to tell the parents that the letter was drafted by AI?"), "must");
    assert.equal(askOf("Do we have a list of approved tools somewhere?"), undefined);
    // a word of duty after "är det ok att" does not turn permission into duty
    assert.equal(askOf("Är det ok att ansvaret för texten ligger hos mig och inte hos chefen?"), "may");
  });

  it("what someone else can see or know is a fact; 'Can IT' is not 'can I'", () => {
    assert.equal(askOf("Kan chefen se vad jag har skrivit i Copilot?"), undefined);
    assert.equal(askOf("Can IT see what I type into Gemini?"), undefined);
    assert.equal(askOf("Can IT set up Copilot for our unit?"), "may");
  });

  it("a duty asserted away with 'väl', subject left out, asks to be confirmed", () => {
    const r = readQuestion("tänkte köpa ett Claude-konto på kortet, behöver väl inte fråga nån");
    assert.equal(r.ask, "must");
    assert.ok(r.denies);
    assert.ok(r.duty.has("approval"));
  });

  it("permission asked after the fact, as daring, as something in the way, or with a preposition before 'when'", () => {
    assert.equal(askOf("Jag körde enkätsvaren genom Claude igår. Var det fel?"), "may");
    assert.equal(askOf("I pasted the agenda into ChatGPT, was that wrong?"), "may");
    assert.equal(askOf("Vågar jag låta Gemini skriva utkastet till pressmeddelandet?"), "may");
    assert.equal(askOf("Finns det något som hindrar att vi testar Perplexity i projektet?"), "may");
    assert.equal(askOf("Skulle det vara emot policyn att använda Midjourney till affischen?"), "may");
    assert.equal(askOf("Vi kommer använda Copilot för protokollen från och med nu, ok eller inte?"), "may");
    assert.equal(askOf("Från när gäller de nya reglerna för AI?"), undefined);
  });

  it("a plan told subject first, or a go-ahead reported, asks whether it may be done", () => {
    assert.equal(askOf("utkastet är ju inte hemligt, så jag lägger in det i Claude för språkgranskning"), "may");
    assert.equal(askOf("My manager said it's fine for me to run the notes through Gemini"), "may");
  });
});

describe("reading a question: the material it names", () => {
  it("names records by what they are: lists of people, minutes, alarm codes, tenders, an authority's publications, a style", () => {
    assert.ok(readQuestion("Får jag lägga in klasslistan för 7b i Copilot?").info.has("personal"));
    assert.ok(readQuestion("Kan Gemini korta förhandlingsprotokollet?").info.has("internal"));
    assert.ok(readQuestion("Kan ChatGPT göra en tabell av larmkoderna för skolorna?").info.has("secret"));
    assert.ok(readQuestion("Kan AI jämföra anbuden vi fått in i upphandlingen?").info.has("secret"));
    assert.ok(readQuestion("Får jag ladda upp Skolverkets kursplan i Claude?").info.has("open"));
    assert.ok(readQuestion("Kan Midjourney göra affischen i samma stil som Lars Lerin?").info.has("copyright"));
  });

  it("a text's readers are not its subject; a statute is open text; what is public already is not internal", () => {
    assert.ok(!readQuestion("Får ChatGPT skriva månadsbrevet till vårdnadshavarna om utflykten?").info.has("personal"));
    const law = readQuestion("Får jag klistra in två paragrafer ur socialtjänstlagen i ChatGPT?");
    assert.ok(law.info.has("open") && !law.info.has("special"));
    const minutes = readQuestion("Protokollet från fullmäktige ligger redan på hemsidan, kan ChatGPT sammanfatta det?");
    assert.ok(minutes.info.has("open") && !minutes.info.has("internal"));
    const report = readQuestion("Får jag sammanfatta en offentlig rapport från Socialstyrelsen med ChatGPT?");
    assert.deepEqual([...report.info], ["open"]);
  });

  for (const [file, floor] of [
    ["material-kinds.jsonl", 0.75],
    ["material-kinds-2.jsonl", 0.7],
    // first run 0.706 recall, 0.873 precision
    ["material-kinds-3.jsonl", 0.7],
  ] as const) {
  it(`the general set ${file}: recall and precision at least ${floor} (helper-written, 200 lines)`, () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const x of policyFixture<{ q: string; kinds: string[] }>(file)) {
      const got: string[] = [...readQuestion(x.q).info].filter((k) => k !== "images-of-people" && k !== "own-images");
      tp += x.kinds.filter((k) => got.includes(k)).length;
      fn += x.kinds.filter((k) => !got.includes(k)).length;
      fp += got.filter((k) => !x.kinds.includes(k)).length;
    }
    assert.ok(tp / (tp + fn) >= floor, `recall ${tp}/${tp + fn}`);
    assert.ok(tp / (tp + fp) >= floor, `precision ${tp}/${tp + fp}`);
  });
  }

  it("summed figures, invented people and a text to its readers are no one's data; the tool's made-up figures are no invention", () => {
    assert.ok(!readQuestion("Kan Copilot analysera lönekostnaderna summerade per avdelning, alla namn borttagna?").info.has("personal"));
    assert.deepEqual([...readQuestion("Jag har hittat på en brukare helt och hållet till utbildningen, kan ChatGPT skriva ett fall?").info], ["open"]);
    assert.deepEqual([...readQuestion("Kan Gemini skriva ett välkomstbrev till nya hyresgäster?").info], ["open"]);
    const made = readQuestion("Copilot har hittat på siffror i rapporten till kunden, det är väl inte mitt fel?");
    assert.ok(made.info.has("customer") && made.denies);
  });

  it("totals the tool is asked to compute come from rows about people; what the work is for is not what is handed over", () => {
    // the summed figures are the output, the salary file the input
    assert.ok(readQuestion("Kan jag låta Claude räkna ut medellönen per enhet ur lönelistan?").info.has("personal"));
    assert.ok(readQuestion("Could Gemini calculate the average salary per team from the payroll export?").info.has("personal"));
    assert.ok(!readQuestion("Kan Copilot skriva en text om lönekostnaderna summerade per enhet?").info.has("personal"));
    // "a tender we're preparing" is what the research is for
    assert.ok(!readQuestion("Can I ask ChatGPT about trends in school catering for a tender we're preparing?").info.has("secret"));
    assert.ok(readQuestion("Får jag klistra in vårt anbud i ChatGPT?").info.has("secret"));
  });

  it("a photo from a party or dinner shows people; a tool named to say it is not the one used is not read", () => {
    assert.ok(readQuestion("kan AI göra om fotot från julbordet till en målning?").info.has("images-of-people"));
    assert.ok(readQuestion("Could an AI app make us look like superheroes in the team photo?").info.has("images-of-people"));
    assert.ok(!readQuestion("kan AI göra en bild av en solnedgång till julkortet?").info.has("images-of-people"));
    const svea = readQuestion("Vi använder vår upphandlade AI-tjänst, inte ChatGPT. Får jag skriva svar till brukare där?");
    assert.ok(svea.tool.has("approved") && !svea.tool.has("public"));
    assert.ok(readQuestion("Kan jag inte bara använda ChatGPT?").tool.has("public"));
  });

  it("material of one kind or another is ruled kind by kind: a no for one and a yes for the other is a condition", () => {
    const q = readQuestion("Får jag översätta med DeepL? Ibland är det pressmeddelanden, ibland interna PM.");
    assert.ok(q.alternatives && q.info.has("open") && q.info.has("internal"));
    assert.ok(!readQuestion("Får jag översätta interna PM och pressmeddelanden med DeepL?").alternatives);
    const rows: DecisionRow[] = [
      { id: "public-open", ask: "may", info: ["open"], tool: ["public"], use: "any", duty: "any", verdict: "yes", citations: [{ policy: "t", section: "S", rule: null, quote: "open" }] },
      { id: "public-internal", ask: "may", info: ["internal"], tool: ["public"], use: "any", duty: "any", verdict: "no", citations: [{ policy: "t", section: "S", rule: null, quote: "internal" }] },
    ];
    const d = decide(rows, q);
    assert.equal(d.verdict, "conditional");
    assert.deepEqual(d.dependsOn, ["info"]);
    assert.deepEqual(d.rows.map((r) => r.id), ["public-internal", "public-open"]);
    // one text holding both is ruled by the stricter kind
    assert.equal(decide(rows, readQuestion("Får jag översätta interna PM och pressmeddelanden med DeepL?")).verdict, "no");
  });
});

describe("combining rows when the question leaves a slot open", () => {
  const cite = (quote: string) => [{ policy: "t", section: "S", rule: null, quote }];
  const row = (r: Partial<DecisionRow> & Pick<DecisionRow, "id" | "verdict">): DecisionRow => ({ ask: "may", info: "any", tool: "any", use: "any", duty: "any", citations: cite(r.id), ...r });

  it("allowed for some information and not for other is allowed on a condition; forbidden for all is a no; allowed for all is not said", () => {
    const mixed = [row({ id: "public-personal", tool: ["public"], info: ["personal"], verdict: "no" }), row({ id: "public-open", tool: ["public"], info: ["open"], verdict: "yes" })];
    const d = decide(mixed, readQuestion("Får jag använda ChatGPT till veckobrevet?"));
    assert.equal(d.verdict, "conditional");
    assert.deepEqual(d.dependsOn, ["info"]);
    const allNo = [row({ id: "a", tool: ["public"], info: ["personal"], verdict: "no" }), row({ id: "b", tool: ["public"], info: ["secret"], verdict: "no" })];
    assert.equal(decide(allNo, readQuestion("Får jag använda ChatGPT till veckobrevet?")).verdict, "no");
    const allYes = [row({ id: "a", tool: ["public"], info: ["open"], verdict: "yes" }), row({ id: "b", tool: ["public"], info: ["internal"], verdict: "yes" })];
    assert.equal(decide(allYes, readQuestion("Får jag använda ChatGPT till veckobrevet?")).verdict, null);
  });

  it("a yes for any tool is not given to a tool the question leaves unnamed while some tool is ruled stricter", () => {
    const rows = [row({ id: "general", verdict: "yes" }), row({ id: "public", tool: ["public"], verdict: "conditional", condition: { sv: "bara öppen information", en: "only open information" } })];
    const d = decide(rows, readQuestion("I run a model locally on my laptop, can I use it for the interview notes?"));
    assert.equal(d.verdict, "conditional");
    assert.deepEqual(d.dependsOn, ["tool"]);
    assert.equal(decide(rows, readQuestion("Får jag använda vårt godkända AI-verktyg till anteckningarna?")).verdict, "yes");
  });
});

describe("questions of what something is, and of whom the policy covers", () => {
  const lib = testLibrary();

  it("a class the policy names is answered from what the words settle, quoting where the policy names it", () => {
    const law = lib.ask("soderkoping", "Räknas lagtext som öppen information?");
    assert.equal(law.verdictKind, "yes");
    assert.match(law.citations[0].quote, /Öppen information/);
    assert.equal(lib.ask("hjo", "Räknas ett publicerat protokoll som personuppgifter?").verdictKind, "no");
    assert.equal(lib.ask("hjo", "Är elevernas namn personuppgifter?").verdictKind, "yes");
    // the policy's own definition lists it: yes, in the policy's words, quoting the definition
    const grades = lib.ask("staffanstorp", "Räknas provresultat som extra skyddsvärda?");
    assert.equal(grades.verdictKind, "yes");
    assert.match(grades.answer, /särskilt skyddsvärda uppgifter/);
    assert.match(grades.citations[0].quote, /^Särskilt skyddsvärda uppgifter: .*provresultat/);
    // whether grades are sensitive is the policy's call, and this one does not make it: no verdict
    assert.equal(lib.ask("hjo", "Räknas betyg som känsliga personuppgifter?").verdictKind, null);
    // a company policy with no class of open information does not sort things into it
    assert.equal(lib.ask("wenell", "Är lagtext öppen information?").verdictKind, null);
  });

  it("who the policy covers comes from its own scope statement; a group it does not name gets no verdict", () => {
    const contractor = lib.ask("wenell", "gäller policyn även konsulter?");
    assert.equal(contractor.verdictKind, "yes");
    assert.match(contractor.citations[0].quote, /uppdragstagare/);
    assert.equal(lib.ask("hjo", "Gäller riktlinjerna för praktikanter också?").verdictKind, "yes");
    assert.equal(lib.ask("soderkoping", "gäller policyn även konsulter?").verdictKind, null);
    assert.equal(lib.ask("wenell", "Does the policy apply to GDPR questions too, gäller GDPR även det vi gör med AI?").verdictKind, "yes");
  });

  it("the policy covers AI tools of every kind it names, and a person referred back to by a pronoun", () => {
    assert.equal(lib.ask("wenell", "does our AI policy even cover image generators like Midjourney?").verdictKind, "yes");
    assert.equal(lib.ask("hjo", "Vi har en inhyrd konsult med konto i nätverket. Gäller riktlinjerna hen också?").verdictKind, "yes");
    assert.equal(lib.ask("staffanstorp", "Facket har en lista över sina medlemmar här. Räknas den som känsliga personuppgifter?").verdictKind, "yes");
  });

  it("scope asked in any form ('omfattas hen av policyn …?'), a place that exists, a case file's 'TU:t', a brand-new app", () => {
    assert.equal(lib.ask("wenell", "Vi tar in en underkonsult i höst, omfattas hen också av ai-policyn?").verdictKind, "yes");
    assert.ok(readQuestion("Får jag göra en AI-bild av torget i Hjo till kampanjen?").info.has("images-of-people"));
    assert.ok(readQuestion("Måste jag skriva i TU:t att Copilot hjälpte till?").duty.has("document"));
    assert.ok(readQuestion("Hittade en splitterny gratisapp som gör protokoll, får jag testa?").tool.has("unknown"));
  });

  it("'is X Y covered by the policy', 'does X count as a public AI system': the thing before, the class or policy after", () => {
    assert.equal(lib.ask("wenell", "Is the Perplexity app covered by the policy as well?").verdictKind, "yes");
    assert.equal(lib.ask("wenell", "Is ChatGPT at home covered by the policy?").verdictKind, null, "private use is a situation, not the tool");
    const gemini = lib.ask("staffanstorp", "Does Gemini count as a public AI system under our rules, same as Claude?");
    assert.equal(gemini.verdictKind, "yes");
    // led by the class's definition or by a passage of the class's own section, the definition shown
    assert.match(`${gemini.citations[0].section} ${gemini.citations[0].quote}`, /Allmänt tillgängliga AI-system/i);
    assert.ok(gemini.citations.some((c) => /^Allmänt tillgängliga AI-system:/.test(c.quote)));
    // "räknas" ends in "-as" but names no class by itself
    assert.equal(lib.ask("staffanstorp", "Räknas fackmedlemskap som känsliga personuppgifter?").verdictKind, "yes");
  });

  it("a field the policy names as a whole ('ekonomi') covers its everyday words; a slip in a word of material is mended", () => {
    for (const q of ["Får jag låta ChatGPT gå igenom årets budget och föreslå besparingar?", "Can I paste our margins per project and the invoicing so far into ChatGPT?"]) {
      assert.equal(lib.ask("wenell", q).verdictKind, "no", q);
    }
    // "sekretesbelagda", "personuppgifer": one letter off a word of material, read as that word
    assert.equal(lib.ask("dalsland", "Får jag lägga in sekretesbelagda handlingar i ChatGPT om jag har betalversionen?").verdictKind, "no");
    assert.equal(lib.ask("staffanstorp", "Får jag klistra in personuppgifer i ChatGPT om det går fort?").verdictKind, "no");
  });

  it("a model on the organisation's own servers is not a public tool; text already on the website and a state inquiry are open", () => {
    assert.ok(readQuestion("Vi kör en språkmodell på en egen server i huset, inget går ut på nätet. Får vi lägga in protokoll?").tool.has("approved"));
    assert.ok(!readQuestion("Vi kör en språkmodell på en egen server i huset, inget går ut på nätet. Får vi lägga in protokoll?").tool.has("public"));
    assert.ok(!readQuestion("a model that runs locally on my laptop").tool.has("approved"), "a laptop is no one's approval");
    assert.deepEqual([...readQuestion("Kan Gemini göra sidan om bygglov på hemsidan enklare?").info], ["open"]);
    assert.deepEqual([...readQuestion("Kan Claude sammanfatta den statliga utredningen om skolans styrning?").info], ["open"]);
    assert.ok(readQuestion("Kan Claude sammanfatta utredningen om pojken?").info.has("personal"));
  });

  it("output sent on for decision with no one else involved is unchecked; putting personal data in oneself is without the decision", () => {
    assert.ok(readQuestion("Copilot skriver tjänsteskrivelsen och jag skickar den direkt för beslut").use.has("unchecked"));
    assert.ok(readQuestion("Gemini drafts it and I send it without involving anyone").use.has("unchecked"));
    assert.ok(readQuestion("Kan jag själv lägga in kollegornas sjukfrånvaro i SveaGPT?").use.has("unapproved"));
    assert.equal(lib.ask("staffanstorp", "Kan jag själv lägga in kollegornas sjukfrånvaro i SveaGPT?").verdictKind, "no");
  });

  it("whether an AI tool counts as what the policy is about, quoting where the policy says which AI it means", () => {
    const images = lib.ask("wenell", "räknas bildgeneratorer som Midjourney in i policyn?");
    assert.equal(images.verdictKind, "yes");
    assert.match(images.citations[0].quote, /generativ AI/);
  });

  it("a plan told as 'planen är att' or 'we want X to', the vendor said liable, an integration, an OK asked for", () => {
    assert.equal(askOf("planen är att AI:n i bokningssystemet ska fördela tiderna helt själv"), "may");
    assert.equal(askOf("We want Copilot to rank the applicants and we'd follow it."), "may");
    const liable = readQuestion("If the picture looks like someone's photo, OpenAI is liable, not me, right?");
    assert.ok(liable.ask === "must" && liable.denies);
    assert.ok(readQuestion("If we hook ChatGPT up to our archive through an integration, is that allowed?").tool.has("embedded"));
    assert.ok(readQuestion("behöver jag nåt ok för att använda Claude?").duty.has("approval"));
  });

  it("the blame put on the tool is answered no, quoting first whose responsibility the policy says it is", () => {
    const a = lib.ask("dalsland", "Copilot räknade fel i budgeten, det är väl inte mitt ansvar när det är AI:n som gjort fel?");
    assert.equal(a.verdictKind, "no");
    assert.match(a.citations[0].quote, /ansvarig/);
    assert.equal(readQuestion("då ligger väl felet hos verktyget och inte hos mig?").denies, true);
  });

  it("reading a tool's terms of use is a duty where the policy asks it", () => {
    assert.ok(readQuestion("Måste jag läsa användarvillkoren innan jag använder Gemini?").duty.has("read-terms"));
    assert.equal(lib.ask("staffanstorp", "Do I have to read the terms of use before I use ChatGPT?").verdictKind, "yes");
    assert.equal(lib.ask("wenell", "Do I have to read the terms of use before I use ChatGPT?").verdictKind ?? null, null);
  });

  it("a duty asserted away and asked to be confirmed is answered no", () => {
    const a = lib.ask("wenell", "I pasted a customer's staff list into ChatGPT by mistake. If I delete the chat I don't need to tell anyone, right?");
    assert.equal(a.verdictKind, "no");
  });
});

describe("what a review found: no yes where the policy says no (each case once answered wrongly)", () => {
  const lib = testLibrary();
  for (const [pack, question, verdict] of [
    ["hjo", "Kan jag klistra in protokollet från ledningsgruppen i ChatGPT innan det är publicerat?", "no"],
    ["soderkoping", "Can I paste the draft budget into ChatGPT before it is published?", "no"],
    ["staffanstorp", "Can I paste our draft strategy into ChatGPT and then post the result on our website?", "no"],
    ["hjo", "Kan jag klistra in vår handlingsplan i ChatGPT och jämföra den med skollagen?", "no"],
    ["staffanstorp", "Can I paste our action plan into ChatGPT and check it against the legislation?", "no"],
    ["hjo", "Får jag klistra in elevernas riktiga namn i ChatGPT eller måste jag använda påhittade namn?", "no"],
    ["staffanstorp", "There is no real risk here, right? Can I paste the pupils' grades into ChatGPT?", "no"],
    ["soderkoping", "Räknas information om en elevs hälsa som öppen information?", "no"],
    ["hjo", "Vilka regler gäller för upphovsrätt när jag gör bilder i Midjourney?", null],
    ["soderkoping", "Vad gäller enligt GDPR om jag klistrar in personnummer i ChatGPT?", null],
    ["hjo", "Gäller riktlinjen när jag använder ChatGPT privat hemma på kvällen?", null],
    ["wenell", "Can I paste each employee's salary and the team average into ChatGPT?", "no"],
    ["soderkoping", "Can I paste notes and names from today's meeting into ChatGPT?", "no"],
    ["hjo", "Får jag klistra in klasslistan för 7b i ChatGPT, utan personnummer?", "no"],
    ["hjo", "Närvarolistan för 7b, får jag klistra in den i ChatGPT?", "no"],
    ["hjo", "Måste vi inte granska texten från ChatGPT, eller?", "yes"],
    ["hjo", "What do I need to do to report a data breach?", null],
    ["soderkoping", "Can ChatGPT add a friendly tone to our newsletter?", "conditional"],
    ["soderkoping", "Räknas lagtext som öppen information?", "yes"],
    ["staffanstorp", "räknas provresultat som extra skyddsvärda?", "yes"],
    ["wenell", "gäller policyn även konsulter?", "yes"],
  ] as const) {
    it(`${pack}: ${question} → ${verdict}`, () => {
      assert.equal(lib.ask(pack, question).verdictKind ?? null, verdict);
    });
  }
});

describe("reading a question: an open question after a lead-in", () => {
  it("a who/where/how question after ', but' or ', men' asks no yes or no", () => {
    assert.equal(askOf("A colleague keeps pasting emails into ChatGPT. I don't want to snitch, but where would I report something like that?"), undefined);
    assert.equal(askOf("Jag vet inte riktigt, men vem ska jag fråga om AI-verktyget?"), undefined);
    assert.equal(askOf("Jag vet inte riktigt, men får jag använda ChatGPT till det?"), "may");
  });
});

describe("reading a question: what it asks besides permission", () => {
  it("a word or two offered after the question ('chefen? IT?') leaves it an open question", () => {
    assert.equal(askOf("vem ska jag vända mig till om verktyget läcker? chefen? IT?"), undefined);
    assert.equal(askOf("who do I tell about it? my manager? HR?"), undefined);
    // a tag after the question still asks it, and a question that offers nothing stays one
    assert.equal(askOf("Får jag översätta protokollet med DeepL? Eller?"), "may");
    assert.equal(askOf("Vill sammanfatta ett möte. Copilot?"), "may");
    // "— me or X?" after an open question offers the answers too
    assert.equal(askOf("who signs off on a new AI tool — me or my manager?"), undefined);
    assert.equal(askOf("vem klassar informationen – jag eller systemägaren?"), undefined);
    assert.equal(askOf("Får jag använda DeepL – eller Google Translate?"), "may");
  });
  it("whether something exists is not a permission, unless what may exist is a ban or a permission", () => {
    assert.equal(askOf("Is there someone I can ask about AI and copyright?"), undefined);
    // feedback "on the AI rules" puts nothing on the AI
    assert.equal(readQuestion("is there a place to send feedback on the AI guidelines?").ask, undefined);
    assert.equal(readQuestion("if the figures are wrong, is that on the AI or on me?").ask, "must");
    assert.equal(askOf("Finns det nån kurs jag kan gå?"), undefined);
    assert.equal(askOf("Finns det något förbud mot att jag använder Gemini?"), "may");
    assert.equal(askOf("Are there any uses of AI that are banned outright?"), undefined);
  });
  it("'vems' asks whose, also after a clause that sets the scene", () => {
    assert.equal(askOf("Om chatboten ger en invånare fel besked, vems ansvar är det?"), undefined);
  });
  it("a present-tense verb with an impersonal subject asks what happens, not whether it is allowed", () => {
    assert.equal(askOf("Sparas det jag skriver? Hamnar det på en server i USA?"), undefined);
    assert.equal(askOf("Lagras texten hos leverantören?"), undefined);
    assert.equal(askOf("Klistrar jag in det i ChatGPT?"), "may");
  });
  it("whether to believe the tool is not a permission; a duty offered beside it is", () => {
    assert.equal(askOf("Can we rely on the figures Copilot gives us?"), undefined);
    assert.equal(askOf("Kan man lita på sammanfattningen eller behöver man läsa originalet?"), "must");
    assert.equal(askOf("do we have to proofread the minutes Copilot wrote or can we trust them?"), "must");
  });
});

describe("reading a question: a document for a service", () => {
  it("a guideline or routine for home care names no one; notes from it do", () => {
    assert.ok(!readQuestion("Kan Copilot skriva en ny rutin för hemtjänsten?").info.has("personal"));
    assert.ok(!readQuestion("Can ChatGPT draft our budget for elderly care next year?").info.has("personal"));
    assert.ok(readQuestion("Får jag sammanfatta anteckningarna från hemtjänsten i Copilot?").info.has("personal"));
  });
});

describe("reading a question: what is asked for and what is handed over", () => {
  it("help with a draft asks for a draft; a draft handed over is material", () => {
    assert.ok(!readQuestion("kan jag ta hjälp av Gemini med ett utkast till inbjudan?").info.has("internal"));
    assert.ok(readQuestion("Får jag klistra in utkastet till budgeten i ChatGPT?").info.has("internal"));
  });
  it("'is that acceptable?' asks permission; 'do I need to ask, or can I just go ahead?' asks whether one may", () => {
    assert.equal(askOf("I want to put the minutes into Gemini. Is that acceptable?"), "may");
    assert.equal(readQuestion("Behöver jag fråga chefen eller kan jag bara köra igång med Copilot?").ask, "may");
    assert.equal(readQuestion("Do I need to ask my manager first, or can I just go ahead with Claude?").ask, "may");
    assert.equal(readQuestion("Måste jag fråga chefen innan jag använder Copilot?").ask, "must");
  });
  it("a clause opening with 'och' goes on asking the question before it", () => {
    assert.equal(askOf("Om AI hjälpte mig skriva beslutet, måste jag skriva det i ärendet? och var?"), "must");
  });
  it("writing something next to an AI picture is labelling it", () => {
    assert.ok(readQuestion("Do I have to put something under it if the poster image came from Midjourney?").duty.has("label"));
    assert.ok(readQuestion("if I use an AI picture on the intranet, should I write something next to it?").duty.has("label"));
  });
});

describe("reading a question: words that only look like material", () => {
  it("a citizens' meeting is a meeting, not data about citizens; citizens themselves are", () => {
    const q = readQuestion("Kan jag låta Copilot skriva en inbjudan till ett medborgarmöte om den nya parken?");
    assert.ok(!q.info.has("personal"));
    assert.ok(readQuestion("Får jag klistra in mejlen från medborgarna i ChatGPT?").info.has("personal"));
    assert.ok(readQuestion("Can I paste what a resident wrote to us into Gemini?").info.has("personal"));
  });
  it("feedback the asker gives is not material; feedback received from people is", () => {
    assert.equal(readQuestion("Kan man lämna synpunkter på AI-riktlinjerna?").info.size, 0);
    assert.ok(readQuestion("Får jag sammanfatta synpunkterna från föräldrarna med Claude?").info.has("personal"));
  });
  it("an undecided proposal is internal material, not a decision made by the tool", () => {
    const q = readQuestion("Får jag klistra in det ej beslutade förslaget till ny taxa i ChatGPT?");
    assert.ok(!q.use.has("decide"));
    assert.ok(readQuestion("Kan AI:n besluta om bidragen?").use.has("decide"));
  });
});

describe("reading a question: what it says of the material and the tool", () => {
  it("public or open material is open, with adjectives between", () => {
    assert.ok(readQuestion("Can I ask Claude to shorten a rather long public consultation report?").info.has("open"));
    assert.ok(readQuestion("May I use AI on some open data from the national statistics office?").info.has("open"));
    assert.ok(readQuestion("Får jag köra öppen statistik om befolkningen genom ChatGPT?").info.has("open"));
  });
  it("sensitive documents are confidential, in Swedish and English", () => {
    assert.ok(readQuestion("Can I upload sensitive files from the legal team to Copilot?").info.has("secret"));
    assert.ok(readQuestion("Får jag lägga in känsliga handlingar från upphandlingen i Gemini?").info.has("secret"));
  });
  it("a tool whose data handling is unknown is unvetted", () => {
    assert.ok(readQuestion("Får jag använda en AI-tjänst där ingen vet var uppgifterna lagras?").tool.has("unknown"));
    assert.ok(readQuestion("Is it fine to use an AI app when it's unclear what happens to the data?").tool.has("unknown"));
    assert.ok(!readQuestion("Får jag använda Copilot till protokollet?").tool.has("unknown"));
  });
  it("'on my own' says nobody approved it; 'on my own laptop' says where", () => {
    assert.ok(readQuestion("Can I load the tenant list into our AI system on my own?").use.has("unapproved"));
    assert.ok(!readQuestion("Can I run the AI model on my own laptop?").use.has("unapproved"));
  });
});

/** a may-row for a test table */
const tableRow = (r: Partial<DecisionRow> & Pick<DecisionRow, "id" | "verdict">): DecisionRow => ({
  ask: "may",
  info: "any",
  tool: "any",
  use: "any",
  duty: "any",
  citations: [{ policy: "t", section: "S", rule: null, quote: r.id }],
  ...r,
});

describe("whether AI is wanted at all", () => {
  const row = tableRow;
  const rows = [
    row({ id: "use-wanted", use: ["use"], verdict: "yes" }),
    row({ id: "public-open-only", tool: ["public"], verdict: "conditional", condition: { sv: "bara öppen information", en: "only open information" } }),
  ];
  it("asked whether staff are encouraged or expected to use AI, a rule that AI is to be used answers yes", () => {
    for (const q of ["Are we actually encouraged to try AI in our daily work?", "Förväntas vi använda AI i jobbet?", "Vill kommunen att vi testar AI, eller ska vi avvakta?"]) {
      const d = decide(rows, readQuestion(q));
      assert.equal(d.verdict, "yes", q);
      assert.equal(d.encouraged, true, q);
    }
  });
  it("not when material or a particular use is named, nor without such a rule", () => {
    assert.notEqual(decide(rows, readQuestion("Are we encouraged to paste client lists into ChatGPT?")).encouraged, true);
    assert.equal(decide(rows.slice(1), readQuestion("Förväntas vi använda AI i jobbet?")).encouraged, undefined);
  });
  it("the answer says the policy wants AI used, not that it is required", () => {
    const a = testLibrary().ask("staffanstorp", "Uppmuntras vi att prova AI i arbetet?");
    assert.equal(a.verdictKind, "yes");
    assert.match(a.answer, /^Ja, policyn vill att AI används/);
  });
});

describe("a yes for open information when no tool is named", () => {
  const row = tableRow;
  it("a tool's general condition gives way to its own narrower yes", () => {
    const rows = [
      row({ id: "general", use: ["summarise"], verdict: "yes" }),
      row({ id: "public-open-only", tool: ["public"], verdict: "conditional", condition: { sv: "bara öppen information", en: "only open information" } }),
      row({ id: "public-open", tool: ["public"], info: ["open"], verdict: "yes" }),
    ];
    assert.equal(decide(rows, readQuestion("Can I use AI to summarise a public report from the county board?")).verdict, "yes");
    // still depends on the tool when the material is not open
    assert.equal(decide(rows, readQuestion("Can I use AI to summarise the internal memo?")).verdict, "conditional");
  });
});

describe("reading a question: handing material over in other words", () => {
  it("putting something in a tool, or typing it in, hands it over", () => {
    assert.ok(readQuestion("Can I put the pupils' grades in there?").use.has("paste"));
    assert.ok(readQuestion("May I put the board's draft budget into Copilot?").use.has("paste"));
    assert.ok(readQuestion("Får jag skriva in adressen i Gemini?").use.has("paste"));
    assert.ok(!readQuestion("I put a lot of trust in AI, is that wrong?").use.has("paste"));
  });
});

describe("questions about the policy itself", () => {
  const lib = testLibrary();
  it("feedback on the policy, its revision and validity are in scope; feedback at work in general is not", () => {
    assert.equal(lib.ask("wenell", "Reglerna känns krångliga på sina ställen, var lämnar jag synpunkter?").refused, false);
    assert.equal(lib.ask("staffanstorp", "Hur länge är riktlinjerna giltiga?").refused, false);
    assert.equal(lib.ask("wenell", "Hur ger jag bra feedback på en kollegas presentation?").refused, true);
    assert.equal(lib.ask("wenell", "Vad säger policyn om flextid?").refused, true);
  });
  it("what the policy recommends, its goal and the purposes it rules out are asked of the policy; a tool recommendation is not", () => {
    assert.equal(lib.ask("dalsland", "Vad rekommenderas om jag är osäker på AI?").refused, false);
    assert.equal(lib.ask("dalsland", "Vilken AI rekommenderar du för att göra presentationer?").refused, true);
    assert.equal(lib.ask("hjo", "what is the main goal with AI here?").refused, false);
    assert.equal(lib.ask("soderkoping", "What purposes does the EU AI Act forbid for ChatGPT?").refused, false);
  });
  it("English 'precautionary principle' reaches 'försiktighetsprincipen'", () => {
    const a = lib.ask("hjo", "Is the precautionary principle something I need to think about with AI?");
    assert.equal(a.refused, false);
    assert.ok(a.citations.some((c) => /försiktighetsprincip/i.test(c.quote)), JSON.stringify(a.citations.map((c) => c.quote.slice(0, 60))));
  });
});

describe("reading a question: a way to be allowed, decisions, what pictures are for", () => {
  it("'is there any way I may …' asks permission; 'any way to make Copilot …' does not", () => {
    assert.equal(askOf("Vi måste jobba med kunduppgifter i Claude – finns det något sätt att få använda det?"), "may");
    assert.equal(askOf("Is there any way we could be allowed to run the payroll through Gemini?"), "may");
    assert.equal(askOf("Finns det något sätt att få Copilot att svara på svenska?"), undefined);
  });
  it("making the actual or real decisions is deciding", () => {
    assert.ok(readQuestion("Could ChatGPT make the real decisions on the grant applications?").use.has("decide"));
    assert.ok(readQuestion("Can the AI take the actual decision in parking cases?").use.has("decide"));
  });
  it("pictures for a presentation or a client pitch hand nothing over; the client's own files do", () => {
    assert.equal(readQuestion("May I create visuals for the customer pitch in DALL-E?").info.size, 0);
    assert.equal(readQuestion("Kan jag ta fram bilder till kundpresentationen i Midjourney?").info.size, 0);
    assert.ok(readQuestion("Får jag klistra in kundens offertunderlag i ChatGPT?").info.has("customer"));
  });
});

describe("reading a question: who of two, writing it down somewhere, training for us who work there, texts for groups", () => {
  it("'is it me or the supplier who …' asks who, not yes or no", () => {
    assert.equal(askOf("Om Copilot hittar på fakta i en rapport, är det jag eller Microsoft som får skulden?"), undefined);
    assert.equal(askOf("If a chatbot gives a resident wrong advice, is it us or the vendor who is responsible?"), undefined);
    assert.equal(askOf("Får jag använda ChatGPT eller Gemini för det här?"), "may", "a choice between tools still asks permission");
  });
  it("writing it down somewhere is documenting", () => {
    assert.ok(readQuestion("Jag fick hjälp av Copilot med en utredning, måste jag skriva det någonstans?").duty.has("document"));
    assert.ok(readQuestion("Used ChatGPT for the minutes, should I note it down somewhere?").duty.has("document"));
  });
  it("'kommer vi som jobbar i X få utbildning' asks what staff are entitled to", () => {
    const q = readQuestion("Kommer vi som jobbar på biblioteket få någon utbildning i AI?");
    assert.equal(q.ask, "must");
    assert.ok(q.duty.has("training"));
  });
  it("a text for new families or households is written for them, not about them", () => {
    assert.ok(!readQuestion("Kan jag låta ChatGPT skriva ett välkomstbrev till nyinflyttade hushåll?").info.has("personal"));
    assert.ok(!readQuestion("Can Copilot draft a newsletter for local families?").info.has("personal"));
    assert.ok(readQuestion("Kan jag klistra in ett brev till familjen Nilsson i ChatGPT?").info.has("personal"));
  });
});
