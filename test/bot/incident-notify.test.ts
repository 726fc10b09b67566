// Notices of filed reports through the Notifier port: with a configured security
// conversation the Teams adapter posts the card there proactively (continueConversation
// with a reference built from config, or the one the bot has seen); the manager notice
// is skipped until a manager lookup exists (issue 5), and sent when one does.
import * as assert from "node:assert/strict";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { ConversationRefs } from "../../src/bot/notify/conversation-refs";
import { proactiveSender } from "../../src/bot/notify/send";
import { TeamsNotifier } from "../../src/bot/notify/teams-notifier";
import { managerLookup, type IncidentNotice } from "../../src/notify/notifier";
import { ConnectorStub } from "../support/connector-stub";
import { USER, message, post } from "../support/activities";
import { actionsOf, cardOf, visibleTexts } from "../support/cards";
import { adaptiveCardValidator, assertValid } from "../support/schemas";
import { incidentRig, openForm, submitInvoke, validInputs, type IncidentRig } from "./incident-support";

const SECURITY = "19:security-team@thread.tacv2";

describe("incident notices to a configured security channel (Teams notifier)", () => {
  let rig: IncidentRig;

  before(async () => {
    rig = await incidentRig((serviceUrl) => ({ INCIDENT_NOTIFY_CONVERSATION: SECURITY, INCIDENT_NOTIFY_SERVICE_URL: serviceUrl }));
  });
  after(async () => rig?.stop());

  it("a filed report sends a short card with the reference to the security channel, not to the reporter's chat", async () => {
    const { submit, conversationId } = await openForm(rig);
    const res = await post(rig.bot.url, submitInvoke(submit, validInputs(), { serviceUrl: rig.serviceUrl, conversationId, locale: "en-US" }));
    const texts = visibleTexts(res.body.value);
    const reference = texts[texts.indexOf("Referensnummer") + 1];
    const [notice] = await rig.connector.waitFor(1);
    assert.equal(notice.method, "POST");
    assert.equal(notice.conversationId, SECURITY);
    const card = cardOf(notice.activity);
    assertValid(adaptiveCardValidator(), card, "notice");
    const ntexts = visibleTexts(card);
    assert.ok(ntexts.includes(`Ny AI-incident: ${reference}`), "the channel reads Swedish");
    assert.ok(ntexts.some((x) => x.startsWith("Ja: anmälan till IMY senast")), JSON.stringify(ntexts));
    assert.equal(actionsOf(card).length, 0, "local store: no list item to link to");
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(rig.connector.received.filter((r) => r.conversationId === conversationId).length, 0, "nothing extra in the reporter's chat");
    const logged = rig.bot.logs.entries().find((e) => e.event === "incidentNotice" && e.reference === reference);
    assert.deepEqual(logged?.results, [
      { target: "security", status: "sent" },
      // the sample directory names the reporter's manager, who has never chatted with the bot
      { target: "manager", status: "skipped", reason: "manager-not-reachable" },
    ]);
  });
});

