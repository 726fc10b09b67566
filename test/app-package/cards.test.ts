// Every card builder's output, in both languages and every state, against the
// published Adaptive Cards 1.5 schema.
import * as assert from "node:assert/strict";
import { answerCard, MAX_QUOTES } from "../../src/bot/cards/answer-card";
import { refusalCard } from "../../src/bot/cards/refusal-card";
import { welcomeCard } from "../../src/bot/cards/welcome-card";
import { helpCard } from "../../src/bot/cards/help-card";
import { packListCard } from "../../src/bot/cards/pack-list-card";
import type { AdaptiveCard } from "../../src/bot/cards/adaptive-card";
import type { Citation } from "../../src/policy/types";
import { adaptiveCardValidator, assertValid } from "../support/schemas";
import { visibleTexts } from "../support/cards";

const cite = (rule: string | null, quote: string): Citation => ({ policy: "soderkoping", section: "3.1 Personuppgifter", rule, quote });
const quotes = [cite("D", "Personuppgifter får inte matas in i allmänt tillgängliga AI-system."), cite(null, "Om och hur principerna uppfylls måste analyseras."), cite("C", "Tre."), cite("E", "Fyra.")];

function allCards(): Array<[string, AdaptiveCard]> {
  const out: Array<[string, AdaptiveCard]> = [];
  for (const lang of ["sv", "en"] as const) {
    for (const feedback of ["ask", true, false] as const) {
      out.push([`answer ${lang} ${feedback}`, answerCard({ lang, answerId: "a-1", organisation: "Söderköpings kommun", verdict: "Nej.", answer: "Nej.", citations: quotes, feedback })]);
      out.push([`refusal ${lang} ${feedback}`, refusalCard({ lang, answerId: "a-2", organisation: "Hjo kommun", answer: "Policyn tar inte upp det. Fråga din chef.", contact: "Fråga din chef.", feedback })]);
    }
    out.push([`answer ${lang} no verdict`, answerCard({ lang, answerId: "a-3", organisation: "Wenell", answer: "x", citations: [quotes[1]], feedback: "ask" })]);
    out.push([`answer ${lang} no quotes`, answerCard({ lang, answerId: "a-4", organisation: "Wenell", answer: "Svarstext.", citations: [], feedback: "ask" })]);
    out.push([`welcome ${lang}`, welcomeCard({ lang, organisation: "Söderköpings kommun" })]);
    out.push([`help ${lang}`, helpCard({ lang, organisation: "Hjo kommun", packId: "hjo" })]);
    out.push([`packs ${lang}`, packListCard({ lang, current: "hjo", packs: [{ id: "hjo", organisation: "Hjo kommun" }, { id: "wenell", organisation: "Wenell" }] })]);
  }
  return out;
}

describe("adaptive cards (Adaptive Cards 1.5 schema)", () => {
  for (const [name, card] of allCards()) {
    it(`${name} is a valid 1.5 card with wrapping text`, () => {
      assertValid(adaptiveCardValidator(), card, name);
      assert.equal(card.version, "1.5");
      const json = JSON.stringify(card);
      assert.ok(!json.includes('"wrap":false'));
      assert.ok(!/\{\w+\}/.test(visibleTexts(card).join(" ").replace(/<id>/g, "")), `no unfilled {var} in ${name}`);
    });
  }

  it("the validator rejects a card with an unknown element (it bites)", () => {
    assert.equal(adaptiveCardValidator()({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlok", text: "x" }] }), false);
  });

  it("an answer shows each quote verbatim with 'Källa: <organisation>, <section>, regel X', at most MAX_QUOTES", () => {
    const texts = visibleTexts(answerCard({ lang: "sv", answerId: "a", organisation: "Söderköpings kommun", verdict: "Nej.", answer: "", citations: quotes, feedback: "ask" }));
    assert.ok(texts.includes("”Personuppgifter får inte matas in i allmänt tillgängliga AI-system.”"));
    assert.ok(texts.includes("Källa: Söderköpings kommun, 3.1 Personuppgifter, regel D"));
    assert.ok(texts.includes("Källa: Söderköpings kommun, 3.1 Personuppgifter"), "no 'regel' when the policy has no letter");
    assert.equal(texts.filter((t) => t.startsWith("Källa:")).length, MAX_QUOTES);
    assert.equal(texts[1], "Nej.", "verdict first after the header");
  });

  it("feedback buttons are Action.Execute with an Action.Submit fallback carrying the same data", () => {
    const card = answerCard({ lang: "en", answerId: "abc-1", organisation: "Wenell", answer: "", citations: [quotes[0]], feedback: "ask" });
    const actions = card.actions ?? [];
    assert.deepEqual(actions.map((a) => a.title), ["Yes", "No"]);
    for (const a of actions) {
      assert.equal(a.type, "Action.Execute");
      if (a.type !== "Action.Execute") continue;
      assert.equal(a.fallback?.type, "Action.Submit");
      assert.deepEqual(a.fallback?.data, { verb: a.verb, ...a.data });
    }
  });

  it("a refusal says the policy does not cover it and where to turn", () => {
    const texts = visibleTexts(refusalCard({ lang: "sv", answerId: "r", organisation: "Hjo kommun", answer: "Hjo kommuns AI-policy tar inte upp den frågan. Fråga din chef.", contact: "Fråga din chef.", feedback: "ask" }));
    assert.ok(texts.includes("Policyn tar inte upp det här"));
    assert.ok(texts.includes("Vänd dig i stället till: Fråga din chef."));
    assert.equal(texts.filter((t) => t.includes("Fråga din chef.")).length, 1, "contact said once");
  });
});
