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

  it("does not add the search's passage in place of a way an 'it depends' answer can go", () => {
    const rows = [row(1, "a"), { ...row(2, "b"), verdict: "yes" as const }, { ...row(3, "c"), verdict: "conditional" as const, condition: { sv: "villkor", en: "condition" } }];
    // a row's passage is second in the search, so the rows lead; the search's first passage would displace the third
    const a = composeAnswer(pack, retrieval([6, 1]), "sv", { verdict: "conditional", rows, ask: "may", dependsOn: ["tool"] });
    assert.deepEqual(
      a.citations.map((c) => c.quote),
      [1, 2, 3].map((i) => passage(i).text),
    );
  });

  it("leads with the search's passage when none of the deciding rows' passages is near the top of the search", () => {
    const rows = [row(1, "a"), row(2, "b")];
    const a = composeAnswer(pack, retrieval([8, 5, 6]), "sv", { verdict: "conditional", rows: rows.map((r) => ({ ...r, verdict: "conditional", condition: { sv: "villkor", en: "condition" } })), ask: "may" });
    assert.equal(a.citations[0].quote, passage(8).text);
    assert.equal(a.citations[1].quote, passage(1).text, "the deciding row follows");
    // a row's passage among the search's first three: the row leads
    const b = composeAnswer(pack, retrieval([8, 1, 6]), "sv", { verdict: "no", rows, ask: "may" });
    assert.equal(b.citations[0].quote, passage(1).text);
    // the search's passage forbids while the rows allow: the rows lead, so the quote under "yes" does not read as a no
    const c = composeAnswer(pack, retrieval([10, 5, 6]), "sv", { verdict: "yes", rows: [{ ...row(11, "yes"), verdict: "yes" }], ask: "may" });
    assert.equal(c.citations[0].quote, passage(11).text);
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
