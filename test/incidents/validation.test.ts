// Bad input at the edge: missing fields, a 1 MB description, control characters,
// OData and HTML in free text. Each gets a clear, field-level answer; what is kept is
// plain text.
import assert from "node:assert/strict";
import fc from "fast-check";
import { LIMITS, parseIncidentForm } from "../../src/incidents/validation";
import { cleanLine, cleanMultiline } from "../../src/incidents/sanitize";

const NOW = Date.parse("2026-03-02T10:00:00Z");
const valid = {
  occurredAt: "2026-03-02T07:30:00+01:00",
  tool: "ChatGPT",
  infoKinds: "personal,customer",
  description: "Klistrade in en kundlista.",
};

function issues(input: unknown) {
  const r = parseIncidentForm(input, NOW);
  assert.equal(r.ok, false, "expected a validation failure");
  return r.ok ? [] : r.issues;
}

describe("incident form validation", () => {
  it("accepts a minimal form and normalises it (UTC times, kinds list, discoveredAt defaults to now)", () => {
    const r = parseIncidentForm(valid, NOW);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.value.occurredAt, "2026-03-02T06:30:00.000Z");
    assert.equal(r.value.discoveredAt, new Date(NOW).toISOString());
    assert.deepEqual(r.value.infoKinds, ["personal", "customer"]);
    assert.equal(r.value.actionsTaken, undefined);
  });

  it("names every missing required field", () => {
    const got = issues({});
    assert.deepEqual(got.map((i) => [i.field, i.code]).sort(), [["description", "required"], ["infoKinds", "required"], ["occurredAt", "required"], ["tool", "required"]].sort());
    assert.deepEqual(issues({ ...valid, description: "  \u0007 " }).map((i) => [i.field, i.code]), [["description", "required"]]);
  });

  it("a 1 MB description: a clear error naming the field and the limit", () => {
    const got = issues({ ...valid, description: "x".repeat(1024 * 1024) });
    assert.deepEqual(got, [{ field: "description", code: "too_long", limit: LIMITS.description, message: "description: at most 10000 characters" }]);
  });

  it("strips control characters, bidi overrides and lone surrogates; keeps newlines and Swedish letters", () => {
    const r = parseIncidentForm({ ...valid, tool: "Chat\u0000GPT\u202E\t 4o", description: "rad 1\r\nrad\u0001 2\u0085\n\n\n\nslut \uD800 åäö ÅÄÖ 😀" }, NOW);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.value.tool, "ChatGPT 4o");
    assert.equal(r.value.description, "rad 1\nrad 2\n\nslut  åäö ÅÄÖ 😀");
  });

  it("OData and HTML in free text are kept verbatim as plain text (never interpreted)", () => {
    const odata = "x' or fields/Status eq 'Ny";
    const html = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const r = parseIncidentForm({ ...valid, tool: odata, description: html }, NOW);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.value.tool, odata);
    assert.equal(r.value.description, html);
  });

  it("rejects unknown kinds, wrong types, bad dates, the future and impossible order", () => {
    assert.deepEqual(issues({ ...valid, infoKinds: "personal,bananas" }).map((i) => i.field), ["infoKinds"]);
    assert.deepEqual(issues({ ...valid, tool: 42 }).map((i) => [i.field, i.code]), [["tool", "invalid"]]);
    assert.deepEqual(issues({ ...valid, occurredAt: "igår" }).map((i) => i.field), ["occurredAt"]);
    assert.deepEqual(issues({ ...valid, occurredAt: "2026-02-30T10:00:00Z" }).map((i) => i.field), ["occurredAt"]);
    assert.deepEqual(issues({ ...valid, occurredAt: "2026-03-02T10:00" }).map((i) => i.field), ["occurredAt"], "a time without zone is ambiguous");
    assert.deepEqual(issues({ ...valid, occurredAt: "2026-03-03T10:00:00Z" }).map((i) => [i.field, i.code]), [["occurredAt", "future"]]);
    assert.deepEqual(issues({ ...valid, discoveredAt: "2026-03-01T10:00:00Z" }).map((i) => [i.field, i.code]), [["discoveredAt", "order"]]);
    assert.deepEqual(issues({ ...valid, peopleAffected: "-3" }).map((i) => i.field), ["peopleAffected"]);
    assert.deepEqual(issues({ ...valid, severity: "catastrophic" }).map((i) => i.field), ["severity"]);
    assert.deepEqual(issues("not an object").map((i) => i.field), ["form"]);
  });

  it("property: whatever text comes in, what is kept has no control characters and respects the limit", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), (tool, description) => {
        const r = parseIncidentForm({ ...valid, tool, description }, NOW);
        if (!r.ok) return r.issues.every((i) => ["tool", "description"].includes(i.field));
        const kept = r.value.tool + r.value.description;
        return !/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/.test(kept) && r.value.tool.length <= LIMITS.tool && !/\n/.test(r.value.tool);
      }),
    );
  });

  it("cleanLine and cleanMultiline are idempotent", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => cleanLine(cleanLine(s)) === cleanLine(s) && cleanMultiline(cleanMultiline(s)) === cleanMultiline(s)));
  });
});
