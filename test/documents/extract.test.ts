// Text out of .txt, .docx and .pdf, in memory; each failure has its own stable code.
import * as assert from "node:assert/strict";
import { DocumentError, documentKind, extractFile, extractText } from "../../src/documents";
import { decodeText } from "../../src/documents/txt";
import { wordXmlText } from "../../src/documents/docx";
import { compoundFileHeader, makeDocx, makePdf } from "../support/documents";

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof DocumentError && e.code === code, `expected DocumentError ${code}`);
}

const SV = "Hej Åsa, lösenordet är Sommar2024!xyz och pnr 19121212-1212. Må väl – ”citat”.";

describe("documents: kinds", () => {
  it("takes Teams' fileType first, else the name's extension; unknown types are undefined", () => {
    assert.equal(documentKind("utkast.DOCX", undefined), "docx");
    assert.equal(documentKind("x.bin", "pdf"), "pdf");
    assert.equal(documentKind("anteckning.txt", ""), "txt");
    assert.equal(documentKind("tabell.xlsx", "xlsx"), undefined);
    assert.equal(documentKind("ingen-ändelse", undefined), undefined);
  });
});

describe("documents: .txt", () => {
  it("reads UTF-8 with and without BOM, and UTF-16 with a BOM", () => {
    assert.equal(decodeText(new Uint8Array(Buffer.from(SV, "utf8"))), SV);
    assert.equal(decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SV, "utf8")]))), SV);
    assert.equal(decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SV, "utf16le")]))), SV);
  });

  it("falls back to Windows-1252 / Latin-1 when the bytes are not valid UTF-8", () => {
    const latin1 = Buffer.from("Hej Åsa, här är lösenordet", "latin1");
    assert.equal(decodeText(new Uint8Array(latin1)), "Hej Åsa, här är lösenordet");
    // a Windows-1252 curly quote and euro sign (0x93, 0x80), which ISO-8859-1 lacks
    assert.equal(decodeText(new Uint8Array([0x93, 0x80, 0x31, 0x30, 0x94])), "“€10”");
  });

  it("rejects empty files and binary files with a .txt name", async () => {
    await rejectsWith(extractFile(new Uint8Array(0), "tom.txt"), "empty");
    await rejectsWith(extractFile(new Uint8Array(Buffer.from("  \n\t ")), "blank.txt"), "empty");
    await rejectsWith(extractFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), "bild.txt"), "corrupt");
  });
});

describe("documents: .docx", () => {
  it("joins runs split mid-word, keeps paragraphs, and reads headers and comments after the body", async () => {
    const docx = makeDocx(["Hej Åsa,", "lösenordet är Sommar2024!xyz", "Mvh Lars & Co <AB>"], { header: "Sekretess enligt OSL", comment: "Ring Kim på 070-123 45 67" });
    const text = await extractFile(new Uint8Array(docx), "utkast.docx");
    assert.equal(text, "Hej Åsa,\nlösenordet är Sommar2024!xyz\nMvh Lars & Co <AB>\n\nRing Kim på 070-123 45 67\n\nSekretess enligt OSL");
  });

  it("reads tabs and breaks, skips deleted tracked changes and field codes", () => {
    const xml =
      '<w:body><w:p><w:r><w:t>A</w:t></w:r><w:r><w:tab/><w:t>B</w:t><w:br/><w:t xml:space="preserve">C </w:t></w:r>' +
      '<w:del><w:r><w:delText>borttaget 19121212-1212</w:delText></w:r></w:del>' +
      '<w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:t>D&amp;E&#246;</w:t></w:r></w:p><w:p/></w:body>';
    assert.equal(wordXmlText(xml), "A\tB\nC D&Eö\n\n");
  });

  it("says encrypted for a password-protected (OLE) file, corrupt for a broken zip or a zip without a document", async () => {
    await rejectsWith(extractFile(new Uint8Array(compoundFileHeader()), "skyddad.docx"), "encrypted");
    const docx = makeDocx(["Hej"]);
    await rejectsWith(extractFile(new Uint8Array(docx.subarray(0, docx.length - 40)), "trasig.docx"), "corrupt");
    await rejectsWith(extractFile(new Uint8Array(Buffer.from("PK\u0003\u0004 not really a zip")), "fejk.docx"), "corrupt");
    await rejectsWith(extractFile(new Uint8Array(Buffer.from("plain text named docx")), "fel.docx"), "corrupt");
  });

  it("says empty for a document without text", async () => {
    await rejectsWith(extractFile(new Uint8Array(makeDocx([], { bodyXml: "<w:p/><w:p><w:r><w:t></w:t></w:r></w:p>" })), "tom.docx"), "empty");
  });
});

describe("documents: .pdf", function () {
  this.timeout(20000);

  it("reads text from uncompressed and Flate-compressed pages, in page order, with Latin-1 letters", async () => {
    for (const compress of [false, true]) {
      const pdf = makePdf([["Hej Åsa,", "lösenordet är Sommar2024!xyz"], ["Sida två: 19121212-1212"]], { compress });
      const text = await extractText(new Uint8Array(pdf), "pdf");
      assert.match(text, /Hej Åsa,\s+lösenordet är Sommar2024!xyz\s+Sida två: 19121212-1212/);
      assert.ok(text.indexOf("Hej") < text.indexOf("Sida två"));
    }
  });

  it("does not detach or change the caller's buffer", async () => {
    const bytes = new Uint8Array(makePdf([["x y z"]]));
    const copy = Buffer.from(bytes);
    await extractText(bytes, "pdf");
    assert.equal(bytes.byteLength, copy.length);
    assert.ok(Buffer.from(bytes).equals(copy));
  });

  it("says encrypted for a password-protected PDF, corrupt for a truncated or fake one, empty for a page without text", async () => {
    await rejectsWith(extractText(new Uint8Array(makePdf([["hemligt"]], { encrypted: true })), "pdf"), "encrypted");
    const pdf = makePdf([["Hej"]]);
    await rejectsWith(extractText(new Uint8Array(pdf.subarray(0, 120)), "pdf"), "corrupt");
    await rejectsWith(extractText(new Uint8Array(Buffer.from("not a pdf at all")), "pdf"), "corrupt");
    await rejectsWith(extractText(new Uint8Array(makePdf([[]])), "pdf"), "empty");
  });

  it("unknown kinds are unsupported", async () => {
    await rejectsWith(extractFile(new Uint8Array([1, 2, 3]), "bok.epub"), "unsupported");
  });
});
