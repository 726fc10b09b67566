// Door, alarm and key-box codes are secrets: found after their code word, never any 4-digit number.
import { strict as assert } from "node:assert";
import { found } from "./helpers";
import { triggersOf, TRIGGER } from "../../src/review/text";

describe("review/access codes", () => {
  it("finds a code after its code word, in Swedish and English", () => {
    assert.deepEqual(found("Portkoden är 1234#, ring på hos Berg.", "CREDENTIAL"), ["1234#"]);
    assert.deepEqual(found("portkod: 4471", "CREDENTIAL"), ["4471"]);
    assert.deepEqual(found("Larmkoden till kontoret: 55123", "CREDENTIAL"), ["55123"]);
    assert.deepEqual(found("The door code is 0815 and the alarm code 99120.", "CREDENTIAL"), ["0815", "99120"]);
  });
  it("finds a code told about a key box, a door or a gate", () => {
    assert.deepEqual(found("Nyckelgömman vid ytterdörren har kod 4471.", "CREDENTIAL"), ["4471"]);
    assert.deepEqual(found("Koden till nyckelskåpet: 7788", "CREDENTIAL"), ["7788"]);
    assert.deepEqual(found("the code for the front door is 2580", "CREDENTIAL"), ["2580"]);
  });
  it("one keyword scan tells which drafts to look at, in any case", () => {
    for (const t of ["PORTKODEN ÄR 1234", "Kodlåset", "the Door Code"]) assert.notEqual(triggersOf(t) & TRIGGER.CODE, 0, t);
    assert.equal(triggersOf("Konfidentiellt: ring mig") & TRIGGER.CODE, 0);
    assert.deepEqual(found("PORTKODEN ÄR 1234", "CREDENTIAL"), ["1234"]);
  });
  it("leaves other codes, dates and phone numbers alone", () => {
    for (const t of ["Felkod 4471 visas i displayen", "Koden för momsen är 2611", "Kurskod 4471", "postkod 41454",
      "dörrkod 2024-03-01 byttes", "Portkoden fungerar inte, ring 0701-23 45 67", "Larmkoden byts 2025.", "the door code 12 is too short"]) {
      assert.deepEqual(found(t, "CREDENTIAL"), [], t);
    }
  });
});
