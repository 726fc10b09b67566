// JUMBF (ISO/IEC 19566-5) box walker: the container C2PA manifests live in.
// Bounded: every length is checked against its parent, depth and box count are capped.

export class JumbfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JumbfError";
  }
}

export interface JumbfBox {
  /** four-character box type: "jumb" for a superbox, else the content box type ("cbor", "json", "bidb", ...) */
  type: string;
  /** superbox label from its description box, e.g. "c2pa", "c2pa.claim", "c2pa.actions.v2" */
  label?: string;
  /** content box payload (for "jumb": undefined) */
  payload?: Uint8Array;
  /** child boxes of a superbox (its content boxes and nested superboxes) */
  children: JumbfBox[];
}

const MAX_DEPTH = 12;
const MAX_BOXES = 20_000;

interface RawBox { type: string; start: number; end: number; payloadStart: number }

/** reads the boxes laid one after another in bytes[start, end). */
function* rawBoxes(bytes: Uint8Array, start: number, end: number): Generator<RawBox> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = start;
  while (pos + 8 <= end) {
    let size = view.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4], bytes[pos + 5], bytes[pos + 6], bytes[pos + 7]);
    let header = 8;
    if (size === 1) {
      if (pos + 16 > end) throw new JumbfError(`truncated XLBox at ${pos}`);
      const big = view.getBigUint64(pos + 8);
      if (big > BigInt(end - pos)) throw new JumbfError(`box "${printable(type)}" at ${pos} overruns its parent`);
      size = Number(big);
      header = 16;
    } else if (size === 0) {
      size = end - pos; // "to the end of the enclosing container"
    }
    if (size < header) throw new JumbfError(`box "${printable(type)}" at ${pos} has impossible size ${size}`);
    if (pos + size > end) throw new JumbfError(`box "${printable(type)}" at ${pos} overruns its parent (${size} > ${end - pos})`);
    yield { type, start: pos, end: pos + size, payloadStart: pos + header };
    pos += size;
  }
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, "?");
}

/** parses a JUMBF byte run (one or more top-level boxes) into a tree. Throws JumbfError on structural damage. */
export function parseJumbf(bytes: Uint8Array): JumbfBox[] {
  let count = 0;
  const walk = (start: number, end: number, depth: number): JumbfBox[] => {
    if (depth > MAX_DEPTH) throw new JumbfError(`superboxes nested deeper than ${MAX_DEPTH}`);
    const out: JumbfBox[] = [];
    for (const raw of rawBoxes(bytes, start, end)) {
      if (++count > MAX_BOXES) throw new JumbfError(`more than ${MAX_BOXES} boxes`);
      if (raw.type === "jumb") {
        const inner = [...rawBoxes(bytes, raw.payloadStart, raw.end)];
        const desc = inner[0];
        let label: string | undefined;
        let childStart = raw.payloadStart;
        if (desc && desc.type === "jumd") {
          label = descriptionLabel(bytes.subarray(desc.payloadStart, desc.end));
          childStart = desc.end;
        }
        out.push({ type: "jumb", label, children: walk(childStart, raw.end, depth + 1) });
      } else {
        out.push({ type: raw.type, payload: bytes.subarray(raw.payloadStart, raw.end), children: [] });
      }
    }
    return out;
  };
  return walk(0, bytes.length, 0);
}

/** the label of a "jumd" description box: 16-byte type UUID, toggles byte, then a NUL-ended UTF-8 label if toggles bit 1 is set. */
function descriptionLabel(d: Uint8Array): string | undefined {
  if (d.length < 17) return undefined;
  const toggles = d[16];
  if (!(toggles & 0x02)) return undefined;
  let end = 17;
  while (end < d.length && d[end] !== 0) end++;
  return new TextDecoder("utf-8").decode(d.subarray(17, end));
}

/** the direct child superbox with a given label, or one whose label starts with `prefix` when prefix is true. */
export function child(box: JumbfBox, label: string, prefix = false): JumbfBox | undefined {
  return box.children.find((c) => c.type === "jumb" && c.label !== undefined && (prefix ? c.label.startsWith(label) : c.label === label));
}
