// Damaged, truncated, huge, empty and odd files: always a clear result, never a throw,
// and memory that does not grow with the file.
import assert from "node:assert/strict";
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { detectProvenance, type ProvenanceResult } from "../../src/images";
import { fixture, fixtureNames } from "./fixtures";

const VERDICTS = new Set(["ai", "likely", "unknown"]);

function checkShape(r: ProvenanceResult): void {
  assert.ok(VERDICTS.has(r.verdict));
  assert.ok(Array.isArray(r.evidence) && Array.isArray(r.notes));
  assert.equal(typeof r.format, "string");
  for (const e of r.evidence) assert.ok(e.detail.length <= 300);
}

function safeDetect(b: Uint8Array): ProvenanceResult {
  const r = detectProvenance(b); // must not throw: a throw fails the test with its stack
  checkShape(r);
  return r;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, data, Buffer.alloc(4)]); // CRC is not checked by the walker
}

const PNG_SIG = Buffer.from("\x89PNG\r\n\x1a\n", "latin1");
const IHDR = pngChunk("IHDR", Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
const IEND = pngChunk("IEND", Buffer.alloc(0));

describe("images: robustness", () => {
  const samples = fixtureNames("real").map((n) => ({ name: n, bytes: fixture(`real/${n}`) }));

  it("a zero-byte file: unknown, format unknown, note empty-file", () => {
    const r = safeDetect(new Uint8Array(0));
    assert.equal(r.verdict, "unknown");
    assert.equal(r.format, "unknown");
    assert.deepEqual(r.notes, ["empty-file"]);
    assert.ok(r.error);
  });

  it("non-image bytes (text, PDF, zip): format unknown with an explanation", () => {
    for (const s of ["hello world", "%PDF-1.7\n", "PK\x03\x04....", "\xff\xd8"]) {
      const r = safeDetect(Buffer.from(s, "latin1"));
      assert.equal(r.format, "unknown");
      assert.deepEqual(r.notes, ["unrecognised-format"]);
    }
  });

  it("every prefix up to 3000 bytes of every sample, then 150 spread over the whole file", function () {
    this.timeout(120_000);
    for (const { name, bytes } of samples) {
      const lengths = new Set<number>();
      for (let n = 0; n <= Math.min(3000, bytes.length); n++) lengths.add(n);
      for (let i = 0; i <= 150; i++) lengths.add(Math.floor((bytes.length * i) / 150));
      for (const n of lengths) {
        const r = safeDetect(bytes.subarray(0, n));
        if (n < bytes.length && (r.format === "png" || r.format === "webp")) {
          assert.ok(r.notes.includes("truncated") || r.notes.includes("corrupt"), `${name} cut at ${n}: ${r.notes}`);
        }
      }
    }
  });

  it("a cut-off C2PA JPEG still says truncated, and never claims more than the whole file", () => {
    const bytes = fixture("real/adobe-firefly-photoshop_c2pa.jpg");
    const r = safeDetect(bytes.subarray(0, 40_000)); // inside the 5 APP11 segments
    assert.ok(r.notes.includes("truncated"));
    assert.equal(r.format, "jpeg");
  });

  it("random corruption of the samples (fast-check): no throw", function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }),
        ({ bytes }, edits) => {
          const copy = Buffer.from(bytes);
          for (const [at, v] of edits) copy[at % copy.length] = v;
          safeDetect(copy);
        },
      ),
      { numRuns: 400, seed: 20250601 },
    );
  });

  it("corruption focused on the metadata region (first 64 KB): no throw", function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 }), ({ bytes }, at, junk) => {
        const copy = Buffer.from(bytes);
        const start = at % Math.min(copy.length, 65536);
        copy.set(junk.subarray(0, copy.length - start), start);
        safeDetect(copy);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it("random bytes behind each recognised signature: no throw", () => {
    const heads = ["\xff\xd8\xff", "\x89PNG\r\n\x1a\n", "RIFF\xff\xff\xff\x7fWEBP", "GIF89a", "II*\0", "\0\0\0\x18ftypheic", "BM"];
    fc.assert(
      fc.property(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 4096 }), (head, tail) => {
        safeDetect(Buffer.concat([Buffer.from(head, "latin1"), tail]));
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it("lying lengths: a PNG chunk of 2 GB, a JPEG APP11 box claiming more than its segment", () => {
    const huge = Buffer.concat([PNG_SIG, IHDR, Buffer.from([0x7f, 0xff, 0xff, 0xff]), Buffer.from("tEXt"), Buffer.from("abc")]);
    const r = safeDetect(huge);
    assert.equal(r.format, "png");
    assert.ok(r.notes.includes("truncated"));

    // APP11: JP, En=1, Z=1, then a "jumb" box whose LBox says 1 GB
    const box = Buffer.concat([Buffer.from([0x40, 0, 0, 0]), Buffer.from("jumb"), Buffer.alloc(20)]);
    const seg = Buffer.concat([Buffer.from("JP"), Buffer.from([0, 1, 0, 0, 0, 1]), box]);
    const app11 = Buffer.concat([Buffer.from([0xff, 0xeb, (seg.length + 2) >> 8, (seg.length + 2) & 0xff]), seg]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), app11, Buffer.from([0xff, 0xda, 0, 2, 0xff, 0xd9])]);
    const j = safeDetect(jpeg);
    assert.equal(j.format, "jpeg");
    assert.equal(j.verdict, "unknown");
  });

  it("a zTXt decompression bomb is capped, and the file still gets its verdict", () => {
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x41)); // 64 MB of "A" in ~64 KB
    const ztxt = pngChunk("zTXt", Buffer.concat([Buffer.from("Comment\0\0", "latin1"), bomb]));
    const sd = pngChunk("tEXt", Buffer.from("parameters\0a cat\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1", "latin1"));
    const before = process.memoryUsage();
    const r = safeDetect(Buffer.concat([PNG_SIG, IHDR, ztxt, sd, IEND]));
    const grew = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - before.heapUsed - before.arrayBuffers;
    assert.equal(r.verdict, "ai");
    assert.ok(grew < 48 * 1024 * 1024, `grew ${grew}`);
  });

  it("a caBX chunk of 200 nested JUMBF superboxes: unreadable, not a crash", () => {
    let box = Buffer.concat([Buffer.from([0, 0, 0, 8]), Buffer.from("cbor")]);
    for (let i = 0; i < 200; i++) {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(box.length + 8);
      box = Buffer.concat([len, Buffer.from("jumb"), box]);
    }
    const r = safeDetect(Buffer.concat([PNG_SIG, IHDR, pngChunk("caBX", box), IEND]));
    assert.equal(r.verdict, "unknown");
    assert.ok(r.notes.includes("c2pa-unreadable"), String(r.notes));
  });

  describe("50 MB files", function () {
    this.timeout(60_000);
    const MB50 = 50 * 1024 * 1024;

    function measure(make: () => Buffer): { r: ProvenanceResult; grew: number } {
      const bytes = make();
      const before = process.memoryUsage();
      const r = safeDetect(bytes);
      const after = process.memoryUsage();
      return { r, grew: after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers };
    }

    it("a 50 MB PNG (one huge IDAT, metadata after it) is read to the end with bounded memory", () => {
      const { r, grew } = measure(() => {
        const idat = pngChunk("IDAT", Buffer.alloc(MB50, 7));
        const sd = pngChunk("tEXt", Buffer.from("parameters\0Steps: 30, Sampler: DPM++ 2M, CFG scale: 7, Seed: 9, Model: sdxl", "latin1"));
        return Buffer.concat([PNG_SIG, IHDR, idat, sd, IEND]);
      });
      assert.equal(r.verdict, "ai");
      assert.equal(r.generator, "Stable Diffusion");
      assert.ok(grew < 32 * 1024 * 1024, `memory grew by ${grew} bytes`);
    });

    it("a 50 MB JPEG-headed file of noise: jpeg, unknown, with the damage named", () => {
      const { r, grew } = measure(() => {
        const b = Buffer.alloc(MB50);
        let x = 12345;
        for (let i = 0; i < b.length; i += 4) { x = (x * 1103515245 + 12345) >>> 0; b.writeUInt32LE(x, i); }
        b.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 0);
        return b;
      });
      assert.equal(r.format, "jpeg");
      assert.equal(r.verdict, "unknown");
      assert.ok(r.notes.includes("corrupt") || r.notes.includes("truncated"));
      assert.ok(grew < 32 * 1024 * 1024, `memory grew by ${grew} bytes`);
    });

    it("50 MB of zeros and a 50 MB WebP with C2PA after the bitstream", () => {
      assert.equal(measure(() => Buffer.alloc(MB50)).r.format, "unknown");
      const { r, grew } = measure(() => {
        const dalle = fixture("real/openai-dalle-chatgpt_c2pa.webp");
        // keep the sample's C2PA chunk, put a 50 MB unknown chunk before it
        const pad = Buffer.alloc(8 + MB50);
        pad.write("JUNK", 0, "latin1");
        pad.writeUInt32LE(MB50, 4);
        const head = Buffer.from("RIFF\0\0\0\0WEBP", "latin1");
        head.writeUInt32LE(4 + pad.length + dalle.length - 12, 4);
        return Buffer.concat([head, pad, dalle.subarray(12)]);
      });
      assert.equal(r.verdict, "ai");
      assert.equal(r.generator, "DALL·E");
      assert.ok(grew < 32 * 1024 * 1024, `memory grew by ${grew} bytes`);
    });
  });
});
