// Verdicts computed from each pack's decision table: a question read into slots, the rows
// that apply, the narrowest and then the strictest; "it depends" when the question leaves
// open what the rows differ on. Examples are the project's own (and the trials).
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { askOf, readQuestion } from "../../src/policy/decisions/question-slots";
import { decide } from "../../src/policy/decisions/verdict";
import type { DecisionRow } from "../../src/policy/decisions/schema";
import { loadPack } from "../../src/policy/pack-loader";
import { libraryUnseen, testLibrary } from "../support/library";
import { policyFixture } from "../support/policy-fixtures";

const cite = (quote: string) => [{ policy: "t", section: "S", rule: null, quote }];
const row = (r: Partial<DecisionRow> & Pick<DecisionRow, "id" | "verdict">): DecisionRow => ({ ask: "may", info: "any", tool: "any", use: "any", duty: "any", citations: cite(r.id), ...r });

describe("decision tables: reading a question", () => {
  it("tells permission, obligation and who/what/how questions apart, in Swedish and English", () => {
    assert.equal(askOf("Får jag använda Gemini för att skriva ett pressmeddelande?"), "may");
    assert.equal(askOf("kan vi låta AI sortera inkommande mejl?"), "may");
    assert.equal(askOf("Is it okay to paste meeting notes into Claude?"), "may");
    assert.equal(askOf("vore det ok att testa en ny AI-app?"), "may");
    assert.equal(askOf("Måste jag märka en AI-genererad illustration?"), "must");
    assert.equal(askOf("Do I need my manager's approval before using an AI tool?"), "must");
    assert.equal(askOf("ska det här rapporteras någonstans?"), "must");
    assert.equal(askOf("Vem ska godkänna att jag använder AI?"), undefined);
    assert.equal(askOf("What does the policy say about AI in recruitment?"), undefined);
    assert.equal(askOf("osäker på om jag får använda ett AI-verktyg här, vem kan jag fråga?"), undefined);
  });

  it("hears a permission asked to be confirmed, questions typed without å/ä/ö, and ChatGPT misspelt", () => {
    assert.equal(askOf("Copilot finns ju i Office, så jag kan använda den för mötesanteckningarna, eller hur?"), "may");
    const q = readQuestion("ar det ok att klistra in en text som redan ar publicerad pa webben i chatgtp?");
    assert.equal(q.ask, "may");
    assert.ok(q.tool.has("public"));
    assert.ok(q.info.has("open"));
  });

  it("information named to say it is absent does not count; case documents are read as compound heads", () => {
    assert.ok(!readQuestion("Får jag skriva en mall i ChatGPT, alltså utan några kunduppgifter?").info.has("customer"));
    assert.ok(!readQuestion("Can I use Gemini for a poster with no personal data in it?").info.has("personal"));
    assert.ok(readQuestion("Får jag lägga in en biståndsansökan i ChatGPT?").info.has("personal"));
    assert.ok(readQuestion("Får AI göra en bild i Zorns stil till affischen?").info.has("copyright"));
  });

  it("reads information, tool, use and duty from everyday words", () => {
    const a = readQuestion("Får jag klistra in en elevlista i ChatGPT?");
    assert.deepEqual([...a.info], ["personal"]);
    assert.deepEqual([...a.tool], ["public"]);
    assert.ok(a.use.has("paste"));
    const b = readQuestion("Can I use Microsoft 365 Copilot to summarise a confidential report?");
    assert.ok(b.tool.has("copilot") && b.info.has("secret") && b.use.has("summarise"));
    const c = readQuestion("Behöver jag ange att texten är skriven med hjälp av AI?");
    assert.equal(c.ask, "must");
    assert.ok(c.duty.has("label") || c.duty.has("document"));
  });

  it("runs the draft reviewer on the question: a personnummer or a diagnosis is personal or sensitive data", () => {
    assert.ok(readQuestion("Får jag skriva 19121212-1212 i en prompt?").info.has("personal"));
    const d = readQuestion("kan jag be AI formulera ett brev om en brukares diabetes?");
    assert.ok(d.info.has("special") && d.info.has("personal"));
  });

  it("information already published is open information, not something to publish", () => {
    const q = readQuestion("får jag låta AI korta en text som redan ligger ute på kommunens webbplats?");
    assert.ok(q.info.has("open"));
    assert.ok(!q.use.has("publish"), [...q.use].join(","));
  });
});

describe("decision tables: combining rows", () => {
  const rows = [
    row({ id: "public-open-only", tool: ["public"], verdict: "conditional", condition: { sv: "bara öppen information", en: "only open information" } }),
    row({ id: "public-open", tool: ["public"], info: ["open"], verdict: "yes" }),
    row({ id: "public-personal", tool: ["public"], info: ["personal"], verdict: "no" }),
    row({ id: "approved-personal", tool: ["approved"], info: ["personal"], verdict: "conditional", condition: { sv: "efter analys", en: "after analysis" } }),
    row({ id: "label", ask: "must", duty: ["label"], use: ["images"], verdict: "yes" }),
  ];

  it("the narrower row settles it over a general one; of equals, the strictest", () => {
    assert.deepEqual(decide(rows, readQuestion("Får jag använda ChatGPT med öppen information?")).rows.map((r) => r.id), ["public-open"]);
    assert.equal(decide(rows, readQuestion("Får jag använda ChatGPT?")).verdict, "conditional");
    assert.equal(decide(rows, readQuestion("Får jag klistra in personnummer i ChatGPT?")).verdict, "no");
    // open and personal at once: neither row is narrower, the strictest wins
    assert.equal(decide(rows, readQuestion("Får jag klistra in en offentlig handling med elevers namn i ChatGPT?")).verdict, "no");
  });

  it("says what the answer depends on when the question leaves the tool open and the rows differ", () => {
    const d = decide(rows, readQuestion("Får jag använda AI med personuppgifter?"));
    // allowed with one tool, not with another: allowed only on a condition, and it says which
    assert.equal(d.verdict, "conditional");
    assert.deepEqual(d.dependsOn, ["tool"]);
    assert.deepEqual(d.rows.map((r) => r.verdict), ["no", "conditional"]);
  });

  it("obligations match on the duty; who/what/how questions get no verdict", () => {
    assert.equal(decide(rows, readQuestion("Måste jag märka bilder som AI har gjort?")).verdict, "yes");
    assert.equal(decide(rows, readQuestion("Hur märker jag en AI-bild?")).verdict, null);
  });

  it("a condition the situation meets is a yes (metBy): open information in a tool for open information only", () => {
    const withMet = rows.map((r) => (r.id === "public-open-only" ? { ...r, metBy: { info: ["open" as const] } } : r)).filter((r) => r.id !== "public-open");
    assert.equal(decide(withMet, readQuestion("Får jag använda ChatGPT för text som redan är publicerad?")).verdict, "yes");
    assert.equal(decide(withMet, readQuestion("Får jag använda ChatGPT?")).verdict, "conditional");
  });

  it("a pack's own examples of a kind of information are read from the question (terms)", () => {
    const q = readQuestion("Får jag lägga in vårt utbildningsmaterial i ChatGPT?", { secret: ["utbildningsmaterial"] });
    assert.ok(q.info.has("secret"));
    assert.ok(!readQuestion("Får jag lägga in vårt utbildningsmaterial i ChatGPT?").info.has("secret"));
  });

  it("Copilot is read as the tool class the pack gives it when no row names Copilot", () => {
    const q = readQuestion("Får jag klistra in personnummer i Copilot?");
    assert.equal(decide(rows, q, "public").verdict, "no");
    assert.equal(decide(rows, q, "needs-analysis").verdict, null);
  });
});

