// The locale tables: compiled in (imported JSON, so dist/ holds them), looked up by
// language and area names only (a lang or area never names a path).
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { areas, missingTables, t, table } from "../../src/locales";
import { projectRoot } from "../../src/project-root";

describe("locale tables", () => {
  const dir = path.join(projectRoot(), "src", "locales");

  it("every file in src/locales/<lang>/ is a registered table, with the file's content", () => {
    for (const lang of ["sv", "en"] as const) {
      const files = fs.readdirSync(path.join(dir, lang)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
      assert.deepEqual([...files].sort(), [...areas()].sort(), `${lang}: files and registered areas differ`);
      for (const area of files) assert.deepEqual(table(lang, area), JSON.parse(fs.readFileSync(path.join(dir, lang, `${area}.json`), "utf8")), `${lang}/${area}`);
    }
    assert.deepEqual(missingTables(), []);
  });

  it("refuses an area or language that is not a plain name", () => {
    // from src/locales/sv/, ../../../package.json is the project's package.json
    assert.throws(() => table("sv", "../../../package"), /no locale table/);
    assert.throws(() => table("sv", "..\\bot"), /no locale table/);
    assert.throws(() => table("../sv" as "sv", "bot"), /no locale table/);
    assert.throws(() => table("sv", "constructor"), /no locale table/);
    assert.equal(t("en", "bot", "no.such.key"), "no.such.key");
  });
});
