// Production wiring against a local Graph: DIRECTORY=graph (GET /users/{id}/manager, 404 =
// no manager) and APPROVAL_INSTALL_APP=true (the bot installs itself for an approver who
// never wrote to it, gets the chat and writes there; creates the conversation when the
// connector does not know that chat; a failed installation leaves the request pending
// for the admin, who is told).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { Connector, Teams, TeamsGraph, fields, personalConv, startApp, tempDir, valid, type Bot, type Member } from "./approvals-support";

const oid = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, "0")}`;
const person = (n: number, name: string): Member => ({ id: `29:u${n}`, name, aadObjectId: oid(n) });
const EMPLOYEE = person(1, "Eva Anställd");
const BOSS = person(2, "Bo Chef");
const LONER = person(3, "Li Ensam");
const ADMIN = person(4, "Ada Admin");
const NEWBIE = person(5, "Nils Ny");
const NEW_BOSS = person(6, "Nora Chef");

describe("approvals with Graph: manager lookup and app installation", function () {
  this.timeout(30_000);
  const connector = new Connector();
  const graph = new TeamsGraph();
  let serviceUrl: string;
  let bot: Bot;
  let teams: Teams;
  let dataDir: string;

  before(async () => {
    serviceUrl = await connector.start();
    await graph.start();
    for (const p of [EMPLOYEE, BOSS, LONER, ADMIN, NEWBIE, NEW_BOSS]) graph.users.set(p.aadObjectId, { name: p.name });
    graph.users.get(EMPLOYEE.aadObjectId)!.manager = BOSS.aadObjectId;
    graph.users.get(NEWBIE.aadObjectId)!.manager = NEW_BOSS.aadObjectId;
    dataDir = tempDir();
    bot = await startApp({
      DATA_DIR: dataDir,
      DIRECTORY: "graph",
      APPROVAL_ADMIN_ID: ADMIN.aadObjectId,
      APPROVAL_INSTALL_APP: "true",
      TEAMS_APP_ID: "22222222-2222-4222-8222-222222222222",
      APPROVAL_SERVICE_URL: serviceUrl,
      ...graph.env(),
    });
    teams = new Teams(bot, connector, serviceUrl);
    await teams.hello(ADMIN);
  });
  after(async () => {
    await bot?.stop();
    await graph.stop();
    await connector.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => connector.clear());

  async function request(who: Member) {
    const { action, formId, conversationId } = await teams.openForm(who, "wenell");
    const res = await teams.invoke(who, action.verb, { ...action.data, ...fields() }, conversationId, formId);
    return { card: valid(res.value, "requester card"), conversationId, formId };
  }

  it("the manager from Graph never wrote to the bot: it installs itself for them, gets the chat and posts there; the decision updates both cards", async () => {
    const { card, conversationId, formId } = await request(EMPLOYEE);
    assert.ok(visibleTexts(card).includes("Ansökan är skickad"), JSON.stringify(visibleTexts(card)));
    assert.ok(graph.requests.includes(`GET /v1.0/users/${EMPLOYEE.aadObjectId}/manager`));
    assert.ok(graph.requests.includes(`POST /v1.0/users/${BOSS.aadObjectId}/teamwork/installedApps`));
    const chat = graph.chatIdFor(BOSS.aadObjectId);
    await connector.waitFor((l) => l.some((r) => r.kind === "send" && r.conversationId === chat));
    const posted = connector.sends(chat)[0];
    const approval = valid(cardOf(posted.body), "approval card in the installed chat");
    assert.deepEqual(approval.refresh.userIds, [`8:orgid:${BOSS.aadObjectId}`]);
    const approve = actionsOf(approval)[0];
    connector.clear();
    const res = await teams.invoke(BOSS, approve.verb, approve.data, chat, posted.activityId);
    assert.ok(visibleTexts(valid(res.value, "outcome")).includes("Beslut: Godkänd"));
    await connector.waitFor((l) => l.filter((r) => r.kind === "update").length >= 2);
    assert.ok(connector.updates(conversationId).some((u) => u.activityId === formId));
    assert.ok(connector.updates(chat).some((u) => u.activityId === posted.activityId));
  });

  it("the connector does not know the installation's chat: the conversation is created (POST /v3/conversations)", async () => {
    connector.failing.set(graph.chatIdFor(NEW_BOSS.aadObjectId), { status: 404, code: "ConversationNotFound" });
    const { card } = await request(NEWBIE);
    assert.ok(visibleTexts(card).includes("Ansökan är skickad"), JSON.stringify(visibleTexts(card)));
    const created = connector.log.find((r) => r.kind === "create")!;
    assert.ok(created, "a conversation was created");
    assert.equal(created.body.members[0].id, NEW_BOSS.aadObjectId);
    assert.equal(created.body.isGroup, false);
    const posted = connector.sends(created.conversationId)[0];
    assert.deepEqual(actionsOf(valid(cardOf(posted.body), "approval card in the created chat")).map((x: any) => x.title), ["Godkänn", "Avslå"]);
  });

  it("installation refused (403) and no chat: the request stays pending for the admin, who is told", async () => {
    graph.installFails.set(BOSS.aadObjectId, 403);
    // the chat found earlier is gone too
    connector.failing.set(graph.chatIdFor(BOSS.aadObjectId), { status: 403, code: "BotNotInConversationRoster" });
    const { card } = await request(EMPLOYEE);
    const texts = visibleTexts(card);
    assert.ok(texts.includes("Ansökan väntar hos en administratör"), JSON.stringify(texts));
    assert.ok(texts.some((t) => t.startsWith("Bo Chef kunde inte nås i Teams just nu.")), JSON.stringify(texts));
    assert.ok(!texts.some((t) => t.includes("graph_Forbidden")), "no internal codes shown to users");
    await connector.waitFor((l) => l.some((r) => r.kind === "send" && r.conversationId === personalConv(ADMIN)));
    const notice = valid(cardOf(connector.sends(personalConv(ADMIN))[0].body), "admin notice");
    assert.ok(visibleTexts(notice).some((t) => t.includes("kunde inte levereras till Bo Chef")));
    const stored = await (await bot.app.approvals).store.get(texts[texts.indexOf("Referens") + 1]);
    assert.equal(stored?.request.status, "pending");
    assert.equal(stored?.request.approver?.objectId, BOSS.aadObjectId);
    graph.installFails.clear();
    connector.failing.clear();
  });

  it("Graph 404 on the manager: no manager, pending for the admin, who gets the approval card", async () => {
    const { card } = await request(LONER);
    const texts = visibleTexts(card);
    assert.ok(graph.requests.includes(`GET /v1.0/users/${LONER.aadObjectId}/manager`));
    assert.ok(texts.includes("Ansökan väntar hos en administratör"));
    assert.ok(texts.some((t) => t.startsWith("Ingen chef hittades för dig i katalogen.")));
    await connector.waitFor((l) => l.some((r) => r.kind === "send" && r.conversationId === personalConv(ADMIN)));
    const approval = valid(cardOf(connector.sends(personalConv(ADMIN))[0].body), "admin's approval card");
    assert.ok(visibleTexts(approval).some((t) => t.startsWith("Ansökan har gått till dig som administratör")));
    assert.equal(actionsOf(approval).length, 2);
  });
});
