// What survives: a restart between the request and the decision (a new app instance over
// the same SQLite state and store decides it and updates both cards), two instances
// sharing one Azure Blob state store (Azurite) where the second decides what the first
// sent, and the reminder timer (reminder, escalation to the admin, expiry) on a manual clock.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { ManualClock } from "../../src/incidents/clock";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { startAzurite, type Azurite } from "../state/azurite";
import { Connector, PEOPLE, Teams, fields, personalConv, startApp, tempDir, valid, type Bot } from "./approvals-support";

const DAY = 24 * 3600_000;

async function requestToMegan(teams: Teams) {
  const { action, formId, conversationId } = await teams.openForm(PEOPLE.requester, "wenell");
  const res = await teams.invoke(PEOPLE.requester, action.verb, { ...action.data, ...fields() }, conversationId, formId);
  assert.ok(visibleTexts(valid(res.value, "requester card")).includes("Ansökan är skickad"), JSON.stringify(visibleTexts(res.value)));
  await teams.connector.waitFor((l) => l.some((r) => r.kind === "send" && r.conversationId === personalConv(PEOPLE.megan)));
  const posted = teams.connector.sends(personalConv(PEOPLE.megan)).at(-1)!;
  const card = valid(cardOf(posted.body), "approval card");
  teams.connector.clear();
  return { formId, conversationId, posted, card, approve: actionsOf(card)[0] };
}

async function approveAndCheck(teams: Teams, r: Awaited<ReturnType<typeof requestToMegan>>) {
  const res = await teams.invoke(PEOPLE.megan, r.approve.verb, r.approve.data, personalConv(PEOPLE.megan), r.posted.activityId);
  assert.ok(visibleTexts(valid(res.value, "outcome")).includes("Beslut: Godkänd"), JSON.stringify(visibleTexts(res.value)));
  await teams.connector.waitFor((l) => l.filter((x) => x.kind === "update").length >= 2);
  const req = teams.connector.updates(r.conversationId).find((u) => u.activityId === r.formId)!;
  const appr = teams.connector.updates(personalConv(PEOPLE.megan)).find((u) => u.activityId === r.posted.activityId)!;
  for (const u of [req, appr]) assert.ok(visibleTexts(valid(cardOf(u.body), "updated card")).includes("Beslut: Godkänd"));
}

