// Card chrome comes from src/locales/<lang>/bot.json: both languages, same keys.
import * as assert from "node:assert/strict";
import { langFromLocale, lookup, t, table } from "../../src/locales";

describe("bot locales", () => {
  it("sv and en have the same keys, none empty, same {placeholders}", () => {
    // the bot's area is flat: key -> string
    const sv = table("sv", "bot") as Record<string, string>;
    const en = table("en", "bot") as Record<string, string>;
    assert.deepEqual(Object.keys(en).sort(), Object.keys(sv).sort());
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(sv)) {
      assert.ok(sv[k].trim() && en[k].trim(), `${k} empty`);
      assert.deepEqual(vars(en[k]), vars(sv[k]), `${k} placeholders`);
    }
  });

  it("fills variables and falls back to the key for an unknown one", () => {
    assert.equal(t("sv", "bot", "answer.source", { organisation: "Hjo kommun", section: "3", rule: "B" }), "Källa: Hjo kommun, 3, regel B");
    assert.equal(t("en", "bot", "no.such.key"), "no.such.key");
    for (const k of Object.keys(table("sv", "bot"))) assert.equal(typeof table("sv", "bot")[k], "string");
  });

  it("looks keys up flat first, then as a dotted path into nested objects", () => {
    const tbl = { "a.b": "flat", notes: { c2pa: "nested", deep: { x: "deeper" } } };
    assert.equal(lookup(tbl, "a.b"), "flat");
    assert.equal(lookup(tbl, "notes.c2pa"), "nested");
    assert.equal(lookup(tbl, "notes.deep.x"), "deeper");
    assert.equal(lookup(tbl, "notes"), undefined, "an object is not a text");
    assert.equal(lookup(tbl, "notes.none"), undefined);
  });

  it("maps Teams locales to a language", () => {
    assert.equal(langFromLocale("en-US"), "en");
    assert.equal(langFromLocale("sv-SE"), "sv");
    assert.equal(langFromLocale(undefined), "sv");
    assert.equal(langFromLocale("de-DE"), "sv");
  });
});
