// The private key block shape is found by a scan (scanPrivateKeys in detect/credentials.ts), not
// by its regex, which read up to 12,000 characters from every BEGIN line: the same matches as the
// regex on generated text, at the window's edge, and on 256 KB of BEGIN lines.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { detectCredentials } from "../../src/review/detect/credentials";
import type { Sink } from "../../src/review/detect/types";
import { reviewDraft } from "../../src/review";

const REGEX = /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,12000}?-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;

function byRegex(text: string): Array<[number, number]> {
  return [...text.matchAll(REGEX)].map((m) => [m.index, m.index + m[0].length]);
}

function byScan(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const sink: Sink = { text, add: (_type, start, end, _conf, reason) => void (reason === "private key block" && out.push([start, end])) };
  detectCredentials(text, sink, 0);
  return out.sort((a, b) => a[0] - b[0]);
}

describe("review/private key blocks", () => {
  it("the scan finds what the regex finds", () => {
    const pieces = ["-----BEGIN ", "-----END ", "PRIVATE KEY", "PRIVATE KEY-----", " BLOCK", "-----", "RSA ", "EC ", "OPENSSH ", "A B C D ", "a ", "MIIE", "\n", " ", "-", "x"];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join("")), (text) => {
      assert.deepEqual(byScan(text), byRegex(text));
    }), { numRuns: 5000 });
  });

  it("at the edge of the 12,000-character body, with later and nested BEGIN lines", () => {
    const begin = "-----BEGIN RSA PRIVATE KEY-----";
    const end = "-----END RSA PRIVATE KEY-----";
    for (const body of [0, 1, 11_999, 12_000, 12_001, 20_000]) {
      for (const text of [`${begin}${"a".repeat(body)}${end}`, `x ${begin}${begin}${"\n".repeat(body)}${end} ${end}`, `${begin}${"b".repeat(body)}-----END X${end}`]) {
        assert.deepEqual(byScan(text), byRegex(text), `${body}`);
      }
    }
  });

  it("256 KB of BEGIN lines, with and without an END line after them", () => {
    const many = "-----BEGIN PRIVATE KEY--------".repeat(8_800);
    assert.deepEqual(byScan(many), []);
    assert.deepEqual(byScan(`${many}-----END PRIVATE KEY-----`), byRegex(`${many}-----END PRIVATE KEY-----`));
    const r = reviewDraft(`${"-----BEGIN PRIVATE KEY-----".repeat(10_000)}-----END PRIVATE KEY-----`);
    assert.equal(r.findings.length, 1);
  });
});
