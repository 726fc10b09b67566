// .pdf through unpdf (PDF.js bundled for servers: pure JS, no worker, no canvas for
// text). Loaded on first use: it is large and sets a few browser globals
// (navigator, DOMMatrix polyfills) that the rest of the process does not need until then.
import { DocumentError } from "./errors";
import { trimLineEnds } from "../text/lines";

/** pages read at most: a longer PDF is beyond the review limit anyway */
export const MAX_PDF_PAGES = 500;

type Unpdf = typeof import("unpdf");
let loaded: Promise<Unpdf> | undefined;

function unpdf(): Promise<Unpdf> {
  // a CommonJS require of unpdf's CJS build (its ESM build needs an ESM loader)
  return (loaded ??= Promise.resolve().then(() => require("unpdf") as Unpdf));
}

export async function extractPdf(bytes: Uint8Array): Promise<string> {
  if (!startsWithPdfHeader(bytes)) throw new DocumentError("corrupt");
  const { getDocumentProxy } = await unpdf();
  let doc: Awaited<ReturnType<Unpdf["getDocumentProxy"]>> | undefined;
  try {
    // PDF.js takes ownership of (detaches) the buffer it is given: pass a copy
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, disableFontFace: true, stopAtErrors: false });
    const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
    const out: string[] = [];
    for (let i = 1; i <= pages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let line = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        line += item.str;
        if (item.hasEOL) line += "\n";
      }
      out.push(trimLineEnds(line).trim());
      page.cleanup();
    }
    return out.filter(Boolean).join("\n\n");
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    const name = (err as { name?: string } | null)?.name;
    if (name === "PasswordException") throw new DocumentError("encrypted");
    throw new DocumentError("corrupt");
  } finally {
    await doc?.destroy().catch(() => undefined);
  }
}

/** "%PDF-" within the first KB, as PDF readers accept */
function startsWithPdfHeader(b: Uint8Array): boolean {
  const head = Buffer.from(b.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}
