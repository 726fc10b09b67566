// Minimal, bounded CBOR (RFC 8949) decoder for C2PA claims and assertions.
// Written here rather than pulled in because we need only decoding, on untrusted
// bytes, with hard limits on depth and item count; anything odd throws CborError.

export class CborError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CborError";
  }
}

export type CborValue =
  | number
  | bigint
  | string
  | boolean
  | null
  | undefined
  | Uint8Array
  | CborValue[]
  | { [key: string]: CborValue };

export interface CborLimits {
  /** deepest nesting of arrays/maps/tags */
  maxDepth: number;
  /** total data items decoded, a guard against "a million empty arrays" inputs */
  maxItems: number;
}

const DEFAULT_LIMITS: CborLimits = { maxDepth: 48, maxItems: 200_000 };
const BREAK = Symbol("break");
const utf8 = new TextDecoder("utf-8", { fatal: false });

/** decodes the first CBOR item of `bytes` (trailing bytes are ignored, as C2PA boxes may pad). */
export function decodeCbor(bytes: Uint8Array, limits: Partial<CborLimits> = {}): CborValue {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  let items = 0;

  const need = (n: number): void => {
    if (n < 0 || pos + n > bytes.length) throw new CborError(`truncated at byte ${pos} (need ${n})`);
  };

  const readArg = (info: number): number | bigint => {
    if (info < 24) return info;
    switch (info) {
      case 24: need(1); return bytes[pos++];
      case 25: need(2); pos += 2; return view.getUint16(pos - 2);
      case 26: need(4); pos += 4; return view.getUint32(pos - 4);
      case 27: {
        need(8);
        const big = view.getBigUint64(pos);
        pos += 8;
        return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
      }
      default: throw new CborError(`reserved additional info ${info} at byte ${pos}`);
    }
  };

  const length = (info: number): number => {
    const n = readArg(info);
    // any length beyond the remaining bytes is a lie; reject before allocating
    if (typeof n === "bigint" || n > bytes.length - pos) throw new CborError(`length ${n} exceeds the data at byte ${pos}`);
    return n;
  };

  const halfFloat = (h: number): number => {
    const exp = (h >> 10) & 0x1f;
    const mant = h & 0x3ff;
    const sign = h & 0x8000 ? -1 : 1;
    if (exp === 0) return sign * mant * 2 ** -24;
    if (exp === 31) return mant ? NaN : sign * Infinity;
    return sign * (mant + 1024) * 2 ** (exp - 25);
  };

  const item = (depth: number): CborValue | typeof BREAK => {
    if (++items > lim.maxItems) throw new CborError(`more than ${lim.maxItems} items`);
    if (depth > lim.maxDepth) throw new CborError(`nested deeper than ${lim.maxDepth}`);
    need(1);
    const first = bytes[pos++];
    const major = first >> 5;
    const info = first & 0x1f;
    switch (major) {
      case 0: return readArg(info);
      case 1: {
        const n = readArg(info);
        return typeof n === "bigint" ? -1n - n : -1 - n;
      }
      case 2:
      case 3: {
        if (info === 31) {
          const parts: Uint8Array[] = [];
          for (;;) {
            need(1);
            if (bytes[pos] === 0xff) { pos++; break; }
            const chunk = item(depth + 1);
            if (!(chunk instanceof Uint8Array) && typeof chunk !== "string") throw new CborError("bad indefinite string chunk");
            parts.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
          }
          const all = concat(parts);
          return major === 2 ? all : utf8.decode(all);
        }
        const n = length(info);
        const slice = bytes.subarray(pos, pos + n);
        pos += n;
        return major === 2 ? slice : utf8.decode(slice);
      }
      case 4: {
        const out: CborValue[] = [];
        if (info === 31) {
          for (;;) {
            const v = item(depth + 1);
            if (v === BREAK) break;
            out.push(v);
          }
          return out;
        }
        const n = length(info); // every item takes at least one byte, so n <= remaining
        for (let i = 0; i < n; i++) {
          const v = item(depth + 1);
          if (v === BREAK) throw new CborError("unexpected break in array");
          out.push(v);
        }
        return out;
      }
      case 5: {
        // null prototype: keys come from the file and must not reach Object.prototype
        const out: { [key: string]: CborValue } = Object.create(null);
        const n = info === 31 ? Infinity : length(info);
        for (let i = 0; i < n; i++) {
          const k = item(depth + 1);
          if (k === BREAK) {
            if (info === 31) break;
            throw new CborError("unexpected break in map");
          }
          const v = item(depth + 1);
          if (v === BREAK) throw new CborError("unexpected break in map value");
          out[typeof k === "string" ? k : String(k)] = v;
        }
        return out;
      }
      case 6: {
        readArg(info); // tag number: C2PA uses tag 0/1 dates and 18 (COSE_Sign1); the content is enough
        const v = item(depth + 1);
        if (v === BREAK) throw new CborError("break after tag");
        return v;
      }
      default: {
        switch (info) {
          case 20: return false;
          case 21: return true;
          case 22: return null;
          case 23: return undefined;
          case 24: need(1); pos++; return undefined;
          case 25: need(2); pos += 2; return halfFloat(view.getUint16(pos - 2));
          case 26: need(4); pos += 4; return view.getFloat32(pos - 4);
          case 27: need(8); pos += 8; return view.getFloat64(pos - 8);
          case 31: return BREAK;
          default:
            if (info < 20) return undefined; // unassigned simple value
            throw new CborError(`reserved simple value ${info}`);
        }
      }
    }
  };

  const v = item(0);
  if (v === BREAK) throw new CborError("stray break");
  return v;
}

function concat(parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
