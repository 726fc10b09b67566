// Verdicts per pack, with the rules of the active pack quoted (the five shipped packs).
import { strict as assert } from "node:assert";
import { loadPacks, policyDirs } from "../../src/policy/pack-loader";
import type { PolicyPack } from "../../src/policy/types";
import { reviewDraft, ruleKindsFor } from "../../src/review";

describe("review/verdict", () => {
  let packs: PolicyPack[] = [];
  before(() => {
    packs = loadPacks(policyDirs());
  });

  it("ok when nothing is found, block for personal data, no rules without a pack", () => {
    assert.equal(reviewDraft("ses kl 14 i stora mötesrummet, ta med laddare").verdict, "ok");
    const r = reviewDraft("Mitt personnummer är 8510183125.");
    assert.equal(r.verdict, "block");
    assert.deepEqual(r.rules, {});
  });

  it("maps finding types to the kinds of rules they break", () => {
    assert.deepEqual(ruleKindsFor("PERSONNUMMER"), ["personalData", "customerData"]);
    assert.deepEqual(ruleKindsFor("HEALTH"), ["specialCategory", "personalData"]);
    assert.deepEqual(ruleKindsFor("SECRECY"), ["secrecy"]);
    assert.deepEqual(ruleKindsFor("CREDENTIAL"), ["credentials"]);
  });

  it("every pack names and quotes its rules for each kind of finding", () => {
    assert.ok(packs.length >= 5);
    const draft = "SEKRETESS enligt 26 kap. 1 § OSL\nBrukare: Gerda Sjöström, 220902+2561, har diabetes.\nlösenordet är Sommar2024!";
    for (const pack of packs) {
      const r = reviewDraft(draft, pack);
      assert.equal(r.verdict, "block", pack.id);
      for (const type of ["PERSONNUMMER", "PERSON_NAME", "HEALTH", "SECRECY", "CREDENTIAL"] as const) {
        assert.ok(r.findings.some((f) => f.type === type), `${pack.id}: no ${type}`);
        const kinds = ruleKindsFor(type);
        const expected = kinds.flatMap((k) => pack.facts.dataRules[k] ?? []);
        if (!expected.length) continue;
        const cites = r.rules[type] ?? [];
        assert.ok(cites.length > 0, `${pack.id}: ${type} cites no rule`);
        for (const c of cites) {
          assert.ok(c.quote.length > 10);
          assert.ok(expected.some((e) => e.quote === c.quote), `${pack.id}: ${type} quotes something not in its dataRules`);
        }
      }
    }
  });

  it("Söderköping: personal data breaks D and X, secrecy breaks G", () => {
    const sod = packs.find((p) => p.id === "soderkoping");
    assert.ok(sod);
    const r = reviewDraft("SEKRETESS enligt 26 kap. 1 § OSL. Anna Svensson, 070-123 45 67.", sod);
    const letters = (t: "PERSON_NAME" | "SECRECY") => (r.rules[t] ?? []).map((c) => c.rule);
    assert.ok(letters("PERSON_NAME").includes("D") && letters("PERSON_NAME").includes("X"));
    assert.ok(letters("SECRECY").includes("G"));
  });

  it("Wenell: personal data cites the customer-data sentence when the pack has one", () => {
    const wenell = packs.find((p) => p.id === "wenell");
    assert.ok(wenell);
    const r = reviewDraft("Kontakta Emily Carter på emily.carter@harwick.co.uk", wenell);
    const customer = wenell.facts.dataRules.customerData ?? [];
    for (const c of customer) assert.ok((r.rules.EMAIL ?? []).some((x) => x.quote === c.quote));
  });
});
