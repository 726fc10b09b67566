// Images checked per second (detectProvenance on in-memory bytes) for ~2 MB JPEGs
// and PNGs, plain, with XMP, and with a real C2PA manifest spliced in; beside the peer
// exifr reading the same files' EXIF/XMP/IPTC/PNG text (it cannot read C2PA at all).
// Run: npm run bench (all benches) or `npx tsx bench/images.bench.ts`.
import * as fs from "node:fs";
import * as path from "node:path";
import sharp from "sharp";
import exifr from "exifr";
import { detectProvenance } from "../src/images";
import { labelXmp } from "../src/images/labelled-copy";
import { projectRoot } from "../src/project-root";

/** deterministic RGB noise (a linear congruential generator), so runs compare */
function noise(width: number, height: number, seed: number): Buffer {
  const b = Buffer.alloc(width * height * 3);
  let x = seed >>> 0;
  for (let i = 0; i < b.length; i++) {
    x = (x * 1664525 + 1013904223) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

/** the APP11 segments of a JPEG (its C2PA manifest), to splice into another JPEG */
function app11Segments(jpeg: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 2;
  while (pos + 4 <= jpeg.length && jpeg[pos] === 0xff && jpeg[pos + 1] !== 0xda) {
    const len = jpeg.readUInt16BE(pos + 2);
    if (jpeg[pos + 1] === 0xeb) parts.push(jpeg.subarray(pos, pos + 2 + len));
    pos += 2 + len;
  }
  return Buffer.concat(parts);
}

/** the caBX chunk (length, type, data, CRC) of a PNG */
function cabxChunk(png: Buffer): Buffer {
  let pos = 8;
  while (pos + 8 <= png.length) {
    const len = png.readUInt32BE(pos);
    if (png.toString("latin1", pos + 4, pos + 8) === "caBX") return png.subarray(pos, pos + 12 + len);
    pos += 12 + len;
  }
  throw new Error("no caBX chunk");
}

/** the peer: exifr parsing every metadata block it knows (async), per second */
async function peerRate(bytes: Buffer, minMs = 1500): Promise<number> {
  const opts = { xmp: true, iptc: true, ihdr: true, exif: true, tiff: true, icc: false, mergeOutput: false };
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs || runs < 20) {
    await exifr.parse(bytes, opts).catch(() => undefined);
    runs++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (runs * 1000) / elapsed;
}

function rate(bytes: Buffer, minMs = 1500): { perSecond: number; runs: number } {
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs || runs < 20) {
    detectProvenance(bytes);
    runs++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return { perSecond: (runs * 1000) / elapsed, runs };
}

export default async function imagesBench() {
  const real = path.join(projectRoot(), "test", "fixtures", "images", "real");
  const firefly = fs.readFileSync(path.join(real, "adobe-firefly-photoshop_c2pa.jpg"));
  const cabxPng = fs.readFileSync(path.join(real, "c2pa-rs_100kb-signed_caBX.png"));

  const jpegW = 1900, jpegH = 1300; // ~2 MB at quality 85 for noise
  const pngSide = 820; // 820 x 820 x 3 noise ~ 2 MB
  const rawJ = { raw: { width: jpegW, height: jpegH, channels: 3 as const } };
  const rawP = { raw: { width: pngSide, height: pngSide, channels: 3 as const } };
  const jpeg = await sharp(noise(jpegW, jpegH, 1), rawJ).jpeg({ quality: 85 }).toBuffer();
  const jpegXmp = await sharp(noise(jpegW, jpegH, 1), rawJ).jpeg({ quality: 85 }).withXmp(labelXmp("AI")).toBuffer();
  const jpegC2pa = Buffer.concat([jpeg.subarray(0, 2), app11Segments(firefly), jpeg.subarray(2)]);
  const png = await sharp(noise(pngSide, pngSide, 2), rawP).png({ compressionLevel: 1 }).toBuffer();
  const pngXmp = await sharp(noise(pngSide, pngSide, 2), rawP).png({ compressionLevel: 1 }).withXmp(labelXmp("AI")).toBuffer();
  const pngC2pa = Buffer.concat([png.subarray(0, 33), cabxChunk(cabxPng), png.subarray(33)]); // after IHDR

  const cases: Array<[string, Buffer]> = [
    ["jpeg plain", jpeg], ["jpeg + XMP (IPTC)", jpegXmp], ["jpeg + C2PA (Firefly, 5 APP11)", jpegC2pa],
    ["png plain", png], ["png + XMP (IPTC)", pngXmp], ["png + C2PA (caBX)", pngC2pa],
  ];
  const results: Array<{ name: string; bytes: number; perSecond: number; verdict: string; peerPerSecond: number; ratio: number }> = [];
  for (const [name, bytes] of cases) {
    const ours = rate(bytes).perSecond;
    const peer = await peerRate(bytes);
    results.push({ name, bytes: bytes.length, verdict: detectProvenance(bytes).verdict, perSecond: round(ours), peerPerSecond: round(peer), ratio: Math.round((ours / peer) * 1000) / 1000 });
  }
  return results;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** bench/run.ts entry */
export const run = imagesBench;

if (require.main === module) {
  imagesBench().then((r) => console.log(JSON.stringify(r, null, 2))).catch((err) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = 1;
  });
}
