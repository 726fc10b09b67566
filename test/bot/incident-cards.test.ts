// Every incident card, in both languages and every state, against the published
// Adaptive Cards 1.5 schema; and the locale files of the incidents area.
import * as assert from "node:assert/strict";
import { formCard } from "../../src/bot/incidents/form-card";
import { receiptCard, type ReceiptCardData } from "../../src/bot/incidents/receipt-card";
import { failedCard, offerCard, refusedCard } from "../../src/bot/incidents/message-cards";
import { noticeCard } from "../../src/bot/incidents/notice-card";
import type { AdaptiveCard } from "../../src/bot/cards/adaptive-card";
import type { FieldIssue } from "../../src/incidents";
import { table } from "../../src/locales";
import { adaptiveCardValidator, assertValid } from "../support/schemas";
import { visibleTexts } from "../support/cards";
import { testLibrary } from "../support/library";

const issues: FieldIssue[] = [
  { field: "description", code: "required", message: "" },
  { field: "description", code: "too_long", limit: 10000, message: "" },
  { field: "occurredAt", code: "required", message: "" },
  { field: "discoveredAt", code: "order", message: "" },
  { field: "endedAt", code: "future", message: "" },
  { field: "infoKinds", code: "required", message: "" },
  { field: "peopleAffected", code: "invalid", message: "" },
  { field: "subjectsInformedAt", code: "invalid", message: "" },
  { field: "unknownField", code: "invalid", message: "" },
];

function allCards(): Array<[string, AdaptiveCard]> {
  const out: Array<[string, AdaptiveCard]> = [];
  const lib = testLibrary();
  for (const lang of ["sv", "en"] as const) {
    const base = { lang, organisation: "Söderköpings kommun", timeZone: "Europe/Stockholm", tools: ["ChatGPT", "Microsoft Copilot"], token: "t.k", today: "2026-11-22" };
    out.push([`form ${lang}`, formCard(base)]);
    out.push([
      `form ${lang} with errors and values`,
      formCard({ ...base, issues, values: { description: "x", occurredDate: "2026-11-20", tool: "__other", toolOther: "Egen", infoKinds: "personal,bogus", peopleAffected: "abc", severity: "high" } }),
    ]);
    for (const id of lib.ids()) {
      const facts = lib.get(id).facts;
      const receipt = (over: Partial<ReceiptCardData>): AdaptiveCard =>
        receiptCard({
          lang,
          organisation: facts.organisation.name,
          timeZone: "Europe/Stockholm",
          state: { kind: "filed" },
          replay: false,
          incident: {
            reference: "INC-2026-ABCD-EFGH",
            reportedAt: "2026-11-20T10:00:00.000Z",
            occurredAt: "2026-11-20T08:00:00.000Z",
            tool: "ChatGPT",
            infoKinds: ["personal", "customer"],
            description: "Kundlista i ChatGPT",
            personalData: true,
            imyDeadline: "2026-11-23T10:00:00.000Z",
          },
          steps: facts.incidents.steps,
          routine: facts.incidents.summary[lang],
          contact: facts.contact[lang],
          showDescription: true,
          ...over,
        });
      out.push([`receipt ${lang} ${id} filed`, receipt({})]);
      out.push([`receipt ${lang} ${id} queued`, receipt({ state: { kind: "queued", reason: "unreachable" } })]);
    }
    out.push([`receipt ${lang} rejected replay, minimal`, receiptCard({ lang, organisation: "Hjo kommun", timeZone: "UTC", state: { kind: "queued", reason: "rejected" }, replay: true, incident: { reference: "INC-2026-ABCD-EFGH" }, steps: [], routine: "r", contact: "c", showDescription: false })]);
    out.push([`offer ${lang}`, offerCard(lang)]);
    for (const r of ["forged", "not-yours", "expired"] as const) out.push([`refused ${lang} ${r}`, refusedCard(lang, r)]);
    out.push([`failed ${lang}`, failedCard(lang, "IT-support")]);
    const notice = { reference: "INC-2026-ABCD-EFGH", reportedAt: "2026-11-20T10:00:00.000Z", personalData: true, imyDeadline: "2026-11-23T10:00:00.000Z", organisation: "Wenell", filedLater: true, lang, timeZone: "Europe/Stockholm" };
    out.push([`notice ${lang} with link`, noticeCard({ ...notice, link: "https://contoso.sharepoint.com/sites/policy/Lists/x/DispForm.aspx?ID=1" }, { local: false })]);
    out.push([`notice ${lang} local`, noticeCard(notice, { local: true })]);
  }
  return out;
}

describe("incident cards (Adaptive Cards 1.5 schema)", () => {
  for (const [name, card] of allCards()) {
    it(`${name} is a valid 1.5 card, no unfilled {var}, under 28 KB`, () => {
      assertValid(adaptiveCardValidator(), card, name);
      assert.equal(card.version, "1.5");
      assert.ok(!/\{\w+\}/.test(visibleTexts(card).join(" ")), `no unfilled {var} in ${name}`);
      assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28_000);
    });
  }

  it("the error lines land under their fields, including one the form has no place for", () => {
    const card = allCards().find(([n]) => n === "form sv with errors and values")![1];
    const texts = visibleTexts(card);
    assert.ok(texts.indexOf("Fyll i det här fältet.") > texts.indexOf("Rapportera en AI-incident"));
    assert.ok(texts.includes("Det kan inte ha upptäckts innan det hände."));
    assert.ok(texts.includes("Tiden ligger i framtiden. Kontrollera datum och klockslag."));
    assert.ok(texts.filter((x) => x === "Det här värdet går inte att ta emot. Kontrollera det.").length >= 2, "peopleAffected and the unplaced field");
  });

  it("a receipt without personal data shows no IMY deadline; with it, the deadline and who decides", () => {
    const lib = testLibrary();
    const facts = lib.get("wenell").facts;
    const data: ReceiptCardData = {
      lang: "sv",
      organisation: facts.organisation.name,
      timeZone: "Europe/Stockholm",
      state: { kind: "filed" },
      replay: false,
      incident: { reference: "INC-2026-ABCD-EFGH", personalData: false, infoKinds: ["secret"] },
      steps: facts.incidents.steps,
      routine: facts.incidents.summary.sv,
      contact: facts.contact.sv,
      showDescription: false,
    };
    assert.ok(!visibleTexts(receiptCard(data)).some((x) => x.includes("IMY")));
    const withPd = visibleTexts(receiptCard({ ...data, incident: { ...data.incident, personalData: true, imyDeadline: "2026-11-23T10:00:00.000Z" } }));
    assert.ok(withPd.some((x) => x.includes("måndag 23 november 2026 kl. 11:00 CET")), JSON.stringify(withPd));
    assert.ok(withPd.some((x) => x.includes("Wenell som personuppgiftsansvarig")));
    for (const s of facts.incidents.steps) assert.ok(withPd.includes(`”${s.quote}”`));
  });

  it("sv and en incident texts have the same keys, none empty, same {placeholders}", () => {
    const sv = table("sv", "incidents") as Record<string, string>;
    const en = table("en", "incidents") as Record<string, string>;
    assert.deepEqual(Object.keys(en).sort(), Object.keys(sv).sort());
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(sv)) {
      assert.ok(sv[k].trim() && en[k].trim(), `${k} empty`);
      assert.deepEqual(vars(en[k]), vars(sv[k]), `${k} placeholders`);
    }
  });
});
