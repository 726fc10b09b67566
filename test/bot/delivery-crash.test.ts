// Proactive messages survive a kill -9 mid-send: the incident notice to the security
// channel and the approval card to the approver are written to the delivery outbox before
// they are sent, so the restarted bot sends them, once. The bot runs as a real process
// (dist/src/index.js); the Bot Connector is a local server that can hold a send unanswered,
// which is where the process is killed.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BotProcess, HoldingConnector, postAndForget, until } from "../support/bot-process";
import { executeInvoke, message, post } from "../support/activities";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { chatForm, submitInvoke, validInputs } from "./incident-support";
import { PEOPLE, fields, personalConv, type Member } from "../e2e/approvals-support";

describe("proactive messages across a kill -9 (delivery outbox)", function () {
  this.timeout(60000);
  const connector = new HoldingConnector();
  let serviceUrl: string;
  let dataDir: string;
  let bot: BotProcess;

  before(async () => (serviceUrl = await connector.start()));
  after(async () => connector.stop());
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-crash-"));
    connector.delivered.length = 0;
    connector.held.length = 0;
    connector.hold = () => false;
  });
  afterEach(async () => {
    await bot?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("an incident notice killed while it is sent is delivered exactly once after the restart", async () => {
    const SECURITY = "19:security-crash@thread.tacv2";
    const env = { DATA_DIR: dataDir, INCIDENT_NOTIFY_CONVERSATION: SECURITY, INCIDENT_NOTIFY_SERVICE_URL: serviceUrl };
    bot = new BotProcess(env);
    await bot.start();
    // the form, from the reporter's own chat
    assert.equal((await post(bot.url, message("rapportera incident", { serviceUrl }))).status, 200);
    await until("the form", () => connector.delivered.length === 1);
    const conversationId = connector.delivered[0].conversationId;
    const submit = await chatForm(bot.url, cardOf(connector.delivered[0].body), { serviceUrl, conversationId });

    connector.hold = (id) => id === SECURITY;
    const res = await post(bot.url, submitInvoke(submit, validInputs(), { serviceUrl, conversationId }));
    assert.equal(res.status, 200, "the receipt does not wait for the notice");
    const texts = visibleTexts(res.body.value);
    const reference = texts[texts.indexOf("Referensnummer") + 1];
    assert.match(reference, /^INC-/);
    await until("the notice to reach the connector", () => connector.held.length === 1);
    await bot.kill();
    assert.equal(connector.to(SECURITY).length, 0, "not delivered before the kill");

    connector.hold = () => false;
    bot = new BotProcess(env);
    await bot.start();
    await until("the notice after the restart", () => connector.to(SECURITY).length >= 1);
    // three more retry intervals: nothing else comes
    await new Promise((r) => setTimeout(r, 3500));
    const notices = connector.to(SECURITY);
    assert.equal(notices.length, 1, bot.out);
    assert.ok(visibleTexts(cardOf(notices[0].body)).includes(`Ny AI-incident: ${reference}`));
    const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { deliveries: { pending: number; failed: number } };
    assert.deepEqual(health.deliveries, { pending: 0, failed: 0 });
  });

  it("an approval card killed while it is delivered reaches the approver exactly once after the restart; a re-submit is told the truth", async () => {
    const env = { DATA_DIR: dataDir };
    bot = new BotProcess(env);
    await bot.start();
    const say = (who: Member, text: string) => post(bot.url, { ...message(text, { serviceUrl, conversationId: personalConv(who) }), from: who });
    // the approver has written to the bot once, so it knows her 1:1 chat
    await say(PEOPLE.megan, "hjälp");
    await say(PEOPLE.requester, "policy wenell");
    await until("two replies", () => connector.delivered.length === 2);
    connector.delivered.length = 0;
    await say(PEOPLE.requester, "ansök om AI-verktyg");
    await until("the form", () => connector.delivered.length === 1);
    const form = actionsOf(cardOf(connector.delivered[0].body))[0];

    connector.hold = (id) => id === personalConv(PEOPLE.megan);
    const submitActivity = { ...executeInvoke(form.verb, { ...form.data, ...fields() }, { serviceUrl, conversationId: personalConv(PEOPLE.requester) }), from: PEOPLE.requester };
    postAndForget(bot.url, submitActivity);
    await until("the approval card to reach the connector", () => connector.held.length === 1);
    await bot.kill();
    assert.equal(connector.to(personalConv(PEOPLE.megan)).length, 0);

    connector.hold = () => false;
    bot = new BotProcess(env);
    await bot.start();
    await until("the approval card after the restart", () => connector.to(personalConv(PEOPLE.megan)).length >= 1);
    await new Promise((r) => setTimeout(r, 3500));
    const cards = connector.to(personalConv(PEOPLE.megan));
    assert.equal(cards.length, 1, bot.out);
    const card = cardOf(cards[0].body);
    assert.deepEqual(actionsOf(card).map((a) => a.title), ["Godkänn", "Avslå"]);

    // the requester sends the same form again: the same request, delivered, and it says so
    const again = await post(bot.url, submitActivity);
    assert.equal(again.status, 200);
    const texts = visibleTexts(again.body.value);
    assert.ok(texts.some((t) => t.startsWith("Ansökan har skickats till Megan Bowen")), JSON.stringify(texts));
    assert.ok(texts.includes("Formuläret var redan skickat; det här är samma ansökan."));
    assert.equal(connector.to(personalConv(PEOPLE.megan)).length, 1, "the re-submit sends nothing new");
  });
});
