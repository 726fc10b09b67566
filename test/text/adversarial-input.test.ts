// Untrusted text on every path that reads it (chat messages, drafts, attached documents,
// message-action HTML, form free text, commands): each function that used a regex with
// quadratic backtracking gives the same output as that regex did (the functions as they were
// are the references in test/support/regex-references.ts), and 256 KB of the shapes that made
// those regexes stall (100,000 spaces took 10 s) come back with the right answer. No timing:
// the old code fails here by running past the test's time limit, minutes rather than seconds.
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseCommand, stripMentions } from "../../src/bot/commands";
import { draftText, reviewRoute } from "../../src/bot/review/routing";
import { htmlToText } from "../../src/bot/review/html-text";
import { summarise } from "../../src/bot/review/summary";
import { payloadText } from "../../src/bot/handlers/review-action";
import { asksQuestion, dropPermissionQuestions, imageClaim, NOUN_SV } from "../../src/bot/images/claim";
import { incidentCommand, soundsLikeIncident } from "../../src/bot/incidents/detect";
import { approvalCommand } from "../../src/bot/approvals/command";
import { wordXmlText } from "../../src/documents/docx";
import { DocumentError, extractText } from "../../src/documents";
import { cleanLine, cleanMultiline } from "../../src/incidents/sanitize";
import { parseIncidentForm } from "../../src/incidents/validation";
import { parseRequestForm } from "../../src/approvals/validation";
import { reviewDraft } from "../../src/review";
import type { ReviewWithMapping } from "../../src/review";
import { makeDocx } from "../support/documents";
import { before } from "../support/regex-references";

const KB256 = 256 * 1024;
/** 256 KB of one piece (and what follows it) */
const big = (piece: string, suffix = "") => piece.repeat(Math.ceil(KB256 / piece.length)) + suffix;
const text = (pieces: string[], maxLength = 40) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((a) => a.join(""));

