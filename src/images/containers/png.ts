// PNG chunk walker: caBX (C2PA), iTXt/tEXt/zTXt (XMP and generator parameters), eXIf.
import { inflateSync } from "node:zlib";
import { emptyExtracted, Extracted, LIMITS, latin1Text, startsWithAscii, utf8Text } from "./extracted";

const XMP_KEYWORD = "XML:com.adobe.xmp";

export function walkPng(bytes: Uint8Array): Extracted {
  const out = emptyExtracted("png");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let chunks = 0;
  let ended = false;
  while (pos + 8 <= bytes.length) {
    if (++chunks > LIMITS.segments) {
      out.problem = { kind: "corrupt", detail: `more than ${LIMITS.segments} chunks` };
      return out;
    }
    const len = view.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4], bytes[pos + 5], bytes[pos + 6], bytes[pos + 7]);
    if (len > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) {
      out.problem = { kind: "corrupt", detail: `bad chunk header at byte ${pos}` };
      return out;
    }
    if (pos + 12 + len > bytes.length) break; // chunk runs past the end
    const data = bytes.subarray(pos + 8, pos + 8 + len);
    pos += 12 + len; // length + type + data + CRC (the CRC is not checked: speed, and a bad CRC does not hide metadata)

    if (type === "IEND") { ended = true; break; }
    if (type === "caBX") out.jumbf.push(data);
    else if (type === "eXIf") out.exif.push(data);
    else if (type === "tEXt" || type === "zTXt" || type === "iTXt") {
      const chunk = readText(type, data);
      if (!chunk) continue;
      if (chunk.keyword === XMP_KEYWORD) out.xmp.push(chunk.text);
      else if (out.text.length < LIMITS.textChunks) out.text.push(chunk);
    }
  }
  if (!ended) out.problem = { kind: "truncated", detail: `file ends at byte ${bytes.length} before IEND` };
  return out;
}

function readText(type: string, data: Uint8Array): { keyword: string; text: string } | undefined {
  const nul = data.indexOf(0);
  if (nul < 1 || nul > 79) return undefined;
  const keyword = latin1Text(data.subarray(0, nul));
  // tEXt/zTXt are Latin-1 by the PNG spec, but XMP is always UTF-8 (libvips stores it in zTXt)
  const decode = keyword === XMP_KEYWORD ? utf8Text : latin1Text;
  if (type === "tEXt") return { keyword, text: decode(data.subarray(nul + 1)) };
  if (type === "zTXt") {
    const raw = inflate(data.subarray(nul + 2));
    return raw ? { keyword, text: decode(raw) } : undefined;
  }
  // iTXt: keyword\0 flag method lang\0 translated\0 text
  if (nul + 3 > data.length) return undefined;
  const compressed = data[nul + 1] === 1;
  const langEnd = data.indexOf(0, nul + 3);
  if (langEnd < 0) return undefined;
  const transEnd = data.indexOf(0, langEnd + 1);
  if (transEnd < 0) return undefined;
  const body = data.subarray(transEnd + 1);
  const raw = compressed ? inflate(body) : body;
  return raw ? { keyword, text: utf8Text(raw) } : undefined;
}

/** inflates with an output cap: a 1 KB zTXt must not become a 1 GB string */
function inflate(b: Uint8Array): Uint8Array | undefined {
  try {
    return inflateSync(b, { maxOutputLength: LIMITS.textBytes });
  } catch {
    return undefined; // damaged or oversized text: skip it, the rest of the file still counts
  }
}

export function isPng(bytes: Uint8Array): boolean {
  return startsWithAscii(bytes, 0, "\x89PNG\r\n\x1a\n");
}
