import { strict as assert } from "node:assert";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { PackError } from "../../src/policy/errors";
import { builtInPolicyDir, loadPack, loadPacks, policyDirs } from "../../src/policy/pack-loader";
import type { Citation, PolicyPack } from "../../src/policy/types";

// fixtures are data, not compiled: find them from the project root whether run from test/ or dist/test/
const fixtures = path.join(projectRoot(), "test", "fixtures", "packs");
const SHIPPED = ["dalsland", "hjo", "soderkoping", "staffanstorp", "wenell"];

function loadError(dir: string): PackError {
  try {
    loadPack(dir);
  } catch (e) {
    assert.ok(e instanceof PackError, `expected PackError, got ${String(e)}`);
    return e;
  }
  assert.fail(`expected ${dir} to fail`);
}

/** every citation a pack carries, with where it sits */
function allCitations(p: PolicyPack): Array<{ where: string; c: { section: string; rule?: string | null; quote: string } }> {
  const out: Array<{ where: string; c: { section: string; rule?: string | null; quote: string } }> = [];
  const add = (where: string, cs: Citation[] | undefined) => cs?.forEach((c, i) => out.push({ where: `${where}[${i}]`, c }));
  const f = p.facts;
  add("approvals.aiUse", f.approvals.aiUse.citations);
  add("approvals.purchase", f.approvals.purchase?.citations);
  add("approvals.personalData", f.approvals.personalData?.citations);
  add("tools.publicAi", f.tools.publicAi.citations);
  add("tools.copilot", f.tools.copilot.citations);
  add("imageLabel", f.imageLabel?.citations);
  add("imageRules", f.imageRules?.citations);
  add("incidents", f.incidents.citations);
  add("incidents.steps", f.incidents.steps);
  for (const [k, v] of Object.entries(f.dataRules)) add(`dataRules.${k}`, v);
  p.faq.forEach((e) => e.citations.forEach((c, i) => out.push({ where: `faq.${e.id}[${i}]`, c })));
  return out;
}

