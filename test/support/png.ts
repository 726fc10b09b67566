// Reads a PNG's header and (for 8-bit RGBA/RGB, non-interlaced) its pixels.
import { inflateSync } from "node:zlib";

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

const SIG = "89504e470d0a1a0a";

export function pngHeader(buf: Buffer): PngInfo {
  if (buf.subarray(0, 8).toString("hex") !== SIG) throw new Error("not a PNG (bad signature)");
  if (buf.toString("ascii", 12, 16) !== "IHDR") throw new Error("PNG without IHDR first");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), bitDepth: buf[24], colorType: buf[25] };
}

/** RGBA pixels of an 8-bit colour type 6 (RGBA) or 2 (RGB) image */
export function pngPixels(buf: Buffer): { info: PngInfo; rgba: Uint8Array } {
  const info = pngHeader(buf);
  if (info.bitDepth !== 8 || (info.colorType !== 6 && info.colorType !== 2)) throw new Error(`unsupported PNG ${JSON.stringify(info)}`);
  const idat: Buffer[] = [];
  for (let p = 8; p < buf.length; ) {
    const len = buf.readUInt32BE(p);
    if (buf.toString("ascii", p + 4, p + 8) === "IDAT") idat.push(buf.subarray(p + 8, p + 8 + len));
    p += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = info.colorType === 6 ? 4 : 3;
  const stride = info.width * bpp;
  const cur = new Uint8Array(info.height * stride);
  for (let y = 0; y < info.height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= bpp ? cur[y * stride + x - bpp] : 0;
      const b = y > 0 ? cur[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? cur[(y - 1) * stride + x - bpp] : 0;
      const paeth = () => {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth();
      cur[y * stride + x] = (v + pred) & 0xff;
    }
  }
  if (bpp === 4) return { info, rgba: cur };
  const rgba = new Uint8Array(info.width * info.height * 4);
  for (let i = 0; i < info.width * info.height; i++) rgba.set([cur[i * 3], cur[i * 3 + 1], cur[i * 3 + 2], 255], i * 4);
  return { info, rgba };
}
