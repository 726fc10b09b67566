// Pasted tables: a column's header says what its cells are.
import assert from "node:assert/strict";
import { reviewDraft } from "../../src/review";

const spans = (text: string, type: string) =>
  reviewDraft(text)
    .findings.filter((f) => f.type === type)
    .map((f) => text.slice(f.start, f.end));

describe("review: pasted tables read by their column headers", () => {
  it("an account column's cells are accounts, whatever their grouping", () => {
    const text = "Summera utbetalningarna:\n\nid;namn;konto\n7;Sara Ek;8105-9, 733 201 118-2\n9;Ola Berg;6789 112 334 556\n";
    assert.deepEqual(spans(text, "BANK_ACCOUNT"), ["8105-9, 733 201 118-2", "6789 112 334 556"]);
    assert.deepEqual(spans(text, "PERSON_NAME"), ["Sara Ek", "Ola Berg"]);
    assert.equal(reviewDraft(text).verdict, "block");
  });

  it("tab-separated and Markdown tables; the header's words are labels, never names", () => {
    const tsv = "Elev\tPersonnummer\tBetyg\nLina Kask\t20100412-2383\tB\nTim Roos\t100915-4411\tC\n";
    assert.ok(!spans(tsv, "PERSON_NAME").includes("Personnummer"));
    assert.ok(!spans(tsv, "PERSON_NAME").includes("Elev"));
    assert.deepEqual(spans(tsv, "PERSON_NAME"), ["Lina Kask", "Tim Roos"]);
    const md = "| Reg.nr | Förare | Mobil |\n|---|---|---|\n| KLT 19B | Anna Blom | 073 442 19 08 |\n";
    assert.deepEqual(spans(md, "LICENSE_PLATE"), ["KLT 19B"]);
    assert.deepEqual(spans(md, "PHONE"), ["073 442 19 08"]);
  });

  it("a template's blanks and a table of figures hold nobody's data", () => {
    const template = "namn;telefon;konto\n[NAMN];[TELEFON];-\n<namn>;N/A;XXXX\n";
    assert.equal(reviewDraft(template).verdict, "ok");
    const figures = "Enhet;Antal;Sjukfrånvaro %\nHemtjänst Öst;41;8,2\nKöket;12;4,0\n";
    assert.equal(reviewDraft(figures).verdict, "ok");
  });

  it("a comma list in running text is no table", () => {
    const text = "Vi pratade om namn, adress, konto\noch annat, som, vanligt\n";
    assert.equal(reviewDraft(text).findings.length, 0);
  });
});
