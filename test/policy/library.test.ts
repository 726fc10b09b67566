// Answers from the five shipped packs: retrieval on tricky questions (own set in
// fixtures/questions.jsonl, not the evaluation set), refusals, verdict lines, quotes.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadPolicyLibrary } from "../../src/policy/library";
import { projectRoot } from "../../src/project-root";
import { LIST_BULLET } from "../../src/policy/search/engine";
import type { PolicyLibrary } from "../../src/policy/types";
import { libraryUnseen } from "../support/library";

interface Item {
  policy: string;
  question: string;
  expect: { phrases?: string[]; none?: boolean };
}

const norm = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
const items: Item[] = fs
  .readFileSync(path.join(projectRoot(), "test", "policy", "fixtures", "questions.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Item);

describe("policy/library", () => {
  let lib: PolicyLibrary;
  before(() => {
    lib = loadPolicyLibrary({});
  });

  it("knows the five shipped packs", () => {
    for (const id of ["dalsland", "hjo", "soderkoping", "staffanstorp", "wenell"]) assert.ok(lib.ids().includes(id), id);
    assert.throws(() => lib.get("nope"), /unknown policy pack "nope"/);
  });

  it("finds the right passage in the top three for most tricky questions (misspelt, unaccented, English, OCR)", () => {
    const covered = items.filter((it) => !it.expect.none);
    const misses: string[] = [];
    for (const it of covered) {
      const a = lib.ask(it.policy, it.question);
      const phrases = (it.expect.phrases ?? []).map(norm);
      const at = a.citations.findIndex((c) => phrases.some((p) => norm(c.quote).includes(p)));
      if (at < 0 || at > 2) misses.push(`[${it.policy}] ${it.question}`);
    }
    assert.ok(misses.length <= Math.floor(covered.length * 0.1), `misses:\n${misses.join("\n")}`);
  });

  it("refuses off-topic questions with no citations and names where to turn", () => {
    for (const it of items.filter((x) => x.expect.none)) {
      const a = lib.ask(it.policy, it.question);
      assert.equal(a.refused, true, it.question);
      assert.deepEqual(a.citations, []);
      assert.ok(a.answer.includes(lib.get(it.policy).facts.contact[a.lang]), a.answer);
    }
  });

  it("answers every covered question from the policy, never refusing it", () => {
    for (const it of items.filter((x) => !x.expect.none)) {
      assert.equal(lib.ask(it.policy, it.question).refused, false, it.question);
    }
  });

  it("quotes only verbatim text of the pack's passages, naming section and rule", () => {
    for (const it of items) {
      const pack = lib.get(it.policy);
      for (const c of lib.ask(it.policy, it.question).citations) {
        // a list is quoted as its lead-in and items, one passage per line
        for (const line of c.quote.split(LIST_BULLET)) {
          const p = pack.passages.find((x) => x.section === c.section && (x.rule === c.rule || x.leadIn) && x.text.includes(line));
          assert.ok(p, `not verbatim: ${line}`);
        }
        assert.equal(c.policy, pack.id);
        assert.ok(c.quote.length > 0);
      }
    }
  });

  it("answers English questions in English, saying the quote is Swedish", () => {
    const a = lib.ask("soderkoping", "Is it allowed to put confidential information into ChatGPT?");
    assert.equal(a.lang, "en");
    assert.match(a.answer, /quoted in Swedish/);
    assert.ok(a.citations.length > 0);
  });

  it("leads with the verdict the pack's decision table gives, the deciding rule quoted first", () => {
    const a = lib.ask("soderkoping", "Får jag använda ChatGPT i mitt arbete?");
    assert.equal(a.verdictKind, "conditional");
    assert.ok(a.verdict && a.answer.startsWith(a.verdict));
    assert.match(a.verdict!, /öppen information/);
    const row = lib.get("soderkoping").decisions.find((r) => r.id === "public-ai-open-only")!;
    assert.ok(a.citations.slice(0, 2).some((c) => c.quote === row.citations[0].quote), JSON.stringify(a.citations));
  });

  it("names the rule letter in the answer text for Söderköping", () => {
    const a = lib.ask("soderkoping", "Hur ska en illustration som AI har skapat märkas?");
    assert.ok(a.citations.some((c) => /Denna bild har genererats med hjälp av AI/.test(c.quote)));
    assert.match(a.answer, /regel [A-Y]/);
  });

  it("matches Staffanstorp's OCR-damaged words a user may paste", () => {
    const a = lib.ask("staffanstorp", "Du far aldrig mata in personuppgifter 1 allmant tillgingliga Al-system");
    assert.equal(a.refused, false);
    assert.ok(a.citations.some((c) => norm(c.quote).includes("du far aldrig mata in personuppgifter")), JSON.stringify(a.citations[0]));
  });

  it("meets everyday words for policy concepts (kundens uppgifter → kunddata)", () => {
    const a = lib.ask("wenell", "Får jag klistra in kundens uppgifter i en AI-tjänst?");
    assert.ok(a.citations.slice(0, 3).some((c) => c.quote.includes("Kunddata")), JSON.stringify(a.citations.map((c) => c.quote)));
  });

  it("finds compound words through their parts (incidentrapport)", () => {
    const a = lib.ask("dalsland", "Hur gör jag en incidentrapport om AI?");
    assert.ok(a.citations.slice(0, 3).some((c) => c.quote.includes("incidentrapportering")), JSON.stringify(a.citations.map((c) => c.quote)));
  });

  it("lets a strong curated entry decide the lead citation, and ranks its own first citation ahead", () => {
    const a = lib.ask("wenell", "Vem godkänner om vi ska köpa in ett nytt AI-verktyg?");
    assert.equal(a.verdictKind, null, "a who-question gets no yes/no line");
    assert.match(a.citations[0].quote, /godkännas av VD före inköp/);
  });

  it("a curated entry that shares only the question's form ('vad menas med …') or its tool does not lead", () => {
    // Söderköping's entry on what open information means shares "vad menas med" with a question on something else
    const a = lib.ask("soderkoping", "vad menas med att chattbotten hallucinerade i går?");
    assert.match(a.citations[0]?.quote ?? "", /^Hallucinationer innebär/);
    // a question that names only the tool is still met by the entry on that tool
    assert.equal(lib.ask("soderkoping", "copilot ok?").refused, false);
  });

  it("does not lead with a list's lead-in, a definition or the document's metadata", () => {
    const a = lib.ask("staffanstorp", "vilka funktioner ska delta när en ny AI-tjänst utreds?");
    assert.doesNotMatch(a.citations[0].quote, /:\s*$/, "a lead-in alone is no answer");
    const b = lib.ask("dalsland", "Får ett AI-system avgöra ärenden helt på egen hand?");
    assert.match(b.citations[0].quote, /Automatiskt beslutsfattande får inte ske/);
    assert.ok(!b.citations.some((c) => /Beslutat av/.test(c.quote)), "metadata is not an answer");
  });

  it("hears AI named in inflected forms ('copiloten') and everyday checking words, so such questions are answered", () => {
    assert.equal(lib.ask("wenell", "copiloten verkar ha sparat saker den inte borde, vem säger jag till?").refused, false);
    assert.equal(lib.ask("dalsland", "måste jag dubbelkolla allt ai skriver eller kan jag lita på det?").refused, false);
  });

  it("an everyday word that an AI policy also uses (spara, plats, kopiera) does not make a question covered", () => {
    for (const [pack, q] of [
      ["dalsland", "Hur mycket pengar kan man spara på att släcka lampor i kontoret?"],
      ["hjo", "vilken plats blir det för personalfesten i år?"],
      ["soderkoping", "hur kopierar jag en tabell från Excel till Word?"],
    ]) assert.equal(lib.ask(pack, q).refused, true, `${pack}: ${q}`);
    assert.equal(lib.ask("dalsland", "Sparas det jag skriver i ChatGPT någonstans?").refused, false);
    // how to write a prompt is advice on using AI, not something the policy rules on
    assert.equal(lib.ask("wenell", "hur formulerar jag en prompt så att texten blir mer formell?").refused, true);
    assert.equal(lib.ask("wenell", "Får jag skriva kunduppgifter i en prompt till ChatGPT?").refused, false);
  });

  it("refuses advice on using AI well that the policy does not regulate", () => {
    for (const [pack, q] of [
      ["wenell", "nån som har tips på hur man skriver bättre prompts?"],
      ["soderkoping", "vilken ai är bäst, chatgpt eller gemini?"],
      ["hjo", "Which AI is best for summarising meetings?"],
      ["dalsland", "Är Claude bättre än Copilot?"],
      ["staffanstorp", "is Gemini better than ChatGPT at translating?"],
    ]) {
      const a = lib.ask(pack, q);
      assert.equal(a.refused, true, q);
      assert.equal(a.citations.length, 0);
    }
    // … but advice that touches what the policy regulates is answered
    assert.equal(lib.ask("soderkoping", "tips: hur märker jag bäst en AI-genererad bild?").refused, false);
  });

  it("everyday words the policy never uses do not make a question about AI off-topic; without AI or a policy topic they still count", () => {
    // "ta", "egna", "låta", "stuff", "actually": spoken everyday words, not signs of another topic
    assert.equal(lib.ask("hjo", "Får jag ta våra egna loggor och låta AI göra nya varianter av dem?").refused, false);
    assert.equal(lib.ask("dalsland", "where does the stuff I type into ChatGPT actually end up?").refused, false);
    // a question naming neither AI nor anything the policy rules on still needs the policy's words
    assert.equal(lib.ask("dalsland", "Vilken färg ska jag välja på kaffekoppen till fikarummet?").refused, true);
    // naming the policy does not make any topic its own
    assert.equal(lib.ask("wenell", "Vad säger policyn om flextid?").refused, true);
  });

  it("refuses how to work a tool (log in, export, install): a question for IT support", () => {
    for (const [pack, q] of [
      ["hjo", "hur laddar jag ner Copilot-appen till mobilen?"],
      ["dalsland", "How do I export my ChatGPT conversations to Word?"],
      ["wenell", "hur loggar man in i Gemini med jobbkontot?"],
    ]) assert.equal(lib.ask(pack, q).refused, true, q);
  });

  it("answers what to do when AI got something wrong, and a question where a third of its words are the policy's", () => {
    assert.equal(lib.ask("dalsland", "copiloten gav fel datum som vi redan mejlat ut till föräldrarna, vad gör jag?").refused, false);
    assert.equal(lib.ask("hjo", "vårt bokningssystem har fått en ny ai-funktion, behöver vi göra nåt?").refused, false);
  });

  it("quotes a list item together with the sentence that introduces its list, once per list", () => {
    const a = lib.ask("hjo", "vad får jag inte mata in i allmänt tillgänglig AI?");
    const list = a.citations.find((c) => c.quote.includes("Personuppgifter"));
    assert.ok(list, "the list of what may not go into public AI is cited");
    const lines = list.quote.split(LIST_BULLET);
    assert.equal(lines[0], "Allmänt tillgänglig generativ AI får inte matas med:");
    assert.deepEqual(lines.slice(1), ["Personuppgifter", "Sekretessbelagd information", "Arbetsmaterial som kan kopplas till Hjo kommun"]);
    const keys = a.citations.map((c) => c.quote.split(LIST_BULLET)[0]);
    assert.equal(new Set(keys).size, keys.length, "one citation per list");
  });

  it("answers English questions whose words reach the policy only through the glossary", () => {
    const a = lib.ask("dalsland", "Who is responsible for the content an AI produces?");
    assert.equal(a.refused, false);
    assert.ok(a.citations.some((c) => /ansvarig/.test(c.quote)), JSON.stringify(a.citations.map((c) => c.quote)));
  });

  it("does not refuse unaccented or hyphenated Swedish questions for want of their small words", () => {
    assert.equal(lib.ask("wenell", "vad ar ledningens installning till AI?").refused, false);
    assert.equal(lib.ask("soderkoping", "får jag använda AI-bilder i en broschyr?").refused, false);
  });

  it("refuses everyday questions that merely mention people (salary, a colleague), with no AI or policy topic", () => {
    assert.equal(lib.ask("soderkoping", "Vem på HR ska jag prata med om min lönespecifikation?").refused, true);
    assert.equal(lib.ask("wenell", "min kollega fyller år på fredag, vem köper tårtan?").refused, true);
  });

  /** hit@1, hit@3 and refusals of the answers on a question set of test/policy/fixtures */
  function measureSet(file: string) {
    const set = fs
      .readFileSync(path.join(projectRoot(), "test", "policy", "fixtures", file), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Item);
    const m = { h1: 0, h3: 0, falseRefusals: 0, offRefused: 0, covered: 0, off: 0 };
    // a retired blind set is asked unseen: its own wordings left out of the synthetic questions
    const asker = /-blind\d+\.jsonl$/.test(file) ? libraryUnseen(file) : lib;
    for (const it of set) {
      const a = asker.ask(it.policy, it.question);
      if (it.expect.none) {
        m.off++;
        if (a.refused) m.offRefused++;
        continue;
      }
      m.covered++;
      if (a.refused) m.falseRefusals++;
      const at = a.citations.findIndex((c) => (it.expect.phrases ?? []).some((p) => norm(c.quote).includes(norm(p))));
      if (at === 0) m.h1++;
      if (at >= 0 && at < 3) m.h3++;
    }
    return m;
  }

  // the retired blind question sets, 80 each in the staff's own words (first runs; the stop's starting engine in brackets):
  // 24 hit@1 0.571, hit@3 0.771, 5 covered refused, off-topic refused 0.8 (0.614 / 0.771 with the learned reranker
  // before the set joined its training data); 25 0.543 / 0.80, 5 refused, off-topic 1.0; 26, written after round 1 of
  // stop 15, 0.614 / 0.857, 1 refused (0.557 / 0.757, 7); 27, after round 2, 0.50 / 0.714, 1 refused (0.443 / 0.686, 8);
  // 28, before stop 16's first round, 0.757 / 0.90, none refused (rule letters taken off its phrases, as quotes carry them apart);
  // 29, after that round, 0.629 / 0.814, 5 refused (0.643 / 0.829, 5); 30, after round 2, 0.557 / 0.814, 4 refused (0.571 / 0.771, 5);
  // 31, after round 3, 0.70 / 0.857, 1 refused (0.686 / 0.857, 1); 32, before stop 17's round, 0.60 / 0.90, 1 refused
  // ("Al" read as "AI" in three phrases); 33, before stop 18's round, 0.60 / 0.857, 1 refused (18 phrases copied from the scan's
  // misreadings mapped to the cleaned text), after it 0.686 / 0.90 (before the set joined the wordings and the weights).
  // Each set is asked with its own wordings left out of synthetic-questions.jsonl.
  for (const [file, h1, h3, refusedCap, offFloor] of [
    ["qa-blind24.jsonl", 0.6, 0.8, 5, 0.8],
    ["qa-blind25.jsonl", 0.6, 0.8, 2, 0.9],
    ["qa-blind26.jsonl", 0.64, 0.82, 2, 0.9],
    ["qa-blind27.jsonl", 0.48, 0.7, 2, 0.9],
    ["qa-blind28.jsonl", 0.77, 0.9, 1, 0.9],
    ["qa-blind29.jsonl", 0.68, 0.88, 1, 0.9],
    ["qa-blind30.jsonl", 0.68, 0.84, 1, 0.8],
    ["qa-blind31.jsonl", 0.66, 0.84, 1, 0.8], // 0.671 once set 32 joined the learned weights
    ["qa-blind32.jsonl", 0.6, 0.87, 1, 0.9], // 0.871 asked unseen (its wordings left out)
    ["qa-blind33.jsonl", 0.6, 0.85, 1, 0.9],
  ] as const) {
    it(`meets its floor on the retired blind question set ${file}`, () => {
      const m = measureSet(file);
      assert.ok(m.h1 / m.covered >= h1, `hit@1 ${m.h1}/${m.covered}`);
      assert.ok(m.h3 / m.covered >= h3, `hit@3 ${m.h3}/${m.covered}`);
      assert.ok(m.falseRefusals <= refusedCap, `false refusals ${m.falseRefusals}`);
      assert.ok(m.offRefused / m.off >= offFloor, `off-topic refused ${m.offRefused}/${m.off}`);
    });
  }

  it("meets its floor on the held-out set (written before the engine saw it)", () => {
    const m = measureSet("heldout.jsonl");
    assert.ok(m.h1 / m.covered >= 0.8, `hit@1 ${m.h1}/${m.covered}`);
    assert.ok(m.h3 / m.covered >= 0.93, `hit@3 ${m.h3}/${m.covered}`);
    assert.ok(m.falseRefusals <= 1, `false refusals ${m.falseRefusals}`);
    assert.ok(m.offRefused / m.off >= 0.85, `off-topic refused ${m.offRefused}/${m.off}`);
  });
});
