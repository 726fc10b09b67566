import { strict as assert } from "node:assert";
import { detectLanguage } from "../../src/policy/analysis/language";
import { fold, sentenceSpans, tokenize } from "../../src/policy/analysis/normalize";
import { foldedStems, stemEn, stemSv } from "../../src/policy/analysis/stem";
import { Vocabulary, editDistanceWithin } from "../../src/policy/analysis/vocabulary";
import { findConcepts, withImplied } from "../../src/policy/analysis/concepts";
import { swedishFor } from "../../src/policy/analysis/glossary";

describe("policy/analysis", () => {
  it("folds å/ä/ö for the folded field but keeps them in stems", () => {
    assert.equal(fold("Får återställa öppen"), "Far aterstalla oppen");
    assert.notEqual(stemSv("får"), stemSv("far"));
  });

  it("reads OCR's 'Al' as AI and splits hyphenated compounds", () => {
    assert.deepEqual(tokenize("Al-system"), ["ai", "system", "aisystem"]);
    assert.ok(tokenize("AI:n svarar").includes("ai"));
  });

  it("stems as the Snowball reference does (Swedish, Porter2 English)", () => {
    // reference stems from the Snowball project's algorithms (snowball-stemmers 0.6.0, which the engine used before)
    const sv = { personuppgifterna: "personuppgift", användningen: "användning", sekretessbelagda: "sekretessbelag", godkännande: "godkän", riskbedömningar: "riskbedömning", medarbetarna: "medarbet", upphovsrättsligt: "upphovsrätts", nämnderna: "nämnd", genererade: "generer", klistrade: "klistr", kommunens: "kommun", tjänsteutlåtanden: "tjänsteutlåt", förvaltningslagen: "förvaltningslag", bildtexter: "bildtext", utbildningar: "utbildning" };
    const en = { approvals: "approv", generated: "generat", summarising: "summaris", responsibilities: "respons", running: "run", analyses: "analys", copyrighted: "copyright", municipalities: "municip", pasting: "past", labelled: "label" };
    for (const [w, s] of Object.entries(sv)) assert.equal(stemSv(w), s, w);
    for (const [w, s] of Object.entries(en)) assert.equal(stemEn(w), s, w);
  });

  it("does not let Snowball turn 'hemlig' into 'hem'", () => {
    assert.equal(stemSv("hemliga"), "hemlig");
  });

  it("gives the same folded stem whether or not the user typed å/ä/ö", () => {
    const typed = foldedStems("behover");
    assert.ok(foldedStems("behöver").some((s) => typed.includes(s)));
  });

  it("splits compounds into known words, with a linking s", () => {
    const v = new Vocabulary();
    for (const w of ["incident", "rapport", "personuppgift", "kund", "register"]) v.add(w);
    assert.deepEqual(v.split("incidentrapport"), [stemSv("incident"), stemSv("rapport")]);
    assert.deepEqual(v.split("personuppgiftsincident"), [stemSv("personuppgift"), stemSv("incident")]);
    assert.deepEqual(v.split("kundregister"), [stemSv("kund"), stemSv("register")]);
    assert.equal(v.split("transparens"), null);
  });

  it("measures edit distance with a bound", () => {
    assert.ok(editDistanceWithin("anvnda", "anvanda", 1));
    assert.ok(!editDistanceWithin("skrivare", "skriva", 1));
  });

  it("detects English and Swedish questions", () => {
    assert.equal(detectLanguage("Is our team allowed to upload spreadsheets to the chatbot?"), "en");
    assert.equal(detectLanguage("Får jag använda ChatGPT i jobbet?"), "sv");
    assert.equal(detectLanguage("maste vi radera chatten efterat"), "sv");
  });

  it("maps everyday words to policy concepts", () => {
    const ids = (q: string) => findConcepts(tokenize(q)).map((h) => h.group.id);
    assert.ok(ids("kan jag ta med kundens uppgifter").includes("customer-data"));
    assert.ok(ids("är det hemligt").includes("secrecy"));
    assert.ok(ids("is this confidential").includes("secrecy"));
    assert.ok(ids("en Midjourney-illustration till broschyren").includes("image"));
    assert.ok(ids("omfattas det av GDPR").includes("gdpr"));
  });

  it("splits sentences without breaking 't.ex.'", () => {
    const text = "Du får t.ex. använda AI. Det gäller alla.";
    const spans = sentenceSpans(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(spans, ["Du får t.ex. använda AI.", "Det gäller alla."]);
  });
});

describe("policy/analysis/glossary and implied concepts", () => {
  it("gives Swedish words for everyday English words, through English stems", () => {
    assert.ok(swedishFor("folders").includes("mappar"));
    assert.ok(swedishFor("produced").length > 0);
    assert.deepEqual(swedishFor("xylophone"), []);
  });

  it("reads whose data it is as personal data, but never as evidence of scope", () => {
    const hits = withImplied(findConcepts(tokenize("en klients läkemedelslista")));
    const implied = hits.find((h) => h.group.id === "personal-data");
    assert.ok(implied, "a client's medication list is personal data");
    assert.equal(implied.implied, true);
  });
});
