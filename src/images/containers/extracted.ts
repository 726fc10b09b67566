// What a container walker hands to the detector: the metadata blocks, still raw.
import type { ImageFormat } from "../types";

export interface TextChunk {
  /** PNG text keyword (tEXt/zTXt/iTXt), e.g. "parameters", "prompt", "Software" */
  keyword: string;
  text: string;
}

export interface Extracted {
  format: ImageFormat;
  /** XMP packets as text */
  xmp: string[];
  /** TIFF-structured EXIF blocks (starting at the byte-order mark) */
  exif: Uint8Array[];
  /** C2PA JUMBF byte runs (a manifest store superbox each), already reassembled from segments */
  jumbf: Uint8Array[];
  /** PNG text chunks other than XMP */
  text: TextChunk[];
  /** structural damage met while walking; the walk keeps what it found before */
  problem?: { kind: "truncated" | "corrupt"; detail: string };
}

export function emptyExtracted(format: ImageFormat): Extracted {
  return { format, xmp: [], exif: [], jumbf: [], text: [] };
}

/** caps for anything copied or inflated out of a file, so one image cannot take the heap */
export const LIMITS = {
  /** one XMP packet (incl. extended XMP) or text chunk, after inflating */
  textBytes: 4 * 1024 * 1024,
  /** text chunks kept per file */
  textChunks: 256,
  /** container segments/chunks walked per file before giving up */
  segments: 100_000,
} as const;

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");

export function latin1Text(b: Uint8Array): string {
  return latin1.decode(b.length > LIMITS.textBytes ? b.subarray(0, LIMITS.textBytes) : b);
}

export function utf8Text(b: Uint8Array): string {
  return utf8.decode(b.length > LIMITS.textBytes ? b.subarray(0, LIMITS.textBytes) : b);
}

/** true when bytes[at..] starts with the ASCII string s */
export function startsWithAscii(bytes: Uint8Array, at: number, s: string): boolean {
  if (at < 0 || at + s.length > bytes.length) return false;
  for (let i = 0; i < s.length; i++) if (bytes[at + i] !== s.charCodeAt(i)) return false;
  return true;
}
