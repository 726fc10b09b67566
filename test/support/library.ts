// The policy library the bot tests run against: the real packs in policies/, loaded once.
import fs from "node:fs";
import path from "node:path";
import { createPolicyLibrary, loadPolicyLibrary } from "../../src/policy/library";
import { loadPacks, policyDirs } from "../../src/policy/pack-loader";
import type { PolicyLibrary } from "../../src/policy/types";

let library: PolicyLibrary | undefined;

export function testLibrary(): PolicyLibrary {
  return (library ??= loadPolicyLibrary());
}

const unseen = new Map<string, PolicyLibrary>();

/**
 * the library as it answers a retired blind set's questions unseen: that set's own wordings are
 * left out of the passages' synthetic questions (policies/<pack>/synthetic-questions.jsonl)
 */
export function libraryUnseen(fixture: string): PolicyLibrary {
  let lib = unseen.get(fixture);
  if (!lib) {
    const own = new Set(
      fs
        .readFileSync(path.join(__dirname, "..", "..", "..", "test", "policy", "fixtures", fixture), "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { question: string }).question),
    );
    const packs = loadPacks(policyDirs());
    for (const pack of packs) for (const p of pack.passages) p.asked = p.asked?.filter((q) => !own.has(q));
    lib = createPolicyLibrary(packs);
    unseen.set(fixture, lib);
  }
  return lib;
}
