// Draft review through the whole bot over real HTTP: pasted drafts, "granska:", long
// drafts, questions holding personal data, files served by a local "SharePoint", the
// message action's dialog, and restoring values, each reply checked against the schema.
import * as assert from "node:assert/strict";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";
import { executeInvoke, mentionMessage, message, post, submit } from "../support/activities";
import { cardOf, visibleTexts } from "../support/cards";
import { adaptiveCardValidator, assertValid } from "../support/schemas";
import { FileServer } from "../support/file-server";
import { fetchTaskInvoke, fileMessage, messagePayload, submitActionInvoke } from "../support/review-activities";
import { compoundFileHeader, makeDocx, makePdf } from "../support/documents";

const DRAFT = "Hej Anna Svensson,\nlösenordet är Sommar2024!xyz och personnumret är 19121212-1212.\nMvh Lars";
const RAW = ["Sommar2024!xyz", "19121212-1212", "191212121212", "1212121212", "Anna Svensson"];

function inputs(card: any): Record<string, any> {
  const out: Record<string, any> = {};
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    if (n.type === "Input.Text") out[n.id] = n;
    for (const k of ["body", "items", "columns"]) if (n[k]) walk(n[k]);
  };
  walk(card.body);
  return out;
}

function assertReviewCard(card: any, what: string): string[] {
  assertValid(adaptiveCardValidator(), card, what);
  const texts = visibleTexts(card);
  assert.ok(texts.includes("Granskning före Copilot") || texts.includes("Review before Copilot"), `${what}: a review card (${JSON.stringify(texts).slice(0, 200)})`);
  for (const raw of RAW) assert.ok(!texts.join("\n").includes(raw), `${what} shows ${raw}`);
  return texts;
}