describe("reading a question: forms and situations", () => {
  it("finds the asking clause: a situation first, the question last; verb-first and tag questions", () => {
    assert.equal(askOf("Jag håller på med nyhetsbrevet. Kan Copilot hjälpa mig korta det?"), "may");
    assert.equal(askOf("Vi har ett nytt HR-system med AI – skulle vi kunna slå på den funktionen?"), "may");
    assert.equal(askOf("Vore det fel att låta Gemini skriva utkastet?"), "may");
    assert.equal(askOf("det är väl ingen fara att använda DeepL för broschyren?"), "may");
    assert.equal(askOf("Kör jag texten i Claude först och rättar sen?"), "may");
    assert.equal(askOf("Would it be a problem to run the minutes through Perplexity?"), "may");
    assert.equal(askOf("Behövs det något godkännande för transkriberingsappen?"), "must");
    assert.equal(askOf("Är jag skyldig att säga till om jag ser en kollega göra fel?"), "must");
    assert.equal(askOf("we use it for the newsletter, that's fine, right?"), "may");
    // "behöver" in a relative clause asks nothing
    assert.equal(askOf("Mina elever behöver stöd i läsning. Får jag låta AI göra övningar?"), "may");
  });

  it("questions of fact and of classification get no verdict", () => {
    assert.equal(askOf("Finns det någon AI-kurs för oss i vår?"), undefined);
    assert.equal(askOf("Sparas det jag skriver i Gemini hos Google?"), undefined);
    assert.equal(askOf("Har vi licenser till Copilot på enheten?"), undefined);
    assert.equal(askOf("Räknas betyg som känsliga personuppgifter?"), undefined);
    assert.equal(askOf("Vem godkänner nya AI-verktyg?"), undefined);
  });

  it("reads the organisation's own images, unknown tools, unchecked output, casework and access", () => {
    assert.ok(readQuestion("Får vi göra om kommunens egna foton av torget med AI?").info.has("own-images"));
    assert.ok(readQuestion("Can I turn our own campaign photos into new versions with an AI tool?").info.has("own-images"));
    const unknown = readQuestion("En okänd utvecklare har gjort en gratis app som skriver protokoll, får jag testa den?");
    assert.ok(unknown.tool.has("unknown") && unknown.tool.has("public"));
    // a new tool being procured is not an unknown one
    assert.ok(!readQuestion("Vi ska upphandla ett nytt AI-verktyg för schemaläggning, får vi det?").tool.has("unknown"));
    assert.ok(readQuestion("Kan jag skicka svaret från AI:n rakt av till föräldern?").use.has("unchecked"));
    assert.ok(readQuestion("Can I post the AI text as it is on the intranet?").use.has("unchecked"));
    assert.ok(readQuestion("Måste jag skriva i tjänsteskrivelsen att AI använts i bygglovsärendet?").use.has("casework"));
    assert.ok(readQuestion("Får Copilot ha åtkomst till vår gemensamma mapp?").use.has("access"));
  });

  it("reads what is said to be absent as absent, and text bound for the website or a statute as open information", () => {
    assert.ok(!readQuestion("Får jag använda ChatGPT för en mall till avtal, alltså utan några kunduppgifter?").info.has("customer"));
    assert.ok(readQuestion("Får jag låta ChatGPT skriva en notis till hemsidan om nya parkeringsregler?").info.has("open"));
    assert.ok(readQuestion("Kan jag be ChatGPT förklara skollagen?").info.has("open"));
    // a law named as the yardstick is not the information handled
    assert.ok(!readQuestion("Får man använda ChatGPT till sådant som är förbjudet enligt AI-förordningen?").info.has("open"));
    // the worry about copyright is not copyrighted material; a named style is
    assert.ok(!readQuestion("Får jag klistra in förordningen i ChatGPT, eller bryter jag mot upphovsrätten?").info.has("copyright"));
    assert.ok(readQuestion("Can the AI paint our poster in Tove Jansson's style?").info.has("copyright"));
    assert.ok(readQuestion("Får jag göra en AI-bild på kommunens borgmästare?").info.has("images-of-people"));
  });

  it("reads keeping quiet, skipping approval and being unsure as what is done", () => {
    assert.ok(readQuestion("Får jag lägga ut AI-bilden på Facebook utan bildtext?").use.has("undisclosed"));
    assert.ok(readQuestion("I'd rather not tell the client that Gemini wrote the summary, is that ok?").use.has("undisclosed"));
    assert.ok(readQuestion("Kan jag köra elevernas omdömen i vårt AI-system utan att fråga rektor?").use.has("unapproved"));
    assert.ok(readQuestion("Vet inte riktigt om det här är känsligt, får jag köra det i Copilot?").use.has("unsure"));
    const lib = testLibrary();
    // Söderköping Q: an AI image goes with its caption; an AI text need not carry one
    assert.equal(lib.ask("soderkoping", "Får jag publicera en AI-genererad bild på intranätet utan någon bildtext?").verdictKind, "no");
    assert.equal(lib.ask("hjo", "Kan jag låta AI:n behandla personuppgifter om brukare utan särskilt tillstånd?").verdictKind, "no");
  });

  it("reads a modal after a comma, a bare infinitive, a plan told without a question and a confirmation asked for", () => {
    assert.equal(askOf("har inget utkast klart än, kan Gemini skriva första versionen?"), "may");
    assert.equal(askOf("Hittade en app som gör protokoll åt en, prova den på nästa möte?"), "may");
    assert.equal(askOf("vill låta copilot sammanfatta remissvaren"), "may");
    assert.equal(askOf("chefen har redan sagt ja, så det är lugnt?"), "may");
    assert.equal(askOf("Jag ska klistra in listan i Claude. Kör?"), "may");
    assert.equal(readQuestion("Gemini wrote the report, but I'm still on the hook if it's wrong?").ask, "must");
    // a plan told inside a question is the question's, not a second one
    assert.equal(askOf("Vi vill köpa in ett AI-verktyg, vem godkänner det?"), undefined);
    assert.ok(readQuestion("måste jag fråga min chef innan jag testar Claude?").duty.has("approval"));
    assert.ok(readQuestion("Behöver vi kolla det Copilot skrivit innan det går ut?").duty.has("check-output"));
  });

  it("reads a described person, a decision the tool makes, and a decision that is only text", () => {
    // no name, but a pupil with a diagnosis is a person with health data
    const pupil = readQuestion("Får jag be ChatGPT om ett åtgärdsprogram, inga namn, bara en pojke i 3a med autism?");
    assert.ok(pupil.info.has("special") && pupil.info.has("personal"));
    assert.ok(readQuestion("Kan jag klistra in anteckningarna från hembesöket hos familjen i Gemini?").info.has("personal"));
    assert.ok(readQuestion("Can Copilot make the call on which tenders we reject?").use.has("decide"));
    const published = readQuestion("Can I paste the board's published decision into ChatGPT?");
    assert.ok(!published.use.has("decide") && published.info.has("open"));
  });

  it("a claim that the result is someone else's responsibility is answered no where the rules put it on the user", () => {
    const lib = testLibrary();
    const q = readQuestion("ChatGPT räknade fel i kalkylen, det är väl verktygets fel och inte mitt?");
    assert.equal(q.ask, "must");
    assert.ok(q.denies && q.duty.has("check-output"));
    const a = lib.ask("wenell", "Claude got the dates wrong in my client memo, that's the vendor's fault and not mine, right?");
    assert.equal(a.verdictKind, "no");
    assert.match(a.answer, /^No, under the policy that is on you/);
    assert.equal(lib.ask("wenell", "Om AI:n skrev det mesta av analysen, är det ändå jag som ansvarar för den?").verdictKind, "yes");
  });
});

