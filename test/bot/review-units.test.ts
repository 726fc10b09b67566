// The pieces of draft review in the bot: when a message is a draft, the HTML of a message
// action as text, and masked values that never give the value away.
import * as assert from "node:assert/strict";
import { draftText, isDraftLike, reviewRoute, DRAFT_MIN_CHARS, QUESTION_MAX_CHARS } from "../../src/bot/review/routing";
import { htmlToText } from "../../src/bot/review/html-text";
import { maskValue } from "../../src/bot/review/mask";
import { parseRestoreInvoke, parseRestoreSubmit } from "../../src/bot/review/restore-submit";
import { attachedFile } from "../../src/bot/review/attachments";
import { table } from "../../src/locales";

describe("review routing", () => {
  it("'granska'/'review' with or without a colon makes the rest the draft", () => {
    assert.deepEqual(reviewRoute("granska: Hej Anna"), { via: "prefix", text: "Hej Anna" });
    assert.deepEqual(reviewRoute("Granska Hej Anna"), { via: "prefix", text: "Hej Anna" });
    assert.deepEqual(reviewRoute("REVIEW:\nline one\nline two"), { via: "prefix", text: "line one\nline two" });
    assert.deepEqual(reviewRoute("granska"), { via: "prefix", text: "" });
    assert.equal(reviewRoute("granskaren sa nej"), undefined, "a word that only starts with granska is not the prefix");
    assert.equal(reviewRoute("reviewing policy?"), undefined);
  });

  it("long or multi-line text is a draft unless it is a short question", () => {
    const long = "Hej, här kommer protokollet från mötet. ".repeat(10);
    assert.ok(long.length > DRAFT_MIN_CHARS);
    assert.equal(reviewRoute(long)?.via, "draft");
    assert.equal(reviewRoute("Hej Anna\nHär är texten\nMvh Lars")?.via, "draft");
    assert.equal(reviewRoute("Får jag använda Copilot med personuppgifter?"), undefined);
    assert.equal(reviewRoute("Hej\nFår jag använda Copilot\nmed personuppgifter?"), undefined, "a short question over three lines");
    const longQuestion = `${"Vi ska sammanfatta protokoll. ".repeat(12)}Får vi det?`;
    assert.ok(longQuestion.length > DRAFT_MIN_CHARS && longQuestion.length <= QUESTION_MAX_CHARS);
    assert.equal(isDraftLike(longQuestion), false);
    const draftEndingInQuestion = `${"Hej kollegor, här är underlaget. ".repeat(25)}Kan ni återkomma?`;
    assert.ok(draftEndingInQuestion.length > QUESTION_MAX_CHARS);
    assert.equal(isDraftLike(draftEndingInQuestion), true);
    assert.equal(isDraftLike("kort text"), false);
  });

  it("drops the @mention but keeps the draft's line breaks", () => {
    assert.equal(draftText("<at>Policybot</at> granska:\r\nrad 1  \nrad 2&nbsp;x"), "granska:\nrad 1\nrad 2 x");
  });
});

describe("message action HTML to text", () => {
  it("turns blocks, breaks, lists and cells into lines and decodes entities", () => {
    const html =
      '<div><div><p>Hej <at id="0">Anna Svensson</at>,</p><p>pnr&nbsp;19121212-1212<br>rad två</p>' +
      "<ul><li>ett</li><li>två &amp; tre</li></ul><table><tr><td>a</td><td>b</td></tr></table>" +
      "<style>p{color:red}</style><!-- kommentar --><p>&lt;taggar&gt; &#229;&#xE4;</p></div></div>";
    assert.equal(htmlToText(html), "Hej Anna Svensson,\npnr 19121212-1212\nrad två\n- ett\n- två & tre\na\tb\n<taggar> åä");
  });

  it("keeps an empty paragraph as a blank line", () => {
    assert.equal(htmlToText("<p>Hej</p><p>&nbsp;</p><p>Mvh</p>"), "Hej\n\nMvh");
  });

  it("leaves plain text alone", () => {
    assert.equal(htmlToText("  bara text  "), "bara text");
  });
});

