import assert from "node:assert/strict";
import fc from "fast-check";
import { indexOfIgnoreCase, isJsSpace, isLineTerminator, isWordChar, NextIndex, replaceMentions, replaceTags, startsWithIgnoreCase, tagNamed } from "../../src/text/tags";

/** 256 KB of one piece: the size of the largest activity the server takes */
const big = (piece: string, suffix = "") => piece.repeat(Math.ceil((256 * 1024) / piece.length)) + suffix;

const text = (pieces: string[], maxLength = 40) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((a) => a.join(""));

describe("tag helpers: the regexes they replace, in one pass", () => {
  it("isJsSpace, isWordChar and isLineTerminator agree with \\s, \\w and . on every UTF-16 code unit", () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isJsSpace(c) !== /\s/.test(ch)) assert.fail(`isJsSpace(${c.toString(16)})`);
      if (isWordChar(c) !== /\w/i.test(ch)) assert.fail(`isWordChar(${c.toString(16)})`);
      if (isLineTerminator(c) !== !/./.test(ch)) assert.fail(`isLineTerminator(${c.toString(16)})`);
    }
  });

  it("startsWithIgnoreCase and indexOfIgnoreCase compare as the i flag does without u", () => {
    const pieces = ["<", "<at", "<AT", "<At>", "a", "T", "t", "\u0130", "\u212a", "\u017f", "/", "</at>", "</AT >", ">"];
    fc.assert(fc.property(text(pieces, 12), fc.nat(30), (s, from) => {
      for (const needle of ["<at", "</at>", "</script"]) {
        const re = new RegExp(needle.replace("/", "\\/"), "gi");
        re.lastIndex = from;
        assert.equal(indexOfIgnoreCase(s, needle, from), re.exec(s)?.index ?? -1);
      }
      for (let i = 0; i <= s.length; i++) assert.equal(startsWithIgnoreCase(s, i, "at"), /^at/i.test(s.slice(i)));
    }), { numRuns: 1000 });
  });

  it("NextIndex answers as indexOf, also when asked out of order", () => {
    fc.assert(fc.property(text(["a", ">", "b"], 30), fc.array(fc.nat(32), { maxLength: 20 }), (s, positions) => {
      const next = new NextIndex((from) => s.indexOf(">", from));
      for (const p of positions) assert.equal(next.after(p), s.indexOf(">", p));
    }));
  });

  it("replaceTags and tagNamed are /<…[^>]*>/g replacements", () => {
    const names = new Set(["p", "li", "h1", "table"]);
    const pieces = ["<", ">", "/", "p", "P", "li", "LI", "h1", "table", "tables", "_", "1", " ", "\n", "x", "<p>", "</li >", "<table class='a'>"];
    fc.assert(fc.property(text(pieces), (s) => {
      assert.equal(replaceTags(s, () => true, "#"), s.replace(/<[^>]*>/g, "#"));
      assert.equal(replaceTags(s, (t, i) => tagNamed(t, i, names, 10), "#"), s.replace(/<\/?(?:p|li|h1|table)\b[^>]*>/gi, "#"));
    }), { numRuns: 3000 });
  });

  it("replaceMentions is s.replace(/<at[^>]*>.*?<\\/at>/gi, by)", () => {
    const pieces = ["<at>", "</at>", "<AT id='1'>", "</At>", "<at", "at>", "</at", "<", ">", "/", "\n", "\r", "\u2028", " ", "a", "Anna", "<attachment>", "<p>"];
    fc.assert(fc.property(text(pieces), (s) => replaceMentions(s, " ") === s.replace(/<at[^>]*>.*?<\/at>/gi, " ")), { numRuns: 5000 });
  });

  it("tags on 256 KB with no '>' or no closing tag: left as they are", () => {
    for (const piece of ["<", "<at", "<at>", "<at>x", "<p", "<li ", "</at"]) {
      const s = big(piece);
      assert.equal(replaceTags(s, () => true, ""), s.includes(">") ? s.replace(/<[^>]*>/g, "") : s, piece);
      if (!s.includes("</at>")) assert.equal(replaceMentions(s, ""), s, piece);
    }
    assert.equal(replaceMentions(big("<at>x</at>"), ""), "");
    assert.equal(replaceMentions(big("<at>x\n</at>"), ""), big("<at>x\n</at>"));
  });
});
