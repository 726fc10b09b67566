import { strict as assert } from "node:assert";
import { ibanValid, luhnValid, pnrDateKind } from "../../src/review/checksums";

describe("review/checksums", () => {
  it("Luhn accepts valid numbers and rejects one changed digit", () => {
    assert.ok(luhnValid("8510183125"));
    assert.ok(luhnValid("4111111111111111"));
    assert.ok(!luhnValid("8510183126"));
    assert.ok(!luhnValid("4111111111111112"));
    assert.ok(!luhnValid(""));
    assert.ok(!luhnValid("12a4"));
  });

  it("IBAN mod 97 with the country's length", () => {
    assert.ok(ibanValid("SE73 5005 4052 5736 2672 8495".replace(/ /g, "")));
    assert.ok(ibanValid("DE89370400440532013000"));
    assert.ok(!ibanValid("DE89370400440532013001"));
    assert.ok(!ibanValid("DE8937040044053201300")); // too short for DE
    assert.ok(!ibanValid("XX89370400440532013000")); // unknown country
  });

  it("dates of personnummer and samordningsnummer, incl. Skatteverket's month 00", () => {
    assert.equal(pnrDateKind("8510183125"), "pnr");
    assert.equal(pnrDateKind("8904620914"), "coord"); // day 62 = 2 + 60
    assert.equal(pnrDateKind("3001772387"), "coord");
    assert.equal(pnrDateKind("1300832386"), "coord"); // month 00: unknown birth month
    assert.equal(pnrDateKind("8502301234"), null); // 30 February
    assert.equal(pnrDateKind("8513011234"), null); // month 13
    assert.equal(pnrDateKind("5591318489"), null); // organisationsnummer: "month" 91
  });
});
