// Property-based: the engine never throws, never returns offsets outside the text, and stays
// linear on adversarial input (no catastrophic regex backtracking).
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { reviewDraft } from "../../src/review";

const pieces = ["0", "1", "9", "-", "+", " ", "@", ".", ":", "::", "a", "Z", "Å", "ö", "\n", "/", "_", "=", "\"", "Anna", "Svensson", "gatan ", "pnr: ", "lösenordet är ", "eyJ", "AKIA", "SE73", "sk-", "kap. ", "§ OSL", "K3", "Box 1", "\u2013", "é", "(", ")"];

function cpuMs(fn: () => void, rounds: number): number {
  const t0 = process.cpuUsage();
  for (let i = 0; i < rounds; i++) fn();
  const c = process.cpuUsage(t0);
  return (c.user + c.system) / 1000 / rounds;
}

function best(fn: () => void, rounds: number, tries: number): number {
  let min = Infinity;
  for (let t = 0; t < tries; t++) min = Math.min(min, cpuMs(fn, rounds));
  return min;
}

describe("review/properties", () => {
  it("never throws and every finding lies inside the text", () => {
    fc.assert(fc.property(
      fc.oneof(fc.string({ maxLength: 400 }), fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((a) => a.join(""))),
      (text) => {
        const r = reviewDraft(text);
        for (const f of r.findings) {
          assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end));
          assert.ok(f.start >= 0 && f.end <= text.length && f.start < f.end, `${f.type} ${f.start}-${f.end} of ${text.length}`);
          assert.ok(f.confidence > 0 && f.confidence <= 1);
        }
        assert.ok(["block", "warn", "ok"].includes(r.verdict));
        assert.equal(typeof r.redacted, "string");
      }), { numRuns: 400 });
  });

  it("identifier findings never overlap each other", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 300 }).map((a) => a.join("")), (text) => {
      const ids = reviewDraft(text).findings.filter((f) => !["HEALTH", "SPECIAL_CATEGORY", "SECRECY"].includes(f.type));
      for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1].end <= ids[i].start);
    }), { numRuns: 200 });
  });

  it("stays linear on 100 KB of repeated digits, dashes, @ signs, dots, spaces and mixes", () => {
    const units = ["1", "-", "@", ".", " ", "1-", "1 ", "a@", "1.", ":", "a:", "Anna ", "0", "+46 ", "gatan 1 ", "eyJa.", "lösenord: x1",
      // one long line of names and account-like groups: context look-backs must stay bounded
      "Per och Hans ", "hej anna ", "anna.berg.", "Patient Ab ", "8327-9, 1 ", "+46 (0)7 ",
      // access codes: every word may open a code phrase
      "portkod ", "nyckelboxen har kod ", "koden till porten är ", "kod 1"];
    for (const u of units) {
      const small = u.repeat(Math.ceil(10_000 / u.length)).slice(0, 10_000);
      const big = u.repeat(Math.ceil(100_000 / u.length)).slice(0, 100_000);
      reviewDraft(small); // warm up
      // the best of a few tries: one GC pause or a busy neighbour must not look like backtracking
      const tSmall = Math.max(0.2, best(() => reviewDraft(small), 5, 3));
      const tBig = best(() => reviewDraft(big), 1, 3);
      // linear is ~10x; allow generous noise, catastrophic backtracking would be 100x and more
      assert.ok(tBig / tSmall < 40, `${JSON.stringify(u)}: 10 KB ${tSmall.toFixed(2)} ms, 100 KB ${tBig.toFixed(2)} ms`);
      assert.ok(tBig < 2000, `${JSON.stringify(u)}: ${tBig.toFixed(0)} ms for 100 KB`);
    }
  });
});
