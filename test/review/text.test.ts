import assert from "node:assert/strict";
import fc from "fast-check";
import { fold, HashSetFilter, wordHash } from "../../src/review/text";
import { resolveOverlaps } from "../../src/review/engine";
import type { Finding, FindingType } from "../../src/review/types";

/** fold() as it was before its Latin-1 fast path: the reference it must agree with */
const foldByNfd = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

describe("review text helpers", () => {
  it("fold strips diacritics and lowercases", () => {
    assert.equal(fold("Sjöström"), "sjostrom");
    assert.equal(fold("ÅSA-KARIN"), "asa-karin");
    assert.equal(fold("Hodžić"), "hodzic");
    assert.equal(fold("Ærø ß"), "ærø ß");
  });

  it("fold's Latin-1 path equals NFD folding on any text", () => {
    const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 24 });
    const mixed = fc.string({ unit: fc.integer({ min: 0, max: 0x2fff }).map((c) => String.fromCharCode(c)), maxLength: 24 });
    fc.assert(fc.property(fc.oneof(latin1, mixed), (s) => fold(s) === foldByNfd(s)), { numRuns: 3000 });
  });

  it("HashSetFilter never rejects a member", () => {
    const words = ["anna", "karl-johan", "sjöström", "o'brien", "ab", "x"];
    const f = new HashSetFilter(words, 12);
    for (const w of words) assert.ok(f.mayHave(wordHash(w, 0, w.length)), w);
    fc.assert(fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 40 }), (ws) => {
      const g = new HashSetFilter(ws, 10);
      return ws.every((w) => g.mayHave(wordHash(w, 0, w.length)));
    }), { numRuns: 300 });
  });
});

describe("resolveOverlaps", () => {
  const f = (type: FindingType, start: number, end: number, confidence = 0.9): Finding => ({ type, start, end, confidence, reason: type });

  it("keeps the strongest of overlapping findings, sorted by position, without touching its input", () => {
    const input = [f("PERSON_NAME", 20, 30), f("PHONE", 0, 10), f("PERSONNUMMER", 5, 15), f("HEALTH", 28, 40), f("EMAIL", 40, 50)];
    const copy = input.map((x) => ({ ...x }));
    const kept = resolveOverlaps(input);
    assert.deepEqual(input, copy);
    assert.deepEqual(kept.map((x) => x.type), ["PERSONNUMMER", "PERSON_NAME", "EMAIL"]);
  });

  it("returns disjoint findings in position order for any input", () => {
    const types: FindingType[] = ["PERSON_NAME", "PHONE", "EMAIL", "HEALTH", "CREDENTIAL", "ADDRESS"];
    const finding = fc.record({ t: fc.constantFrom(...types), s: fc.nat(200), len: fc.integer({ min: 1, max: 30 }), c: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ t, s, len, c }) => f(t, s, s + len, c));
    fc.assert(fc.property(fc.array(finding, { maxLength: 30 }), (xs) => {
      const kept = resolveOverlaps(xs);
      for (let i = 1; i < kept.length; i++) if (kept[i - 1].end > kept[i].start) return false;
      // every dropped finding overlaps a kept one
      return xs.every((x) => kept.includes(x) || kept.some((k) => k.start < x.end && x.start < k.end));
    }), { numRuns: 500 });
  });
});