describe("approvals: restart, two instances, reminders", function () {
  this.timeout(60_000);
  const connector = new Connector();
  let serviceUrl: string;
  const bots: Bot[] = [];
  const dirs: string[] = [];
  const start = async (env: Record<string, string>, clock?: ManualClock) => {
    const b = await startApp(env, clock);
    bots.push(b);
    return b;
  };
  const dir = () => {
    const d = tempDir();
    dirs.push(d);
    return d;
  };

  before(async () => (serviceUrl = await connector.start()));
  after(async () => {
    for (const b of bots) await b.stop().catch(() => undefined);
    await connector.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  beforeEach(() => connector.clear());

  it("restart between request and decision: a new app over the same SQLite state decides it and updates both cards", async () => {
    const dataDir = dir();
    const first = await start({ DATA_DIR: dataDir });
    const teams = new Teams(first, connector, serviceUrl);
    await teams.hello(PEOPLE.megan);
    const r = await requestToMegan(teams);
    await first.stop();

    const second = await start({ DATA_DIR: dataDir });
    teams.bot = second;
    await approveAndCheck(teams, r);
    const stored = await (await second.app.approvals).store.get(r.approve.data.requestId);
    assert.equal(stored?.request.status, "approved");
    assert.equal(stored?.request.decision?.by.name, PEOPLE.megan.name);
  });

  describe("two instances sharing one Azure Blob state store (Azurite)", () => {
    let azurite: Azurite;
    before(async function () {
      this.timeout(30_000);
      azurite = await startAzurite();
    });
    after(async () => azurite?.stop());

    it("a request sent through the first instance is decided through the second; both cards updated", async () => {
      const env = { STATE_STORE: "blob", AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, STATE_BLOB_CONTAINER: "policybot-h14" };
      const a = await start({ ...env, DATA_DIR: dir() });
      const b = await start({ ...env, DATA_DIR: dir() });
      assert.equal((await a.app.approvals).state.kind, "blob");
      const teams = new Teams(a, connector, serviceUrl);
      await teams.hello(PEOPLE.megan);
      const r = await requestToMegan(teams);

      teams.bot = b;
      // the second instance gives the approver their view (refresh) and takes the decision
      const view = await teams.invoke(PEOPLE.megan, "approvalRefresh", r.card.refresh.action.data, personalConv(PEOPLE.megan), r.posted.activityId);
      assert.equal(actionsOf(valid(view.value, "refresh via b")).length, 2);
      await approveAndCheck(teams, r);
      // both instances read the same working copy
      for (const bot of [a, b]) assert.equal((await (await bot.app.approvals).service.get(r.approve.data.requestId))?.request.status, "approved");
      // a second decision through the first instance is a replay
      connector.clear();
      teams.bot = a;
      const again = await teams.invoke(PEOPLE.megan, r.approve.verb, r.approve.data, personalConv(PEOPLE.megan), r.posted.activityId);
      assert.ok(visibleTexts(again.value).includes("Ansökan är redan beslutad. Inget nytt beslut registrerades."));
    });
  });

  it("the timer: a reminder to the approver, escalation to the admin, expiry written into every card", async () => {
    const clock = new ManualClock(Date.now());
    const bot = await start({ DATA_DIR: dir(), APPROVAL_REMIND_DAYS: "3", APPROVAL_ESCALATE_DAYS: "7", APPROVAL_EXPIRE_DAYS: "30" }, clock);
    const teams = new Teams(bot, connector, serviceUrl);
    await teams.hello(PEOPLE.megan);
    await teams.hello(PEOPLE.patti);
    const r = await requestToMegan(teams);

    assert.equal(await bot.app.runApprovalReminders(), 0, "nothing due yet");
    clock.advance(3 * DAY + 60_000);
    assert.equal(await bot.app.runApprovalReminders(), 1);
    const reminder = valid(cardOf(connector.sends(personalConv(PEOPLE.megan))[0].body), "reminder");
    assert.ok(visibleTexts(reminder).some((t) => t.startsWith("Påminnelse: ansökan har väntat sedan")));
    assert.equal(actionsOf(reminder).length, 2, "the reminder can be decided on");
    connector.clear();

    clock.advance(4 * DAY);
    assert.equal(await bot.app.runApprovalReminders(), 1);
    const escalation = valid(cardOf(connector.sends(personalConv(PEOPLE.patti))[0].body), "escalation");
    assert.ok(visibleTexts(escalation).some((t) => t.startsWith("Megan Bowen har inte beslutat sedan")));
    const toRequester = connector.updates(r.conversationId).find((u) => u.activityId === r.formId)!;
    assert.ok(visibleTexts(valid(cardOf(toRequester.body), "requester, escalated")).includes("Väntar (eskalerad till administratör)"));
    connector.clear();

    clock.advance(24 * DAY);
    assert.equal(await bot.app.runApprovalReminders(), 1);
    await connector.waitFor((l) => l.filter((x) => x.kind === "update").length >= 3);
    for (const u of connector.updates()) {
      const c = valid(cardOf(u.body), "expired card");
      assert.ok(visibleTexts(c).some((t) => t === "Ansökan har gått ut" || t === "Beslut: Utgången"), JSON.stringify(visibleTexts(c)));
      assert.equal(actionsOf(c).length, 0);
    }
    // the old card's buttons no longer count
    connector.clear();
    const late = await teams.invoke(PEOPLE.megan, r.approve.verb, r.approve.data, personalConv(PEOPLE.megan), r.posted.activityId);
    assert.ok(visibleTexts(late.value).some((t) => t.startsWith("Ansökan har gått ut")), JSON.stringify(visibleTexts(late.value)));
  });
});
