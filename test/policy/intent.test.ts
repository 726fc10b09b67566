// What a question asks, and what kind of statement a passage makes (analysis/intent.ts).
import { strict as assert } from "node:assert";
import { passageKinds, questionIntents, type Intent, type PassageKind } from "../../src/policy/analysis/intent";
import { rerank } from "../../src/policy/search/rerank";

/** the shipped reranker's score of a passage of these kinds for a question of these intents, all else equal */
function intentFit(intents: Set<Intent>, kinds: Set<PassageKind>): number {
  const ctx = {
    features: new Map([["p", { concepts: new Set<string>(), kinds, lettered: false }]]),
    fieldStems: new Map(),
    concepts: [],
    intents,
    groupWeight: () => 0,
    terms: new Map<string, number>(),
    termWeight: () => 1,
    lift: new Map<string, number>(),
    lead: [],
  };
  return rerank([{ id: "p", bm: 0, rank: -1 }], ctx)[0].score;
}

describe("policy/analysis/intent", () => {
  it("reads the form of a question, in Swedish, without å/ä/ö, and in English", () => {
    assert.ok(questionIntents("Får jag använda ChatGPT?").has("permission"));
    assert.ok(questionIntents("far man klistra in det har?").has("permission"));
    assert.ok(questionIntents("Can I paste this into Copilot?").has("permission"));
    const who = questionIntents("Vem måste godkänna att vi köper ett AI-verktyg?");
    assert.ok(who.has("who") && who.has("approval"));
    assert.ok(!who.has("permission"), "'vem måste …' asks who, not whether");
    assert.ok(questionIntents("Hjälp, jag råkade ladda upp ett mötesprotokoll, vad gör jag nu?").has("steps"));
    assert.ok(questionIntents("vad räknas som öppen information?").has("definition"));
    assert.ok(questionIntents("What are the consequences of ignoring the AI policy?").has("consequence"));
    assert.equal(questionIntents("Kunddata och ChatGPT").size, 0);
  });

  it("hears a mistake already made, and then wants the steps before the rule", () => {
    for (const q of [
      "jag råkade mata in en kundlista i Gemini",
      "Har klistrat in kontonummer i chatten av misstag, vad gör jag?",
      "jag rakade lagga in en medlemsforteckning i copilot",
      "I accidentally pasted a customer list into ChatGPT",
    ]) {
      assert.ok(questionIntents(q).has("mistake"), q);
    }
    assert.ok(!questionIntents("Får jag klistra in en kundlista i ChatGPT?").has("mistake"), "asking first is no mistake");
    const intents = questionIntents("Hjälp, jag råkade ladda upp ett mötesprotokoll, vad gör jag nu?");
    const steps = passageKinds("Informera sin närmaste chef och IT-ansvarig utan dröjsmål.", "Omedelbar åtgärd", null);
    const rule = passageKinds("Kunddata får under inga som helst omständigheter matas in i öppna AI-lösningar.", "Ansvar", null);
    assert.ok(intentFit(intents, steps) > intentFit(intents, rule) + 0.2);
  });

  it("hears questions of whose duty or fault something is, and of where to report", () => {
    assert.ok(questionIntents("om chatgpt räknat fel, är det mitt ansvar då?").has("responsibility"));
    assert.ok(questionIntents("is that on me or on the tool?").has("responsibility"));
    assert.ok(questionIntents("vem anmäler jag det till?").has("report"));
    assert.ok(questionIntents("where do I report a weird answer?").has("report"));
    assert.ok(!questionIntents("Får jag använda ChatGPT?").has("responsibility"));
    const duty = passageKinds("Den anställde är ansvarig för det slutliga resultatet.", "Ansvar", null);
    const other = passageKinds("Alla resultat ska granskas kritiskt.", "Granskning", null);
    assert.ok(duty.has("responsibility") && !other.has("responsibility"));
    const asks = questionIntents("om chatgpt räknat fel, är det mitt ansvar då?");
    assert.ok(intentFit(asks, duty) > intentFit(asks, other));
  });

  it("tells rules, approvers, steps, definitions, background and lead-ins apart", () => {
    assert.ok(passageKinds("Personuppgifter får inte matas in i allmänt tillgängliga AI-system.", "3.1 Personuppgifter", "D").has("prohibition"));
    assert.ok(passageKinds("Inga personuppgifter får på något sätt hanteras av ett AI-verktyg.", "X", null).has("prohibition"));
    assert.ok(passageKinds("Du måste säkerställa att användningen är godkänd av verksamhetsansvarig chef.", "X", null).has("approver"));
    assert.ok(passageKinds("Omedelbart avbryta alla pågående processer i verktyget.", "X", null).has("steps"));
    assert.ok(passageKinds("Öppen information – information som kan spridas fritt.", "2. Definition av AI-tjänster", null).has("definition"));
    // a passage that says what a word means is a definition under any heading
    assert.ok(passageKinds("Verktyg som skriver text åt användaren kallas för textgeneratorer.", "Verktyg", null).has("definition"));
    assert.ok(passageKinds("Med molntjänst avses en tjänst som körs hos en leverantör.", "Lagring", null).has("definition"));
    assert.ok(!passageKinds("Molntjänster får bara användas för öppen information.", "Lagring", null).has("definition"));
    assert.ok(passageKinds("Beslutat av: Kommundirektör", "Regler för användning av AI", null, true).has("metadata"));
    assert.ok(passageKinds("Före användning av AI:", "4. INFORMATIONSSÄKERHET", null).has("leadin"));
  });

  it("prefers a prohibition over a definition for 'may I', and a definition for 'what is'", () => {
    const rule = passageKinds("Personuppgifter får inte matas in i allmänt tillgängliga AI-system.", "3.1 Personuppgifter", "D");
    const def = passageKinds("Öppen information – information som kan spridas fritt.", "2. Definition av AI-tjänster", null);
    const mayI = questionIntents("Får jag mata in personuppgifter i ChatGPT?");
    assert.ok(intentFit(mayI, rule) > intentFit(mayI, def));
    const whatIs = questionIntents("Vad är öppen information?");
    assert.ok(intentFit(whatIs, def) > intentFit(whatIs, rule));
  });
});
