// Each pack with and without its own questions.jsonl and synthetic-questions.jsonl (wordings of
// what its passages answer): what an organisation's own pack, which has none, gets from the
// engine alone. Hit@1 / hit@3 over the pack's lines of the public dev set and heldout.jsonl (the
// retired blind sets are in synthetic-questions.jsonl, so they would measure nothing here).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { projectRoot } from "../src/project-root";
import { builtInPolicyDir, loadPacks, QUESTIONS_FILE, SYNTHETIC_QUESTIONS_FILE } from "../src/policy/pack-loader";
import { createPolicyLibrary } from "../src/policy/library";
import type { PolicyLibrary } from "../src/policy/types";

interface Line {
  policy: string;
  question: string;
  phrases: string[];
}

const norm = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");

function read(file: string): Line[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { policy: string; question: string; expect?: { phrases?: string[] }; must_mention?: string[] })
    .map((x) => ({ policy: x.policy, question: x.question, phrases: x.expect?.phrases ?? x.must_mention ?? [] }))
    .filter((x) => x.phrases.length > 0);
}

function score(lib: PolicyLibrary, lines: Line[]): { n: number; hit1: number; hit3: number } {
  let h1 = 0;
  let h3 = 0;
  for (const x of lines) {
    const cits = lib.ask(x.policy, x.question).citations;
    const hit = (k: number) => cits.slice(0, k).some((c) => x.phrases.some((p) => norm(c.quote).includes(norm(p))));
    if (hit(1)) h1++;
    if (hit(3)) h3++;
  }
  const r = (v: number) => Math.round((v / Math.max(1, lines.length)) * 1000) / 1000;
  return { n: lines.length, hit1: r(h1), hit3: r(h3) };
}

export function run() {
  const fixtures = path.join(projectRoot(), "test", "policy", "fixtures");
  const lines = [
    ...read(path.join(projectRoot(), "..", "shared", "eval", "qa-dev.jsonl")),
    ...read(path.join(fixtures, "heldout.jsonl")),
  ];
  const full = createPolicyLibrary(loadPacks([builtInPolicyDir()]));
  const packs: Record<string, { with: ReturnType<typeof score>; without: ReturnType<typeof score> }> = {};
  for (const id of full.ids()) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pack-out-"));
    try {
      fs.cpSync(builtInPolicyDir(), dir, { recursive: true });
      fs.rmSync(path.join(dir, id, QUESTIONS_FILE), { force: true });
      fs.rmSync(path.join(dir, id, SYNTHETIC_QUESTIONS_FILE), { force: true });
      const mine = lines.filter((l) => l.policy === id);
      packs[id] = { with: score(full, mine), without: score(createPolicyLibrary(loadPacks([dir])), mine) };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return packs;
}
