import assert from "node:assert/strict";
import fc from "fast-check";
import { fold, HashSetFilter, scanText, tokenize, TRIGGER, triggersOf, wordHash } from "../../src/review/text";
import { resolveOverlaps } from "../../src/review/engine";
import type { Finding, FindingType } from "../../src/review/types";

/** fold() as it was before its Latin-1 fast path: the reference it must agree with */
const foldByNfd = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

/** the keyword scan as a plain regex: the reference the words' scan must agree with */
function triggersByRegex(text: string): number {
  const re = /osl|s(?:ekretess|ecret|kydda)|k(?:onfidentiell|[2-4]|varskri|od)|hemlig|co(?:nfidential|de)|intern(?:al only|t bruk)|fingerade|lösen|p(?:ass|wd|in)|nyckel|wi(?:fi|-fi)/gi;
  let bits = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const i = m.index, w = m[0].toLowerCase();
    re.lastIndex = i + 1;
    if (w === "osl") bits |= TRIGGER.OSL;
    else if (w === "sekretess") {
      bits |= TRIGGER.MARKING | TRIGGER.SECRET_PHRASE;
      const rest = text.slice(i + 9, i + 13).toLowerCase();
      if (rest.startsWith("lag")) bits |= TRIGGER.OSL;
      if (rest === "mark") bits |= TRIGGER.PROTECTED;
    } else if (w === "secret") bits |= TRIGGER.MARKING;
    else if (w === "skydda" || w === "kvarskri" || w === "fingerade") bits |= TRIGGER.PROTECTED;
    else if (w === "konfidentiell" || w === "hemlig" || w === "confidential") bits |= TRIGGER.MARKING | TRIGGER.SECRET_PHRASE;
    else if (/^k[2-4]$/.test(w)) bits |= TRIGGER.CLASS;
    else if (w.startsWith("intern")) bits |= TRIGGER.MARKING;
    else if (w === "kod" || w === "code") bits |= TRIGGER.CODE;
    else if (w === "nyckel" || w.startsWith("wi")) bits |= TRIGGER.KEY;
    else if (w !== "pin" || !/[\p{L}\d_]/u.test(text[i - 1] ?? "")) bits |= TRIGGER.PASSWORD;
  }
  return bits;
}

describe("review text helpers", () => {
  it("the words' scan finds the same keywords as a plain regex, and the same words as tokenize", () => {
    const pieces = ["osl", "OSL", "Sekretess", "sekretesslag", "SEKRETESSMARKERING", "secret", "skydda", "Konfidentiell", "k2", "K3 ", "k5", "kvarskrivning",
      "hemlig", "confidential", "internal only", "internt bruk", "fingerade", "lösen", "LÖSEN", "pass", "pwd", "pin", "Norrköping", "nyckel", "wifi", "Wi-Fi",
      "portkod", "KODEN", "code", "Code", " ", "-", "ö", "å", "1", "\n", "x", "İ", "ſ", "\u2019"];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join("")), (text) => {
      const { words, triggers } = scanText(text);
      const got = Array.from({ length: words.n }, (_, k) => [words.s[k], words.e[k], words.h[k]]);
      const own = tokenize(text);
      assert.deepEqual(got, Array.from({ length: own.n }, (_, k) => [own.s[k], own.e[k], own.h[k]]));
      assert.equal(triggers, triggersByRegex(text), text);
      assert.equal(triggersOf(text), triggers);
    }), { numRuns: 2000 });
  });


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
