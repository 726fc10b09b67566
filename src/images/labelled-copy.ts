// The labelled copy: the image with the caption beneath it and the IPTC digital
// source type in its XMP. The only file of the capability that uses sharp.
import { sharp } from "./lazy-sharp";
import { captionStrip, escapeXml } from "./caption-strip";
import { sniffFormat } from "./sniff";

export const TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

export type OutputFormat = "jpeg" | "png" | "webp";

export interface LabelledCopy {
  data: Buffer;
  format: OutputFormat;
  mime: string;
  width: number;
  height: number;
  /** true when the input format could not be kept (GIF, TIFF, HEIF...) and PNG was written */
  converted: boolean;
}

export class LabelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LabelError";
  }
}

/** narrowest output, in pixels, so the caption stays legible under tiny images */
const MIN_WIDTH = 320;

const MIME: Record<OutputFormat, string> = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };

/** XMP packet declaring the image AI-made (IPTC) with the caption as its description */
export function labelXmp(caption: string): string {
  return (
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>` +
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:dc="http://purl.org/dc/elements/1.1/"` +
    ` Iptc4xmpExt:DigitalSourceType="${TRAINED_ALGORITHMIC_MEDIA}">` +
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(caption)}</rdf:li></rdf:Alt></dc:description>` +
    `</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
  );
}

/**
 * Renders `caption` in a strip under the image and writes the IPTC marker into XMP.
 * Keeps JPEG/PNG/WebP; other inputs become PNG. The original C2PA manifest is not
 * carried over: its hashes would no longer match the changed pixels.
 */
export async function makeLabelledCopy(input: Uint8Array, caption: string): Promise<LabelledCopy> {
  if (!caption.trim()) throw new LabelError("empty caption");
  const source = sniffFormat(input);
  if (source === "unknown") throw new LabelError("not an image format this tool can read");
  const format: OutputFormat = source === "jpeg" || source === "png" || source === "webp" ? source : "png";
  try {
    // orient first, so the strip goes under the picture as people see it
    const oriented = await sharp(input, { autoOrient: true, failOn: "error" }).toBuffer({ resolveWithObject: true });
    const { width, height } = oriented.info;
    // a caption under a thumbnail must still be readable: narrow images get white margins
    const canvas = Math.max(width, MIN_WIDTH);
    const left = Math.floor((canvas - width) / 2);
    const strip = captionStrip(caption, canvas);
    const pipeline = sharp(oriented.data)
      .extend({ bottom: strip.height, left, right: canvas - width - left, background: "#ffffff" })
      .composite([{ input: Buffer.from(strip.svg), top: height, left: 0 }])
      .keepIccProfile()
      .withXmp(labelXmp(caption));
    const encoded =
      format === "jpeg" ? pipeline.jpeg({ quality: 90 }) : format === "webp" ? pipeline.webp({ quality: 90 }) : pipeline.png();
    const data = await encoded.toBuffer();
    return { data, format, mime: MIME[format], width: canvas, height: height + strip.height, converted: format !== source };
  } catch (err) {
    if (err instanceof LabelError) throw err;
    throw new LabelError(`could not draw the label: ${(err as Error).message}`);
  }
}
