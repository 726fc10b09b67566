// Writes policies/<pack>/synthetic-questions.jsonl: the questions of the project's retired
// blind sets (test/policy/fixtures/{qa,verdicts}-blind*.jsonl, each written from the policy
// texts alone by a helper who saw neither the engine nor any evaluation set), attached to the
// passage their expected phrase comes from. Search reads them like questions.jsonl: many
// people's wordings of what a passage answers (doc2query with people instead of a model).
// Never from the public evaluation sets.
//
//   npm run build && node dist/scripts/build-synthetic-questions.js [--write]
import fs from "node:fs";
import path from "node:path";
import { loadPacks, policyDirs, SYNTHETIC_QUESTIONS_FILE } from "../src/policy/pack-loader";
import type { PolicyPack } from "../src/policy/types";
import { projectRoot } from "../src/project-root";

/** the retired blind sets, in a stable order */
export const BLIND_SET = /^(qa|verdicts)-blind\d+\.jsonl$/;

export interface SetQuestion {
  set: string;
  policy: string;
  question: string;
  phrases: string[];
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

export function blindSetQuestions(dir = path.join(projectRoot(), "test", "policy", "fixtures")): SetQuestion[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => BLIND_SET.test(f))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const out: SetQuestion[] = [];
  for (const set of files) {
    for (const line of fs.readFileSync(path.join(dir, set), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const v = JSON.parse(line) as { policy: string; question: string; must_mention?: string[]; expect?: { phrases?: string[] } };
      out.push({ set, policy: v.policy, question: v.question, phrases: v.must_mention ?? v.expect?.phrases ?? [] });
    }
  }
  return out;
}

/** per pack, the lines of its synthetic-questions.jsonl: passages in the policy's order */
export function syntheticQuestions(packs: PolicyPack[], questions = blindSetQuestions()): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pack of packs) {
    const folded = pack.passages.map((p) => fold(p.text));
    const byPassage = new Map<number, string[]>();
    for (const q of questions) {
      // a question's own words only: long pasted context is not how a passage is asked about
      if (q.policy !== pack.id || q.phrases.length === 0 || q.question.length > 300) continue;
      const at = folded.findIndex((t) => q.phrases.some((ph) => t.includes(fold(ph))));
      if (at < 0) continue;
      const list = byPassage.get(at) ?? [];
      if (!list.includes(q.question)) list.push(q.question);
      byPassage.set(at, list);
    }
    const lines = [...byPassage.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([at, qs]) => JSON.stringify({ passage: pack.passages[at].id, questions: qs }));
    out.set(pack.id, lines);
  }
  return out;
}

if (require.main === module) {
  // the packs without their synthetic questions (they are rebuilt here)
  const packs = loadPacks(policyDirs(), { synthetic: false });
  const built = syntheticQuestions(packs);
  let total = 0;
  for (const [id, lines] of built) {
    const n = lines.reduce((s, l) => s + (JSON.parse(l) as { questions: string[] }).questions.length, 0);
    total += n;
    console.log(`${id}: ${n} questions on ${lines.length} passages`);
    if (process.argv.includes("--write")) fs.writeFileSync(path.join(projectRoot(), "policies", id, SYNTHETIC_QUESTIONS_FILE), lines.join("\n") + "\n");
  }
  console.log(`${total} questions${process.argv.includes("--write") ? " written" : ""}`);
}
