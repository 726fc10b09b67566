import { strict as assert } from "node:assert";
import { renderReview } from "../../src/cli/review-command";
import type { ReviewResult } from "../../src/review/types";

describe("cli: review rendering", () => {
  const text = "Ring Anna på 070-123 45 67.";
  const result: ReviewResult = {
    verdict: "block",
    findings: [{ type: "PHONE", start: 13, end: 26, confidence: 0.9, reason: "Swedish mobile number" }],
    redacted: "Ring Anna på [PHONE 1].",
    rules: {},
  };

  it("marks findings with brackets when not a terminal", () => {
    const lines = renderReview(text, result, false);
    assert.equal(lines[0], "Ring Anna på ⟦070-123 45 67⟧.");
    assert.ok(lines.some((l) => l.includes("PHONE") && l.includes("Swedish mobile number")));
    assert.ok(lines.includes("Ring Anna på [PHONE 1]."));
  });

  it("uses ANSI colours on a terminal", () => {
    assert.match(renderReview(text, result, true)[0], /\u001b\[41;97m070-123 45 67\u001b\[0m/);
  });
});
