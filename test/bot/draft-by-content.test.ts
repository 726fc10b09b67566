// Issue 14, item 3: a pasted text holding personal or secret data is reviewed whatever its
// length or line breaks; a question, even one about personal data or holding some, stays a
// question. Read from the review engine's findings and the text's shape.
import * as assert from "node:assert/strict";
import { asks, holdsData, reviewRoute } from "../../src/bot/review/routing";

const DRAFTS = [
  // Swedish: one line each, as the Playground sends them
  "Anna Svensson 19121212-1212 har fått diagnosen diabetes typ 2 och bor på Storgatan 12, 544 30 Hjo. Hon vill ha svar före fredag.",
  "Ring Lars Berg på 070-123 45 67 angående fakturan",
  "Lösenordet till wifi är Sommar2026! och användaren är kontor",
  "Skicka protokollet till anna.svensson@hjo.se senast i morgon.",
  "Elev: Kalle Ek, diagnos ADHD, vårdnadshavare Eva Ek",
  // English
  "Patient John Smith was diagnosed with epilepsy and lives at 12 High Street, Leeds.",
  "Please call Anna Svensson on 070-123 45 67 about her sick leave.",
  "The admin password is Tr0ub4dor&3 for the server 10.0.0.12",
  "Dear Maria, your appointment is moved. Contact me at lars.berg@example.com.",
];

const QUESTIONS = [
  "får jag klistra in personnummer i ChatGPT?",
  "Får jag klistra in personnummer i ChatGPT",
  "Får jag klistra in 19121212-1212 i ChatGPT?",
  "Min kollega Anna Svensson har diabetes. Får jag skriva det i ChatGPT?",
  "Jag vill klistra in sekretessbelagda handlingar i Copilot",
  "May I paste a personnummer into ChatGPT?",
  "Can I share a customer's phone number with Copilot",
  "Is it OK to give Copilot the email anna@hjo.se?",
];

// tells of an incident: answered, then offered the report form, not reviewed
const INCIDENTS = ["jag råkade klistra in 19121212-1212 i ChatGPT", "I accidentally pasted anna@hjo.se into ChatGPT"];

describe("drafts recognised by content (issue 14)", () => {
  for (const d of DRAFTS) {
    it(`reviews "${d.slice(0, 50)}…" (${d.length} characters, one line)`, () => {
      assert.ok(d.length < 280 && !d.includes("\n"), "neither the length nor the line rule would catch it");
      assert.deepEqual(reviewRoute(d), { via: "content", text: d });
    });
  }

  for (const q of QUESTIONS) {
    it(`answers "${q}" as a question`, () => {
      assert.equal(reviewRoute(q), undefined);
      if (holdsData(q)) assert.ok(asks(q), "it holds data, and asks");
    });
  }

  for (const s of INCIDENTS) {
    it(`leaves "${s}" to the incident offer`, () => {
      assert.ok(holdsData(s), "it does hold data");
      assert.equal(reviewRoute(s), undefined);
    });
  }

  it("words about data are a topic, not data; a name alone is not enough", () => {
    for (const s of ["Vi pratade om personnummer och sekretess på mötet", "Anna tycker att Copilot är bra", "Anna och Lars tycker att Copilot är bra", "The meeting is on Thursday"]) assert.equal(holdsData(s), false, s);
  });

  it("a question is told by its shape: a final '?', or one sentence opening like a question", () => {
    assert.ok(asks("Får vi använda Copilot?!"));
    assert.ok(asks("How do I label an AI image"));
    assert.ok(!asks("Kan du ringa Anna. Hon väntar på svar."), "two sentences without a question mark");
    assert.ok(!asks("Ring Anna på 070-123 45 67"));
  });
});
