// The bot over real HTTP: Teams-shaped activities in, replies at a local connector stub.
import * as assert from "node:assert/strict";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";
import { botAdded, executeInvoke, installationAdd, mentionMessage, message, post, submit } from "../support/activities";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { adaptiveCardValidator, assertValid } from "../support/schemas";

const QUESTION = "Får jag använda Copilot med personuppgifter?";

describe("bot over HTTP (POST /api/messages)", () => {
  let bot: RunningBot;
  const connector = new ConnectorStub();
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot();
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  async function ask(activity: unknown) {
    const res = await post(bot.url, activity);
    assert.equal(res.status, 200);
    const [reply] = await connector.waitFor(1);
    return reply;
  }

  it("answers a 1:1 question with a valid Adaptive Card quoting the policy with its source", async () => {
    const expected = bot.library.ask("soderkoping", QUESTION);
    assert.ok(expected.citations.length > 0, "the pack must cite something for this question");
    const reply = await ask(message(QUESTION, { serviceUrl }));
    const card = cardOf(reply.activity);
    assertValid(adaptiveCardValidator(), card, "answer card");
    assert.equal(card.version, "1.5");
    const texts = visibleTexts(card);
    const c = expected.citations[0];
    assert.ok(texts.some((t) => t.includes(c.quote)), "the quote appears verbatim");
    const org = bot.library.get("soderkoping").facts.organisation.name;
    const source = c.rule ? `Källa: ${org}, ${c.section}, regel ${c.rule}` : `Källa: ${org}, ${c.section}`;
    assert.ok(texts.includes(source), `source line "${source}" in ${JSON.stringify(texts)}`);
    assert.ok(texts.includes("Var detta till hjälp?"));
    const actions = actionsOf(card);
    assert.deepEqual(actions.map((a) => [a.type, a.title]), [["Action.Execute", "Ja"], ["Action.Execute", "Nej"]]);
  });

  it("a yes/no question's card leads with the verdict from the pack's rules; a 'no' in the attention colour", async () => {
    const reply = await ask(message("Får jag klistra in en elevlista i ChatGPT?", { serviceUrl }));
    const card = cardOf(reply.activity);
    assertValid(adaptiveCardValidator(), card, "answer card");
    const heading = (card.body as Array<Record<string, unknown>>).find((b) => b.style === "heading");
    assert.equal(heading?.text, "Nej, det är inte tillåtet.");
    assert.equal(heading?.color, "attention");
  });

  it("strips the @mention in a channel and answers the question", async () => {
    const expected = bot.library.ask("soderkoping", QUESTION);
    const reply = await ask(mentionMessage(QUESTION, { serviceUrl, conversationType: "channel" }));
    const texts = visibleTexts(cardOf(reply.activity));
    assert.ok(texts.some((t) => t.includes(expected.citations[0].quote)));
  });

  it("a mention in a group chat with only the bot's name gets a hint, not an answer", async () => {
    const reply = await ask(mentionMessage("", { serviceUrl, conversationType: "groupChat" }));
    assert.equal(reply.activity.attachments, undefined);
    assert.match(reply.activity.text, /hjälp/);
  });

  it("refuses, with a card saying where to turn, when the policy is silent", async () => {
    const q = "Vilken är den bästa pizzerian i Söderköping?";
    const expected = bot.library.ask("soderkoping", q);
    assert.equal(expected.refused, true);
    const card = cardOf((await ask(message(q, { serviceUrl }))).activity);
    assertValid(adaptiveCardValidator(), card, "refusal card");
    const texts = visibleTexts(card);
    assert.ok(texts.includes("Policyn tar inte upp det här"));
    const contact = bot.library.get("soderkoping").facts.contact.sv;
    assert.ok(texts.some((t) => t.includes(contact)), "names where to turn");
  });

  it("answers in the language of the question (card chrome in English)", async () => {
    const q = "May I use ChatGPT with personal data?";
    const expected = bot.library.ask("soderkoping", q);
    assert.equal(expected.lang, "en");
    const texts = visibleTexts(cardOf((await ask(message(q, { serviceUrl, locale: "sv-SE" }))).activity));
    assert.ok(texts.some((t) => t === "Was this helpful?" || t === "The policy does not cover this"), JSON.stringify(texts));
    assert.ok(!texts.includes("Var detta till hjälp?"));
  });

  it("sends the welcome card once when installed (conversationUpdate + installationUpdate)", async () => {
    const conversationId = "a:install-1";
    await post(bot.url, botAdded({ serviceUrl, conversationId }));
    await post(bot.url, installationAdd({ serviceUrl, conversationId }));
    const [first] = await connector.waitFor(1);
    const card = cardOf(first.activity);
    assertValid(adaptiveCardValidator(), card, "welcome card");
    assert.ok(visibleTexts(card).includes("Hej! Jag är Policybot"));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(connector.received.length, 1, "welcomed once");
  });

  it("does not welcome when only a user joins", async () => {
    const a = botAdded({ serviceUrl });
    a.membersAdded = [{ id: "29:someone-else" }];
    const res = await post(bot.url, a);
    assert.equal(res.status, 200);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(connector.received.length, 0);
  });

  it("a greeting in a 1:1 chat gets the welcome card, not a refusal; between colleagues in a channel it is left alone", async () => {
    const card = cardOf((await ask(message("hej!", { serviceUrl }))).activity);
    assert.ok(visibleTexts(card).includes("Hej! Jag är Policybot"));
    connector.clear();
    const res = await post(bot.url, message("hej", { serviceUrl, conversationType: "channel" }));
    assert.equal(res.status, 200);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(connector.received.length, 0);
  });

  for (const [word, title] of [["hjälp", "Så här använder du Policybot"], ["help", "How to use Policybot"]]) {
    it(`"${word}" gets the help card`, async () => {
      const card = cardOf((await ask(message(word, { serviceUrl }))).activity);
      assertValid(adaptiveCardValidator(), card, "help card");
      assert.ok(visibleTexts(card).includes(title));
    });
  }

  it("lists packs and switches the conversation's pack; an unknown pack is refused with the known ids", async () => {
    const conversationId = "a:switch-1";
    const list = cardOf((await ask(message("policy", { serviceUrl, conversationId }))).activity);
    assertValid(adaptiveCardValidator(), list, "pack list card");
    const ids = bot.library.ids();
    for (const id of ids) assert.ok(visibleTexts(list).includes(id));

    connector.clear();
    const unknown = await ask(message("policy nosuchpack", { serviceUrl, conversationId }));
    assert.match(unknown.activity.text, /nosuchpack/);
    assert.match(unknown.activity.text, new RegExp(ids[0]));

    const other = ids.find((id) => id !== "soderkoping");
    assert.ok(other, "needs a second pack");
    connector.clear();
    const switched = await ask(message(`policy ${other}`, { serviceUrl, conversationId }));
    assert.match(switched.activity.text, new RegExp(bot.library.get(other).facts.organisation.name));
    connector.clear();
    const help = cardOf((await ask(message("hjälp", { serviceUrl, conversationId }))).activity);
    assert.ok(visibleTexts(help).some((t) => t.includes(`(${other})`)), "help shows the switched pack");
  });

  it("feedback via Action.Execute returns the card redrawn with thanks; logs id and flag only", async () => {
    const card = cardOf((await ask(message(QUESTION, { serviceUrl }))).activity);
    const yes = actionsOf(card)[0];
    const res = await post(bot.url, executeInvoke(yes.verb, yes.data, { serviceUrl }));
    assert.equal(res.status, 200);
    assert.equal(res.body.statusCode, 200);
    assert.equal(res.body.type, "application/vnd.microsoft.card.adaptive");
    assertValid(adaptiveCardValidator(), res.body.value, "thanked card");
    assert.ok(visibleTexts(res.body.value).includes("Tack för din återkoppling!"));
    assert.equal(actionsOf(res.body.value).length, 0, "no buttons after feedback");
    const entry = bot.logs.entries().find((e) => e.event === "feedback" && e.answerId === yes.data.answerId);
    assert.ok(entry, "feedback logged");
    assert.equal(entry.helpful, true);
  });

  it("feedback via the Action.Submit fallback updates the card in place", async () => {
    const sent = await ask(message(QUESTION, { serviceUrl }));
    const no = actionsOf(cardOf(sent.activity))[1];
    assert.ok(no.fallback, "Execute has a Submit fallback");
    connector.clear();
    const res = await post(bot.url, submit(no.fallback.data, { serviceUrl, conversationId: sent.conversationId, replyToId: "stub-card-1" }));
    assert.equal(res.status, 200);
    const [update] = await connector.waitFor(1);
    assert.equal(update.method, "PUT");
    assert.ok(update.path.endsWith("/activities/stub-card-1"));
    assert.ok(visibleTexts(cardOf(update.activity)).includes("Tack för din återkoppling!"));
    const entry = bot.logs.entries().find((e) => e.event === "feedback" && e.answerId === no.data.answerId);
    assert.equal(entry?.helpful, false);
  });

  it("rejects a malformed card action with a 400 invoke response and sends nothing", async () => {
    const res = await post(bot.url, executeInvoke("feedback", { answerId: "x y", helpful: "yes" }, { serviceUrl }));
    assert.equal(res.status, 400, "botbuilder mirrors the invoke status on HTTP");
    assert.equal(res.body.statusCode, 400);
    assert.equal(res.body.type, "application/vnd.microsoft.error");
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(connector.received.length, 0);
  });

  it("GET /healthz answers 200 JSON without secrets", async () => {
    const res = await fetch(`${bot.url}/healthz`);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.status, "ok");
    assert.equal(body.auth, false);
  });
});
