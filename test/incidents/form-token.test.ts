import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { FORM_MAX_AGE_MS, FormTokens } from "../../src/incidents/form-token";

describe("incident form tokens", () => {
  const tokens = new FormTokens(randomBytes(32));
  const now = Date.parse("2026-03-02T10:00:00Z");

  it("verifies for the user it was issued to and carries the report id", () => {
    const f = tokens.issue("user-a", now);
    const r = tokens.verify(f.token, "user-a", now + 1000);
    assert.ok(r.ok);
    if (r.ok) assert.equal(r.claims.reportId, f.reportId);
  });

  it("refuses another user's card, a changed payload, another key, garbage and old forms", () => {
    const f = tokens.issue("user-a", now);
    assert.deepEqual(tokens.verify(f.token, "user-b", now), { ok: false, reason: "not-yours" });
    const [payload, mac] = f.token.split(".");
    const p = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...p, oid: "user-b" })).toString("base64url");
    assert.deepEqual(tokens.verify(`${forged}.${mac}`, "user-b", now), { ok: false, reason: "forged" });
    assert.deepEqual(new FormTokens(randomBytes(32)).verify(f.token, "user-a", now), { ok: false, reason: "forged" });
    for (const bad of [undefined, 42, "", "a.b.c", "x".repeat(5000)]) assert.equal(tokens.verify(bad, "user-a", now).ok, false);
    assert.deepEqual(tokens.verify(f.token, "user-a", now + FORM_MAX_AGE_MS + 1), { ok: false, reason: "expired" });
  });

  it("needs a real key", () => {
    assert.throws(() => new FormTokens(Buffer.alloc(8)), /32 bytes/);
  });
});
