// Scale-out (issue 13, item 3): three bot processes (dist/src/index.js), each with its own
// empty DATA_DIR, share one Azure Blob state container (Azurite) and one SharePoint (the
// local Graph server). Any instance serves any request: a pack chosen through one holds
// on the others, a form opened through one is submitted through another, an approval
// requested through one is decided through a third. An instance killed mid-filing loses
// nothing and files nothing twice, and an outage of Azure Storage is ridden out.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { executeInvoke, mentionMessage, message, post, TENANT_ID, USER } from "../support/activities";
import { BotProcess, HoldingConnector, postAndForget, until } from "../support/bot-process";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { graphEnv, startFakeGraph, type FakeGraph } from "../support/graph-server";
import { startAzurite, type Azurite } from "../state/azurite";
import { chatForm, submitInvoke, validInputs } from "../bot/incident-support";
import { PEOPLE, fields, personalConv, type Member } from "./approvals-support";

const SECURITY = "19:security-scale@thread.tacv2";
const INCIDENTS = "AI-incidenter";
const APPROVALS = "AI-godkännanden";

describe("scale-out: three processes share Azure Blob state (Azurite) and SharePoint", function () {
  this.timeout(120_000);
  const connector = new HoldingConnector();
  let serviceUrl: string;
  let azurite: Azurite;
  let graph: FakeGraph;
  const bots: BotProcess[] = [];
  const dirs: string[] = [];
  let n = 0;

  before(async () => {
    serviceUrl = await connector.start();
    azurite = await startAzurite();
    graph = await startFakeGraph({ seed: ["incidents", "approvals"] });
  });
  after(async () => {
    for (const b of bots) await b.kill();
    await connector.stop();
    await graph?.stop();
    await azurite?.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  // a failure shows what the processes logged (ids and codes only)
  afterEach(function () {
    if (this.currentTest?.state === "failed") for (const b of bots) process.stderr.write(`--- ${b.url}\n${b.out.slice(-6000)}\n`);
  });
  beforeEach(() => {
    connector.delivered.length = 0;
    connector.updated.length = 0;
    connector.held.length = 0;
    connector.hold = () => false;
    graph.faults.clear();
  });

  /** the same configuration for every instance of one test; each gets its own empty data folder */
  const cluster = (over: Record<string, string> = {}) => {
    const container = `scale-${process.pid}-${++n}`;
    return async (): Promise<BotProcess> => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-scale-"));
      dirs.push(dataDir);
      const b = new BotProcess({
        DATA_DIR: dataDir,
        STATE_STORE: "blob",
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        STATE_BLOB_CONTAINER: container,
        STATE_TIMEOUT_MS: "1000",
        INCIDENT_STORE: "sharepoint",
        APPROVAL_STORE: "sharepoint",
        ...graphEnv(graph),
        INCIDENT_NOTIFY_CONVERSATION: SECURITY,
        INCIDENT_NOTIFY_SERVICE_URL: serviceUrl,
        INCIDENT_OUTBOX_INTERVAL_S: "5",
        INCIDENT_OUTBOX_LEASE_S: "2",
        APPROVAL_SERVICE_URL: serviceUrl,
        // a lease far longer than one attempt on this busy machine: only a dead instance's entries are taken over
        DELIVERY_LEASE_S: "15",
        ...over,
      });
      bots.push(b);
      await b.start();
      return b;
    };
  };

  const say = (bot: BotProcess, who: Member | typeof USER, text: string, conversationId = personalConv(who as Member)) =>
    post(bot.url, { ...message(text, { serviceUrl, conversationId }), from: who });
  const lastCardTo = (conversationId: string) => cardOf(connector.to(conversationId).at(-1)!.body);
  const referenceOf = (card: unknown) => {
    const texts = visibleTexts(card);
    return texts[texts.indexOf("Referensnummer") + 1];
  };

  it("any instance serves any request: a pack switch, an incident form and an approval each cross instances", async () => {
    const start = cluster();
    const [a, b, c] = await Promise.all([start(), start(), start()]);
    const me = personalConv(PEOPLE.requester);

    // the pack chosen through A answers through B and C
    assert.equal((await say(a, PEOPLE.requester, "policy wenell")).status, 200);
    await until("the switch", () => connector.to(me).length === 1);
    assert.equal((await say(b, PEOPLE.requester, "policy")).status, 200);
    await until("the pack list", () => connector.to(me).length === 2);
    const list = visibleTexts(lastCardTo(me));
    assert.ok(list.some((t) => /Wenell.*\(aktuell\)/.test(t)), JSON.stringify(list));

    // an incident form opened through A is submitted through B: filed once, one notice
    assert.equal((await say(a, PEOPLE.requester, "rapportera incident")).status, 200);
    await until("the form", () => connector.to(me).length === 3);
    const submit = await chatForm(a.url, lastCardTo(me), { serviceUrl, conversationId: me, from: PEOPLE.requester });
    const res = await post(b.url, submitInvoke(submit, validInputs(), { serviceUrl, conversationId: me, from: PEOPLE.requester }));
    assert.equal(res.status, 200);
    const reference = referenceOf(res.body.value);
    assert.match(reference ?? "", /^INC-/, JSON.stringify(visibleTexts(res.body.value)));
    assert.equal(graph.itemsWhere(INCIDENTS, "Title", reference).length, 1);
    await until("the notice", () => connector.to(SECURITY).length === 1, 30_000);

    // the approver wrote to C once; the request goes through A; she decides through B
    assert.equal((await say(c, PEOPLE.megan, "hjälp")).status, 200);
    await until("her help card", () => connector.to(personalConv(PEOPLE.megan)).length === 1);
    assert.equal((await say(c, PEOPLE.requester, "ansök om AI-verktyg")).status, 200);
    await until("the request form", () => connector.to(me).length === 4);
    const form = actionsOf(lastCardTo(me))[0];
    const formId = connector.to(me).at(-1)!.body.id as string | undefined;
    const sent = await post(a.url, { ...executeInvoke(form.verb, { ...form.data, ...fields() }, { serviceUrl, conversationId: me }), from: PEOPLE.requester, ...(formId ? { replyToId: formId } : {}) });
    assert.equal(sent.status, 200);
    assert.ok(visibleTexts(sent.body.value).includes("Ansökan är skickad"), JSON.stringify(visibleTexts(sent.body.value)));
    await until("the approval card", () => connector.to(personalConv(PEOPLE.megan)).length === 2);
    const approve = actionsOf(lastCardTo(personalConv(PEOPLE.megan)))[0];
    const decided = await post(b.url, { ...executeInvoke(approve.verb, approve.data, { serviceUrl, conversationId: personalConv(PEOPLE.megan) }), from: PEOPLE.megan });
    assert.equal(decided.status, 200);
    assert.ok(visibleTexts(decided.body.value).includes("Beslut: Godkänd"), JSON.stringify(visibleTexts(decided.body.value)));
    // a second decision through C is refused: the state is one
    const again = await post(c.url, { ...executeInvoke(approve.verb, { ...approve.data }, { serviceUrl, conversationId: personalConv(PEOPLE.megan) }), from: PEOPLE.megan });
    assert.equal(again.status, 200);
    assert.ok(!visibleTexts(again.body.value).includes("Avslå"), "no buttons on a decided request");
    await until("the decision recorded in SharePoint", () => graph.itemsWhere(APPROVALS, "Status", "Godkänd").length === 1, 20_000);
    assert.equal(connector.to(SECURITY).length, 1, "still one incident notice");

    // the language a user chose through A holds through C (Teams' locale says Swedish)
    const chat = "a:language-across-instances";
    assert.equal((await say(a, PEOPLE.requester, "Can I use Copilot to summarise meeting notes?", chat)).status, 200);
    await until("the English answer", () => connector.to(chat).length === 1);
    await new Promise((r) => setTimeout(r, 300)); // the choice is saved after the turn
    assert.equal((await say(c, PEOPLE.requester, "policy", chat)).status, 200);
    await until("the pack list through C", () => connector.to(chat).length === 2);
    assert.ok(visibleTexts(lastCardTo(chat)).includes("Policies I can answer from"), JSON.stringify(visibleTexts(lastCardTo(chat))));
  });

  it("a channel one instance saw is reached by another: the notice goes where the channel's reference says", async () => {
    // no usable fallback address: only the shared reference can reach the channel
    const start = cluster({ INCIDENT_NOTIFY_SERVICE_URL: "http://127.0.0.1:9/" });
    const [a, b] = await Promise.all([start(), start()]);
    const asked = await post(a.url, { ...mentionMessage("Får jag använda ChatGPT?", { serviceUrl, conversationId: SECURITY }), channelData: { tenant: { id: TENANT_ID }, channel: { id: SECURITY } } });
    assert.equal(asked.status, 200);
    await until("the answer in the channel", () => connector.to(SECURITY).length === 1);
    // A is gone: only what it saved can tell B where the channel is
    await a.kill();
    const me = personalConv(PEOPLE.requester);
    assert.equal((await say(b, PEOPLE.requester, "rapportera incident")).status, 200);
    await until("the form", () => connector.to(me).length === 1);
    const res = await post(b.url, submitInvoke(await chatForm(b.url, lastCardTo(me), { serviceUrl, conversationId: me, from: PEOPLE.requester }), validInputs(), { serviceUrl, conversationId: me, from: PEOPLE.requester }));
    assert.equal(res.status, 200);
    await until("the notice in the channel, through B", () => connector.to(SECURITY).length === 2, 10_000);
    assert.ok(visibleTexts(lastCardTo(SECURITY)).some((t) => t.startsWith("Ny AI-incident: ")));
  });

  it("an instance killed mid-filing: another files the report once, the notice goes once, a re-submit is told the same reference", async () => {
    const start = cluster();
    const [a, b] = await Promise.all([start(), start()]);
    const me = personalConv(PEOPLE.requester);
    assert.equal((await say(a, PEOPLE.requester, "rapportera incident")).status, 200);
    await until("the form", () => connector.to(me).length === 1);
    const submit = await chatForm(a.url, lastCardTo(me), { serviceUrl, conversationId: me, from: PEOPLE.requester });
    // SharePoint creates the item and answers late: A is killed before the answer
    graph.faults.inject({ kind: "delay-after", ms: 2500 }, { method: "POST", path: /\/items$/ });
    const before = graph.graphCalls("POST");
    const creates = () => graph.requests.filter((r) => r.method === "POST" && /\/items$/.test(r.path)).length;
    const createsBefore = creates();
    postAndForget(a.url, submitInvoke(submit, validInputs(), { serviceUrl, conversationId: me, from: PEOPLE.requester }));
    await until("the item to be created", () => graph.graphCalls("POST") > before);
    await a.kill();

    // B's drainer takes the report over once A's lease has passed; it finds the item and files nothing twice
    await until("the notice through B", () => connector.to(SECURITY).length === 1, 30_000);
    const noticed = visibleTexts(cardOf(connector.to(SECURITY)[0].body)).find((t) => t.startsWith("Ny AI-incident: "))?.slice("Ny AI-incident: ".length);
    assert.match(noticed ?? "", /^INC-/);
    assert.equal(graph.itemsWhere(INCIDENTS, "Title", noticed).length, 1);
    assert.equal(creates() - createsBefore, 1, "one create: the take-over looked the item up first");

    // the reporter never got A's answer: the same form through B says filed, same report
    const res = await post(b.url, submitInvoke(submit, validInputs(), { serviceUrl, conversationId: me, from: PEOPLE.requester }));
    assert.equal(res.status, 200);
    const texts = visibleTexts(res.body.value);
    const reference = referenceOf(res.body.value);
    assert.equal(reference, noticed, JSON.stringify(texts));
    assert.equal(graph.itemsWhere(INCIDENTS, "Title", reference).length, 1, "one list item");
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(connector.to(SECURITY).length, 1, "one notice");
  });

  it("Azure Storage stops and comes back: questions are answered, a report is filed, nothing waits forever; after the restart state is shared again", async () => {
    const start = cluster();
    const a = await start();
    const me = personalConv(PEOPLE.requester);
    assert.equal((await say(a, PEOPLE.requester, "rapportera incident")).status, 200);
    await until("the form", () => connector.to(me).length === 1);
    const submit = await chatForm(a.url, lastCardTo(me), { serviceUrl, conversationId: me, from: PEOPLE.requester });

    await azurite.pause();
    try {
      const t0 = Date.now();
      assert.equal((await say(a, USER, "Får jag använda ChatGPT?", "a:outage-conversation")).status, 200);
      await until("an answer during the outage", () => connector.to("a:outage-conversation").length === 1);
      assert.ok(Date.now() - t0 < 15_000, "bounded by the store's time limit");
      // the form's report still reaches SharePoint (the journal is down: one direct attempt)
      const res = await post(a.url, submitInvoke(submit, validInputs(), { serviceUrl, conversationId: me, from: PEOPLE.requester }));
      assert.equal(res.status, 200);
      const reference = referenceOf(res.body.value);
      assert.match(reference ?? "", /^INC-/, JSON.stringify(visibleTexts(res.body.value)));
      assert.equal(graph.itemsWhere(INCIDENTS, "Title", reference).length, 1);
      // a pack switch cannot be saved: the user is told, and nothing pretends it was
      connector.delivered.length = 0;
      assert.equal((await say(a, PEOPLE.requester, "policy hjo")).status, 200);
      await until("the switch's answer", () => connector.to(me).length === 1);
      const saidSaved = JSON.stringify(connector.to(me)[0].body);
      assert.match(saidSaved, /kunde inte spara/, saidSaved);
    } finally {
      await azurite.resume();
    }
    connector.delivered.length = 0;
    assert.equal((await say(a, PEOPLE.requester, "policy hjo")).status, 200);
    await until("the switch", () => connector.to(me).length === 1);
    const b = await start();
    assert.equal((await say(b, PEOPLE.requester, "policy")).status, 200);
    await until("the list through B", () => connector.to(me).length === 2);
    assert.ok(visibleTexts(lastCardTo(me)).some((t) => /Hjo.*\(aktuell\)/.test(t)), JSON.stringify(visibleTexts(lastCardTo(me))));
  });
});
