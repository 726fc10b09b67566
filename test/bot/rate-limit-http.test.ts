// Rate limits per user and per tenant over real HTTP with signed tokens: a user over the
// limit gets one notice in their language for the window, then nothing (no turn, 200);
// card actions still get a valid invoke response; other users are served as before.
import * as assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";
import { USER, executeInvoke, message, post } from "../support/activities";
import { fetchTaskInvoke, messagePayload } from "../support/review-activities";
import { signedBotApp } from "../support/openid-server";
import { t } from "../../src/locales";

describe("rate limits (RATE_LIMIT_*) over real HTTP", () => {
  const { appId, openid, env: signedEnv } = signedBotApp();
  const connector = new ConnectorStub();
  let serviceUrl: string;
  const bots: RunningBot[] = [];

  before(async () => {
    serviceUrl = await connector.start();
    await openid.start();
  });
  after(async () => {
    for (const b of bots) await b.stop();
    await connector.stop();
    await openid.stop();
  });
  beforeEach(() => connector.clear());

  async function start(limits: Record<string, string>): Promise<RunningBot> {
    const bot = await startBot({
      ...signedEnv(),
      ...limits,
    });
    bots.push(bot);
    return bot;
  }

  /** one user of their own, in their own 1:1 chat */
  function person(locale = "sv-SE") {
    const conversationId = `a:conv-${randomUUID()}`;
    const from = { ...USER, id: `29:${randomUUID()}`, aadObjectId: randomUUID() };
    const o = { serviceUrl, conversationId, locale };
    return {
      conversationId,
      ask: (text = "hjälp") => ({ ...message(text, o), from }),
      click: () => ({ ...executeInvoke("feedback", { answerId: "a-1", helpful: true }, o), from }),
      action: () => ({ ...fetchTaskInvoke(messagePayload("<p>Hej</p>"), o), from }),
    };
  }
  /** the locale file's notice, with the seconds left in the window (1 to 60) */
  function assertNotice(text: unknown, lang: "sv" | "en") {
    assert.equal(typeof text, "string");
    const seconds = Number(/(\d+)/.exec(text as string)?.[1]);
    assert.ok(seconds >= 1 && seconds <= 60, `seconds left in the window: ${seconds}`);
    assert.equal(text, t(lang, "limits", "rateLimited", { seconds }));
  }
  const signed = () => ({ authorization: `Bearer ${openid.channelToken({ appId, serviceUrl })}` });
  const sentTo = (conversationId: string) => connector.received.filter((r) => r.conversationId === conversationId);

  /** posts a message and returns what the connector got for that chat because of it */
  async function send(bot: RunningBot, p: ReturnType<typeof person>, text?: string) {
    const before = sentTo(p.conversationId).length;
    const res = await post(bot.url, p.ask(text), signed());
    // the turn runs before the HTTP answer: whatever it sent is at the connector now
    return { status: res.status, sent: sentTo(p.conversationId).slice(before) };
  }

  it("a user over their limit gets one notice in their language, then nothing; other users are unaffected", async () => {
    const bot = await start({ RATE_LIMIT_PER_USER: "3", RATE_LIMIT_PER_TENANT: "0" });
    const flooder = person("en-US");
    const colleague = person("sv-SE");
    for (let i = 0; i < 3; i++) {
      const r = await send(bot, flooder);
      assert.equal(r.status, 200);
      assert.equal(r.sent.length, 1, `answer ${i + 1}`);
      assert.ok(r.sent[0].activity.attachments?.length, "an answer card, not a notice");
    }
    const over = await send(bot, flooder);
    assert.equal(over.status, 200);
    assert.equal(over.sent.length, 1, "one notice");
    assertNotice(over.sent[0].activity.text, "en");
    for (let i = 0; i < 3; i++) {
      const later = await send(bot, flooder);
      assert.equal(later.status, 200, "dropped quietly, not an error the channel would retry");
      assert.equal(later.sent.length, 0, "no second notice, no turn");
    }
    // the colleague (same tenant) is served as if nothing happened
    for (let i = 0; i < 3; i++) assert.equal((await send(bot, colleague)).sent.length, 1);
    assertNotice((await send(bot, colleague)).sent[0].activity.text, "sv");
    // one warning line per notice, without user ids or text
    const lines = bot.logs.entries().filter((e) => e.event === "rateLimited" && e.notice === true);
    assert.equal(lines.length, 2);
    for (const l of lines) assert.deepEqual(Object.keys(l).filter((k) => !["level", "time", "pid", "hostname", "app", "msg", "correlationId"].includes(k)).sort(), ["activityType", "event", "notice", "scope"]);
    assert.ok(!bot.logs.text().includes(flooder.ask().from.aadObjectId));
  });

  it("over the limit, card actions and message actions still get a valid invoke response, and run no turn", async () => {
    const bot = await start({ RATE_LIMIT_PER_USER: "1", RATE_LIMIT_PER_TENANT: "0" });
    const p = person("sv-SE");
    // under the limit, the click runs its turn (the feedback handler's own answer)
    const first = await post(bot.url, p.click(), signed());
    assert.equal(first.status, 200);
    assert.equal(first.body.statusCode, 200);
    assert.doesNotMatch(JSON.stringify(first.body), /många meddelanden/);
    for (let i = 0; i < 2; i++) {
      const res = await post(bot.url, p.click(), signed());
      assert.equal(res.status, 200);
      assert.equal(res.body.statusCode, 200);
      assert.equal(res.body.type, "application/vnd.microsoft.activity.message");
      assertNotice(res.body.value, "sv");
      const task = await post(bot.url, p.action(), signed());
      assert.equal(task.status, 200);
      assert.equal(task.body.task.type, "message");
      assertNotice(task.body.task.value, "sv");
    }
    assert.equal(sentTo(p.conversationId).length, 0, "nothing sent to the chat");
    // a message after the clicks still gets the one notice of the window
    const msg = await send(bot, p);
    assert.equal(msg.sent.length, 1);
    assertNotice(msg.sent[0].activity.text, "sv");
  });

  it("a tenant over its limit: each user told once, no turn for anyone until the window ends", async () => {
    const bot = await start({ RATE_LIMIT_PER_USER: "10", RATE_LIMIT_PER_TENANT: "3" });
    const people = [person(), person(), person(), person()];
    for (const p of people.slice(0, 3)) assert.ok((await send(bot, p)).sent[0].activity.attachments, "served");
    const noticed = await send(bot, people[3]);
    assert.equal(noticed.sent.length, 1);
    assert.ok(!noticed.sent[0].activity.attachments, "a notice");
    assert.equal((await send(bot, people[3])).sent.length, 0);
    const first = await send(bot, people[0]);
    assert.equal(first.sent.length, 1, "another user of the tenant gets their own notice");
    assert.ok(!first.sent[0].activity.attachments);
    assert.equal((await send(bot, people[0])).sent.length, 0);
    assert.equal(bot.logs.entries().filter((e) => e.event === "rateLimited" && e.notice === true && e.scope === "tenant").length, 2);
  });

  it("0 turns a limit off", async () => {
    const bot = await start({ RATE_LIMIT_PER_USER: "0", RATE_LIMIT_PER_TENANT: "0" });
    const p = person();
    for (let i = 0; i < 40; i++) assert.equal((await send(bot, p)).sent.length, 1);
  });
});