describe("policy/pack-loader: the shipped packs", () => {
  const packs = loadPacks([builtInPolicyDir()]);
  const byId = new Map(packs.map((p) => [p.id, p]));

  it("loads all five, sorted by id, with sane section and passage counts", () => {
    assert.deepEqual(
      packs.map((p) => p.id),
      SHIPPED,
    );
    for (const p of packs) {
      assert.ok(p.sections.length >= 10, `${p.id}: ${p.sections.length} sections`);
      assert.ok(p.passages.length >= 25 && p.passages.length <= 200, `${p.id}: ${p.passages.length} passages`);
      assert.equal(p.passages.length, p.sections.reduce((n, s) => n + s.passages.length, 0));
      assert.equal(new Set(p.passages.map((x) => x.id)).size, p.passages.length, `${p.id}: passage ids unique`);
      assert.ok(p.faq.length >= 10, `${p.id}: ${p.faq.length} faq entries`);
      for (const x of p.passages) {
        assert.equal(x.packId, p.id);
        assert.ok(!/\s{2}|^\s|\s$/.test(x.text), `${x.id}: untrimmed text`);
        assert.ok(!/\*\*|<!--|-->/.test(x.text), `${x.id}: markup left in the quote`);
      }
    }
  });

  it("Söderköping has rules A–Y, each exactly once, under the sections they belong to", () => {
    const p = byId.get("soderkoping")!;
    const rules = p.passages.filter((x) => x.rule).map((x) => x.rule);
    assert.deepEqual(rules.slice().sort(), "ABCDEFGHIJKLMNOPQRSTUVWXY".split(""));
    const sectionOf = (r: string) => p.passages.find((x) => x.rule === r)!.section;
    for (const r of "ABCDE") assert.equal(sectionOf(r), "3.1 Personuppgifter");
    for (const r of "FG") assert.equal(sectionOf(r), "3.2 Sekretess");
    for (const r of "HI") assert.equal(sectionOf(r), "3.3 Annan känslig information");
    for (const r of "MNO") assert.equal(sectionOf(r), "4.3 Använda resultatet från generativ (skapande) AI");
    for (const r of "PQ") assert.equal(sectionOf(r), "4.4 Transparens");
    assert.equal(p.passages.find((x) => x.rule === "D")!.id, "soderkoping#3.1#D");
  });

  it("Söderköping's image label is verbatim in rule Q", () => {
    const p = byId.get("soderkoping")!;
    assert.equal(p.facts.imageLabel?.text, "Denna bild har genererats med hjälp av AI");
    const q = p.passages.find((x) => x.rule === "Q")!;
    assert.ok(q.text.includes(p.facts.imageLabel!.text));
  });

  it("Staffanstorp quotes the corrected text and keeps the OCR wording as search-only context", () => {
    const p = byId.get("staffanstorp")!;
    const pd = p.passages.find((x) => x.text.startsWith("Du får aldrig mata in personuppgifter"))!;
    assert.ok(pd, "corrected passage present");
    assert.match(pd.context ?? "", /Du far aldrig mata in personuppgifter 1 allmant/);
    const all = p.passages.map((x) => `${x.text} ${x.context ?? ""}`).join(" ");
    for (const noisy of ["kinner", "anvinda", "Al-system"]) assert.ok(all.includes(noisy), `alt text has "${noisy}"`);
    for (const x of p.passages) assert.ok(!/\bAl\b|\bAl-/.test(x.text), `${x.id}: OCR "Al" left in the quote`);
    const withAlt = p.passages.filter((x) => x.context);
    assert.ok(withAlt.length / p.passages.length > 0.8, "nearly every passage carries its OCR wording");
  });

  it("every citation in facts and faq resolves to verbatim text of a passage in its section and rule", () => {
    for (const p of packs) {
      for (const { where, c } of allCitations(p)) {
        const hit = p.passages.find((x) => x.section === c.section && x.text.includes(c.quote) && (c.rule === undefined || x.rule === c.rule));
        assert.ok(hit, `${p.id} ${where}: "${c.quote}"`);
      }
      for (const cs of [p.facts.approvals.aiUse.citations, p.facts.dataRules.personalData, p.facts.dataRules.secrecy]) {
        for (const c of cs) assert.equal(c.policy, p.id);
      }
    }
  });

  it("gives the review and approval capabilities the facts they rely on", () => {
    for (const p of packs) {
      const d = p.facts.dataRules;
      assert.ok(d.personalData.length > 0, `${p.id}: personalData rules`);
      assert.ok(d.specialCategory.length > 0, `${p.id}: specialCategory rules`);
      assert.ok(d.secrecy.length > 0, `${p.id}: secrecy rules`);
      assert.ok(d.credentials.length > 0, `${p.id}: credentials rules`);
      assert.ok(p.facts.incidents.steps.length > 0, `${p.id}: incident steps`);
    }
    const s = byId.get("soderkoping")!.facts.dataRules;
    assert.deepEqual(
      s.personalData.map((c) => c.rule),
      ["D", "A", "X"],
    );
    assert.equal(s.secrecy[0].rule, "G");
    const w = byId.get("wenell")!.facts;
    assert.match(w.dataRules.customerData![0].quote, /^Kunddata får under inga som helst omständigheter/);
    assert.equal(w.approvals.aiUse.role, "nearest-manager");
    assert.equal(w.approvals.purchase?.role, "ceo");
    assert.equal(byId.get("staffanstorp")!.facts.approvals.personalData?.role, "head-of-operations");
    assert.equal(byId.get("dalsland")!.facts.approvals.aiUse.role, "responsible-manager");
    assert.ok(byId.get("hjo")!.facts.imageRules!.citations.some((c) => c.quote.includes("verkliga platser och personer")));
  });

  it("faq entries have 3–12 phrasings, a bilingual verdict and at least one citation", () => {
    for (const p of packs) {
      const ids = new Set<string>();
      for (const e of p.faq) {
        assert.ok(!ids.has(e.id), `${p.id}: faq id ${e.id} twice`);
        ids.add(e.id);
        assert.ok(e.questions.length >= 3 && e.questions.length <= 12, `${p.id}/${e.id}: ${e.questions.length} questions`);
        assert.ok(e.verdict.sv && e.verdict.en && !e.verdict.sv.includes("\n"));
        assert.ok(e.citations.length >= 1);
      }
    }
  });
});

