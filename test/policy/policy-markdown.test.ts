import { strict as assert } from "node:assert";
import { PackError } from "../../src/policy/errors";
import { parsePolicyMarkdown, sectionKey } from "../../src/policy/policy-markdown";

const md = `# Testpolicy

Text före första rubriken.

## 3.1 Personuppgifter

Första stycket, som bryts
över två rader.

Regler för **publika** tjänster:

- Inga personuppgifter.
- Ingen [sekretess](https://example.org) heller.
  - Underpunkt ett:
    - Underunderpunkt.

**D.** Personuppgifter får inte matas in i allmänt tillgängliga AI-system.
<!-- alt: Personuppgifter far inte matas in 1 allmint tillgangliga Al-system. -->

<!-- an editorial note, never a passage -->

**E.** Om detta ändå sker är det en incident.

## Risker

Ett stycke.
`;

function parseError(text: string): PackError {
  try {
    parsePolicyMarkdown(text, "t", "policies/t/policy.md");
  } catch (e) {
    assert.ok(e instanceof PackError, `expected PackError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected a PackError");
}

describe("policy/policy-markdown", () => {
  const parsed = parsePolicyMarkdown(md, "t", "policies/t/policy.md");
  const s31 = parsed.sections.find((s) => s.heading === "3.1 Personuppgifter")!;

  it("reads the title and flat sections, text before the first heading under the title", () => {
    assert.equal(parsed.title, "Testpolicy");
    assert.deepEqual(
      parsed.sections.map((s) => s.heading),
      ["Testpolicy", "3.1 Personuppgifter", "Risker"],
    );
    assert.equal(parsed.sections[0].passages[0].text, "Text före första rubriken.");
  });

  it("joins wrapped lines of a paragraph with one space", () => {
    assert.equal(s31.passages[0].text, "Första stycket, som bryts över två rader.");
  });

  it("makes each list item its own passage, with the lead-in (and parent items) as context", () => {
    const items = s31.passages.filter((p) => p.text.startsWith("Ing") || p.text.startsWith("Under"));
    assert.deepEqual(
      items.map((p) => p.text),
      ["Inga personuppgifter.", "Ingen sekretess heller.", "Underpunkt ett:", "Underunderpunkt."],
    );
    assert.equal(items[0].context, "Regler för publika tjänster:");
    assert.equal(items[3].context, "Regler för publika tjänster: Underpunkt ett:");
    // every item, nested or not, points at the paragraph that introduces the list
    const leadIn = s31.passages.find((p) => p.text === "Regler för publika tjänster:")!;
    for (const item of items) assert.equal(item.leadIn, leadIn.id);
    assert.equal(leadIn.leadIn, undefined);
  });

  it("strips inline markup so quotes are plain text", () => {
    assert.ok(s31.passages.some((p) => p.text === "Regler för publika tjänster:"));
    assert.ok(s31.passages.some((p) => p.text === "Ingen sekretess heller."));
  });

  it("reads lettered rules: the quote is the text after the marker, alt wording goes to context only", () => {
    const d = s31.passages.find((p) => p.rule === "D")!;
    assert.equal(d.text, "Personuppgifter får inte matas in i allmänt tillgängliga AI-system.");
    assert.equal(d.context, "Personuppgifter far inte matas in 1 allmint tillgangliga Al-system.");
    assert.equal(d.id, "t#3.1#D");
    assert.ok(!s31.passages.some((p) => p.text.includes("editorial")));
  });

  it("gives stable ids: section number or slug, then rule letter or pN", () => {
    assert.equal(s31.passages[0].id, "t#3.1#p1");
    assert.equal(s31.passages.find((p) => p.rule === "E")!.id, "t#3.1#E");
    assert.equal(parsed.sections[2].passages[0].id, "t#risker#p1");
    assert.equal(sectionKey("1. Inledning"), "1");
    assert.equal(sectionKey("Särskilda riktlinjer för personuppgifter"), "sarskilda-riktlinjer-for-personuppgifter");
    const ids = parsed.sections.flatMap((s) => s.passages.map((p) => p.id));
    assert.equal(new Set(ids).size, ids.length);
  });

  it("rejects a file without a title, with the line", () => {
    const e = parseError("## 1. Inledning\n\nText.\n");
    assert.equal(e.code, "PACK_MARKDOWN");
    assert.match(e.message, /^policies\/t\/policy\.md:1: the file must start with "# Title"/);
  });

  it("rejects nested headings: sections are flat", () => {
    const e = parseError("# T\n\n## 1. A\n\n### 1.1 B\n\nText.\n");
    assert.match(e.message, /policy\.md:5: sections are flat: write "## 1\.1 B"/);
  });

  it("rejects a rule letter used twice and a duplicated heading", () => {
    const e = parseError("# T\n\n## A\n\n**C.** En.\n\n## B\n\n**C.** Två.\n\n## A\n\nText.\n");
    assert.match(e.message, /rule C appears twice/);
    assert.match(e.message, /section "A" appears twice/);
  });

  it("rejects an alt comment with nothing before it and an unclosed comment", () => {
    assert.match(parseError("# T\n\n<!-- alt: x -->\n").message, /must follow a paragraph/);
    assert.match(parseError("# T\n\n## A\n\nText.\n<!-- alt: x\n").message, /not closed/);
  });
});
