import assert from "node:assert/strict";
import fc from "fast-check";
import { trimLineEnds } from "../../src/text/lines";

/** 256 KB of one piece: the size of the largest activity the server takes */
const big = (piece: string, suffix = "") => piece.repeat(Math.ceil((256 * 1024) / piece.length)) + suffix;

const text = (pieces: string[], maxLength = 40) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((a) => a.join(""));

describe("trimLineEnds: /[ \\t]+\\n/ in one pass", () => {
  it("trimLineEnds is s.replace(/[ \\t]+\\n/g, '\\n')", () => {
    fc.assert(fc.property(text([" ", "\t", "\n", "\r", "a", " \n", "\u00a0", "\u3000"]), (s) => trimLineEnds(s) === s.replace(/[ \t]+\n/g, "\n")), { numRuns: 3000 });
    fc.assert(fc.property(fc.string(), (s) => trimLineEnds(s) === s.replace(/[ \t]+\n/g, "\n")));
  });

  it("trimLineEnds on 256 KB of spaces and tabs, with and without a line break after them", () => {
    const spaces = big(" ");
    assert.equal(trimLineEnds(spaces), spaces);
    assert.equal(trimLineEnds(spaces + "x"), spaces + "x");
    assert.equal(trimLineEnds(spaces + "\n"), "\n");
    assert.equal(trimLineEnds(big(" \t", "\nx")), "\nx");
    assert.equal(trimLineEnds("a \t\n".repeat(80_000)), "a\n".repeat(80_000));
    assert.equal(trimLineEnds(big("\n")), big("\n"));
  });
});
