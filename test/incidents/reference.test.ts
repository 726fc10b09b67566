import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { imyDeadline, isPersonalData } from "../../src/incidents/model";
import { normaliseReference, REFERENCE_PATTERN, referenceFor } from "../../src/incidents/reference";

describe("reference numbers and the IMY deadline", () => {
  it("INC-<year>-XXXX-XXXX in Crockford base32, the same for the same report id", () => {
    const id = randomUUID();
    const at = new Date("2026-05-01T12:00:00Z");
    const ref = referenceFor("INC", id, at);
    assert.match(ref, REFERENCE_PATTERN);
    assert.match(ref, /^INC-2026-/);
    assert.equal(referenceFor("INC", id, at), ref);
    assert.doesNotMatch(ref.slice(9), /[ILOU]/);
  });

  it("10 000 reports get 10 000 distinct references", () => {
    const at = new Date();
    const refs = new Set(Array.from({ length: 10_000 }, () => referenceFor("INC", randomUUID(), at)));
    assert.equal(refs.size, 10_000);
  });

  it("reads what people type: lower case, no dashes, O for 0, I or L for 1", () => {
    assert.equal(normaliseReference("inc2026o1lk-abcd"), "INC-2026-011K-ABCD");
    assert.equal(normaliseReference(" INC-2026-7K3Q-XM9P "), "INC-2026-7K3Q-XM9P");
    assert.equal(normaliseReference("INC-2026-7K3Q-XM9U"), undefined, "U is not in the alphabet");
    assert.equal(normaliseReference("x' or 1 eq 1"), undefined);
  });

  it("personal data (or sensitive personal data) starts the 72-hour clock from discovery", () => {
    assert.equal(isPersonalData(["customer", "secret"]), false);
    assert.equal(isPersonalData(["sensitive"]), true);
    assert.equal(imyDeadline("2026-03-02T08:15:00.000Z"), "2026-03-05T08:15:00.000Z");
  });
});
