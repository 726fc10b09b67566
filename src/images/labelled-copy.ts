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
  /** true when the picture was made smaller to fit the byte budget */
  scaled: boolean;
}

export class LabelError extends Error {
  /** set when the copy could be drawn but not made to fit: the smallest copy's size in KB */
  readonly tooLargeKb?: number;

  constructor(message: string, tooLargeKb?: number) {
    super(message);
    this.name = "LabelError";
    this.tooLargeKb = tooLargeKb;
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

export interface CopyOptions {
  /**
   * the most bytes the encoded copy may have (a chat message carries it inline: Teams takes
   * about 28 KB a card). The picture is scaled down and re-encoded until it fits; the
   * caption is drawn at the final size, so it stays as legible as on a larger copy.
   */
  maxBytes?: number;
}

/** the copy's width is never scaled below this (nor below the image's own width): the caption's font is 4 % of it */
const MIN_SCALED_WIDTH = 320;
/** attempts before giving up on a budget: each is one encode of a picture at most the budget's size */
const MAX_ATTEMPTS = 12;

/**
 * Renders `caption` in a strip under the image and writes the IPTC marker into XMP.
 * Keeps JPEG/PNG/WebP; other inputs become PNG. With `maxBytes` the copy is made to fit
 * (smaller, lower quality, a PNG reduced to a palette), or a LabelError with `tooLarge`
 * says the smallest legible copy does not. The original C2PA manifest is not carried
 * over: its hashes would no longer match the changed pixels.
 */
export async function makeLabelledCopy(input: Uint8Array, caption: string, opts: CopyOptions = {}): Promise<LabelledCopy> {
  if (!caption.trim()) throw new LabelError("empty caption");
  const source = sniffFormat(input);
  if (source === "unknown") throw new LabelError("not an image format this tool can read");
  const format: OutputFormat = source === "jpeg" || source === "png" || source === "webp" ? source : "png";
  const converted = format !== source;
  let oriented: { data: Buffer; info: { width: number; height: number } };
  try {
    // orient first, so the strip goes under the picture as people see it
    oriented = await sharp(input, { autoOrient: true, failOn: "error" }).toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new LabelError(`could not read the image: ${(err as Error).message}`);
  }
  const { width, height } = oriented.info;
  const render = async (w: number, quality: number, palette: boolean): Promise<LabelledCopy> => {
    try {
      const h = w === width ? height : Math.max(1, Math.round((height * w) / width));
      const picture = w === width ? oriented.data : await sharp(oriented.data).resize(w, h, { fit: "fill" }).toBuffer();
      // a caption under a thumbnail must still be readable: narrow images get white margins
      const canvas = Math.max(w, MIN_WIDTH);
      const left = Math.floor((canvas - w) / 2);
      const strip = captionStrip(caption, canvas);
      const pipeline = sharp(picture)
        .extend({ bottom: strip.height, left, right: canvas - w - left, background: "#ffffff" })
        .composite([{ input: Buffer.from(strip.svg), top: h, left: 0 }])
        .keepIccProfile()
        .withXmp(labelXmp(caption));
      const encoded =
        format === "jpeg"
          ? pipeline.jpeg({ quality, mozjpeg: true })
          : format === "webp"
            ? pipeline.webp({ quality })
            : palette
              ? pipeline.png({ palette: true, quality, effort: 7, compressionLevel: 9 })
              : pipeline.png({ compressionLevel: 9 });
      const data = await encoded.toBuffer();
      return { data, format, mime: MIME[format], width: canvas, height: h + strip.height, converted, scaled: w < width };
    } catch (err) {
      throw new LabelError(`could not draw the label: ${(err as Error).message}`);
    }
  };
  const max = opts.maxBytes;
  // as it is, when it may fit (PNG stays lossless: a diagram, a small picture)
  let smallest: LabelledCopy | undefined;
  if (max === undefined || input.length <= max * 1.5) {
    smallest = await render(width, 90, false);
    if (max === undefined || smallest.data.length <= max) return smallest;
  }

  // the first guess scales the picture to the budget (lossy images take about 1 bit a pixel
  // at these qualities, and the strip is part of the copy), then each miss shrinks it more
  const floor = Math.min(width, MIN_SCALED_WIDTH);
  const pixelsFor = (bytes: number) => (bytes * 8) / (format === "png" ? 2 : 1);
  let w = Math.max(floor, Math.min(width, Math.floor(width * Math.sqrt(pixelsFor(max) / (width * height)))));
  let quality = 80;
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const copy = await render(w, quality, format === "png");
    if (copy.data.length <= max) return copy;
    if (!smallest || copy.data.length < smallest.data.length) smallest = copy;
    // over by a lot: a smaller picture; over by a little, or at the floor: a lower quality
    const ratio = copy.data.length / max;
    if (w > floor && (ratio > 1.3 || quality <= 50)) w = Math.max(floor, Math.floor(w / Math.sqrt(ratio * 1.1)));
    else if (quality > 30) quality -= 15;
    else break;
  }
  throw new LabelError("the smallest legible copy is still over the limit", Math.ceil((smallest?.data.length ?? 0) / 1024));
}
