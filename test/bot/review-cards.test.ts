// The review and restored cards: valid Adaptive Cards 1.5 in every state and language,
// masked values only in what is shown, restore only where private, and always under
// Teams' message size limit (the copy is cut with a note, never the findings).
import * as assert from "node:assert/strict";
import { reviewWithMapping } from "../../src/review";
import { summarise, type ReviewSummary } from "../../src/bot/review/summary";
import { reviewCard, MAX_CARD_BYTES, type RestoreMode } from "../../src/bot/cards/review-card";
import { restoredCard } from "../../src/bot/cards/restored-card";
import type { AdaptiveCard } from "../../src/bot/cards/adaptive-card";
import { adaptiveCardValidator, assertValid } from "../support/schemas";
import { visibleTexts } from "../support/cards";
import { testLibrary } from "../support/library";

const DRAFT = "Hej Anna Svensson,\nlösenordet är Sommar2024!xyz och personnumret är 19121212-1212.\nHon är sjukskriven. Maila anna.svensson@exempel.se.\nMvh Lars";
const SECRETS = ["Sommar2024!xyz", "19121212-1212", "191212121212", "1212121212", "anna.svensson@exempel.se", "Anna Svensson"];

function summary(text: string, pack = "soderkoping"): ReviewSummary {
  return summarise(text, reviewWithMapping(text, testLibrary().get(pack)));
}

/** every text a user sees, plus Input.Text values (the copy), without action data */
function shown(card: AdaptiveCard): string {
  const inputs: string[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    if (n.type === "Input.Text") inputs.push(n.value ?? "", n.label ?? "", n.placeholder ?? "");
    for (const k of ["body", "items", "columns"]) if (n[k]) walk(n[k]);
  };
  walk(card.body);
  return [...visibleTexts(card), ...inputs, card.fallbackText ?? ""].join("\n");
}

const warnSummary: ReviewSummary = {
  verdict: "warn",
  groups: [{ type: "PERSON_NAME", count: 1, values: ["K."], more: 0, reasons: ["first name"] }],
  rules: [],
  redacted: "Hälsa [PERSON 1]",
  mapping: { "[PERSON 1]": "Kim" },
  chars: 9,
};