describe("decision tables: the shipped packs", () => {
  const lib = testLibrary();

  it("every pack has a table, and every row's quotes are the policy's own text", () => {
    for (const id of lib.ids()) {
      const pack = lib.get(id);
      assert.ok(pack.decisions.length >= 10, `${id}: ${pack.decisions.length} rows`);
      for (const r of pack.decisions) for (const c of r.citations) assert.ok(pack.passages.some((p) => p.text.includes(c.quote)), `${id}/${r.id}`);
    }
  });

  it("a pupil list in ChatGPT is a no in Söderköping (the README's example, once answered 'Ja, men')", () => {
    const a = lib.ask("soderkoping", "Får jag klistra in en elevlista i ChatGPT?");
    assert.equal(a.verdictKind, "no");
    assert.match(a.answer, /^Nej/);
    assert.match(a.citations[0].quote, /[Pp]ersonuppgifter/);
  });

  it("Copilot with personal data is a no where the policy treats Copilot as public AI", () => {
    const a = lib.ask("soderkoping", "får jag använda copilot för att sammanfatta ett möte med personuppgifter");
    assert.equal(a.verdictKind, "no");
  });

  it("buying a tool is read as such: Wenell's CEO approves tool purchases, a pack silent on buying gives no verdict", () => {
    assert.ok(readQuestion("Får jag köpa en AI-app för transkribering med mitt kort?").use.has("buy"));
    const a = lib.ask("wenell", "Får jag köpa en AI-app för transkribering med mitt kort?");
    assert.equal(a.verdictKind, "conditional");
    assert.match(a.verdict ?? "", /VD|chef/);
  });

  it("a what-question is not answered with Yes", () => {
    const a = lib.ask("wenell", "What is the policy on using AI for recruitment?");
    assert.notEqual(a.verdictKind, "yes");
    assert.doesNotMatch(a.answer, /^Yes/);
  });

  it("the answer never leads with a verdict its first quote contradicts: a 'no' quotes a rule that forbids", () => {
    for (const [pack, q] of [
      ["dalsland", "Får jag mata in en invånares personnummer i ChatGPT?"],
      ["hjo", "Får jag klistra in sekretessbelagda uppgifter i ChatGPT?"],
      ["staffanstorp", "Can I paste a pupil's grades into ChatGPT?"],
    ]) {
      const a = lib.ask(pack, q);
      assert.equal(a.verdictKind, "no", `${pack}: ${q}`);
      assert.match(a.citations[0].quote, /inte|aldrig|förbjud|ingen|inga/i, `${pack}: ${a.citations[0].quote}`);
    }
  });
});

/** a copy of the hjo pack under the id "demo", in a temporary folder */
function copyOfHjo(): { dir: string; pack: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pack-"));
  const pack = path.join(dir, "demo");
  fs.cpSync(path.join(__dirname, "../../../policies/hjo"), pack, { recursive: true });
  const json = JSON.parse(fs.readFileSync(path.join(pack, "pack.json"), "utf8"));
  json.id = "demo";
  fs.writeFileSync(path.join(pack, "pack.json"), JSON.stringify(json));
  return { dir, pack };
}

