// synthetic-questions.jsonl: the retired blind sets' wordings attached to the passages they ask
// about (scripts/build-synthetic-questions.ts), searched like questions.jsonl.
import { strict as assert } from "node:assert";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { blindSetQuestions, syntheticQuestions } from "../../scripts/build-synthetic-questions";
import { createPolicyLibrary } from "../../src/policy/library";
import { loadPack, loadPacks, policyDirs, SYNTHETIC_QUESTIONS_FILE } from "../../src/policy/pack-loader";

describe("synthetic-questions.jsonl: the retired question sets' wordings, searched", () => {
  it("each shipped pack's file is what the script builds from the retired blind sets", () => {
    const packs = loadPacks(policyDirs(), { synthetic: false });
    const built = syntheticQuestions(packs);
    for (const pack of packs) {
      const file = path.join(pack.dir, SYNTHETIC_QUESTIONS_FILE);
      const shipped = fs.readFileSync(file, "utf8").trimEnd().split("\n");
      assert.deepEqual(shipped, built.get(pack.id), `${pack.id}: run \`node dist/scripts/build-synthetic-questions.js --write\``);
    }
  });

  it("holds only questions of the blind sets, each on the passage holding its expected phrase", () => {
    const sets = new Set(blindSetQuestions().map((q) => q.question));
    const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
    const byQuestion = new Map(blindSetQuestions().map((q) => [q.question, q]));
    for (const pack of loadPacks(policyDirs(), { synthetic: false })) {
      for (const line of syntheticQuestions([pack]).get(pack.id) ?? []) {
        const { passage, questions } = JSON.parse(line) as { passage: string; questions: string[] };
        const text = fold(pack.passages.find((p) => p.id === passage)!.text);
        for (const q of questions) {
          assert.ok(sets.has(q), q);
          assert.ok(byQuestion.get(q)!.phrases.some((ph) => text.includes(fold(ph))), `${passage}: ${q}`);
        }
      }
    }
  });

  it("a wording the policy never uses finds its passage once people have asked it that way", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pack-"));
    try {
      const pack = path.join(dir, "hjo");
      fs.cpSync(path.join(__dirname, "../../../policies/hjo"), pack, { recursive: true });
      fs.rmSync(path.join(pack, SYNTHETIC_QUESTIONS_FILE));
      const target = loadPack(pack, { synthetic: false }).passages.find((p) => /tonalitet/.test(p.text))!;
      // nothing of "låter som en robot" is in the policy's words
      const question = "texten från chatboten låter som en robot, gör det något?";
      const before = createPolicyLibrary([loadPack(pack)]).ask("hjo", question);
      assert.ok(!before.citations[0]?.quote.includes(target.text), "a stranger's wording is not found without them");
      const wordings = ["svaret från ai:n låter som en robot, spelar det någon roll?", "the AI text sounds robotic and not like us, does that matter?", "chatboten skriver stelt och konstigt, är det ett problem?"];
      fs.writeFileSync(path.join(pack, SYNTHETIC_QUESTIONS_FILE), `${JSON.stringify({ passage: target.id, questions: wordings })}\n`);
      const after = createPolicyLibrary([loadPack(pack)]).ask("hjo", question);
      assert.ok(after.citations[0].quote.includes(target.text), after.citations[0].quote);
      // and the file is left out on request (when the script rebuilds it)
      assert.equal(loadPack(pack, { synthetic: false }).passages.find((p) => p.id === target.id)!.asked?.some((q) => wordings.includes(q)) ?? false, false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
