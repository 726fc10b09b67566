// The requester is told the truth about the approval card's delivery: a connector that
// fails for a while (503) leaves the card in the delivery outbox and the requester is told
// it has not reached the approver yet, also on a re-submit; once the card goes out the
// re-submit says so. A chat that is gone (403) is final: the admin hears at once.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { visibleTexts } from "../support/cards";
import { Connector, PEOPLE, Teams, fields, personalConv, startApp, tempDir, type Bot } from "./approvals-support";

describe("approval card delivery through the outbox (local stores)", function () {
  this.timeout(30_000);
  const connector = new Connector();
  let serviceUrl: string;
  let bot: Bot;
  let teams: Teams;
  let dataDir: string;

  before(async () => {
    serviceUrl = await connector.start();
    dataDir = tempDir();
    // fast connector retries inside a turn: the outbox is what retries later
    bot = await startApp({ DATA_DIR: dataDir, BOT_CONNECTOR_MAX_RETRIES: "0" });
    teams = new Teams(bot, connector, serviceUrl);
    await teams.hello(PEOPLE.megan);
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(() => connector.failing.clear());

  it("a passing failure: 'not reached yet' on the card and on a re-submit; delivered once from the outbox, then 'sent'", async () => {
    const megan = personalConv(PEOPLE.megan);
    connector.failing.set(megan, { status: 503, code: "ServiceError" });
    const { action, formId, conversationId } = await teams.openForm(PEOPLE.requester, "wenell");
    const data = { ...action.data, ...fields() };
    const first = visibleTexts((await teams.invoke(PEOPLE.requester, action.verb, data, conversationId, formId)).value);
    assert.ok(first.some((t) => t.startsWith("Ansökan är sparad men har inte nått Megan Bowen")), JSON.stringify(first));
    assert.ok(!first.some((t) => t.startsWith("Ansökan har skickats")), "never 'sent' before it is");
    assert.deepEqual(await bot.app.deliveries.counts(), { pending: 1, failed: 0 });

    const again = visibleTexts((await teams.invoke(PEOPLE.requester, action.verb, data, conversationId, formId)).value);
    assert.ok(again.some((t) => t.startsWith("Ansökan är sparad men har inte nått Megan Bowen")), JSON.stringify(again));
    assert.equal(connector.sends(megan).length, 0);

    // the connector is back: the outbox sends the card, once
    connector.failing.clear();
    await bot.app.deliveries.drainOnce({ all: true });
    await bot.app.deliveries.drainOnce({ all: true });
    assert.equal(connector.sends(megan).length, 1);
    assert.deepEqual(await bot.app.deliveries.counts(), { pending: 0, failed: 0 });
    const later = visibleTexts((await teams.invoke(PEOPLE.requester, action.verb, data, conversationId, formId)).value);
    assert.ok(later.some((t) => t.startsWith("Ansökan har skickats till Megan Bowen")), JSON.stringify(later));
    assert.equal(connector.sends(megan).length, 1, "a re-submit sends nothing new");
  });

  it("a chat that is gone is final: the requester hears the approver could not be reached, nothing stays queued", async () => {
    const megan = personalConv(PEOPLE.megan);
    connector.failing.set(megan, { status: 403, code: "BotNotInConversationRoster" });
    const { action, formId, conversationId } = await teams.openForm(PEOPLE.requester, "wenell");
    const texts = visibleTexts((await teams.invoke(PEOPLE.requester, action.verb, { ...action.data, ...fields() }, conversationId, formId)).value);
    assert.ok(texts.some((t) => t.startsWith("Megan Bowen kunde inte nås i Teams")), JSON.stringify(texts));
    const counts = await bot.app.deliveries.counts();
    assert.equal(counts.pending, 0);
    assert.equal(counts.failed, 1);
  });
});
