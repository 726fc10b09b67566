// .docx: a zip of WordprocessingML parts. The text a user would paste (or upload) is the
// body, plus footnotes, endnotes, comments, headers and footers, which can hold personal
// data too. Deleted tracked changes and field codes are not shown text and are skipped.
import { unzipSync, type UnzipFileInfo } from "fflate";
import { DocumentError } from "./errors";
import { trimLineEnds } from "../text/lines";
import { NextIndex } from "../text/tags";

/** parts read, in this order: the body first so offsets in the review follow the document */
const PARTS = [/^word\/document\.xml$/, /^word\/footnotes\.xml$/, /^word\/endnotes\.xml$/, /^word\/comments\.xml$/, /^word\/header\d*\.xml$/, /^word\/footer\d*\.xml$/];

/** unpacked size allowed for the text parts together (a zip bomb stops here) */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

export function extractDocx(bytes: Uint8Array): string {
  if (isCompoundFile(bytes)) throw new DocumentError("encrypted"); // encrypted OOXML (or an old .doc) is an OLE file, not a zip
  if (!(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new DocumentError("corrupt");
  let total = 0;
  let tooLarge = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f: UnzipFileInfo) => {
        if (!PARTS.some((re) => re.test(f.name))) return false;
        total += f.originalSize;
        if (total > MAX_UNPACKED_BYTES) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch {
    throw new DocumentError("corrupt");
  }
  if (tooLarge) throw new DocumentError("tooLarge");
  const body = files["word/document.xml"];
  if (!body) throw new DocumentError("corrupt");
  const names = Object.keys(files).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, "en", { numeric: true }));
  const seen = new Set<string>();
  const chunks: string[] = [];
  for (const name of names) {
    const text = wordXmlText(new TextDecoder("utf-8").decode(files[name])).trim();
    // the same header repeats on every section: once is enough
    if (!text || seen.has(text)) continue;
    seen.add(text);
    chunks.push(text);
  }
  return chunks.join("\n\n");
}

function rank(name: string): number {
  return PARTS.findIndex((re) => re.test(name));
}

function isCompoundFile(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
}

// the tags that matter: w:t text, w:tab, w:br/w:cr, paragraph ends; skipped containers. Read at a
// "<" (sticky) with the name followed by white space, "/" or ">"
const TAG = /(\/?)(w:t|w:delText|w:instrText|w:tab|w:br|w:cr|w:p|w:tc|w:noBreakHyphen|w:softHyphen)(?=[\s/>])/y;

/**
 * The visible text of one WordprocessingML part. One pass over the tags, each running to the next
 * ">" (found once per stretch, not once per "<": the XML is the uploader's); a "<" with no ">"
 * after it is dropped and the rest read as text.
 */
export function wordXmlText(xml: string): string {
  let out = "";
  let inText = false;
  let skip = 0;
  const gt = new NextIndex((from) => xml.indexOf(">", from));
  for (let i = 0; i < xml.length; ) {
    if (xml.charCodeAt(i) !== 60) {
      const lt = xml.indexOf("<", i);
      const end = lt < 0 ? xml.length : lt;
      if (inText && skip === 0) out += decodeEntities(xml.slice(i, end));
      i = end;
      continue;
    }
    const end = gt.after(i + 1);
    if (end < 0) {
      i++;
      continue;
    }
    TAG.lastIndex = i + 1;
    const m = TAG.exec(xml);
    i = end + 1;
    if (!m) continue;
    const close = m[1] !== "";
    const opening = !close;
    // "/>" ends an empty element, unless the "/" is the one right after the name
    const selfClose = end - 1 >= TAG.lastIndex && xml.charCodeAt(end - 1) === 47;
    switch (m[2]) {
      case "w:t":
        if (!selfClose) inText = opening;
        break;
      case "w:delText":
      case "w:instrText":
        if (!selfClose) skip = Math.max(0, skip + (opening ? 1 : -1));
        break;
      case "w:tab":
        if (opening && skip === 0) out += "\t";
        break;
      case "w:br":
      case "w:cr":
        if (opening && skip === 0) out += "\n";
        break;
      case "w:noBreakHyphen":
        if (opening) out += "-";
        break;
      case "w:tc":
        if (close) out += "\t";
        break;
      case "w:p":
        if (close || selfClose) out += "\n";
        break;
    }
  }
  return trimLineEnds(out).replace(/\n{3,}/g, "\n\n");
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e] ?? m;
  });
}
