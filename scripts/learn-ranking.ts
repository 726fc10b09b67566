// Learns the reranker's weights (src/policy/search/rerank.ts) from question–passage pairs:
// the project's own question sets in test/policy/fixtures (written from the policy texts by
// people who saw neither the engine nor the evaluation sets; never the public evaluation
// sets). Each question's candidates are ranked by the engine; a candidate is right when its
// quote holds one of the question's phrases. The weights are found
// by coordinate ascent on hit@1 from the hand-set weights, so a feature the data says little
// about keeps its hand-set value. Reports hit@1 leaving one pack out and one question set out.
//
//   npm run build && node dist/scripts/learn-ranking.js [--write]
import fs from "node:fs";
import path from "node:path";
import { detectLanguage } from "../src/policy/analysis/language";
import { buildEngines } from "../src/policy/library";
import { loadPacks, policyDirs } from "../src/policy/pack-loader";
import { FEATURES } from "../src/policy/search/rerank";
import { HAND_WEIGHTS, RANKING_WEIGHTS } from "../src/policy/search/ranking-weights";
import { projectRoot } from "../src/project-root";
import { BLIND_SET } from "./build-synthetic-questions";

interface Example {
  set: string;
  policy: string;
  /** feature vectors of the candidates and whether each is right */
  x: number[][];
  right: boolean[];
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");

export function trainingSets(dir = path.join(projectRoot(), "test", "policy", "fixtures")): Array<{ set: string; policy: string; question: string; phrases: string[] }> {
  const out: Array<{ set: string; policy: string; question: string; phrases: string[] }> = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort()) {
    for (const line of fs.readFileSync(path.join(dir, file), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const v = JSON.parse(line) as { policy?: string; question?: string; must_mention?: string[]; expect?: { phrases?: string[] } };
      const phrases = v.must_mention ?? v.expect?.phrases ?? [];
      if (v.policy && v.question && phrases.length > 0) out.push({ set: file, policy: v.policy, question: v.question, phrases });
    }
  }
  return out;
}

export function examples(): { examples: Example[]; unreachable: number } {
  const packs = loadPacks(policyDirs());
  // a question is ranked as if unseen: its own set's wordings are taken out of the passages'
  // synthetic questions (scripts/build-synthetic-questions.ts) while its features are computed
  const asked = new Map(packs.flatMap((pack) => pack.passages.map((p) => [p, p.asked] as const)));
  const bySet = new Map<string, ReturnType<typeof trainingSets>>();
  for (const it of trainingSets()) bySet.set(it.set, [...(bySet.get(it.set) ?? []), it]);
  const out: Example[] = [];
  let unreachable = 0;
  for (const [set, items] of bySet) {
    const own = new Set(BLIND_SET.test(set) ? items.map((it) => it.question) : []);
    for (const [p, qs] of asked) p.asked = qs?.filter((q) => !own.has(q));
    const { engines } = buildEngines(packs);
    for (const it of items) {
      const engine = engines.get(it.policy);
      if (!engine) continue;
      // ranked by the hand-set weights, so the candidates do not depend on the weights being learned
      const ranked = engine.retrieve(it.question, detectLanguage(it.question), { limit: 60, weights: HAND_WEIGHTS }).ranked;
      const right = ranked.map((r) => it.phrases.some((p) => fold(r.quote).includes(fold(p))));
      if (!right.some(Boolean)) {
        unreachable++;
        continue;
      }
      out.push({ set: it.set, policy: it.policy, x: ranked.map((r) => r.x!), right });
    }
  }
  for (const [p, qs] of asked) p.asked = qs;
  return { examples: out, unreachable };
}

const dot = (w: readonly number[], x: number[]) => x.reduce((s, v, j) => s + v * w[j], 0);

/** questions whose best right candidate outscores every wrong one, for scores S */
function wins(data: Example[], S: number[][]): number {
  let h = 0;
  for (let e = 0; e < data.length; e++) {
    let right = -Infinity;
    let wrong = -Infinity;
    const s = S[e];
    for (let i = 0; i < s.length; i++) {
      if (data[e].right[i]) right = Math.max(right, s[i]);
      else wrong = Math.max(wrong, s[i]);
    }
    if (right > wrong) h++;
  }
  return h;
}

/** steps tried per weight; large ones let the curated-entry override fall away if the data says so */
const STEPS = [-8, -4, -2, -1, -0.4, -0.2, -0.1, -0.05, -0.02, 0.02, 0.05, 0.1, 0.2, 0.4, 1];
/** no weight but the override's goes beyond this: a feature that rarely fires must not veto */
const MAX_WEIGHT = 2;
/** how well a passage matches the question: more of it never counts against a passage (a negative weight only undoes a correlated feature on the data at hand) */
const MATCHES = new Set<string>(["bm", "cover", "textCover", "sectionCover", "contextCover", "askedCover"]);

/**
 * coordinate ascent on hit@1 (Metzler and Croft's method for a few features): each weight
 * in turn takes the step that wins most questions, until no step wins more
 */
export function fit(data: Example[], prior: readonly number[], rounds = 6): number[] {
  const w = [...prior];
  const S = data.map((ex) => ex.x.map((x) => dot(w, x)));
  const shift = (j: number, d: number) => {
    for (let e = 0; e < data.length; e++) for (let i = 0; i < S[e].length; i++) S[e][i] += d * data[e].x[i][j];
  };
  let best = wins(data, S);
  for (let r = 0; r < rounds; r++) {
    let improved = false;
    for (let j = 0; j < w.length; j++) {
      let step = 0;
      for (const d of STEPS) {
        if (j !== FEATURES.indexOf("faqLead") && Math.abs(w[j] + d) > MAX_WEIGHT) continue;
        if (MATCHES.has(FEATURES[j]) && w[j] + d < 0) continue;
        shift(j, d);
        const v = wins(data, S);
        shift(j, -d);
        if (v > best) {
          best = v;
          step = d;
        }
      }
      if (step !== 0) {
        w[j] += step;
        shift(j, step);
        improved = true;
      }
    }
    if (!improved) break;
  }
  return w;
}

export function hit1(data: Example[], w: readonly number[]): number {
  let h = 0;
  for (const ex of data) {
    const s = ex.x.map((x) => dot(w, x));
    const best = s.indexOf(Math.max(...s));
    if (ex.right[best]) h++;
  }
  return data.length ? h / data.length : 0;
}

function crossValidate(data: Example[], key: (e: Example) => string): { hand: number; learned: number; groups: number } {
  let hand = 0;
  let learned = 0;
  const keys = [...new Set(data.map(key))];
  for (const k of keys) {
    const test = data.filter((e) => key(e) === k);
    const train = data.filter((e) => key(e) !== k);
    const w = fit(train, HAND_WEIGHTS);
    hand += hit1(test, HAND_WEIGHTS) * test.length;
    learned += hit1(test, w) * test.length;
  }
  return { hand: round(hand / data.length), learned: round(learned / data.length), groups: keys.length };
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

if (require.main === module) {
  const { examples: data, unreachable } = examples();
  console.log(`questions ${data.length} (${unreachable} with no right passage among the candidates left out); features ${FEATURES.length}`);
  console.log("leave one pack out:", crossValidate(data, (e) => e.policy));
  console.log("leave one question set out:", crossValidate(data, (e) => e.set));
  const w = fit(data, HAND_WEIGHTS).map((x) => round(x));
  console.log(`all data: hand ${round(hit1(data, HAND_WEIGHTS))}, shipped ${round(hit1(data, RANKING_WEIGHTS))}, learned ${round(hit1(data, w))}`);
  for (let j = 0; j < FEATURES.length; j++) console.log(`  ${FEATURES[j].padEnd(22)} ${String(HAND_WEIGHTS[j]).padStart(6)} → ${w[j]}`);
  if (process.argv.includes("--write")) {
    const file = path.join(projectRoot(), "src", "policy", "search", "ranking-weights.ts");
    const src = fs.readFileSync(file, "utf8").replace(/export const RANKING_WEIGHTS[^;]*;/s, `export const RANKING_WEIGHTS: readonly number[] = [\n  ${w.join(", ")},\n];`);
    fs.writeFileSync(file, src);
    console.log(`wrote ${path.relative(projectRoot(), file)}`);
  }
}
