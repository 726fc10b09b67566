// The JSON Lines sets under test/policy/fixtures/, read from the source tree (tests run from dist/).
import * as fs from "node:fs";
import * as path from "node:path";

export function policyFixture<T>(name: string): T[] {
  return fs
    .readFileSync(path.join(__dirname, "../../../test/policy/fixtures", name), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}