describe("draft review over HTTP", function () {
  this.timeout(30000);
  let bot: RunningBot;
  const connector = new ConnectorStub();
  const files = new FileServer();
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    await files.start();
    bot = await startBot();
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
    await files.stop();
  });
  beforeEach(() => connector.clear());

  async function reply(activity: unknown, n = 1) {
    const res = await post(bot.url, activity);
    assert.equal(res.status, 200);
    return (await connector.waitFor(n)).map((r) => r.activity);
  }

  it("a pasted multi-line draft gets the review card: verdict, masked findings, copy, restore (1:1)", async () => {
    const [a] = await reply(message(DRAFT, { serviceUrl }));
    const card = cardOf(a);
    const texts = assertReviewCard(card, "review card");
    assert.ok(texts.includes("Blockera"));
    assert.ok(texts.includes("19121212-****"));
    assert.ok(texts.includes("••••"));
    const fields = inputs(card);
    assert.match(fields.redactedCopy.value, /\[PERSONNUMMER 1\]/);
    assert.ok(!fields.redactedCopy.value.includes("19121212"));
    assert.ok(fields.copilotAnswer, "restore form in a 1:1 chat");
    assert.equal(card.actions[0].type, "Action.Execute");
    assert.equal(a.summary, card.fallbackText, "notification text is the card's summary");
  });

  it("'granska:' reviews even a short text; 'granska' alone explains how", async () => {
    const [a] = await reply(message("granska: ring 070-123 45 67", { serviceUrl }));
    assert.ok(visibleTexts(cardOf(a)).includes("Telefon (1)"));
    connector.clear();
    const [hint] = await reply(message("granska", { serviceUrl }));
    assert.equal(hint.attachments, undefined);
    assert.match(hint.text, /granska:/);
  });

  it("a long text without a question mark is a draft; a short question is answered from the policy", async () => {
    const long = "Sammanfattning av mötet om budgeten för nästa år, där vi gick igenom alla förvaltningarnas äskanden och diskuterade prioriteringar inför beslutet i kommunstyrelsen. Underlaget skickas ut till alla ledamöter i god tid före sammanträdet, tillsammans med protokollet från förra mötet och kallelsen.";
    assert.ok(long.length > 280);
    const [a] = await reply(message(long, { serviceUrl }));
    const texts = assertReviewCard(cardOf(a), "long draft");
    assert.ok(texts.includes("OK"));
    connector.clear();
    const [q] = await reply(message("Får jag använda Copilot med personuppgifter?", { serviceUrl }));
    assert.ok(!visibleTexts(cardOf(q)).includes("Granskning före Copilot"), "a question is not reviewed");
  });

  it("a question holding a personnummer is answered, then warned about with the value masked", async () => {
    const [answer, warning] = await reply(message("Får jag skriva in personnumret 19121212-1212 i ChatGPT?", { serviceUrl }), 2);
    assert.ok(cardOf(answer).body.length > 0, "the answer card first");
    assert.equal(warning.attachments, undefined);
    assert.match(warning.text, /^Obs! Ditt meddelande innehöll personnummer/);
    assert.ok(warning.text.includes("19121212-****"));
    assert.ok(!warning.text.includes("19121212-1212"));
    const entry = bot.logs.entries().find((e) => e.event === "questionWarning");
    assert.deepEqual(entry?.types, { PERSONNUMMER: 1 });
  });

  it("in a channel: the card carries no mapping and says restore works in 1:1 chat", async () => {
    const [a] = await reply(mentionMessage(`granska: ${DRAFT}`, { serviceUrl, conversationType: "channel" }));
    const card = cardOf(a);
    assertReviewCard(card, "channel card");
    const json = JSON.stringify(a);
    for (const raw of RAW) assert.ok(!json.includes(raw), `channel reply carries ${raw}`);
    assert.equal(card.actions, undefined);
    assert.ok(!inputs(card).copilotAnswer);
    assert.ok(visibleTexts(card).some((t) => t.includes("1:1")));
  });

  it("restore via Action.Execute returns a card with the user's values put back", async () => {
    const card = cardOf((await reply(message(DRAFT, { serviceUrl })))[0]);
    const action = card.actions[0];
    const answer = "Kära [PERSON 1], ditt nya lösenord ersätter [SECRET 1]. Okänd [PERSON 99].";
    const res = await post(bot.url, executeInvoke(action.verb, { ...action.data, copilotAnswer: answer, redactedCopy: "x" }, { serviceUrl }));
    assert.equal(res.status, 200);
    assert.equal(res.body.statusCode, 200);
    assert.equal(res.body.type, "application/vnd.microsoft.card.adaptive");
    assertValid(adaptiveCardValidator(), res.body.value, "restored card");
    assert.equal(inputs(res.body.value).redactedCopy.value, "Kära Anna Svensson, ditt nya lösenord ersätter Sommar2024!xyz. Okänd [PERSON 99].");
    assert.ok(visibleTexts(res.body.value).includes("2 platshållare ersattes med dina värden."));
    const log = bot.logs.entries().find((e) => e.event === "restore");
    assert.deepEqual([log?.via, log?.replaced], ["execute", 2]);
  });

  it("restore via the Action.Submit fallback sends a new card; a crafted restore in a channel is refused", async () => {
    const card = cardOf((await reply(message(DRAFT, { serviceUrl })))[0]);
    connector.clear();
    const fallback = card.actions[0].fallback;
    const [a] = await reply(submit({ ...fallback.data, copilotAnswer: "Hej [PERSON 1]" }, { serviceUrl }));
    assert.equal(inputs(cardOf(a)).redactedCopy.value, "Hej Anna Svensson");

    const res = await post(bot.url, executeInvoke("restoreValues", { mapping: { "[PERSON 1]": "Anna" }, copilotAnswer: "[PERSON 1]" }, { serviceUrl, conversationType: "channel" }));
    assert.equal(res.body.statusCode, 403);
  });

  it("an empty restore asks for the answer first", async () => {
    const res = await post(bot.url, executeInvoke("restoreValues", { mapping: { "[PERSON 1]": "Anna" }, copilotAnswer: "  " }, { serviceUrl }));
    assert.ok(visibleTexts(res.body.value).includes("Klistra in Copilots svar i rutan först."));
  });

  it("over 100,000 characters: a clear message with the limit and what to do, in the user's language", async () => {
    const huge = "Ett långt protokoll. ".repeat(5000) + "x".repeat(10);
    assert.ok(huge.length > 100_000);
    const [sv] = await reply(message(`granska: ${huge}`, { serviceUrl }));
    assert.equal(sv.attachments, undefined);
    assert.match(sv.text, /högst 100\s000 tecken/);
    assert.match(sv.text, /Dela upp/);
    connector.clear();
    // the language of what is written decides: an English text, whatever Teams' locale
    const [en] = await reply(message("A long protocol for the board. ".repeat(4000), { serviceUrl, locale: "sv-SE" }));
    assert.match(en.text, /at most 100,000 characters/);
    assert.ok(bot.logs.entries().some((e) => e.event === "reviewRejected" && e.reason === "tooLong"));
  });

  describe("attached files (1:1 chat, file download info)", () => {
    const ok = async (name: string, bytes: Buffer, kindLine: string) => {
      const [a] = await reply(fileMessage(name, files.serve(name, { body: bytes }), { serviceUrl }));
      const card = cardOf(a);
      const texts = assertReviewCard(card, name);
      assert.ok(texts.includes(kindLine), `${name}: ${JSON.stringify(texts.slice(0, 3))}`);
      assert.ok(texts.includes("Blockera"));
      assert.match(inputs(card).redactedCopy.value, /\[PERSONNUMMER 1\]/);
    };

    it(".txt in UTF-8 and in Latin-1", async () => {
      await ok("utkast.txt", Buffer.from(DRAFT, "utf8"), "Granskad fil: textfil (.txt)");
      connector.clear();
      await ok("gammal.txt", Buffer.from(DRAFT, "latin1"), "Granskad fil: textfil (.txt)");
    });

    it(".docx", async () => {
      await ok("utkast.docx", makeDocx(DRAFT.split("\n")), "Granskad fil: Word-dokument (.docx)");
    });

    it(".pdf", async () => {
      await ok("utkast.pdf", makePdf([DRAFT.split("\n")], { compress: true }), "Granskad fil: PDF-fil (.pdf)");
    });

    const failures: Array<[string, string, () => Buffer | undefined, RegExp]> = [
      ["an empty file", "tom.txt", () => Buffer.alloc(0), /ingen text/],
      ["a corrupt PDF", "trasig.pdf", () => makePdf([["Hej"]]).subarray(0, 100), /gick inte att läsa/],
      ["an encrypted PDF", "skyddad.pdf", () => makePdf([["hemligt"]], { encrypted: true }), /lösenordsskyddad/],
      ["an encrypted .docx", "skyddad.docx", () => compoundFileHeader(), /lösenordsskyddad/],
      ["an unknown type", "tabell.xlsx", () => Buffer.from("x"), /\.txt-, \.docx- och \.pdf-filer/],
      ["a failed download", "borta.pdf", () => undefined, /kunde inte hämta/],
    ];
    for (const [what, name, bytes, expected] of failures) {
      it(`${what} gets a clear message`, async () => {
        const body = bytes();
        const url = body ? files.serve(name, { body }) : files.serve(name, { status: 404 });
        const [a] = await reply(fileMessage(name, url, { serviceUrl }));
        assert.equal(a.attachments, undefined);
        assert.match(a.text, expected);
      });
    }

    it("a file shared in a channel (no download link) is explained", async () => {
      const a = mentionMessage("", { serviceUrl, conversationType: "channel" }) as any;
      a.attachments = [{ contentType: "reference", name: "protokoll.docx", contentUrl: "https://contoso.sharepoint.com/x.docx" }];
      const [r] = await reply(a);
      assert.match(r.text, /1:1/);
    });
  });

  describe("message action 'Granska före Copilot'", () => {
    const html = "<p>Hej <at id=\"0\">Anna Svensson</at>,</p><p>lösenordet är Sommar2024!xyz och personnumret är 19121212-1212.</p>";

    it("fetchTask answers with a dialog (task continue) holding the review card, restore included", async () => {
      const res = await post(bot.url, fetchTaskInvoke(messagePayload(html), { serviceUrl, conversationType: "channel" }));
      assert.equal(res.status, 200);
      assert.equal(res.body.task.type, "continue");
      assert.equal(res.body.task.value.title, "Granska före Copilot");
      const card = res.body.task.value.card.content;
      assert.equal(res.body.task.value.card.contentType, "application/vnd.microsoft.card.adaptive");
      const texts = assertReviewCard(card, "dialog card");
      assert.ok(texts.includes("19121212-****"));
      assert.match(inputs(card).redactedCopy.value, /^Hej \[PERSON 1\],\nlösenordet är \[SECRET 1\]/);
      assert.equal(card.actions[0].type, "Action.Submit", "the dialog is private to the user: restore offered, as Submit");
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(connector.received.length, 0, "nothing posted to the conversation");

      // the dialog's Submit comes back as composeExtension/submitAction
      const data = { ...card.actions[0].data, copilotAnswer: "Till [PERSON 1]: byt [SECRET 1]." };
      const restored = await post(bot.url, submitActionInvoke(data, { serviceUrl, conversationType: "channel" }));
      assert.equal(restored.body.task.type, "continue");
      const rcard = restored.body.task.value.card.content;
      assertValid(adaptiveCardValidator(), rcard, "restored dialog card");
      assert.equal(inputs(rcard).redactedCopy.value, "Till Anna Svensson: byt Sommar2024!xyz.");
    });

    it("submitAction with the message (a command without fetchTask) reviews it too, in English for an English client", async () => {
      const res = await post(bot.url, submitActionInvoke({}, { serviceUrl, locale: "en-GB" }, { messagePayload: messagePayload(html) }));
      assert.equal(res.body.task.type, "continue");
      const texts = assertReviewCard(res.body.task.value.card.content, "submit dialog");
      assert.ok(texts.includes("Block"));
    });

    it("a message without text gets a short dialog message; an unknown command is not ours", async () => {
      const res = await post(bot.url, fetchTaskInvoke(messagePayload("<img src=\"x.png\">"), { serviceUrl }));
      assert.equal(res.body.task.type, "message");
      assert.match(res.body.task.value, /ingen text/);
      const other = await post(bot.url, fetchTaskInvoke(messagePayload(html), { serviceUrl }, "somethingElse"));
      assert.notEqual(other.status, 200);
    });
  });
});
