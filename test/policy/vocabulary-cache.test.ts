// The vocabulary's compound-split cache is bounded (issue 10, finding 6): every long word
// a user asks with used to stay in it for the life of the process.
import assert from "node:assert/strict";
import { stemSv } from "../../src/policy/analysis/stem";
import { SPLIT_CACHE_MAX, Vocabulary } from "../../src/policy/analysis/vocabulary";

describe("Vocabulary split cache (bounded)", () => {
  function vocab(): Vocabulary {
    const v = new Vocabulary();
    for (const w of ["incident", "rapport", "personuppgift", "kund", "register", "informationssäkerhet"]) v.add(w);
    return v;
  }

  it("100 000 distinct long words: the cache stays within its bound and splits stay right", () => {
    const v = vocab();
    const first = v.split("incidentrapport");
    assert.deepEqual(first, [stemSv("incident"), stemSv("rapport")]);
    for (let i = 0; i < 100_000; i++) {
      // made-up words users might type: unknown, or unknown heads on known tails
      v.split(`qz${i.toString(36)}xrapport`);
      assert.ok(v.splitsCached <= SPLIT_CACHE_MAX);
    }
    assert.equal(v.splitsCached, SPLIT_CACHE_MAX);
    assert.deepEqual(v.split("incidentrapport"), first, "worked out again after it was forgotten");
    assert.deepEqual(v.split("kundregister"), [stemSv("kund"), stemSv("register")]);
  });

  it("a word longer than any compound is split but not kept", () => {
    const v = vocab();
    const long = "informationssäkerhet".repeat(3) + "incident";
    assert.ok(long.length > 64);
    assert.equal(v.split(long)?.length, 4);
    assert.equal(v.splitsCached, 0);
  });
});
