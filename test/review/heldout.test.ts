// The engine on held-out sets of realistic drafts written apart from the dev set (fixtures/*.jsonl,
// same format and matching as ../shared/eval/score.mjs). Thresholds sit a little under what the engine
// reached, so a change that makes it generalise worse fails here.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { reviewDraft } from "../../src/review";
import { projectRoot } from "../../src/project-root";
import { bankAccountValid } from "../../src/review/checksums";

interface Span { type: string; start: number; end: number }
interface Item { id: string; text: string; verdict: "block" | "ok"; entities: Span[]; categories: string[] }

const SPAN_TYPES = new Set(["PERSONNUMMER", "PERSON_NAME", "EMAIL", "PHONE", "ADDRESS", "BANK_ACCOUNT", "PAYMENT_CARD", "IP_ADDRESS", "CREDENTIAL", "LICENSE_PLATE"]);
const CATEGORY_TYPES = new Set(["HEALTH", "SPECIAL_CATEGORY", "SECRECY"]);

function readSet(file: string): Item[] {
  return readFileSync(join(projectRoot(), "test", "review", "fixtures", file), "utf8")
    .split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Item);
}

interface Floors { f1: number; blockRecall: number; falseBlocks: number; categoryRecall: number; leaks: number }

// heldout: written apart from the dev set. blind, blind2, blind3: written by helpers who saw neither the
// engine nor an evaluation set, each measured first on the engine before the round it was written for
// (blind3, stop 14: F1 0.889, block recall 0.875, false blocks 0.333, category recall 0.619, 9 leaks)
const SETS: Array<[string, Floors]> = [
  ["heldout.jsonl", { f1: 0.96, blockRecall: 1, falseBlocks: 0.08, categoryRecall: 0.95, leaks: 2 }],
  ["blind.jsonl", { f1: 0.98, blockRecall: 1, falseBlocks: 0.1, categoryRecall: 0.95, leaks: 1 }],
  ["blind2.jsonl", { f1: 0.94, blockRecall: 1, falseBlocks: 0.25, categoryRecall: 0.9, leaks: 12 }],
  ["blind3.jsonl", { f1: 0.96, blockRecall: 1, falseBlocks: 0.1, categoryRecall: 0.95, leaks: 2 }],
  // blind4 (stop 14, written after the round on blind3 to measure it): first run F1 0.882 (0.87 on the stop's
  // starting engine), block recall 0.90 (0.90), false blocks 0.20 (0.25), category recall 0.813 (0.813), 6 leaks (7)
  ["blind4.jsonl", { f1: 0.92, blockRecall: 0.96, falseBlocks: 0.05, categoryRecall: 0.93, leaks: 5 }],
  // blind5 (stop 15: names of many origins, chat desks, anonymised labels, sole traders, social services): first run
  // F1 0.824, block recall 1.0, false blocks 0.20, category recall 0.80, leaks 9; after the round 0.925 / 1.0 / 0.05 / 0.867 / 5
  ["blind5.jsonl", { f1: 0.91, blockRecall: 1, falseBlocks: 0.05, categoryRecall: 0.86, leaks: 5 }],
  // blind6 (40, written after the round on blind5 to measure it): first run F1 0.933 (0.905 on the stop's starting engine),
  // block recall 0.917 (0.917), false blocks 0.313 (0.375), category recall 0.80 (0.667), leaks 3 (4); after three fixes
  // 0.955 / 0.958 / 0.188 / 0.80 / 2 (Emil i Lönneberga, a prime minister and a described patient's diagnosis left)
  ["blind6.jsonl", { f1: 0.95, blockRecall: 0.95, falseBlocks: 0.19, categoryRecall: 0.8, leaks: 2 }],
  // blind7 (50, stop 16: chat logs in several formats, names that are words, a history lesson, a book review,
  // assistants, statistics, a described security weakness): first run F1 0.86, block recall 0.967, false blocks 0.30,
  // category recall 0.889, leaks 11; after the round 0.936 / 1.0 / 0.05 / 0.944 / 4
  ["blind7.jsonl", { f1: 0.93, blockRecall: 1, falseBlocks: 0.05, categoryRecall: 0.94, leaks: 4 }],
  // blind8 (50, written after the round on blind7 to measure it): first run F1 0.917 (0.89 on the stop's starting
  // engine), block recall 0.967 (0.967), false blocks 0.05 (0.15), category recall 0.842 (0.842), leaks 10 (12);
  // after four fixes (a quoted work's title, text kept to a closed circle, "K. Andersson", "(070) …") 0.944 / 1.0 / 0 / 0.947 / 7
  ["blind8.jsonl", { f1: 0.93, blockRecall: 1, falseBlocks: 0.05, categoryRecall: 0.94, leaks: 7 }],
  // blind9 (50, stop 17: mail headers, system senders in logs, tables of plates and accounts, templates with
  // placeholders): first run F1 0.881, block recall 1.0, false blocks 0.35, category recall 0.957, leaks 14; after
  // four fixes (header labels, a month's short form, system senders, common first names the lists missed)
  // 0.917 / 1.0 / 0.15 / 0.957 / 13
  ["blind9.jsonl", { f1: 0.91, blockRecall: 1, falseBlocks: 0.15, categoryRecall: 0.95, leaks: 13 }],
  // blind10 (50, stop 18: pasted CSV/TSV tables, chat exports, names of many origins, hard ok drafts): first run F1 0.934
  // (P 0.922, R 0.947), block recall 1.0, false blocks 0.35, category recall 0.938, leaks 8; after two fixes (a table's
  // column headers say what its cells are; a politician named with a party's letters or as a committee's chair)
  // 0.957 / 1.0 / 0.30 / 0.938 / 4; then authors cited with a year warn (tuned on the retired set): false blocks 0.25
  ["blind10.jsonl", { f1: 0.95, blockRecall: 1, falseBlocks: 0.25, categoryRecall: 0.93, leaks: 4 }],
];

