// The container from the first bytes. The file name is never consulted.
import type { ImageFormat } from "./types";
import { startsWithAscii } from "./containers/extracted";

export function sniffFormat(bytes: Uint8Array): ImageFormat {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (startsWithAscii(bytes, 0, "\x89PNG\r\n\x1a\n")) return "png";
  if (bytes.length >= 16 && startsWithAscii(bytes, 0, "RIFF") && startsWithAscii(bytes, 8, "WEBP")) return "webp";
  if (startsWithAscii(bytes, 0, "GIF87a") || startsWithAscii(bytes, 0, "GIF89a")) return "gif";
  if (startsWithAscii(bytes, 0, "II*\0") || startsWithAscii(bytes, 0, "MM\0*")) return "tiff";
  if (bytes.length >= 12 && startsWithAscii(bytes, 4, "ftyp")) {
    const brand = String.fromCharCode(bytes[8], bytes[9], bytes[10], bytes[11]);
    if (brand === "avif" || brand === "avis") return "avif";
    if (["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].includes(brand)) return "heif";
  }
  if (bytes.length >= 26 && startsWithAscii(bytes, 0, "BM")) return "bmp";
  return "unknown";
}