describe("untrusted text: the same output as before, in linear time", function () {
  this.timeout(20_000);

  describe("as the regexes did, on generated text", () => {
    it("chat text: stripMentions and draftText", () => {
      const pieces = ["<at>", "</at>", "<AT id='1'>", "</At>", "<at", "</at", "<", ">", "/", "\n", "\r", "\r\n", "\u2028", " ", "\t", "a", "Anna", "&nbsp;", "<p>", "</p>", "<div>", "<span class=x>", "<pre>", "<param>", "<P", "</SPAN>", "<attachment>"];
      fc.assert(fc.property(text(pieces), (s) => {
        assert.equal(stripMentions(s), before.stripMentions(s));
        assert.equal(draftText(s), before.draftText(s));
      }), { numRuns: 4000 });
    });

    it("message-action HTML: htmlToText", () => {
      const pieces = ["<", ">", "/", "!", "-", "<!--", "-->", "--", "<li", "<LI>", "<li class=a>", "</li>", "<p>", "</P>", "<p", "<pre>", "<param>", "<br>", "<BR/>", "<br  />", "<br", "<script>", "</script>",
        "</SCRIPT >", "<script", "<style x>", "</style>", "<template>", "</template\t>", "<scripts>", "</td>", "</TH >", "<td>", "<h1>", "<h7>", "<div", "</div>", "<table>", "<tr>", "<section>", "<sectionx>",
        " ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0", "&nbsp;", "&amp;", "&#65;", "&ndash;", "&zz;", "&", "a", "B", "\u0001", "_", "1"];
      fc.assert(fc.property(text(pieces), (s) => assert.equal(htmlToText(s), before.htmlToText(s))), { numRuns: 5000 });
    });

    it("documents: wordXmlText", () => {
      const pieces = ["<", ">", "/", "/>", "w:t", "<w:t>", "</w:t>", "<w:t xml:space=\"preserve\">", "<w:t/>", "<w:t", "<w:p>", "</w:p>", "<w:p/>", "<w:p w:rsidR=\"1\">", "<w:pPr>", "<w:tab/>", "<w:tab>",
        "<w:tabs>", "<w:br/>", "<w:cr/>", "<w:tc>", "</w:tc>", "<w:delText>", "</w:delText>", "<w:instrText>", "</w:instrText>", "<w:noBreakHyphen/>", "<w:softHyphen/>", "<w:r>", "<w:t\u00a0>", "<w:t\u2028/>",
        " ", "\t", "\n", "a", "&amp;", "&lt;", "&#x41;", "&", "\u00a0"];
      fc.assert(fc.property(text(pieces), (s) => assert.equal(wordXmlText(s), before.wordXmlText(s))), { numRuns: 5000 });
    });

    it("form free text: cleanMultiline", () => {
      const pieces = [" ", "\t", "\n", "\r", "\r\n", "a", "\u0000", "\u0085", "\u202e", "\ud800", "\udc00", "e\u0301", "\u00a0", "\u000b", "x"];
      fc.assert(fc.property(text(pieces), (s) => assert.equal(cleanMultiline(s), before.cleanMultiline(s))), { numRuns: 3000 });
    });

    it("image claims: permission questions and Swedish image nouns", () => {
      const pieces = ["kan jag ", "Får vi", "kan\n\njag", "är det ok att", "is it ok to", "may i", "can one", "kan", "jag", " ", "?", ".", "!", "\n", ";", "gjort", "a", "b", "bild", "bilden", "Bilderna", "-", "1", "٣",
        "ä", "x", "_", "foto", "AI", "dall-e", "\u2028"];
      fc.assert(fc.property(text(pieces), (s) => {
        assert.equal(dropPermissionQuestions(s), before.permissionQuestions(s));
        assert.equal(NOUN_SV.test(s), before.nounSv.test(s));
      }), { numRuns: 6000 });
    });

    it("review card reasons: quoted words dropped", () => {
      const finding = (reason: string) => ({ type: "HEALTH" as const, start: 0, end: 4, confidence: 0.9, reason });
      const pieces = ["'", '"', "‘", "’", "”", "a", " ", "  ", "1234", "12", "word"];
      fc.assert(fc.property(text(pieces, 20), (reason) => {
        const r: ReviewWithMapping = { verdict: "warn", findings: [finding(reason)], redacted: "", rules: {}, mapping: {} };
        const want = before.cleanReason(reason);
        assert.deepEqual(summarise("sjuk", r).groups[0].reasons, want ? [want] : []);
      }), { numRuns: 2000 });
    });
  });

  describe("256 KB of the shapes that stalled the process", () => {
    it("chat: mentions, tags and spaces", () => {
      assert.equal(stripMentions(big(" ", "x")), "x");
      for (const piece of ["<at", "<at>", "<AT x", "<p", "<span "]) assert.equal(stripMentions(big(piece)), big(piece).trim(), piece);
      assert.equal(stripMentions(big("<at>x</at>", "fråga")), "fråga");
      assert.equal(parseCommand(big(" ", "hjälp")).kind, "help");
      assert.equal(draftText(big(" ", "x")), "x");
      assert.equal(draftText(big(" \t", "\nx")), "x");
      assert.equal(draftText(`a${big(" ")}\nb${big("\t")}`), "a\nb");
      assert.equal(draftText(big("<at")), big("<at"));
      assert.equal(draftText(big("<at>a</at>", "utkast")), "utkast");
      assert.deepEqual(reviewRoute(draftText(big(" ", "granska: x"))), { via: "prefix", text: "x" });
    });

    it("message action: HTML of unclosed tags, comments and block runs", () => {
      for (const piece of ["<", "<li", "<li ", "<p", "<br", "<!--", "<at", "<w:t", "<script"]) assert.equal(htmlToText(big(piece)), big(piece).trim(), piece);
      assert.equal(htmlToText(big("<script>")), "");
      assert.equal(htmlToText(big("<style>", "x")), "x");
      assert.equal(htmlToText(big("<template>", "</TEMPLATE >x")), "x");
      assert.equal(htmlToText(`<p>${big(" ")}x</p>`), "x");
      assert.equal(htmlToText(`<p>a${big(" \t")}<br>b`), "a\nb");
      assert.equal(htmlToText(big("<p> ", "x")), "x");
      assert.equal(htmlToText(big("<!--x-->", "y")), "y");
      const action = { messagePayload: { body: { contentType: "html", content: `${big("<li")}` } } };
      assert.equal(payloadText(action as never), big("<li"));
    });

    it("documents: a .docx of spaces, of '<' and of unclosed tags", async () => {
      assert.equal(wordXmlText(`<w:p><w:t>${big(" ")}</w:t></w:p>`), "\n");
      assert.equal(wordXmlText(`<w:p><w:t>${big(" ")}x</w:t></w:p>`), `${big(" ")}x\n`);
      assert.equal(wordXmlText(big("<")), "");
      assert.equal(wordXmlText(`<w:t>${big("<w:t")}x</w:t>`), "");
      await assert.rejects(extractText(makeDocx([big(" ")]), "docx"), (e: unknown) => e instanceof DocumentError && e.code === "empty");
      assert.equal(await extractText(makeDocx([big(" ", "x")]), "docx"), "x");
      assert.equal(await extractText(makeDocx([], { bodyXml: `<w:p><w:r><w:t>${big("a \t")}\nb</w:t></w:r></w:p>` }), "docx"), `${big("a \t").trimEnd()}\nb`);
      assert.equal(await extractText(Buffer.from(big(" ", "\nx")), "txt"), big(" ", "\nx"));
    });

    it("forms: incident description, approval purpose", () => {
      assert.equal(cleanMultiline(big(" ", "x")), "x");
      assert.equal(cleanMultiline(`a${big(" ")}\n\n\n\nb`), "a\n\nb");
      assert.equal(cleanLine(big(" \t", "x\ny")), "x y");
      const now = Date.parse("2026-03-02T10:00:00Z");
      const incident = parseIncidentForm({ occurredAt: "2026-03-02T07:30:00+01:00", tool: big(" ", "ChatGPT"), infoKinds: "personal", description: big(" ", "x") }, now);
      assert.ok(incident.ok && incident.value.description === "x" && incident.value.tool === "ChatGPT");
      const long = parseIncidentForm({ occurredAt: "2026-03-02T07:30:00+01:00", tool: "ChatGPT", infoKinds: "personal", description: `a${big(" ")}b` }, now);
      assert.ok(!long.ok && long.issues[0].field === "description" && long.issues[0].code === "too_long");
      const request = parseRequestForm({ tool: "public-ai", purpose: big(" \t", "Utkast"), infoKinds: "open", validUntil: "2026-04-01" }, now);
      assert.ok(request.ok && request.value.purpose === "Utkast");
    });

    it("commands and claims", () => {
      assert.equal(incidentCommand(big(" ", "rapportera incident")), "sv");
      assert.equal(approvalCommand(big("\t", "request AI tool")), "en");
      assert.equal(soundsLikeIncident(big("a ")), false);
      for (const s of [big("kan jag "), big("gjort ", big("a-")), `gjort dall-e 9${big("a-")}bildx`, big("is it ok to "), big("får vi") + "?", big("kan") + " jag"]) {
        assert.equal(imageClaim(s), undefined, s.slice(0, 20));
      }
      assert.deepEqual(imageClaim(`gjort dall-e ${big("a-")}bild`), { generator: "DALL·E", lang: "sv" });
      assert.equal(imageClaim(`${big("kan jag göra ")}en bild med DALL-E?`), undefined);
      assert.deepEqual(imageClaim(`${big("a-")} gjorde en AI-bild med DALL-E`), { generator: "DALL·E", lang: "sv" });
      assert.equal(NOUN_SV.test(big("a-")), false);
      assert.equal(NOUN_SV.test(big("9a-", "bild")), true);
      assert.equal(asksQuestion(big("a ")), false);
    });

    it("the review engine: spaces, '<', digits, line breaks, words", () => {
      for (const piece of [" ", "<", "\n", "a ", "<li", "\t", "-", "a-", ".", ":"]) {
        const r = reviewDraft(big(piece));
        assert.deepEqual([r.verdict, r.findings.length, r.redacted], ["ok", 0, big(piece)], JSON.stringify(piece));
      }
      for (const piece of ["1", "1 ", "19121212", "Anna ", "lösenord ", "kod "]) {
        const r = reviewDraft(big(piece));
        assert.equal(r.redacted.length > 0, true, piece);
      }
    });
  });
});
