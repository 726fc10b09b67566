// Formats we recognise but do not walk in full (GIF, TIFF, HEIF/AVIF, BMP): a
// bounded XMP packet scan (XMP was designed to be found this way), TIFF's own
// IFDs for EXIF, and the C2PA "uuid" box at the top level of HEIF/AVIF files.
import type { ImageFormat } from "../types";
import { emptyExtracted, Extracted, LIMITS, startsWithAscii, utf8Text } from "./extracted";

const C2PA_UUID = [0xd8, 0xfe, 0xc3, 0xd6, 0x1b, 0x0e, 0x48, 0x3c, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7e, 0xc4, 0x81];
const XMP_OPEN = Buffer.from("<x:xmpmeta");
const XMP_CLOSE = Buffer.from("</x:xmpmeta>");

export function walkOther(format: ImageFormat, bytes: Uint8Array): Extracted {
  const out = emptyExtracted(format);
  out.xmp.push(...scanXmpPackets(bytes));
  if (format === "tiff") out.exif.push(bytes);
  if (format === "heif" || format === "avif") bmffC2pa(bytes, out);
  return out;
}

/** up to 3 XMP packets found by their opening and closing tags */
export function scanXmpPackets(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: string[] = [];
  let from = 0;
  while (found.length < 3) {
    const start = buf.indexOf(XMP_OPEN, from);
    if (start < 0) break;
    const stop = buf.indexOf(XMP_CLOSE, start);
    if (stop < 0 || stop - start > LIMITS.textBytes) break;
    found.push(utf8Text(bytes.subarray(start, stop + XMP_CLOSE.length)));
    from = stop + XMP_CLOSE.length;
  }
  return found;
}

/** top-level ISO BMFF boxes; the C2PA box is uuid + FullBox header + purpose string (+ 8-byte offset) + JUMBF */
function bmffC2pa(bytes: Uint8Array, out: Extracted): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  let boxes = 0;
  while (pos + 8 <= bytes.length && ++boxes < LIMITS.segments) {
    let size = view.getUint32(pos);
    let header = 8;
    if (size === 1) {
      if (pos + 16 > bytes.length) break;
      const big = view.getBigUint64(pos + 8);
      if (big > BigInt(bytes.length - pos)) break;
      size = Number(big);
      header = 16;
    } else if (size === 0) size = bytes.length - pos;
    if (size < header || pos + size > bytes.length) {
      out.problem = { kind: "truncated", detail: `box at byte ${pos} runs past the end` };
      break;
    }
    if (startsWithAscii(bytes, pos + 4, "uuid") && C2PA_UUID.every((b, i) => bytes[pos + header + i] === b)) {
      const body = bytes.subarray(pos + header + 16 + 4, pos + size);
      // the JUMBF superbox starts within the next few bytes, after the purpose string and offset
      for (let i = 0; i + 8 <= Math.min(body.length, 64); i++) {
        if (startsWithAscii(body, i + 4, "jumb")) { out.jumbf.push(body.subarray(i)); break; }
      }
    }
    pos += size;
  }
}