describe("masked values", () => {
  it("never shows a whole identifier or secret", () => {
    assert.equal(maskValue("PERSONNUMMER", "19121212-1212"), "19121212-****");
    assert.equal(maskValue("PERSONNUMMER", "121212+1212"), "121212+****");
    assert.equal(maskValue("PERSONNUMMER", "191212121212"), "19121212-****");
    assert.equal(maskValue("EMAIL", "anna.svensson@exempel.se"), "a•••@e•••.se");
    assert.equal(maskValue("CREDENTIAL", "Sommar2024!xyz"), "••••");
    assert.equal(maskValue("PERSON_NAME", "Liam Eriksson"), "L. E.");
    assert.equal(maskValue("PERSON_NAME", "åsa"), "Å.");
    assert.equal(maskValue("PAYMENT_CARD", "4111 1111 1111 1111"), "•••• 1111");
    const iban = maskValue("BANK_ACCOUNT", "SE45 5000 0000 0583 9825 7466");
    assert.ok(iban.startsWith("SE45") && iban.endsWith("66") && !iban.includes("5839825"), iban);
    const phone = maskValue("PHONE", "070-123 45 67");
    assert.equal(phone, "070-••• •• 67");
    assert.equal(maskValue("IP_ADDRESS", "192.168.10.20"), "192.•.•.•");
    assert.ok(!maskValue("ADDRESS", "Storgatan 12, 123 45 Ankeborg").includes("Storgatan"));
    assert.equal(maskValue("HEALTH", "sjukskriven"), "sjukskriven");
    assert.ok(!maskValue("SECRECY", "sekretess enligt 26 kap. 1 § OSL, dnr 2024123456").includes("2024123456"));
  });
});

describe("restore action data", () => {
  const mapping = { "[PERSON 1]": "Anna", "[PERSONNUMMER 1]": "19121212-1212" };

  it("accepts the Execute invoke and the Submit fallback, with the pasted answer", () => {
    assert.deepEqual(parseRestoreInvoke({ action: { type: "Action.Execute", verb: "restoreValues", data: { mapping, lang: "sv", copilotAnswer: "x" } } }), { mapping, lang: "sv", copilotAnswer: "x" });
    assert.deepEqual(parseRestoreSubmit({ verb: "restoreValues", mapping, surface: "dialog", copilotAnswer: "y", redactedCopy: "ignored" }), { mapping, surface: "dialog", copilotAnswer: "y" });
  });

  it("rejects keys that are not placeholders, other verbs and oversized answers", () => {
    assert.equal(parseRestoreSubmit({ verb: "restoreValues", mapping: { "<script>": "x" } }), undefined);
    assert.equal(parseRestoreSubmit({ verb: "feedback", mapping }), undefined);
    assert.equal(parseRestoreSubmit({ verb: "restoreValues", mapping, copilotAnswer: "x".repeat(100_001) }), undefined);
  });
});

describe("attached files", () => {
  const info = (name: string, fileType: string) => ({ contentType: "application/vnd.microsoft.teams.file.download.info", name, content: { downloadUrl: "https://x/y", fileType } });

  it("picks the download info of a document, leaves images and HTML to others", () => {
    assert.deepEqual(attachedFile([{ contentType: "text/html", content: "<p>x</p>" }, info("a.pdf", "pdf")]), { kind: "download", name: "a.pdf", fileType: "pdf", downloadUrl: "https://x/y" });
    assert.equal(attachedFile([info("bild.png", "png")]), undefined);
    assert.equal(attachedFile([{ contentType: "text/html", content: "<p>x</p>" }]), undefined);
    assert.equal(attachedFile(undefined), undefined);
    assert.deepEqual(attachedFile([info("tabell.xlsx", "xlsx")]), { kind: "download", name: "tabell.xlsx", fileType: "xlsx", downloadUrl: "https://x/y" }, "unknown types are claimed, to say so");
    assert.deepEqual(attachedFile([{ contentType: "reference", name: "delad.docx", contentUrl: "https://sp/x" }]), { kind: "unreachable" });
  });
});

describe("review-card locales", () => {
  it("sv and en have the same keys, none empty, same {placeholders}", () => {
    const flat = (t: unknown, prefix = ""): Record<string, string> =>
      Object.entries(t as Record<string, unknown>).reduce<Record<string, string>>((acc, [k, v]) => (typeof v === "string" ? { ...acc, [prefix + k]: v } : { ...acc, ...flat(v, `${prefix}${k}.`) }), {});
    const sv = flat(table("sv", "review-card"));
    const en = flat(table("en", "review-card"));
    assert.deepEqual(Object.keys(en).sort(), Object.keys(sv).sort());
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(sv)) {
      assert.ok(sv[k].trim() && en[k].trim(), `${k} empty`);
      assert.deepEqual(vars(en[k]), vars(sv[k]), `${k} placeholders`);
    }
    for (const type of ["PERSONNUMMER", "PERSON_NAME", "EMAIL", "PHONE", "ADDRESS", "BANK_ACCOUNT", "PAYMENT_CARD", "IP_ADDRESS", "CREDENTIAL", "LICENSE_PLATE", "HEALTH", "SPECIAL_CATEGORY", "SECRECY"]) {
      assert.ok(sv[`why.${type}`], `why.${type}`);
    }
    for (const code of ["unsupported", "tooLarge", "empty", "corrupt", "encrypted", "download", "timeout", "insecureUrl", "noDownload"]) assert.ok(sv[`file.${code}`], `file.${code}`);
  });
});
