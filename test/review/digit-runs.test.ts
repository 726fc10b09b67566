// The number detectors try their regexes only at the digit runs that can start a match; this
// must find exactly what the full scans find (the runs are an optimisation, never a filter).
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { digitRuns } from "../../src/review/detect/digits";
import { detectPersonnummer } from "../../src/review/detect/personnummer";
import { detectCards, detectGiroAndAccounts, detectIban } from "../../src/review/detect/finance";
import { detectPhones } from "../../src/review/detect/contact";
import type { Sink } from "../../src/review/detect/types";
import { tokenize } from "../../src/review/text";

type Found = string[];
function collect(text: string, run: (sink: Sink) => void): Found {
  const out: Found = [];
  run({ text, add: (type, start, end, confidence, reason) => { out.push(`${type} ${start}-${end} ${confidence} ${reason}`); } });
  return out;
}

const pieces = ["0", "1", "2", "4", "5", "7", "9", "00", "12", "46", "555", "0701234567", "19850101", "4111", "1111", "8327-9",
  "5231", "SE45", "5000", "0583", "9825", "7466", "DE89", "(", ")", "-", "--", ".", " ", "   ", ",", "+", "\u2013", "/", ":", "\n",
  "a", "X", "é", "’", "tel ", "Tel: ", "mobil ", "+46 ", "konto ", "Bankgiro: ", "pg ", "seb", "Nordea konto ", "länsförsäkringar",
  "account number ", "pnr ", "abcdefghijklmnop ", "Länsförsäkringar", "clearingnummer", " (se nedan): ", " ..........  ", "                    ", "0046", "+4670", "(0)", " (8) ", "+1 (555) ", "ring "];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(""));

describe("review/digit runs", () => {
  it("finds each run of digits once, in order", () => {
    const r = digitRuns("a1 23-456\n7890x");
    assert.deepEqual([r.n, r.s, r.e], [4, [1, 3, 6, 10], [2, 5, 9, 14]]);
    assert.equal(digitRuns("no digits").n, 0);
  });

  it("the number detectors find the same with the runs as with a full scan", () => {
    fc.assert(fc.property(text, (t) => {
      const runs = digitRuns(t);
      assert.deepEqual(collect(t, (s) => detectPersonnummer(t, s, runs)), collect(t, (s) => detectPersonnummer(t, s)));
      assert.deepEqual(collect(t, (s) => detectCards(t, s, runs)), collect(t, (s) => detectCards(t, s)));
      assert.deepEqual(collect(t, (s) => detectGiroAndAccounts(t, s, runs)), collect(t, (s) => detectGiroAndAccounts(t, s)));
      assert.deepEqual(collect(t, (s) => detectPhones(t, s, runs)), collect(t, (s) => detectPhones(t, s)));
      assert.deepEqual(collect(t, (s) => detectIban(t, s, tokenize(t), runs)), collect(t, (s) => detectIban(t, s)));
    }), { numRuns: 3000 });
  });

  it("reads a giro number from its own label when other labels stand before it, with runs and without", () => {
    // found by the property above: the runs path read "Bankgiro" of "sebBankgiro: \npg 8327-9" as the number's label
    for (const t of ["sebBankgiro: \npg 8327-9", "seb Bankgiro: \npg 8327-9", "Bankgiro: pg 8327-9", "Nordea konto \nplusgiro 902718-6"]) {
      const withRuns = collect(t, (s) => detectGiroAndAccounts(t, s, digitRuns(t)));
      assert.deepEqual(withRuns, collect(t, (s) => detectGiroAndAccounts(t, s)), t);
      assert.equal(withRuns.length, 1, t);
      assert.match(withRuns[0], /plusgiro number/, t);
    }
  });

  it("finds a labelled account however far (within reach) its number follows the label", () => {
    for (const label of ["Länsförsäkringar", "bankgironummer", "konto", "seb", "bg", "Plusgiro"]) {
      for (let gap = 0; gap <= 30; gap++) {
        const t = `Se ${label}${":-. ".repeat(8).slice(0, gap)}5050-1055 och 8327-9, 914 552 873-4 12 3`;
        const runs = digitRuns(t);
        assert.deepEqual(collect(t, (s) => detectGiroAndAccounts(t, s, runs)), collect(t, (s) => detectGiroAndAccounts(t, s)), t);
      }
    }
  });

  it("finds international numbers opened by '+' or 00 the same way", () => {
    for (const t of ["ring 00461 234 5678", "tel 0046 70 123 45 67", "tel 004670-123 45 67", "call +46 (0) 70 123 4567", "+4670 123 45 67", "Ring 2000461 234 5678"]) {
      const runs = digitRuns(t);
      assert.deepEqual(collect(t, (s) => detectPhones(t, s, runs)), collect(t, (s) => detectPhones(t, s)), t);
    }
    const t = "ring 00461 234 5678";
    const phones = collect(t, (s) => detectPhones(t, s, digitRuns(t)));
    assert.ok(phones.some((f) => f.startsWith("PHONE 5-19 ") && f.endsWith("international phone number")), phones.join("; "));
  });

  it("still finds the numbers themselves through the runs", () => {
    const t = "Ring 070-123 45 67 eller (555) 123-4567, kort 4111 1111 1111 1111, pnr 850101-1236, bankgiro 5050-1055";
    const runs = digitRuns(t);
    const all = [
      ...collect(t, (s) => detectPhones(t, s, runs)), ...collect(t, (s) => detectCards(t, s, runs)),
      ...collect(t, (s) => detectPersonnummer(t, s, runs)), ...collect(t, (s) => detectGiroAndAccounts(t, s, runs)),
    ].map((f) => f.split(" ")[0]);
    for (const type of ["PHONE", "PAYMENT_CARD", "PERSONNUMMER", "BANK_ACCOUNT"]) assert.ok(all.includes(type), `${type} in ${all.join(",")}`);
  });
});
