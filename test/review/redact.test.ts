import { strict as assert } from "node:assert";
import fc from "fast-check";
import { restore, reviewWithMapping } from "../../src/review";

describe("review/redact", () => {
  const draft = "Barn: Liam Eriksson Haddad, 140802-9450\nMamma: Jessica Eriksson, 073-412 88 19\nLiam har depression. liam@example.se skrev till Liam.";

  it("numbered placeholders per type; the same value gets the same placeholder", () => {
    const r = reviewWithMapping(draft);
    assert.match(r.redacted, /\[PERSON 1\], \[PERSONNUMMER 1\]/);
    assert.match(r.redacted, /\[PERSON 2\], \[PHONE 1\]/);
    // the lone "Liam" shares the full name's placeholder
    assert.equal(r.redacted.match(/\[PERSON 1\]/g)?.length, 3);
    assert.ok(r.redacted.includes("[EMAIL 1]"));
    // category words are context and stay
    assert.ok(r.redacted.includes("depression"));
    for (const v of ["140802-9450", "073-412 88 19", "Jessica", "Haddad", "liam@example.se"]) assert.ok(!r.redacted.includes(v), v);
  });

  it("normalises values: '851018-3125' and '8510183125', 'Anna' and 'anna'", () => {
    const r = reviewWithMapping("Anna har 851018-3125. Skriv till anna om 8510183125.");
    assert.equal(new Set(r.redacted.match(/\[PERSONNUMMER \d\]/g)).size, 1);
    assert.equal(new Set(r.redacted.match(/\[PERSON \d\]/g)).size, 1);
  });

  it("restore puts the real values back", () => {
    const r = reviewWithMapping(draft);
    assert.equal(restore(r.redacted, r.mapping).replace(/\[PERSON 1\]/g, "x"), restore(r.redacted, r.mapping).replace(/\[PERSON 1\]/g, "x"));
    const answer = `Sammanfattning: [PERSON 1] (${"[PERSONNUMMER 1]"}) bor med [PERSON 2]. Okänd [PERSON 9] står kvar.`;
    const back = restore(answer, r.mapping);
    assert.ok(back.includes("Liam Eriksson Haddad (140802-9450) bor med Jessica Eriksson"));
    assert.ok(back.includes("[PERSON 9]"));
  });

  it("round trip: restore(redacted) gives the draft back when every value is spelled one way", () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom("Anna Svensson", "0734415982", "851018-3125", "anna.svensson@example.se", "Storgatan 5, 614 30 Söderköping", "lösenordet är Hemligt123!"), { minLength: 1, maxLength: 6 }),
      fc.array(fc.constantFrom(" och ", ". Sedan ", "\n", ", ", " ring "), { minLength: 6, maxLength: 6 }),
      (values, glue) => {
        const text = values.map((v, i) => v + glue[i]).join("");
        const r = reviewWithMapping(text);
        assert.equal(restore(r.redacted, r.mapping), text);
      }), { numRuns: 150 });
  });
});
