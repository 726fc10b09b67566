// Putting an answer together: which quotes are shown, in what order.
import { strict as assert } from "node:assert";
import { composeAnswer } from "../../src/policy/answer/compose";
import type { DecisionRow } from "../../src/policy/decisions/schema";
import type { Retrieval } from "../../src/policy/search/engine";
import { testLibrary } from "../support/library";

describe("composing an answer", () => {
  const pack = testLibrary().get("hjo");
  const passage = (i: number) => pack.passages[i];
  const retrieval = (quotes: number[]): Retrieval =>
    ({ inScope: true, confidence: 0.8, ranked: quotes.map((i) => ({ passage: passage(i), quote: passage(i).text, score: 1 })) }) as unknown as Retrieval;
  const row = (i: number, id: string): DecisionRow => ({
    id,
    ask: "may",
    info: "any",
    tool: "any",
    use: "any",
    duty: "any",
    verdict: "no",
    citations: [{ policy: pack.id, section: passage(i).section, rule: passage(i).rule, quote: passage(i).text }],
  });

  it("shows the search's best passage even when three deciding rows fill the citations", () => {
    const rows = [row(1, "a"), row(2, "b"), row(3, "c")];
    const a = composeAnswer(pack, retrieval([6, 1]), "sv", { verdict: "no", rows, ask: "may" });
    assert.equal(a.citations.length, 3);
    assert.equal(a.citations[0].quote, passage(1).text, "the deciding row leads");
    assert.ok(a.citations.some((c) => c.quote === passage(6).text), "the best passage is shown");
  });

  it("shows it once when a row already quotes it, and not at all when the search doubts the question", () => {
    const rows = [row(1, "a"), row(6, "b")];
    const a = composeAnswer(pack, retrieval([6, 2]), "sv", { verdict: "no", rows, ask: "may" });
    assert.equal(a.citations.filter((c) => c.quote === passage(6).text).length, 1);
    const doubted = { ...retrieval([6]), inScope: false };
    const b = composeAnswer(pack, doubted, "sv", { verdict: "no", rows: [row(1, "a"), row(2, "b"), row(3, "c")], ask: "may" });
    assert.ok(!b.citations.some((c) => c.quote === passage(6).text));
  });
});
