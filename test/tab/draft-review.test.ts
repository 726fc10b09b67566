// The checker's incremental review gives the engine's own findings, verdict, rules and
// redaction on whole drafts, and re-reviews only the blocks a keystroke changed.
import * as assert from "node:assert/strict";
import { BlockReviewer, blocksOf } from "../../src/tab/client/draft-review";
import { reviewWithMapping } from "../../src/review";
import { corpus } from "../../bench/review-corpus";
import { testLibrary } from "../support/library";

describe("tab draft checker: incremental review", () => {
  const pack = testLibrary().get("soderkoping");

  it("blocks cover the draft exactly, split at blank lines", () => {
    const text = "a\n\nb\n \t\nc\n\n\n\nd\ne";
    const blocks = blocksOf(text);
    assert.deepEqual(blocks.map((b) => b.text), ["a", "b", "c", "", "d\ne"]);
    for (const b of blocks) assert.equal(text.slice(b.start, b.start + b.text.length), b.text);
  });

  it("on the review bench's corpus, the same findings, verdict, rules and redacted text as the engine on the whole draft", () => {
    const drafts = corpus(120_000);
    let compared = 0;
    for (let i = 0; i + 4 <= drafts.length; i += 4) {
      const text = drafts.slice(i, i + 4).join("\n\n");
      const whole = reviewWithMapping(text, pack);
      const inc = new BlockReviewer().review(text, pack.facts.dataRules);
      assert.deepEqual(inc.findings, whole.findings, `draft ${i}`);
      assert.equal(inc.verdict, whole.verdict);
      assert.equal(inc.redacted, whole.redacted);
      assert.deepEqual(inc.mapping, whole.mapping);
      assert.deepEqual(inc.rules, whole.rules);
      compared++;
    }
    assert.ok(compared > 20, `${compared} drafts compared`);
  });

  it("a keystroke in one block re-reviews that block only; undo reviews nothing", () => {
    const text = corpus(60_000).join("\n\n");
    const r = new BlockReviewer();
    r.findings(text);
    assert.ok(r.lastReviewed > 50);
    const at = text.indexOf("\n\n", 30_000);
    const typed = `${text.slice(0, at)}x${text.slice(at)}`;
    r.findings(typed);
    assert.equal(r.lastReviewed, 1);
    r.findings(text);
    assert.equal(r.lastReviewed, 0);
  });
});
