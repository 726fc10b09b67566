// The reranker's feature vectors and the learning of its weights (search/rerank.ts,
// scripts/learn-ranking.ts).
import { strict as assert } from "node:assert";
import { examples, fit, hit1 } from "../../scripts/learn-ranking";
import { FEATURES, rerank } from "../../src/policy/search/rerank";
import { HAND_WEIGHTS, RANKING_WEIGHTS } from "../../src/policy/search/ranking-weights";

describe("policy/search/rerank", () => {
  it("has one weight per feature, hand-set and learned", () => {
    assert.equal(HAND_WEIGHTS.length, FEATURES.length);
    assert.equal(RANKING_WEIGHTS.length, FEATURES.length);
    assert.ok(RANKING_WEIGHTS.every(Number.isFinite));
  });

  it("scores how much of the question each field of a passage holds, weighted by rarity", () => {
    const kinds = new Set<never>();
    const ctx = {
      features: new Map([
        ["a", { concepts: new Set<string>(), kinds, lettered: false }],
        ["b", { concepts: new Set<string>(), kinds, lettered: false }],
      ]),
      fieldStems: new Map([
        ["a", { text: new Set(["kundregist", "chatgpt"]), section: new Set<string>(), context: new Set<string>(), asked: new Set<string>() }],
        ["b", { text: new Set(["chatgpt"]), section: new Set(["kundregist"]), context: new Set<string>(), asked: new Set<string>() }],
      ]),
      concepts: [],
      intents: new Set<never>(),
      groupWeight: () => 0,
      terms: new Map([
        ["kundregist", 1],
        ["chatgpt", 0.3],
      ]),
      termWeight: (t: string) => (t === "kundregist" ? 3 : 1),
      lift: new Map<string, number>(),
      lead: [],
    };
    const [a, b] = rerank(
      [
        { id: "a", bm: 1, rank: 0 },
        { id: "b", bm: 0.5, rank: 1 },
      ],
      ctx,
    );
    const at = (x: number[], f: (typeof FEATURES)[number]) => x[FEATURES.indexOf(f)];
    assert.equal(at(a.x, "textCover"), 1);
    assert.equal(at(b.x, "textCover"), 0.3 / 3.3);
    assert.equal(at(b.x, "sectionCover"), 3 / 3.3);
    assert.equal(at(a.x, "searchRank"), 1);
    assert.equal(at(b.x, "searchRank"), 0.5);
  });

  it("learns weights that put the right candidate first where the hand-set ones do not", () => {
    const j = FEATURES.indexOf("askedCover");
    const vec = (bm: number, asked: number) => FEATURES.map((f, k) => (k === j ? asked : f === "bm" ? bm : 0));
    // the right passage is the one the example questions match, though its words match less
    const asked = Array.from({ length: 20 }, (_, i) => ({ set: "s", policy: "p", x: [vec(1, 0.1), vec(0.7 + i / 100, 0.9)], right: [false, true] }));
    // and where the example questions say nothing, the words decide
    const words = Array.from({ length: 20 }, (_, i) => ({ set: "s", policy: "p", x: [vec(1, 0.5), vec(0.5 + i / 100, 0.5)], right: [true, false] }));
    const data = [...asked, ...words];
    assert.equal(hit1(data, HAND_WEIGHTS), 0.5);
    const w = fit(data, HAND_WEIGHTS);
    assert.equal(hit1(data, w), 1);
    assert.ok(w[j] > 0 && w[FEATURES.indexOf("bm")] > 0);
  });

  it("ships the weights the learning script finds on the project's question sets", function () {
    this.timeout(120_000);
    const { examples: data } = examples();
    assert.ok(data.length > 1000, `${data.length} questions`);
    const learned = fit(data, HAND_WEIGHTS).map((x) => Math.round(x * 1000) / 1000);
    assert.deepEqual(learned, [...RANKING_WEIGHTS], "run `node dist/scripts/learn-ranking.js --write` after changing features or question sets");
    assert.ok(hit1(data, RANKING_WEIGHTS) > hit1(data, HAND_WEIGHTS));
  });
});