describe("review card", () => {
  const modes: RestoreMode[] = [{ kind: "offer", surface: "chat" }, { kind: "offer", surface: "dialog" }, { kind: "channel" }, { kind: "none" }];
  for (const lang of ["sv", "en"] as const) {
    for (const restore of modes) {
      it(`${lang}, restore ${restore.kind}${restore.kind === "offer" ? ` (${restore.surface})` : ""}: valid 1.5 card for block, warn and ok`, () => {
        for (const [name, s] of [["block", summary(DRAFT)], ["warn", warnSummary], ["ok", summary("Mötet flyttas till torsdag.")]] as const) {
          const card = reviewCard({ lang, organisation: "Söderköpings kommun", summary: s, restore });
          assertValid(adaptiveCardValidator(), card, `${name} card`);
          assert.equal(card.version, "1.5");
          assert.ok(!/\{\w+\}/.test(shown(card)), `no unfilled {var} in ${name}`);
          assert.ok(Buffer.byteLength(JSON.stringify(card)) <= MAX_CARD_BYTES);
        }
      });
    }
  }

  it("shows the verdict with its colour, groups with counts and masked values, and the rules verbatim", () => {
    const s = summary(DRAFT);
    assert.equal(s.verdict, "block");
    const card = reviewCard({ lang: "sv", organisation: "Söderköpings kommun", summary: s, restore: { kind: "offer", surface: "chat" } });
    const texts = visibleTexts(card);
    const verdict = (card.body[1] as any).items[0];
    assert.deepEqual([verdict.text, verdict.color], ["Blockera", "attention"]);
    assert.ok(texts.includes("Personnummer (1)"), JSON.stringify(texts));
    assert.ok(texts.includes("19121212-****"));
    assert.ok(texts.includes("••••"), "password masked");
    assert.ok(texts.some((t) => t.includes("A. S.")), "name as initials");
    assert.ok(texts.includes("a•••@e•••.se"));
    const rules = testLibrary().get("soderkoping").facts.dataRules;
    for (const c of [...rules.personalData, ...rules.credentials]) assert.ok(texts.includes(`”${c.quote}”`), `quotes rule ${c.rule}`);
    assert.ok(texts.some((t) => /^Källa: Söderköpings kommun, .+, regel [A-Z]$/.test(t)), "source line with section and rule");
    for (const secret of SECRETS) assert.ok(!shown(card).includes(secret), `card shows ${secret}`);
  });

  it("puts the redacted copy in a multiline field, and the mapping only in the private restore action", () => {
    const s = summary(DRAFT);
    const chat = reviewCard({ lang: "sv", organisation: "X", summary: s, restore: { kind: "offer", surface: "chat" } });
    const copy = (chat.body as any[]).find((e) => e.type === "Input.Text" && e.id === "redactedCopy");
    assert.equal(copy.value, s.redacted);
    assert.equal(copy.isMultiline, true);
    const [action] = chat.actions ?? [];
    assert.equal(action.type, "Action.Execute");
    assert.equal(action.title, "Sätt tillbaka värdena");
    assert.deepEqual((action as any).data.mapping, s.mapping);
    assert.equal((action as any).fallback.type, "Action.Submit");
    assert.ok((chat.body as any[]).some((e) => e.type === "Input.Text" && e.id === "copilotAnswer" && e.isMultiline));

    const dialog = reviewCard({ lang: "sv", organisation: "X", summary: s, restore: { kind: "offer", surface: "dialog" } });
    assert.equal(dialog.actions?.[0].type, "Action.Submit", "dialogs run Submit, not Execute");

    const channel = reviewCard({ lang: "sv", organisation: "X", summary: s, restore: { kind: "channel" } });
    const json = JSON.stringify(channel);
    for (const secret of SECRETS) assert.ok(!json.includes(secret), `channel card carries ${secret}`);
    assert.equal(channel.actions, undefined);
    assert.ok(visibleTexts(channel).some((t) => t.includes("1:1")), "says restore works in 1:1 chat");
  });

  it("a copy that still holds health, sensitive or secret content is not called anonymised and says what is left", () => {
    const sick = reviewCard({ lang: "sv", organisation: "X", summary: summary("Anna Svensson har diabetes och ringer i morgon."), restore: { kind: "offer", surface: "chat" } });
    assertValid(adaptiveCardValidator(), sick, "partial copy card");
    const texts = visibleTexts(sick);
    assert.ok(texts.includes("Text med namn och nummer ersatta – inte avidentifierad"), texts.join(" | "));
    assert.ok(texts.some((t) => t.startsWith("Texten innehåller fortfarande") && t.includes("hälsa")));
    assert.ok(!texts.some((t) => t.startsWith("Avidentifierad")));
    const clean = reviewCard({ lang: "en", organisation: "X", summary: summary("Ring Anna Svensson på 070-123 45 67 i morgon."), restore: { kind: "offer", surface: "chat" } });
    assert.ok(visibleTexts(clean).includes("Redacted text to use instead"));
    assert.ok(!visibleTexts(clean).some((t) => t.includes("still holds")));
  });

  it("an ok draft gets no copy and no restore", () => {
    const card = reviewCard({ lang: "en", organisation: "X", summary: summary("The meeting moves to Thursday."), restore: { kind: "offer", surface: "chat" } });
    assert.ok(visibleTexts(card).includes("The text can be used as it is."));
    assert.ok(!JSON.stringify(card).includes("Input.Text"));
  });

  it("a long draft: the card stays under the limit, the copy is cut at a boundary with a note, the findings stay", () => {
    const para = "Mötet med Anna Svensson (19121212-1212) gällde budgeten för nästa år och hur vi planerar arbetet. ";
    const text = para.repeat(600);
    const s = summary(text);
    assert.ok(s.redacted.length > 40_000);
    const card = reviewCard({ lang: "sv", organisation: "X", summary: s, restore: { kind: "offer", surface: "chat" } });
    assertValid(adaptiveCardValidator(), card, "long card");
    assert.ok(Buffer.byteLength(JSON.stringify(card)) <= MAX_CARD_BYTES, `${Buffer.byteLength(JSON.stringify(card))} bytes`);
    const copy = (card.body as any[]).find((e) => e.id === "redactedCopy").value as string;
    assert.ok(copy.length > 10_000 && copy.length < s.redacted.length);
    assert.ok(s.redacted.startsWith(copy));
    assert.ok(!/\[[A-Z_]*( \d*)?$/.test(copy), "not cut inside a placeholder");
    assert.ok(visibleTexts(card).some((t) => t.includes(`av ${s.redacted.length} tecknen`)), "says how much is shown");
    assert.ok(visibleTexts(card).includes("Personnummer (600)"));
  });

  it("too many values for the card: no mapping, a hint to review the text in parts instead", () => {
    const names = Array.from({ length: 900 }, (_, i) => `[PERSON ${i + 1}]`);
    const s: ReviewSummary = { ...warnSummary, verdict: "block", redacted: names.join(" "), mapping: Object.fromEntries(names.map((n, i) => [n, `Förnamn${i} Efternamnsson${i}`])) };
    const card = reviewCard({ lang: "sv", organisation: "X", summary: s, restore: { kind: "offer", surface: "chat" } });
    assertValid(adaptiveCardValidator(), card, "many-values card");
    assert.equal(card.actions, undefined);
    assert.ok(!JSON.stringify(card).includes("Förnamn1 "));
    assert.ok(visibleTexts(card).some((t) => t.includes("Dela upp texten")));
  });
});

describe("restored card", () => {
  const mapping = { "[PERSON 1]": "Anna Svensson" };
  for (const lang of ["sv", "en"] as const) {
    for (const surface of ["chat", "dialog"] as const) {
      it(`${lang} ${surface}: valid, shows the restored text and offers restore again`, () => {
        for (const restored of ["Skriv till Anna Svensson.", undefined, "Inget att ersätta."]) {
          const card = restoredCard({ lang, restored, replaced: restored?.includes("Anna") ? 1 : 0, mapping, surface });
          assertValid(adaptiveCardValidator(), card, "restored card");
          assert.ok(!/\{\w+\}/.test(visibleTexts(card).join(" ")));
          assert.equal(card.actions?.[0].type, surface === "chat" ? "Action.Execute" : "Action.Submit");
        }
      });
    }
  }

  it("cuts a very long answer to fit", () => {
    const restored = "Anna Svensson skriver ett långt svar. ".repeat(3000);
    const card = restoredCard({ lang: "sv", restored, replaced: 3000, mapping, surface: "chat" });
    assertValid(adaptiveCardValidator(), card, "long restored card");
    assert.ok(Buffer.byteLength(JSON.stringify(card)) <= MAX_CARD_BYTES);
    assert.ok(visibleTexts(card).some((t) => t.includes(`av ${restored.length} tecknen`)));
  });
});
