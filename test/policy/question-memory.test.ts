// A user's question is answered and forgotten: the tokenizer's cache holds policy texts
// and curated phrasings, never the question (which may name a person or a case).
import { strict as assert } from "node:assert";
import { isTokenCached, tokenize } from "../../src/policy/analysis/normalize";
import { testLibrary } from "../support/library";
import { MAX_QUESTION_CHARS } from "../../src/policy/library";

describe("questions are not kept in memory", () => {
  it("the question text is not in the tokenizer's cache after its answer; policy text still is", () => {
    const lib = testLibrary();
    const question = "Får jag klistra in Kalle Zxqvists journal från 2026-03-04 i ChatGPT?";
    const answer = lib.ask("soderkoping", question);
    assert.ok(answer.citations.length > 0 || answer.refused);
    assert.equal(isTokenCached(question), false);
    const passage = lib.get("soderkoping").passages[0].text;
    tokenize(passage);
    assert.equal(isTokenCached(passage), true, "the cache still works for policy text");
  });
});

describe("questions are bounded before analysis", () => {
  it("reads the first MAX_QUESTION_CHARS characters only; words longer than any word are not searched", () => {
    const lib = testLibrary();
    const filler = "x".repeat(MAX_QUESTION_CHARS);
    assert.equal(lib.ask("hjo", `${filler} Får jag klistra in personuppgifter i ChatGPT?`).refused, true, "what stands after the cut is not read");
    const long = lib.ask("hjo", `${"a".repeat(40_000)}`);
    assert.equal(long.refused, true);
  });
});
