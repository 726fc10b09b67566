// The locale tables: a bounded cache keyed by language and area, and names only (a lang
// or area never names a path outside src/locales).
import assert from "node:assert/strict";
import { t, table } from "../../src/locales";

describe("locale tables", () => {
  it("reads every area in both languages, again and again, from the cache", () => {
    for (let round = 0; round < 3; round++) {
      for (const area of ["answers", "approval-cards", "approvals", "bot", "cli", "image-cards", "images", "incidents", "review-card", "review"]) {
        for (const lang of ["sv", "en"] as const) assert.equal(typeof table(lang, area), "object");
      }
    }
    assert.notEqual(t("en", "bot", "no.such.key"), undefined);
  });

  it("refuses an area or language that is not a plain name (no file outside src/locales is read)", () => {
    // from src/locales/sv/, ../../../package.json is the project's package.json
    assert.throws(() => table("sv", "../../../package"), /no locale table/);
    assert.throws(() => table("sv", "..\\bot"), /no locale table/);
    assert.throws(() => table("../sv" as "sv", "bot"), /no locale table/);
  });
});