for (const [file, floors] of SETS) {
  const items = readSet(file);
  describe(`review engine on ${file}`, () => {
    let tp = 0, fp = 0, fn = 0, blocks = 0, caught = 0, oks = 0, falseBlocks = 0, cats = 0, catHits = 0, leaks = 0;
    before(() => {
      const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
      for (const it of items) {
        const r = reviewDraft(it.text);
        const spans = r.findings.filter((f) => SPAN_TYPES.has(f.type));
        for (const t of SPAN_TYPES) {
          const g = it.entities.filter((e) => e.type === t), p = spans.filter((f) => f.type === t);
          const gh = g.filter((e) => p.some((f) => overlap(e, f))).length;
          tp += gh; fn += g.length - gh; fp += p.filter((f) => !g.some((e) => overlap(e, f))).length;
        }
        const blocked = r.verdict === "block";
        if (it.verdict === "block") { blocks++; if (blocked) caught++; } else { oks++; if (blocked) falseBlocks++; }
        const found = new Set(r.findings.filter((f) => CATEGORY_TYPES.has(f.type)).map((f) => f.type as string));
        for (const c of it.categories) { cats++; if (found.has(c)) catHits++; }
        for (const e of it.entities) if (r.redacted.includes(it.text.slice(e.start, e.end))) leaks++;
      }
    });

    it("holds enough drafts of both kinds to mean something", () => {
      assert.ok(items.length >= 40);
      assert.ok(items.filter((i) => i.verdict === "ok").length / items.length >= 0.25);
    });
    it(`finds the spans (F1 >= ${floors.f1})`, () => {
      const p = tp / (tp + fp), r = tp / (tp + fn);
      assert.ok(2 * p * r / (p + r) >= floors.f1, `span F1 ${(2 * p * r / (p + r)).toFixed(3)} (p ${p.toFixed(3)}, r ${r.toFixed(3)})`);
    });
    it(`blocks the drafts that must be blocked (recall >= ${floors.blockRecall})`, () => assert.ok(caught / blocks >= floors.blockRecall, `${caught} of ${blocks}`));
    it(`rarely blocks an ok draft (<= ${floors.falseBlocks})`, () => assert.ok(falseBlocks / oks <= floors.falseBlocks, `${falseBlocks} of ${oks}`));
    it(`finds the categories (recall >= ${floors.categoryRecall})`, () => assert.ok(catHits / cats >= floors.categoryRecall, `${catHits} of ${cats}`));
    it(`leaves at most ${floors.leaks} gold values in the redacted copies`, () => assert.ok(leaks <= floors.leaks, `${leaks} leaks`));
    it("a second review of every redacted copy finds nothing inside a placeholder and no structured identifier", () => {
      const structured = new Set(["PERSONNUMMER", "EMAIL", "PHONE", "ADDRESS", "BANK_ACCOUNT", "PAYMENT_CARD", "IP_ADDRESS", "CREDENTIAL", "LICENSE_PLATE"]);
      let copies = 0;
      for (const it of items) {
        const first = reviewDraft(it.text);
        if (first.verdict === "ok") continue;
        copies++;
        const placeholders = [...first.redacted.matchAll(/\[[A-Z_]+ \d+\]/g)].map((m) => [m.index!, m.index! + m[0].length]);
        for (const f of reviewDraft(first.redacted).findings) {
          assert.ok(!placeholders.some(([s, e]) => f.start < e && f.end > s), `${it.id}: ${f.type} inside a placeholder`);
          assert.ok(!structured.has(f.type), `${it.id}: ${f.type} left in the copy`);
        }
      }
      assert.ok(copies >= 20);
    });
  });
}

describe("bank account checksum rules", () => {
  it("accepts accounts valid by their bank's rule and rejects one digit off", () => {
    // Swedbank (8xxx, mod 10 on the account), Handelsbanken (mod 11 on 9 digits), SEB (type 1 comment 1)
    for (const [c, a] of [["8327", "9145528734"], ["6152", "314482016"], ["5231", "4488121"]] as const) {
      assert.equal(bankAccountValid(c, a), true, `${c} ${a}`);
      const off = a.slice(0, -1) + String((Number(a.at(-1)) + 1) % 10);
      assert.equal(bankAccountValid(c, off), false, `${c} ${off}`);
    }
  });
  it("does not judge an unknown clearing number", () => assert.equal(bankAccountValid("0480", "4512330"), null));
});
