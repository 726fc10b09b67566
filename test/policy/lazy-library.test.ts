// The server's library builds a pack's search engine on its first question (src/policy/library.ts,
// opts.lazy): its answers are the eager library's, whichever pack is asked first.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { createPolicyLibrary } from "../../src/policy/library";
import { loadPacks, policyDirs } from "../../src/policy/pack-loader";

describe("lazy policy library", () => {
  const packs = loadPacks(policyDirs());
  const questions = fs
    .readFileSync(path.join(__dirname, "..", "..", "..", "test", "policy", "fixtures", "questions.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { question: string }).question);

  it("answers as the eager library does, for every pack, the packs asked in reverse order", () => {
    const eager = createPolicyLibrary(packs);
    const lazy = createPolicyLibrary(packs, { lazy: true });
    assert.deepEqual(lazy.ids(), eager.ids());
    for (const id of [...lazy.ids()].reverse()) {
      assert.equal(lazy.get(id), eager.get(id));
      for (const q of questions) assert.deepEqual(lazy.ask(id, q), eager.ask(id, q), `${id}: ${q}`);
    }
  });

  it("an unknown pack is refused by get, ask and index alike", () => {
    const lazy = createPolicyLibrary(packs, { lazy: true });
    assert.throws(() => lazy.get("nope"), /nope/);
    assert.throws(() => lazy.ask("nope", "Får jag använda ChatGPT?"), /nope/);
    assert.throws(() => lazy.index?.("nope"), /nope/);
  });
});