describe("policy/pack-loader: loading and validation", () => {
  it("loads a valid pack, fills the policy id and the rule of every citation", () => {
    const p = loadPack(path.join(fixtures, "good", "mini"));
    assert.equal(p.id, "mini");
    assert.deepEqual(p.facts.approvals.aiUse.citations[0], {
      policy: "mini",
      section: "2. Regler",
      rule: "B",
      quote: "Användning av AI kräver godkännande av närmaste chef.",
    });
    assert.equal(p.faq[0].citations[0].rule, "B");
    assert.equal(p.passages.find((x) => x.rule === "B")!.context, "Anvindning av Al kraver godkannande av narmaste chef.");
  });

  it("allows a pack without faq.json", () => {
    assert.deepEqual(loadPack(path.join(fixtures, "good", "nofaq")).faq, []);
  });

  it("loads every pack folder of a directory and rejects a duplicate id across directories", () => {
    assert.deepEqual(
      loadPacks([path.join(fixtures, "good")]).map((p) => p.id),
      ["mini", "nofaq"],
    );
    assert.throws(
      () => loadPacks([path.join(fixtures, "good"), path.join(fixtures, "dup")]),
      (e: unknown) => e instanceof PackError && e.code === "PACK_DUPLICATE_ID" && /dup\/mini\/pack\.json: id: pack id "mini" is already used by/.test(e.message),
    );
  });

  it("policyDirs adds an organisation's directory after the built-in one", () => {
    assert.deepEqual(policyDirs(""), [builtInPolicyDir()]);
    assert.deepEqual(policyDirs("/srv/packs"), [builtInPolicyDir(), path.resolve("/srv/packs")]);
  });

  const broken: Array<[string, string, RegExp]> = [
    ["missing-policy", "PACK_FILE_MISSING", /broken\/missing-policy\/policy\.md: required file is missing/],
    ["missing-pack", "PACK_FILE_MISSING", /broken\/missing-pack\/pack\.json: required file is missing/],
    ["bad-json", "PACK_JSON_SYNTAX", /broken\/bad-json\/pack\.json:3: invalid JSON/],
    ["wrong-type", "PACK_SCHEMA", /broken\/wrong-type\/pack\.json: facts\.title: expected string, got number/],
    ["unknown-role", "PACK_SCHEMA", /broken\/unknown-role\/pack\.json: facts\.approvals\.aiUse\.role: expected one of nearest-manager\|responsible-manager\|head-of-operations\|ceo\|none\|other, got "boss"/],
    ["unknown-field", "PACK_SCHEMA", /broken\/unknown-field\/pack\.json: facts\.organisation: unknown field "colour"/],
    ["quote-not-in-policy", "PACK_QUOTE_NOT_FOUND", /broken\/quote-not-in-policy\/pack\.json: facts\.dataRules\.secrecy\[0\]\.quote: "Hemliga uppgifter får aldrig lämna huset\." is not verbatim text of section "2\. Regler"/],
    ["missing-section", "PACK_SECTION_NOT_FOUND", /broken\/missing-section\/pack\.json: facts\.incidents\.citations\[0\]\.section: no section "9\. Incidenthantering"/],
    ["wrong-rule", "PACK_RULE_NOT_FOUND", /broken\/wrong-rule\/pack\.json: facts\.approvals\.aiUse\.citations\[0\]\.rule: section "2\. Regler" has no rule Z \(it has A, B\)/],
    ["rule-omitted", "PACK_QUOTE_NOT_FOUND", /broken\/rule-omitted\/pack\.json: facts\.tools\.publicAi\.citations\[0\]\.rule: the quote is in rule A; set "rule": "A"/],
    ["faq-bad-quote", "PACK_QUOTE_NOT_FOUND", /broken\/faq-bad-quote\/faq\.json: \[0\]\.citations\[0\]\.quote: "kräver godkännande av VD"/],
    ["id-mismatch", "PACK_ID_MISMATCH", /broken\/id-mismatch\/pack\.json: id: "some-other-id" must equal the pack's folder name "id-mismatch"/],
    ["bad-markdown", "PACK_MARKDOWN", /broken\/bad-markdown\/policy\.md:20: sections are flat/],
  ];
  for (const [name, code, message] of broken) {
    it(`broken pack "${name}" gives ${code} naming the file and field`, () => {
      const e = loadError(path.join(fixtures, "broken", name));
      assert.equal(e.code, code);
      assert.match(e.message, message);
    });
  }

  it("a missing pack folder or policy directory is a PackError", () => {
    assert.equal(loadError(path.join(fixtures, "nowhere")).code, "PACK_FILE_MISSING");
    assert.throws(() => loadPacks([path.join(fixtures, "nowhere")]), (e: unknown) => e instanceof PackError && /policy directory does not exist/.test(e.message));
  });
});
