// WebP (RIFF) chunk walker: C2PA, XMP and EXIF chunks.
import { emptyExtracted, Extracted, LIMITS, startsWithAscii, utf8Text } from "./extracted";

export function walkWebp(bytes: Uint8Array): Extracted {
  const out = emptyExtracted("webp");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = 8 + view.getUint32(4, true);
  const end = Math.min(declared, bytes.length);
  let pos = 12;
  let chunks = 0;
  while (pos + 8 <= end) {
    if (++chunks > LIMITS.segments) {
      out.problem = { kind: "corrupt", detail: `more than ${LIMITS.segments} chunks` };
      return out;
    }
    const type = String.fromCharCode(bytes[pos], bytes[pos + 1], bytes[pos + 2], bytes[pos + 3]);
    const len = view.getUint32(pos + 4, true);
    if (pos + 8 + len > end) {
      out.problem = { kind: "truncated", detail: `chunk "${type.replace(/[^\x20-\x7e]/g, "?")}" at byte ${pos} runs past the end` };
      return out;
    }
    const data = bytes.subarray(pos + 8, pos + 8 + len);
    pos += 8 + len + (len & 1); // chunks are padded to even length
    if (type === "C2PA") out.jumbf.push(data);
    else if (type === "XMP ") out.xmp.push(utf8Text(data));
    else if (type === "EXIF") out.exif.push(startsWithAscii(data, 0, "Exif\0\0") ? data.subarray(6) : data);
  }
  if (declared > bytes.length) out.problem = { kind: "truncated", detail: `RIFF says ${declared} bytes, file has ${bytes.length}` };
  return out;
}
