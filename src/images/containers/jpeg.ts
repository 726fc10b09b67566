// JPEG segment walker: APP1 (EXIF, XMP, extended XMP) and APP11 (C2PA JUMBF, JPEG XT boxes).
import { emptyExtracted, Extracted, LIMITS, startsWithAscii, utf8Text } from "./extracted";

const XMP_ID = "http://ns.adobe.com/xap/1.0/\0";
const XMP_EXT_ID = "http://ns.adobe.com/xmp/extension/\0";

interface Packet { z: number; data: Uint8Array }

export function walkJpeg(bytes: Uint8Array): Extracted {
  const out = emptyExtracted("jpeg");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const packets = new Map<number, Packet[]>(); // APP11 box instance (En) -> packets
  const extended = new Map<string, Array<{ offset: number; data: Uint8Array }>>();
  let pos = 2; // after SOI
  let segments = 0;
  let finished = false;

  while (pos < bytes.length) {
    if (++segments > LIMITS.segments) {
      out.problem = { kind: "corrupt", detail: `more than ${LIMITS.segments} segments` };
      break;
    }
    if (bytes[pos] !== 0xff) {
      out.problem = { kind: "corrupt", detail: `expected a marker at byte ${pos}, found 0x${bytes[pos].toString(16)}` };
      break;
    }
    while (pos < bytes.length && bytes[pos] === 0xff) pos++; // fill bytes
    if (pos >= bytes.length) break;
    const marker = bytes[pos++];
    if (marker === 0xd9) { finished = true; break; } // EOI
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    if (pos + 2 > bytes.length) break;
    const len = view.getUint16(pos);
    if (len < 2) {
      out.problem = { kind: "corrupt", detail: `segment 0x${marker.toString(16)} at byte ${pos - 2} has length ${len}` };
      break;
    }
    if (pos + len > bytes.length) break; // truncated inside a segment
    const data = bytes.subarray(pos + 2, pos + len);
    pos += len;

    if (marker === 0xe1) {
      if (startsWithAscii(data, 0, "Exif\0")) out.exif.push(data.subarray(6));
      else if (startsWithAscii(data, 0, XMP_ID)) out.xmp.push(utf8Text(data.subarray(XMP_ID.length)));
      else if (startsWithAscii(data, 0, XMP_EXT_ID) && data.length >= XMP_EXT_ID.length + 40) {
        // extended XMP: GUID (32) + full length (4) + offset (4) + portion
        const base = XMP_EXT_ID.length;
        const guid = utf8Text(data.subarray(base, base + 32));
        const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
        const offset = dv.getUint32(base + 36);
        const parts = extended.get(guid) ?? [];
        parts.push({ offset, data: data.subarray(base + 40) });
        extended.set(guid, parts);
      }
    } else if (marker === 0xeb && data.length >= 16 && data[0] === 0x4a && data[1] === 0x50) {
      // JPEG XT box in APP11: "JP", En (2), Z (4), then the box (its LBox/TBox repeated in every packet)
      const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
      const en = dv.getUint16(2);
      const z = dv.getUint32(4);
      const list = packets.get(en) ?? [];
      list.push({ z, data: data.subarray(8) });
      packets.set(en, list);
    } else if (marker === 0xda) {
      finished = true; // start of scan: metadata segments come before it
      break;
    }
  }
  if (!finished && !out.problem) out.problem = { kind: "truncated", detail: `file ends at byte ${bytes.length} before the image data` };

  for (const list of packets.values()) {
    const box = reassemble(list);
    if (box && startsWithAscii(box, 4, "jumb")) out.jumbf.push(box);
  }
  for (const parts of extended.values()) {
    parts.sort((a, b) => a.offset - b.offset);
    let total = 0;
    const kept: Uint8Array[] = [];
    for (const p of parts) {
      if (total + p.data.length > LIMITS.textBytes) break;
      kept.push(p.data);
      total += p.data.length;
    }
    out.xmp.push(kept.map((k) => utf8Text(k)).join(""));
  }
  return out;
}

/**
 * Joins the packets of one APP11 box instance in sequence order. The first packet
 * carries the box header; later ones repeat it (8 bytes, 16 with XLBox) and it is
 * dropped. Sorting by Z instead of expecting Z=1 first also accepts Bing Image
 * Creator's files, which start at Z=0.
 */
function reassemble(list: Packet[]): Uint8Array | undefined {
  list.sort((a, b) => a.z - b.z);
  const parts: Uint8Array[] = [];
  let total = 0;
  list.forEach((p, i) => {
    let d = p.data;
    if (i > 0) {
      const lbox = d.length >= 4 ? new DataView(d.buffer, d.byteOffset, d.byteLength).getUint32(0) : 0;
      d = d.subarray(lbox === 1 ? 16 : 8);
    }
    parts.push(d);
    total += d.length;
  });
  if (total === 0) return undefined;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
