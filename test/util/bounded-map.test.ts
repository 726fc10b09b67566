// The bounded map every input-keyed cache uses: a size bound with the least recently used
// entry dropped first, and an optional time to live. Checked against a plain model.
import assert from "node:assert/strict";
import fc from "fast-check";
import { BoundedMap } from "../../src/util/bounded-map";
import { countWalks } from "../support/walks";

describe("BoundedMap", () => {
  it("never holds more than max: 100 000 keys through a map of 1 000", () => {
    const m = new BoundedMap<string, number>({ max: 1000 });
    for (let i = 0; i < 100_000; i++) {
      m.set(`k${i}`, i);
      assert.ok(m.size <= 1000);
    }
    assert.equal(m.size, 1000);
    assert.equal(m.get("k0"), undefined, "the oldest are gone");
    assert.equal(m.get("k98999"), undefined);
    assert.equal(m.get("k99000"), 99000, "the newest 1 000 are kept");
    assert.equal(m.get("k99999"), 99999);
  });

  it("drops the least recently used: a get or set keeps an entry", () => {
    const m = new BoundedMap<string, number>({ max: 3 });
    m.set("a", 1).set("b", 2).set("c", 3);
    assert.equal(m.get("a"), 1); // a is now the most recent: b goes next
    m.set("d", 4);
    assert.deepEqual(["a", "b", "c", "d"].map((k) => m.get(k)), [1, undefined, 3, 4]);
    m.set("c", 30); // the gets above left the order a, c, d; setting c makes it a, d, c
    m.set("e", 5);
    assert.equal(m.has("a"), false);
    assert.deepEqual(["c", "d", "e"].map((k) => m.get(k)), [30, 4, 5]);
  });

  it("has() does not change recency; delete and clear forget", () => {
    const m = new BoundedMap<string, number>({ max: 2 });
    m.set("a", 1).set("b", 2);
    assert.equal(m.has("a"), true);
    m.set("c", 3); // a was least recently used in spite of has()
    assert.equal(m.has("a"), false);
    assert.equal(m.delete("b"), true);
    assert.equal(m.delete("b"), false);
    assert.equal(m.size, 1);
    m.clear();
    assert.equal(m.size, 0);
  });

  it("keeps undefined and null values apart from absence through has()", () => {
    const m = new BoundedMap<string, string | null>({ max: 2 });
    m.set("n", null);
    assert.equal(m.get("n"), null);
    assert.equal(m.has("n"), true);
  });

  it("with a ttl: an entry is gone ttlMs after it was set, and set drops expired entries at the front", () => {
    let now = 1_000;
    const m = new BoundedMap<string, number>({ max: 100, ttlMs: 60_000, now: () => now });
    m.set("a", 1);
    now += 30_000;
    m.set("b", 2);
    assert.equal(m.get("a"), 1, "a get does not extend the ttl");
    now += 29_999;
    assert.equal(m.has("a"), true);
    now += 1;
    assert.equal(m.has("a"), false, "60 s after its set");
    assert.equal(m.get("a"), undefined);
    assert.equal(m.get("b"), 2);
    m.set("a", 10); // set again: a fresh ttl
    now += 31_000; // b expired, a not
    m.set("c", 3);
    assert.equal(m.size, 2, "b dropped by the set that found it expired at the front");
    assert.deepEqual([m.get("a"), m.get("b"), m.get("c")], [10, undefined, 3]);
  });

  it("no operation walks the map (O(1) each: set, get, has, delete, with and without a ttl)", async () => {
    let now = 0;
    const lru = new BoundedMap<number, number>({ max: 1000 });
    const ttl = new BoundedMap<number, number>({ max: 1000, ttlMs: 50, now: () => now });
    const walks = await countWalks(() => {
      for (let i = 0; i < 20_000; i++) {
        now++;
        for (const m of [lru, ttl]) {
          m.set(i, i);
          m.get(i >> 1);
          m.has(i - 3);
          if (i % 7 === 0) m.delete(i - 5);
        }
      }
    });
    assert.equal(walks, 0);
    assert.ok(lru.size <= 1000 && ttl.size <= 51, `${lru.size} ${ttl.size}`);
  });

  it("refuses a bound that is no bound", () => {
    assert.throws(() => new BoundedMap({ max: 0 }), RangeError);
    assert.throws(() => new BoundedMap({ max: Infinity }), RangeError);
    assert.throws(() => new BoundedMap({ max: 1.5 }), RangeError);
    assert.throws(() => new BoundedMap({ max: 1, ttlMs: 0 }), RangeError);
  });

  it("behaves as an LRU model over random operations", () => {
    type Op = { k: "set"; key: number; v: number } | { k: "get"; key: number } | { k: "has"; key: number } | { k: "delete"; key: number };
    const key = fc.integer({ min: 0, max: 12 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ k: fc.constant("set" as const), key, v: fc.integer() }),
      fc.record({ k: fc.constant("get" as const), key }),
      fc.record({ k: fc.constant("has" as const), key }),
      fc.record({ k: fc.constant("delete" as const), key }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 200 }), (max, ops) => {
        const m = new BoundedMap<number, number>({ max });
        const model: Array<[number, number]> = []; // least recent first
        for (const o of ops) {
          const i = model.findIndex(([k]) => k === o.key);
          if (o.k === "set") {
            if (i >= 0) model.splice(i, 1);
            model.push([o.key, o.v]);
            if (model.length > max) model.shift();
            m.set(o.key, o.v);
          } else if (o.k === "get") {
            const want = i >= 0 ? model[i][1] : undefined;
            if (i >= 0) model.push(model.splice(i, 1)[0]);
            assert.equal(m.get(o.key), want);
          } else if (o.k === "has") {
            assert.equal(m.has(o.key), i >= 0);
          } else {
            if (i >= 0) model.splice(i, 1);
            assert.equal(m.delete(o.key), i >= 0);
          }
          assert.equal(m.size, model.length);
          assert.ok(m.size <= max);
        }
      }),
    );
  });
});