describe("Teams notifier (unit, over HTTP to the connector stub)", () => {
  const connector = new ConnectorStub();
  let serviceUrl: string;
  let adapter: CloudAdapter;
  const notice: IncidentNotice = {
    reference: "INC-2026-ABCD-EFGH",
    link: "https://contoso.sharepoint.com/sites/policy/Lists/AIincidenter/DispForm.aspx?ID=7",
    reportedAt: "2026-11-20T10:00:00.000Z",
    personalData: false,
    organisation: "Wenell",
    filedLater: false,
    lang: "en",
    timeZone: "Europe/Stockholm",
  };

  before(async () => {
    serviceUrl = await connector.start();
    adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant" }));
  });
  after(() => connector.stop());
  beforeEach(() => connector.clear());

  it("sends to the manager's 1:1 chat when a manager lookup exists and the bot has seen that chat; links the list item", async () => {
    const refs = new ConversationRefs();
    const manager = { id: "29:manager", name: "Chef", aadObjectId: "00000000-0000-0000-0000-0000000000cc" };
    refs.remember({ ...message("hej", { serviceUrl, conversationId: "a:manager-chat" }), from: manager } as never);
    const n = new TeamsNotifier(refs, proactiveSender(adapter, ""), {
      conversationId: SECURITY,
      serviceUrl,
      tenantId: "tenant-1",
      botAppId: "",
      managers: { managerOf: async (oid) => (oid === USER.aadObjectId ? { objectId: manager.aadObjectId } : undefined) },
    });
    const results = await n.notifyIncident(notice, { reporterObjectId: USER.aadObjectId });
    assert.deepEqual(results, [
      { target: "security", status: "sent" },
      { target: "manager", status: "sent" },
    ]);
    const sent = await connector.waitFor(2);
    assert.deepEqual(sent.map((r) => r.conversationId).sort(), [SECURITY, "a:manager-chat"].sort());
    const card = cardOf(sent[0].activity);
    assertValid(adaptiveCardValidator(), card, "notice with link");
    const open = actionsOf(card)[0];
    assert.equal(open.type, "Action.OpenUrl");
    assert.equal(open.url, notice.link);

    const none = await n.notifyIncident(notice, { reporterObjectId: "someone-without-manager" });
    assert.deepEqual(none[1], { target: "manager", status: "skipped", reason: "no-manager" });
  });

  it("a manager the bot has never talked to is skipped with a reason; a connector failure is reported, not thrown", async () => {
    const refs = new ConversationRefs();
    const n = new TeamsNotifier(refs, proactiveSender(adapter, ""), {
      conversationId: SECURITY,
      serviceUrl: "http://127.0.0.1:9/",
      tenantId: "tenant-1",
      botAppId: "",
      managers: { managerOf: async () => ({ objectId: "unknown-manager" }) },
    });
    const results = await n.notifyIncident(notice, { reporterObjectId: USER.aadObjectId });
    assert.equal(results[0].target, "security");
    assert.equal(results[0].status, "failed");
    assert.deepEqual(results[1], { target: "manager", status: "skipped", reason: "manager-not-reachable" });
  });

  it("with issue 5's Directory and durable 1:1 references, a manager the bot has not seen since the restart is reached", async () => {
    const managerRef = { ...message("x", { serviceUrl, conversationId: "a:durable-manager-chat" }) };
    const n = new TeamsNotifier(new ConversationRefs(), proactiveSender(adapter, ""), {
      conversationId: SECURITY,
      serviceUrl,
      tenantId: "tenant-1",
      botAppId: "",
      managers: managerLookup({ manager: async () => ({ objectId: "mgr-1", name: "Chef" }) }),
      personalConversation: async (oid) => oid === "mgr-1" ? ({ conversation: managerRef.conversation, serviceUrl, channelId: "msteams", bot: managerRef.recipient, user: managerRef.from } as Record<string, unknown>) : undefined,
    });
    const results = await n.notifyIncident(notice, { reporterObjectId: USER.aadObjectId });
    assert.deepEqual(results[1], { target: "manager", status: "sent" });
    const sent = await connector.waitFor(2);
    assert.ok(sent.some((r) => r.conversationId === "a:durable-manager-chat"));
  });

  it("a channel message teaches it the channel: the seen service URL wins over the configured one", async () => {
    const refs = new ConversationRefs();
    const a = { ...message("hej", { serviceUrl, conversationType: "channel", conversationId: `${SECURITY};messageid=123` }), channelData: { channel: { id: SECURITY }, tenant: { id: "tenant-1" } } };
    refs.remember(a as never);
    const n = new TeamsNotifier(refs, proactiveSender(adapter, ""), { conversationId: SECURITY, serviceUrl: "http://127.0.0.1:9/", tenantId: "tenant-1", botAppId: "" });
    assert.equal((await n.securityRef()).serviceUrl, serviceUrl);
    const results = await n.notifyIncident(notice, { reporterObjectId: USER.aadObjectId });
    assert.equal(results[0].status, "sent");
    const [sent] = await connector.waitFor(1);
    assert.equal(sent.conversationId, SECURITY);
  });
});
