// Minimal EXIF (TIFF IFD) reader: the few text tags that name a tool or carry
// generator parameters. Every offset is checked; loops and long IFDs are capped.

export interface ExifText {
  software?: string;
  description?: string;
  make?: string;
  model?: string;
  artist?: string;
  /** EXIF UserComment, decoded (AUTOMATIC1111 writes its parameters here in JPEG/WebP) */
  userComment?: string;
}

const TAGS: Record<number, keyof ExifText> = {
  0x0131: "software",
  0x010e: "description",
  0x010f: "make",
  0x0110: "model",
  0x013b: "artist",
};
const EXIF_IFD = 0x8769;
const USER_COMMENT = 0x9286;
const MAX_ENTRIES = 512;
const MAX_STRING = 64 * 1024;

export function readExifText(tiff: Uint8Array): ExifText {
  const out: ExifText = {};
  if (tiff.length < 8) return out;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return out;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (o: number) => view.getUint16(o, little);
  const u32 = (o: number) => view.getUint32(o, little);
  if (u16(2) !== 42) return out;

  const readIfd = (offset: number, onEntry: (tag: number, type: number, count: number, valueAt: number) => void): void => {
    if (offset < 8 || offset + 2 > tiff.length) return;
    const n = Math.min(u16(offset), MAX_ENTRIES);
    for (let i = 0; i < n; i++) {
      const e = offset + 2 + i * 12;
      if (e + 12 > tiff.length) return;
      const type = u16(e + 2);
      const count = u32(e + 4);
      const size = count * (type === 3 ? 2 : type === 4 ? 4 : 1);
      const valueAt = size <= 4 ? e + 8 : u32(e + 8);
      onEntry(u16(e), type, count, valueAt);
    }
  };

  const bytesAt = (at: number, count: number): Uint8Array | undefined => {
    if (at < 0 || count <= 0 || at >= tiff.length) return undefined;
    return tiff.subarray(at, Math.min(at + Math.min(count, MAX_STRING), tiff.length));
  };

  let exifIfd = 0;
  readIfd(u32(4), (tag, type, count, at) => {
    const key = TAGS[tag];
    if (key && type === 2) {
      const b = bytesAt(at, count);
      if (b) out[key] = ascii(b);
    } else if (tag === EXIF_IFD && type === 4 && count === 1) {
      exifIfd = u32(at);
    }
  });
  if (exifIfd) {
    readIfd(exifIfd, (tag, _type, count, at) => {
      if (tag !== USER_COMMENT) return;
      const b = bytesAt(at, count);
      if (b) out.userComment = userComment(b);
    });
  }
  return out;
}

function ascii(b: Uint8Array): string {
  const end = b.indexOf(0);
  return new TextDecoder("utf-8").decode(end >= 0 ? b.subarray(0, end) : b).trim();
}

/** UserComment: 8-byte character code, then text ("UNICODE" is UTF-16 of unstated byte order). */
function userComment(b: Uint8Array): string | undefined {
  if (b.length <= 8) return undefined;
  const code = String.fromCharCode(...b.subarray(0, 8)).replace(/\0+$/, "");
  const body = b.subarray(8);
  if (code === "UNICODE") {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < Math.min(body.length, 512); i++) if (body[i] === 0) (i % 2 ? oddZeros++ : evenZeros++);
    return new TextDecoder(evenZeros > oddZeros ? "utf-16be" : "utf-16le").decode(body).replace(/\0+$/, "").trim();
  }
  return new TextDecoder("utf-8").decode(body).replace(/\0+$/, "").trim();
}