describe("decision tables: duties owed to the authority, impact assessments, and who carries a duty", () => {
  const lib = testLibrary();

  it("notifying the data protection authority is a duty of its own, not the internal report", () => {
    for (const q of ["Måste vi anmäla det till IMY om en kollega har klistrat in en kundlista i ChatGPT?", "Do we have to notify the data protection authority about this?", "Behöver Integritetsskyddsmyndigheten få veta när något läckt via AI?"]) {
      const d = readQuestion(q).duty;
      assert.ok(d.has("notify-authority") && !d.has("report"), q);
    }
    assert.ok(readQuestion("Måste jag rapportera det till min chef?").duty.has("report"));
    // Wenell ties the notification to a risk to personal data and to what the law requires
    assert.equal(lib.ask("wenell", "Ett underlag med kunders namn hamnade i en öppen AI-tjänst. Måste vi anmäla det till IMY?").verdictKind, "conditional");
    // a policy that never speaks of the authority gives no verdict on it, whatever it says of internal reports
    assert.equal(lib.ask("hjo", "Måste vi anmäla det till IMY om någon klistrat in personuppgifter i ChatGPT?").verdictKind, null);
  });

  it("a DPIA is read apart from a risk analysis, and is required where the policy requires it", () => {
    assert.deepEqual([...readQuestion("Måste vi göra en konsekvensbedömning?").duty], ["dpia"]);
    assert.deepEqual([...readQuestion("Behöver vi göra en riskanalys först?").duty], ["risk-analysis"]);
    assert.ok(readQuestion("Ska analyserna göras innan vi börjar använda verktyget?").duty.has("risk-analysis"));
    // Staffanstorp: procuring an AI system that will handle personal data needs a DPIA, whatever the system is called yet
    assert.equal(lib.ask("staffanstorp", "Vi ska upphandla ett AI-system för elevhälsans journaler. Måste vi göra en DPIA?").verdictKind, "yes");
    // Söderköping asks for one "i de flesta fall"
    assert.equal(lib.ask("soderkoping", "Måste vi göra en DPIA innan vi lägger in personuppgifter i AI-systemet?").verdictKind, "conditional");
  });

  it("training staff are to be given is read as the duty to train them", () => {
    for (const q of ["Har vi rätt att få utbildning i hur man använder AI säkert?", "Will we get any training before we start using Copilot?", "Ska alla medarbetare få en AI-utbildning?"]) {
      const r = readQuestion(q);
      assert.equal(r.ask, "must", q);
      assert.ok(r.duty.has("training"), q);
    }
    // permission to take a course is not a duty owed
    assert.notEqual(readQuestion("Får jag gå en AI-kurs på arbetstid?").ask, "must");
    assert.equal(lib.ask("hjo", "Har vi rätt att få utbildning i hur man använder AI säkert?").verdictKind, "yes");
  });

  it("whether what the asker offers is enough: no when a role, a duty or the prescribed wording is missing, never a yes from that alone", () => {
    // Wenell: every tool is also approved by the CEO
    const purchase = lib.ask("wenell", "Räcker det att teamledaren har godkänt att vi köper en ny AI-app?");
    assert.equal(purchase.verdictKind, "no");
    assert.match(purchase.answer, /^Nej, det räcker inte/);
    assert.ok(purchase.citations.some((c) => /VD/.test(c.quote)));
    // an incident goes to the nearest manager and IT, and is documented
    assert.equal(lib.ask("wenell", "Räcker det att jag säger till min chef om incidenten med AI-verktyget?").verdictKind, "no");
    assert.equal(lib.ask("wenell", "My manager said it's fine to buy a Midjourney licence for the team. That's all the sign-off we need, right?").verdictKind, "no");
    // Söderköping prescribes the caption's wording
    assert.equal(lib.ask("soderkoping", "Räcker det att skriva \"Gjord med AI\" under bilden?").verdictKind, "no");
    // all the rows name is offered: the ordinary answer stands, not "yes, that is enough"
    assert.doesNotMatch(lib.ask("hjo", "Räcker det att jag granskar texten från ChatGPT innan jag skickar den?").answer, /räcker/);
    // "måste jag …, eller räcker det att …?" asks the obligation
    const r = readQuestion("Måste jag märka AI-bilden, eller räcker det att jag vet om det själv?");
    assert.equal(r.ask, "must");
    assert.equal(r.enough, undefined);
    assert.equal(lib.ask("soderkoping", "Måste jag märka AI-bilden, eller räcker det att jag vet om det själv?").verdictKind, "yes");
  });

  it("reads automated decisions, someone saying ok and a decision written down in everyday words", () => {
    for (const q of ["Can the case system auto-reject incomplete applications?", "Kan AI:n sköta besluten om bostadsanpassning?"]) assert.ok(readQuestion(q).use.has("decide"), q);
    assert.ok(!readQuestion("Får man lära sig AI på egen hand?").use.has("decide"));
    assert.ok(readQuestion("Chefen sa ok till att vi använder Copilot. Måste det godkännas av någon mer?").duty.has("approval"));
    assert.ok(readQuestion("Måste beslutet skrivas ner?").duty.has("document"));
    assert.ok(readQuestion("Does the approval have to be in writing?").duty.has("document"));
  });

  it("who carries a duty, asked openly, quotes the rule that names them, with no verdict; a yes/no question beside it keeps its verdict", () => {
    const a = lib.ask("wenell", "vem står egentligen för riskanalyserna av vår AI-användning?");
    assert.equal(a.verdictKind, null);
    assert.ok(a.citations.slice(0, 2).some((c) => /genomföras av företagets ledning/.test(c.quote)));
    assert.ok(lib.ask("soderkoping", "Who is responsible for the analyses before an AI system is used?").citations.slice(0, 2).some((c) => /Varje nämnd ansvarar/.test(c.quote)));
    assert.equal(lib.ask("dalsland", "Får vi lägga in personuppgifter i den säkra AI-tjänsten, och vem ska godkänna det?").verdictKind, "conditional");
    // the duty named before the asking
    assert.ok(lib.ask("wenell", "när görs riskanalyserna av AI och vem gör dem?").citations.slice(0, 2).some((c) => /genomföras av företagets ledning/.test(c.quote)));
  });

  it("reads going ahead anyway, telling it as it is, classifying information, AI text as a draft and getting caught in everyday words", () => {
    assert.equal(readQuestion("Jag är osäker på vad appen gör med texten. Ska jag bara köra ändå?").ask, "may");
    assert.ok(readQuestion("Chefen frågade om jag använt AI. Måste jag säga som det är?").duty.has("label"));
    assert.ok(readQuestion("Måste informationen i systemet klassas också?").duty.has("risk-analysis"));
    assert.ok(readQuestion("Måste allt AI:n skriver ses som ett utkast?").duty.has("check-output"));
    assert.equal(readQuestion("Om bilden är för lik någon annans, är det jag som åker dit?").ask, "must");
    assert.equal(readQuestion("Chefen sa ok till att vi köper Midjourney, då kör vi väl?").enough, true);
    // "då kan jag väl …" asks a permission, not whether something is enough
    assert.equal(readQuestion("SveaGPT är upphandlat, då kan jag väl lägga in namnen där?").enough, undefined);
  });

  it("a closing clause that asks on its own decides; one offering an alternative does not", () => {
    assert.equal(readQuestion("Jag behöver lägga in en sekretessmarkerad utredning i vårt AI-system, är det tillåtet?").ask, "may");
    assert.equal(readQuestion("I need to upload the tender evaluation to Copilot, is that ok?").ask, "may");
    assert.equal(readQuestion("Do I have to check the figures, or is it fine if the summary reads well?").ask, "must");
  });

  it("reads closed sessions as secret, 'nothing personal in it' as absent, and generating then sending off as unchecked", () => {
    assert.ok(readQuestion("Kan jag klistra in dagordningen för nämndens slutna sammanträde i Copilot?").info.has("secret"));
    assert.ok(readQuestion("Can I summarise the notes from the closed session with ChatGPT?").info.has("secret"));
    assert.ok(!readQuestion("Can I use Gemini to tidy up the newsletter? There's nothing personal in it.").info.has("personal"));
    assert.ok(readQuestion("Can I have ChatGPT write the whole reply and send it off?").use.has("unchecked"));
  });

  it("a claim about whose duty it is, told by someone else, is checked against the policy", () => {
    assert.equal(lib.ask("wenell", "Min chef säger att jag själv måste göra riskanalysen av AI-användningen, stämmer det?").verdictKind, "no");
    assert.equal(lib.ask("wenell", "My manager told me that management has to carry out the risk analyses of our AI use. Is that right?").verdictKind, "yes");
  });

  it("a duty that holds only if something is so is a duty to consider whether it is", () => {
    const r = readQuestion("Måste vi fundera på om AI-anteckningarna blir allmänna handlingar?");
    assert.equal(r.considers, true);
    assert.equal(lib.ask("soderkoping", "Måste vi ta ställning till om AI-systemets protokoll blir allmänna handlingar?").verdictKind, "yes");
  });

  it("reads a typo'd 'accidently', the vendor said to be liable, and a risk and opportunity analysis", () => {
    assert.equal(lib.ask("hjo", "I accidently pasted a client's address into ChatGPT, what now?").citations.length > 0, true);
    assert.equal(readQuestion("It's Microsoft that's liable if Copilot gets it wrong, right?").denies, true);
    assert.ok(readQuestion("Måste vi göra en risk- och möjlighetsanalys varje år?").duty.has("risk-analysis"));
  });

  it("reads handing AI work in as one's own as undisclosed, and saying when AI was used as the duty to disclose", () => {
    const r = readQuestion("Do I have to say when I used AI for a report, or can I just hand it in as my own work?");
    assert.equal(r.ask, "must");
    assert.ok(r.duty.has("label"));
    assert.ok(readQuestion("Can I hand the summary in as my own?").use.has("undisclosed"));
  });

  it("an approval stated, then 'så nu kan jag väl …', asks whether that approval is enough", () => {
    assert.equal(readQuestion("Rektorn har godkänt det, så nu kan jag väl köra elevernas omdömen genom Copilot?").enough, true);
    assert.equal(readQuestion("My manager said it's fine, so I can just buy the Midjourney licence?").enough, true);
    // a premise that is no one's approval asks a permission
    assert.equal(readQuestion("SveaGPT är upphandlat, så nu kan jag väl lägga in namnen där?").enough, undefined);
    assert.equal(lib.ask("wenell", "Min chef har sagt ok, så nu kan jag väl köpa en Midjourney-licens till teamet?").verdictKind, "no");
  });

  it("reads training staff will be given, and putting someone's details in oneself, in everyday English", () => {
    assert.equal(readQuestion("Are we all going to get some training in AI?").ask, "must");
    assert.ok(readQuestion("It's procured, so I can just put clients' contact details into it myself, right?").use.has("unapproved"));
  });

  it("a prohibition asked to be confirmed ('betyder det att jag inte får …?') is answered yes when the rules forbid it", () => {
    const r = readQuestion("Betyder det att jag inte får klistra in elevernas namn i ChatGPT?");
    assert.equal(r.confirmsProhibition, true);
    const a = lib.ask("soderkoping", "Betyder det att jag inte får klistra in elevernas namn i ChatGPT?");
    assert.equal(a.verdictKind, "yes");
    assert.match(a.answer, /^Ja, det stämmer: det är inte tillåtet/);
    assert.equal(lib.ask("soderkoping", "So I can't paste pupils' names into ChatGPT?").verdictKind, "yes");
  });

  it("reads 'is her ok enough?', 'should I just try it', public reports, job adverts and readers' questions", () => {
    assert.equal(readQuestion("My manager says it's fine to use the AI in the HR system for sick notes. Is her ok enough?").enough, true);
    assert.equal(readQuestion("Do I have to tell IT too, or is telling my manager enough?").enough, undefined);
    assert.equal(readQuestion("New transcription app, no idea where it stores things. Should I just try it in tomorrow's meeting?").ask, "may");
    assert.ok(readQuestion("Can I summarise the public Skolverket report with ChatGPT?").info.has("open"));
    assert.ok(readQuestion("Kan ChatGPT hjälpa mig med rubrikerna i platsannonsen?").info.has("open"));
    assert.ok(!readQuestion("Can a chatbot on our website answer residents' questions about parking?").info.has("personal"));
  });

  it("allowed, but only once what the rules require first for that situation is done: conditional", () => {
    const a = lib.ask("dalsland", "Ärendesystemet har fått en inbyggd AI-funktion som skriver utkast. Får vi börja använda den?");
    assert.equal(a.verdictKind, "conditional");
    assert.ok(a.citations.slice(0, 3).some((c) => /klassas/.test(c.quote)));
    assert.match(a.answer, /^Tillåtet, men först när det som policyn kräver innan är gjort\./);
  });

  it("a statement asked to be confirmed is checked against the sentence that says most of it, polarity included", () => {
    const yes = lib.ask("staffanstorp", "Stämmer det att yttranden av myndigheter inte omfattas av upphovsrätt?");
    assert.equal(yes.verdictKind, "yes");
    assert.match(yes.answer, /^Ja, det stämmer enligt policyn/);
    assert.match(yes.citations[0].quote, /inte omfattas av upphovsrätt/);
    assert.equal(lib.ask("staffanstorp", "Stämmer det att yttranden av myndigheter omfattas av upphovsrätt?").verdictKind, "no");
    // a statement the policy does not make nearly word for word gets no verdict of this kind
    assert.doesNotMatch(lib.ask("hjo", "Is it true that pictures of real people are fine?").answer, /the policy says so|says the opposite/);
  });

  it("reads 'har vi anställda rätt att få', a photo of a named office-holder, and material its asker is unsure is public", () => {
    assert.equal(readQuestion("Har vi anställda rätt att få utbildning i AI?").ask, "must");
    assert.ok(readQuestion("Can I turn the photo of our rektor into a cartoon with AI?").info.has("images-of-people"));
    const r = readQuestion("Jag vet inte om rapporten är offentlig än. Kan jag sammanfatta den med ChatGPT?");
    assert.ok(r.info.has("open") && r.info.has("internal"));
  });

  it("whose responsibility AI output is, asked many ways; an alternative offered or a remark after the question asserts nothing", () => {
    assert.equal(lib.ask("soderkoping", "Är det jag som användare som ansvarar för att det AI:n skriver stämmer?").verdictKind, "yes");
    assert.equal(lib.ask("dalsland", "Is it true I'm responsible for what ChatGPT produces? The tool wrote it, not me").verdictKind, "yes");
    assert.equal(lib.ask("soderkoping", "Är det jag som står för att fakta stämmer i AI-texten? eller är det leverantörens ansvar?").verdictKind, "yes");
    // asserted in the asking clause, the duty put elsewhere is still a no
    assert.equal(lib.ask("soderkoping", "Det är väl leverantörens ansvar om AI:n hittar på, inte mitt?").verdictKind, "no");
  });

  it("reads a report as a document, not a duty to report; replacing an expert's review as unchecked; figuring out whether as considering", () => {
    assert.ok(!readQuestion("Must I check the client report ChatGPT drafted?").duty.has("report"));
    assert.ok(readQuestion("Do I have to report this to my manager?").duty.has("report"));
    assert.ok(!readQuestion("Måste jag granska rapporterna som Copilot skriver?").duty.has("report"));
    assert.ok(readQuestion("Kan Copilot granska avtalet i stället för att vi skickar det till juristen?").use.has("unchecked"));
    assert.equal(readQuestion("Måste vi reda ut om AI-loggarna blir allmänna handlingar?").considers, true);
  });

  it("a policy named just before 'gäller även', and a law said to apply too, are questions of scope", () => {
    assert.equal(lib.ask("hjo", "Stämmer det att riktlinjen gäller även för inhyrda konsulter i våra system?").verdictKind, "yes");
    assert.equal(lib.ask("wenell", "Is it true that GDPR also applies to what we do with AI tools?").verdictKind, "yes");
  });

  it("reads 'counted as generative AI', 'behövs det nåt mer?' and a paste just made", () => {
    assert.equal(lib.ask("hjo", "Is Gemini counted as generative AI under our rules?").verdictKind, "yes");
    assert.equal(lib.ask("soderkoping", "Räknas Copilot i Teams som generativ AI enligt riktlinjerna?").verdictKind, "yes");
    assert.equal(readQuestion("Chefen har sagt ok till att vi köper en AI-app, behövs det nåt mer?").enough, true);
    assert.equal(lib.ask("hjo", "klistrade precis in en lista med elevers namn i chatgpt, vad gör jag nu?").refused, false);
  });

  it("what can follow from breaking the policy is answered from what the policy says can follow, not read as a permission", () => {
    const once = lib.ask("wenell", "Jag råkade klistra in en offert i Gemini. Kan jag få sparken för det?");
    assert.equal(once.verdictKind, "conditional");
    assert.match(once.answer, /^Det kan följa i vissa fall: vid upprepade eller grova överträdelser/);
    assert.match(once.citations[0].quote, /upprepade eller grova överträdelser/);
    assert.equal(lib.ask("wenell", "Could someone get a formal warning if they keep pasting client data into ChatGPT?").verdictKind, "yes");
    assert.equal(lib.ask("staffanstorp", "Kan jag straffas om jag lägger in sekretessbelagda uppgifter i ett AI-verktyg?").verdictKind, "yes");
    // a first slip against a rule that takes repeated or serious breaches: no
    const first = lib.ask("wenell", "Jag klistrade in ett stycke ur en intern offert i ChatGPT av misstag. Leder ett första misstag automatiskt till uppsägning?");
    assert.equal(first.verdictKind, "no");
    assert.match(first.answer, /^Nej, inte för ett första misstag/);
    // "åka dit" in a criminal sense is what the law can do
    const criminal = lib.ask("staffanstorp", "kan man åka dit straffrättsligt om man kört in en sekretessbelagd utredning i Gemini?");
    assert.equal(criminal.verdictKind, "yes");
    assert.match(criminal.citations[0].quote, /brott mot tystnadsplikten/);
    // a policy that says nothing of what follows gives no answer of this kind
    assert.doesNotMatch(lib.ask("hjo", "Kan man bli uppsagd om man använder ChatGPT fel?").answer, /kan det följa|Det kan följa/);
  });

  it("'is her ok enough, or does someone else have to sign off?' asks whether the approval is enough", () => {
    assert.equal(readQuestion("My manager approved it. Is her ok enough or does the CEO have to sign off too?").enough, true);
    assert.equal(lib.ask("wenell", "My manager said it's fine to use Claude for drafts. Is her ok enough or does anyone else have to approve the tool?").verdictKind, "no");
  });

  it("an obligation whose duty is not read gets no verdict from every duty the table knows", () => {
    assert.equal(lib.ask("soderkoping", "Appen frågar om den får läsa mina mappar. Ska jag trycka ja?").verdictKind, null);
  });

  it("whose duty it is: yes for the role the policy names, no (naming it) for another, nothing where it names no one", () => {
    const yes = lib.ask("wenell", "Är det ledningen som ska göra riskanalyserna för AI?");
    assert.equal(yes.verdictKind, "yes");
    assert.match(yes.answer, /^Ja, enligt policyn är det ledningen/);
    assert.match(yes.citations[0].quote, /genomföras av företagets ledning/);
    const no = lib.ask("wenell", "Är det IT-avdelningen som ska godkänna att jag använder ChatGPT?");
    assert.equal(no.verdictKind, "no");
    assert.match(no.answer, /närmaste chef och VD/);
    assert.equal(lib.ask("soderkoping", "Is it IT who has to do the analyses before an AI system is used?").verdictKind, "no");
    assert.equal(lib.ask("soderkoping", "Är det nämnden som ansvarar för att analyserna görs innan ett AI-system tas i bruk?").verdictKind, "yes");
    // a consultant asking as "vi konsulter" asks about consultants
    assert.equal(lib.ask("wenell", "är det vi konsulter som ska ta fram riskanalysen?").verdictKind, "no");
    // a head of operations is not "närmaste chef"; deciding whether one may is the approval
    assert.equal(lib.ask("staffanstorp", "Är det min närmaste chef som ska besluta om vi får köra personuppgifter i SveaGPT?").verdictKind, "no");
    assert.equal(lib.ask("staffanstorp", "Är det verksamhetschefen som fattar beslut om personuppgifter i SveaGPT?").verdictKind, "yes");
    assert.match(lib.ask("staffanstorp", "Is it the head of operations who decides whether we may put personal data into SveaGPT?").answer, /^Yes, under the policy it is the head of operations/);
    // a choice between two roles, a person by name, or a duty the policy gives no one: no answer of this kind
    assert.notEqual(lib.ask("hjo", "Är det jag eller IT som ska godkänna?").answer.startsWith("Nej, enligt policyn är det"), true);
    assert.doesNotMatch(lib.ask("hjo", "Är det Anna som ska godkänna?").answer, /enligt policyn är det/);
    assert.doesNotMatch(lib.ask("dalsland", "Är det IT som ska märka AI-bilderna?").answer, /enligt policyn är det/);
  });

  it("a responsibility naming a role the format does not know is refused with the file and field", () => {
    const { dir, pack } = copyOfHjo();
    const file = path.join(pack, "decisions.json");
    const table = JSON.parse(fs.readFileSync(file, "utf8"));
    table.responsibilities[0].roles = ["janitor"];
    fs.writeFileSync(file, JSON.stringify(table));
    try {
      assert.throws(() => loadPack(pack), /decisions\.json.*responsibilities\[0\]\.roles/s);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("decision tables: loading", () => {
  it("a row that breaks the format is refused with the file and field named", () => {
    const { dir, pack } = copyOfHjo();
    fs.writeFileSync(path.join(pack, "decisions.json"), JSON.stringify({ decisions: [{ id: "x", ask: "may", info: ["any"], tool: ["any"], use: ["any"], verdict: "conditional", citations: [{ section: "Nope", rule: null, quote: "x" }] }] }));
    try {
      assert.throws(() => loadPack(pack), /decisions\.json.*decisions\[0\]\.condition/s);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("decision tables: the retired blind sets (written from the seed texts by helpers who saw neither engine nor evaluation sets)", () => {
  const lib = testLibrary();
  // floor of verdicts right, and of questions the policy is silent on refused; covered ones refused at most 2 (3 for set 9, whose unknown product names carry no AI word; 3 for set 10)
  for (const [file, floor, silentFloor] of [
    ["verdicts-blind1.jsonl", 0.9, 0.6],
    ["verdicts-blind2.jsonl", 0.85, 0.7],
    ["verdicts-blind3.jsonl", 0.85, 0.4],
    ["verdicts-blind4.jsonl", 0.8, 0.7],
    ["verdicts-blind5.jsonl", 0.85, 0.8],
    ["verdicts-blind6.jsonl", 0.75, 0.8],
    ["verdicts-blind7.jsonl", 0.85, 0.8],
    ["verdicts-blind8.jsonl", 0.8, 0.8],
    ["verdicts-blind9.jsonl", 0.7, 0.8],
    ["verdicts-blind10.jsonl", 0.85, 0.9],
    ["verdicts-blind11.jsonl", 0.75, 0.6],
    // 12 in Swedish and English, 13 all English
    ["verdicts-blind12.jsonl", 0.95, 0.8],
    ["verdicts-blind13.jsonl", 0.9, 0.8],
    // 14: indirectly named material, justifications ("SveaGPT är ju upphandlat"); first run 0.86, not-covered refused 0.7
    ["verdicts-blind14.jsonl", 0.95, 0.9],
    // 15: written as staff type (context first, facts and procedures, "räcker det att …"); first run 0.625, 13 abstained, 3 wrong yes
    ["verdicts-blind15.jsonl", 0.65, 0.7],
    // 16: the same style, written to measure the round; first run 0.714 (0.679 on the stop's starting engine), wrong yes 2
    ["verdicts-blind16.jsonl", 0.75, 0.7],
    // 17: half English with Swedish terms kept; first run 0.714 (0.679 on the stop's starting engine), wrong yes 2
    ["verdicts-blind17.jsonl", 0.75, 0.7],
    // 18: staff of many trades, the easily overlooked parts of each policy; first run 0.804 (0.786 on the stop's starting engine), wrong yes 0
    ["verdicts-blind18.jsonl", 0.8, 0.7],
    // 19: the first week after launch, whatever is on the desk; first run 0.75 (0.679 on the stop's starting engine), wrong yes 1 (2)
    ["verdicts-blind19.jsonl", 0.8, 0.7],
    // 20: an information-security officer's probe of judgement near the line; first run 0.786 (0.768 on the stop's starting engine), wrong yes 1 (1)
    ["verdicts-blind20.jsonl", 0.8, 0.8],
    // 21: a busy Monday, facts and consequences too; first run 0.714 (0.643 on the stop's starting engine), wrong yes 1 (3)
    ["verdicts-blind21.jsonl", 0.8, 0.6],
    // 22: many trades, facts and consequences; first run 0.643 (0.607 on the stop's starting engine), wrong yes 1 (1)
    ["verdicts-blind22.jsonl", 0.65, 0.7],
    // 23 (60): the last of the stop; first run 0.786 (0.714 on the stop's starting engine), wrong yes 1 (0)
    ["verdicts-blind23.jsonl", 0.8, 0.6],
    // 24 (60): written before the learned reranker; first run 0.733, wrong yes 0, hit@3 0.815, 2 covered refused
    ["verdicts-blind24.jsonl", 0.7, 0.8],
    // 25 (60): first run 0.75, wrong yes 0, hit@3 0.84, 2 covered refused (Staffanstorp's phrases mapped from the scan's misreadings to the cleaned text)
    ["verdicts-blind25.jsonl", 0.75, 0.9],
    // 26 (60, written after round 1 of stop 15): first run 0.875, wrong yes 1, hit@3 0.84, 1 covered refused (start of the stop: 0.875, hit@3 0.80)
    ["verdicts-blind26.jsonl", 0.9, 0.9],
    // 27 (60, written after round 2): first run 0.85, wrong yes 2, hit@3 0.92, 0 covered refused (start of the stop: 0.85, hit@3 0.84, 2 refused)
    ["verdicts-blind27.jsonl", 0.8, 0.9],
    // 28 (60, before stop 16's first round): first run 0.744, wrong yes 1, hit@3 0.891, 0 covered refused
    ["verdicts-blind28.jsonl", 0.9, 0.9],
    // 29 (60, after stop 16's first round): first run 0.90, wrong yes 0, hit@3 0.909, 0 covered refused (start of the stop: the same)
    ["verdicts-blind29.jsonl", 0.87, 0.9],
    // 30 (60, after round 2): first run 0.875, wrong yes 0, hit@3 0.927, 0 covered refused (start of the stop: 0.875, hit@3 0.891)
    ["verdicts-blind30.jsonl", 0.85, 0.9],
    // 31 (60, after round 3): first run 0.90, wrong yes 0, hit@3 0.891, 0 covered refused, not covered refused 0.8 (start of the stop: 0.90, hit@3 0.873)
    ["verdicts-blind31.jsonl", 0.87, 0.8],
    // 32 (60, before stop 17's round): first run 0.825, wrong yes 1, hit@3 0.80, 1 covered refused, not covered refused 0.8 (three phrases' "Al" read as "AI")
    ["verdicts-blind32.jsonl", 0.85, 0.8],
    // 33 (60, before stop 18's round): first run 0.80, wrong yes 0, wrong no 1, hit@3 0.80, 0 covered refused, not covered refused 0.8;
    // after it 0.80, hit@3 0.927 (before the set joined the wordings). Each set is asked with its own wordings left out.
    ["verdicts-blind33.jsonl", 0.8, 0.8],
  ] as const) {
    const lines = () => policyFixture<{ policy: string; question: string; verdict: string | null }>(file);
    const refusedCap = ["verdicts-blind9.jsonl", "verdicts-blind10.jsonl", "verdicts-blind15.jsonl", "verdicts-blind21.jsonl", "verdicts-blind22.jsonl"].includes(file) ? 3 : 2;
    it(`${file}: at least ${silentFloor} of the questions the policy is silent on refused, at most ${refusedCap} covered ones`, () => {
      let silent = 0;
      let silentRefused = 0;
      let coveredRefused = 0;
      for (const x of lines()) {
        const refused = libraryUnseen(file).ask(x.policy, x.question).citations.length === 0;
        if (x.verdict === "not_covered") {
          silent++;
          if (refused) silentRefused++;
        } else if (refused) coveredRefused++;
      }
      assert.ok(silentRefused / silent >= silentFloor, `${silentRefused}/${silent} refused`);
      assert.ok(coveredRefused <= refusedCap, `${coveredRefused} covered questions refused`);
    });
    it(`${file}: verdicts right on at least ${floor} of the yes/no/conditional questions, no wrong yes`, () => {
      let asked = 0;
      let right = 0;
      let wrongYes = 0;
      for (const x of lines()) {
        if (x.verdict !== "yes" && x.verdict !== "no" && x.verdict !== "conditional") continue;
        asked++;
        const got = libraryUnseen(file).ask(x.policy, x.question).verdictKind;
        if (got === x.verdict) right++;
        else if (got === "yes") wrongYes++;
      }
      assert.ok(right / asked >= floor, `${right}/${asked}`);
      // set 11: two lines whose writer marks "do I need an OK?" and open text for the web as conditional where the table says required / yes
      // set 15: registering AI chats in a case is read as the duty to state AI use in it; set 16: "is a risk assessment always required?" answered from the general rule
      // set 21: "behöver jag fråga nån först eller är det fritt fram?" answered "yes, approval is required", which its writer marks conditional
      // set 27: polishing a press release before it goes out is read as text for publication (open); its writer says only on condition
      // set 32: a leaflet for new families is read as text for publication (open), and "use text ChatGPT wrote in a letter" as
      // writing the letter (open): its writer says only on condition of open information and of a review of the text
      const cap = file === "verdicts-blind11.jsonl" || file === "verdicts-blind32.jsonl" ? 2 : ["verdicts-blind15.jsonl", "verdicts-blind16.jsonl", "verdicts-blind21.jsonl", "verdicts-blind27.jsonl"].includes(file) ? 1 : 0;
      assert.ok(wrongYes <= cap, `${wrongYes} wrong yes`);
    });
  }
});

describe("questions.jsonl: how people word what a passage answers", () => {
  const lib = testLibrary();

  it("every shipped pack attaches its questions to its own passages; they are searched, never quoted", () => {
    for (const id of lib.ids()) {
      const pack = lib.get(id);
      const asked = pack.passages.filter((p) => p.asked && p.asked.length > 0);
      assert.ok(asked.length >= pack.passages.length / 2, `${id}: ${asked.length} of ${pack.passages.length}`);
    }
    const a = lib.ask("hjo", "Får jag klistra in personuppgifter i ChatGPT?");
    for (const c of a.citations) assert.ok(lib.get("hjo").passages.some((p) => p.text.includes(c.quote.split("\n")[0])), c.quote);
  });

  it("a line naming a passage the pack does not have is refused with the file and line", () => {
    const { dir, pack } = copyOfHjo();
    fs.rmSync(path.join(pack, "decisions.json"));
    fs.rmSync(path.join(pack, "faq.json"));
    fs.writeFileSync(path.join(pack, "questions.jsonl"), `${JSON.stringify({ passage: "demo#nope#p1", questions: ["x?"] })}\n`);
    try {
      assert.throws(() => loadPack(pack), /questions\.jsonl.*line 1.*not a passage id/s);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
