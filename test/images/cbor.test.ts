import assert from "node:assert/strict";
import { CborError, decodeCbor } from "../../src/images/cbor";

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ""), "hex");

describe("images: CBOR decoder", () => {
  it("decodes the RFC 8949 appendix A examples it needs", () => {
    assert.equal(decodeCbor(hex("00")), 0);
    assert.equal(decodeCbor(hex("1903e8")), 1000);
    assert.equal(decodeCbor(hex("3863")), -100);
    assert.equal(decodeCbor(hex("1b000000e8d4a51000")), 1000000000000);
    assert.equal(decodeCbor(hex("1bffffffffffffffff")), 18446744073709551615n);
    assert.equal(decodeCbor(hex("f93c00")), 1.0);
    assert.equal(decodeCbor(hex("fb3ff199999999999a")), 1.1);
    assert.equal(decodeCbor(hex("f5")), true);
    assert.equal(decodeCbor(hex("f6")), null);
    assert.equal(decodeCbor(hex("6449455446")), "IETF");
    assert.equal(decodeCbor(hex("62c3bc")), "ü");
    assert.deepEqual(decodeCbor(hex("83010203")), [1, 2, 3]);
    assert.deepEqual({ ...(decodeCbor(hex("a26161016162820203")) as object) }, { a: 1, b: [2, 3] });
    assert.deepEqual(decodeCbor(hex("9f018202039f0405ffff")), [1, [2, 3], [4, 5]]);
    assert.equal(decodeCbor(hex("7f657374726561646d696e67ff")), "streaming");
    assert.deepEqual([...(decodeCbor(hex("4401020304")) as Uint8Array)], [1, 2, 3, 4]);
    assert.equal(decodeCbor(hex("c074323031332d30332d32315432303a30343a30305a")), "2013-03-21T20:04:00Z"); // tag 0
  });

  it("rejects lengths beyond the data before allocating", () => {
    assert.throws(() => decodeCbor(hex("5affffffff")), CborError); // 4 GB byte string
    assert.throws(() => decodeCbor(hex("9b00000000ffffffff")), CborError); // 4 billion items
    assert.throws(() => decodeCbor(hex("bb7fffffffffffffff")), CborError);
    assert.throws(() => decodeCbor(hex("8301")), CborError); // array of 3, one present
    assert.throws(() => decodeCbor(hex("")), CborError);
  });

  it("caps nesting depth and item count", () => {
    assert.throws(() => decodeCbor(Buffer.alloc(100_000, 0x81)), /nested deeper/);
    assert.throws(() => decodeCbor(Buffer.concat([hex("9f"), Buffer.alloc(300_000, 0x80), hex("ff")])), /more than/);
  });

  it("map keys from the file cannot reach Object.prototype", () => {
    const v = decodeCbor(hex("a1695f5f70726f746f5f5fa1617801")) as Record<string, unknown>; // {"__proto__": {x: 1}}
    assert.equal(({} as Record<string, unknown>).x, undefined);
    assert.ok(Object.prototype.hasOwnProperty.call(v, "__proto__"));
  });
});
