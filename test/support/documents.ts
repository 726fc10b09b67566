// Small but well-formed documents built in the tests, so each case says what it holds:
// PDFs with a real xref table (optionally Flate-compressed, or with a Standard security
// handler whose password is unknown), and .docx zips laid out as Word writes them.
import { deflateSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import { zipSync, strToU8 } from "fflate";

/** a PDF string literal in WinAnsi: escapes ( ) \ and writes non-ASCII Latin-1 as octal */
function pdfString(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "(" || ch === ")" || ch === "\\") out += `\\${ch}`;
    else if (c >= 32 && c < 127) out += ch;
    else if (c >= 160 && c <= 255) out += `\\${c.toString(8).padStart(3, "0")}`;
    else out += "?";
  }
  return `(${out})`;
}

export interface PdfOptions {
  /** Flate-compress the page streams (as most producers do) */
  compress?: boolean;
  /** add a Standard security handler with an unknown user password */
  encrypted?: boolean;
}

/** one page per entry; each page's lines drawn top-down */
export function makePdf(pages: string[][], o: PdfOptions = {}): Buffer {
  const objs: Array<string | Buffer> = [];
  const pageIds = pages.map((_, i) => 3 + i * 2);
  const fontId = 3 + pages.length * 2;
  objs.push("<< /Type /Catalog /Pages 2 0 R >>");
  objs.push(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`);
  pages.forEach((lines, i) => {
    const content = `BT /F1 11 Tf 14 TL 72 760 Td ${lines.map((l) => `${pdfString(l)} Tj T*`).join(" ")} ET`;
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${pageIds[i] + 1} 0 R /Resources << /Font << /F1 ${fontId} 0 R >> >> >>`);
    if (o.compress) {
      const data = deflateSync(Buffer.from(content, "latin1"));
      objs.push(Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, "latin1"), data, Buffer.from("\nendstream", "latin1")]));
    } else {
      objs.push(`<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`);
    }
  });
  objs.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  let trailerExtra = "";
  if (o.encrypted) {
    objs.push(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${randomBytes(32).toString("hex")}> /U <${randomBytes(32).toString("hex")}> >>`);
    trailerExtra = ` /Encrypt ${objs.length} 0 R /ID [<${randomBytes(16).toString("hex")}> <${randomBytes(16).toString("hex")}>]`;
  }
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let size = parts[0].length;
  const offsets: number[] = [];
  objs.forEach((body, i) => {
    offsets.push(size);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), typeof body === "string" ? Buffer.from(body, "latin1") : body, Buffer.from("\nendobj\n", "latin1")]);
    parts.push(b);
    size += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((x) => `${String(x).padStart(10, "0")} 00000 n \n`).join("")}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${size}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** a paragraph as Word writes it: runs split mid-word, with properties */
export function wordParagraph(text: string): string {
  const mid = Math.floor(text.length / 2);
  const run = (t: string) => `<w:r><w:rPr><w:lang w:val="sv-SE"/></w:rPr><w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r>`;
  return `<w:p w:rsidR="00A1B2C3"><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${run(text.slice(0, mid))}${run(text.slice(mid))}</w:p>`;
}

export interface DocxOptions {
  /** raw WordprocessingML inside <w:body> (overrides paragraphs) */
  bodyXml?: string;
  header?: string;
  comment?: string;
}

export function makeDocx(paragraphs: string[], o: DocxOptions = {}): Buffer {
  const body = o.bodyXml ?? paragraphs.map(wordParagraph).join("");
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
    "docProps/core.xml": strToU8('<?xml version="1.0"?><cp:coreProperties xmlns:cp="x"><dc:creator xmlns:dc="y">Not text</dc:creator></cp:coreProperties>'),
  };
  if (o.header) files["word/header1.xml"] = strToU8(`<?xml version="1.0"?><w:hdr ${W}>${wordParagraph(o.header)}</w:hdr>`);
  if (o.comment) files["word/comments.xml"] = strToU8(`<?xml version="1.0"?><w:comments ${W}><w:comment w:id="0">${wordParagraph(o.comment)}</w:comment></w:comments>`);
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** an OLE compound file header: what an encrypted .docx (or an old .doc) looks like */
export function compoundFileHeader(): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(504)]);
}

/** a valid Swedish personnummer (Luhn) for a random date, so each test run uses its own */
export function randomPersonnummer(): { long: string; digits12: string } {
  const y = 1940 + Math.floor(Math.random() * 60);
  const m = 1 + Math.floor(Math.random() * 12);
  const d = 1 + Math.floor(Math.random() * 28);
  const serial = String(100 + Math.floor(Math.random() * 899));
  const nine = `${String(y).slice(2)}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  const check = (10 - (sum % 10)) % 10;
  const digits12 = `${String(y).slice(0, 2)}${nine}${check}`;
  return { long: `${digits12.slice(0, 8)}-${digits12.slice(8)}`, digits12 };
}
