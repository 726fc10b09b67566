// Plain text: UTF-8 (with or without BOM), UTF-16 with a BOM, and Windows-1252/Latin-1
// for files that are not valid UTF-8 (old Notepad files, exports from older systems).
import { DocumentError } from "./errors";

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), true) ?? "";
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const asUtf8 = utf8(bytes, false);
  if (asUtf8 !== undefined) return asUtf8;
  return decodeWindows1252(bytes);
}

// 0x80-0x9F in Windows-1252 (Node's TextDecoder maps them as ISO-8859-1 control codes)
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Windows-1252, a superset of ISO-8859-1 for printable text (what Notepad wrote as "ANSI") */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const codes: number[] = new Array(chunk.length);
    for (let j = 0; j < chunk.length; j++) {
      const b = chunk[j];
      codes[j] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

function utf8(bytes: Uint8Array, hadBom: boolean): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // a BOM says UTF-8: decode leniently rather than guess another encoding
    if (hadBom) return new TextDecoder("utf-8").decode(bytes);
    return undefined;
  }
}

/** text files with NUL bytes are binary files with a .txt name */
export function extractTxt(bytes: Uint8Array): string {
  const text = decodeText(bytes);
  if (text.includes("\u0000")) throw new DocumentError("corrupt");
  return text;
}
