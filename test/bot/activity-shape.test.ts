// The activity shape check (src/bot/activity-shape.ts): what Teams really sends passes,
// unknown fields and types included; a field of the wrong type is named (never its value);
// over HTTP a malformed activity gets 400 before any handler, the log names the field only,
// and with an app id a well-formed unsigned activity still gets 401 (the token is checked
// before anything does work).
import * as assert from "node:assert/strict";
import { checkActivityShape, HANDLED_INVOKES } from "../../src/bot/activity-shape";
import { BOT, USER, activityBase, botAdded, executeInvoke, installationAdd, mentionMessage, message, post, submit } from "../support/activities";
import { fetchTaskInvoke, fileMessage, messagePayload, submitActionInvoke } from "../support/review-activities";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";

const serviceUrl = "https://smba.trafficmanager.net/emea/";
const o = { serviceUrl };
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

/** shapes as Teams posts them (from captured traffic and the Bot Framework / Teams docs) */
const teamsShapes: Record<string, Record<string, unknown>> = {
  "1:1 message with clientInfo": {
    text: "Får jag använda ChatGPT?",
    textFormat: "plain",
    type: "message",
    timestamp: "2026-03-02T09:15:31.1234567Z",
    localTimestamp: "2026-03-02T10:15:31.1234567+01:00",
    id: "1772442931123",
    channelId: "msteams",
    serviceUrl,
    from: { id: "29:1AbCdEf-GhIjKlMnOp", name: "Åsa Öberg", aadObjectId: "6b9c2a44-7a4c-4d6e-9f8b-2c1d0e3f4a5b" },
    conversation: { conversationType: "personal", tenantId: TENANT, id: "a:1XyZpersonalconversationid0123456789" },
    recipient: { id: "28:11111111-2222-3333-4444-555555555555", name: "Policybot" },
    entities: [{ locale: "sv-SE", country: "SE", platform: "Web", timezone: "Europe/Stockholm", type: "clientInfo" }],
    channelData: { tenant: { id: TENANT } },
    locale: "sv-SE",
    localTimezone: "Europe/Stockholm",
  },
  "channel message with an @mention and html attachment": {
    ...mentionMessage("Får jag använda Copilot?", { ...o, conversationId: "19:abc@thread.tacv2;messageid=1772442931123" }),
    conversation: { isGroup: true, conversationType: "channel", tenantId: TENANT, id: "19:abc@thread.tacv2;messageid=1772442931123", name: null },
    attachments: [{ contentType: "text/html", content: "<div><div><span itemscope itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">Policybot</span> Får jag?</div></div>" }],
    channelData: {
      teamsChannelId: "19:abc@thread.tacv2",
      teamsTeamId: "19:team@thread.tacv2",
      channel: { id: "19:abc@thread.tacv2" },
      team: { id: "19:team@thread.tacv2" },
      tenant: { id: TENANT },
      settings: { selectedChannel: { id: "19:abc@thread.tacv2" } },
    },
  },
  "a file sent in 1:1": fileMessage("protokoll.docx", "https://contoso-my.sharepoint.com/personal/x/download.aspx?share=abc", o),
  "an inline image": { ...message("", o), attachments: [{ contentType: "image/*", contentUrl: `${serviceUrl}v3/attachments/0-eus-d1-abc/views/original` }, { contentType: "text/html", content: "<div><img src=\"x\"></div>" }] },
  "Action.Submit fallback": submit({ verb: "feedback", answerId: "a1b2c3", helpful: true }, o),
  "Action.Submit with the inputs (Input.Number is a number)": submit({ verb: "incidentSubmit", token: "x.y", description: "text", peopleAffected: 40 }, o),
  "bot added to a team": {
    ...botAdded(o),
    membersAdded: [{ id: BOT.id }],
    channelData: { team: { id: "19:team@thread.tacv2", name: "Team", aadGroupId: "0b5c1d2e-3f4a-4b5c-8d9e-0f1a2b3c4d5e" }, eventType: "teamMemberAdded", tenant: { id: TENANT } },
    conversation: { isGroup: true, conversationType: "channel", tenantId: TENANT, id: "19:team@thread.tacv2" },
  },
  "user added to a 1:1 (aadObjectId on the member)": { ...botAdded(o), membersAdded: [{ id: USER.id, aadObjectId: USER.aadObjectId }] },
  "member removed": { ...activityBase(o), type: "conversationUpdate", membersRemoved: [{ id: BOT.id }], channelData: { eventType: "teamMemberRemoved", tenant: { id: TENANT } } },
  "channel created": { ...activityBase(o), type: "conversationUpdate", channelData: { channel: { id: "19:new@thread.tacv2", name: "Ny kanal" }, eventType: "channelCreated", team: { id: "19:team@thread.tacv2" }, tenant: { id: TENANT } } },
  "installationUpdate add": installationAdd(o),
  "installationUpdate remove (from a channel)": { ...installationAdd(o), action: "remove", channelData: { settings: { selectedChannel: { id: "19:abc@thread.tacv2" } }, source: { name: "message" }, tenant: { id: TENANT } } },
  "messageReaction": { ...activityBase(o), type: "messageReaction", reactionsAdded: [{ type: "like" }], replyToId: "1772442931123" },
  "messageUpdate (edit)": { ...message("ändrad", o), type: "messageUpdate", channelData: { eventType: "editMessage", tenant: { id: TENANT } } },
  "messageDelete (soft)": { ...activityBase(o), type: "messageDelete", channelData: { eventType: "softDeleteMessage", tenant: { id: TENANT } } },
  "typing": { ...activityBase(o), type: "typing" },
  "meeting start event": { ...activityBase(o), type: "event", name: "application/vnd.microsoft.meetingStart", value: { Id: "x", MeetingType: "Scheduled", JoinUrl: "https://teams.microsoft.com/l/meetup-join/x", Title: "Möte", StartTime: "2026-03-02T09:00:00Z" } },
  "Action.Execute (manual)": executeInvoke("feedback", { answerId: "a1b2c3", helpful: true }, o),
  "Action.Execute refresh (automatic, with an id)": { ...activityBase(o), type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", id: "refresh", verb: "approvalRefresh", data: { requestId: "x" } }, trigger: "automatic" } },
  "message action fetchTask": fetchTaskInvoke(messagePayload("<p>Hej</p>"), o),
  "message action submitAction": submitActionInvoke({ verb: "restoreValues", mapping: {} }, o, { messagePayload: messagePayload("<p>Hej</p>") }),
  "submitAction with a preview action": submitActionInvoke({}, o, { botMessagePreviewAction: "send", botActivityPreview: [{ type: "message" }] }),
  "an invoke the bot does not handle (value not read)": { ...activityBase(o), type: "invoke", name: "fileConsent/invoke", value: "anything" },
  "a card button's dialog (task/fetch)": { ...activityBase(o), type: "invoke", name: "task/fetch", value: { data: { msteams: { type: "task/fetch" }, verb: "incidentOpen", lang: "sv" }, context: { theme: "default" } } },
  "a dialog's submit (task/submit)": { ...activityBase(o), type: "invoke", name: "task/submit", value: { data: { verb: "incidentSubmit", token: "t" }, context: null } },
  "an activity type from the future": { ...activityBase(o), type: "somethingNew", value: 42 },
  "unknown fields anywhere": { ...message("hej", o), newField: { a: [1] }, from: { ...USER, newer: true }, conversation: { id: "a:1", brandNew: 1 } },
  "optional fields null": { ...message("hej", o), locale: null, replyToId: null, localTimezone: null, from: { id: USER.id, name: null, aadObjectId: null }, conversation: { id: "a:1", conversationType: null, isGroup: null, tenantId: null }, channelData: null },
  "a message from another channel (no channelData)": { ...message("hej", o), channelId: "webchat", channelData: undefined },
};

describe("activity shape (src/bot/activity-shape.ts)", () => {
  for (const [what, a] of Object.entries(teamsShapes)) {
    it(`passes: ${what}`, () => {
      assert.deepEqual(checkActivityShape(JSON.parse(JSON.stringify(a))), { ok: true });
    });
  }

  it("the invokes the bot handles are the ones PolicyBot overrides", () => {
    assert.deepEqual([...HANDLED_INVOKES].sort(), ["adaptiveCard/action", "composeExtension/fetchTask", "composeExtension/submitAction", "task/fetch", "task/submit"]);
  });

  /** [what, mutate, field named] */
  const malformed: Array<[string, (a: any) => void, string]> = [
    ["no type", (a) => delete a.type, "type"],
    ["an empty type", (a) => (a.type = ""), "type"],
    ["type a number", (a) => (a.type = 5), "type"],
    ["no from", (a) => delete a.from, "from"],
    ["from a string", (a) => (a.from = "29:x"), "from"],
    ["from without id", (a) => (a.from = { name: "x" }), "from.id"],
    ["from.id a number", (a) => (a.from = { id: 5 }), "from.id"],
    ["no recipient", (a) => delete a.recipient, "recipient"],
    ["recipient an array", (a) => (a.recipient = [BOT]), "recipient"],
    ["no conversation", (a) => delete a.conversation, "conversation"],
    ["conversation a string", (a) => (a.conversation = "a:1"), "conversation"],
    ["conversation.id a number", (a) => (a.conversation = { id: 1 }), "conversation.id"],
    ["conversation id over 1024 characters", (a) => (a.conversation = { id: "a".repeat(1025) }), "conversation.id"],
    ["isGroup a string", (a) => (a.conversation.isGroup = "true"), "conversation.isGroup"],
    ["no serviceUrl", (a) => delete a.serviceUrl, "serviceUrl"],
    ["serviceUrl not a URL", (a) => (a.serviceUrl = "not a url"), "serviceUrl"],
    ["serviceUrl not http(s)", (a) => (a.serviceUrl = "file:///etc/passwd"), "serviceUrl"],
    ["text a number", (a) => (a.text = 5), "text"],
    ["text an object", (a) => (a.text = { a: 1 }), "text"],
    ["text null", (a) => (a.text = null), "text"],
    ["locale a number", (a) => (a.locale = 5), "locale"],
    ["replyToId a number", (a) => (a.replyToId = 5), "replyToId"],
    ["id an object", (a) => (a.id = {}), "id"],
    ["localTimezone a number", (a) => (a.localTimezone = 1), "localTimezone"],
    ["channelData a string", (a) => (a.channelData = "x"), "channelData"],
    ["channelData.tenant a string", (a) => (a.channelData = { tenant: "t" }), "channelData.tenant"],
    ["entities a string", (a) => (a.entities = "x"), "entities"],
    ["entities null", (a) => (a.entities = null), "entities"],
    ["an entity null", (a) => (a.entities = [null]), "entities[0]"],
    ["an entity without a type", (a) => (a.entities = [{ type: "clientInfo" }, { locale: "sv" }]), "entities[1].type"],
    ["a mention without mentioned", (a) => (a.entities = [{ type: "Mention", text: "<at>x</at>" }]), "entities[0].mentioned"],
    ["a mention's text a number", (a) => (a.entities = [{ type: "mention", mentioned: { id: BOT.id }, text: 5 }]), "entities[0].text"],
    ["attachments a string", (a) => (a.attachments = "x"), "attachments"],
    ["an attachment null", (a) => (a.attachments = [null]), "attachments[0]"],
    ["an attachment's contentType a number", (a) => (a.attachments = [{ contentType: 5 }]), "attachments[0].contentType"],
    ["value a string (a submit's data is an object)", (a) => (a.value = "x"), "value"],
    ["value an array", (a) => (a.value = [1]), "value"],
  ];
  for (const [what, mutate, field] of malformed) {
    it(`refuses a message with ${what}, naming ${field}`, () => {
      const a = JSON.parse(JSON.stringify(message("hej", o)));
      mutate(a);
      assert.deepEqual(checkActivityShape(a), { ok: false, field });
    });
  }

  const malformedOther: Array<[string, () => any, string]> = [
    ["membersAdded a string", () => ({ ...botAdded(o), membersAdded: "x" }), "membersAdded"],
    ["a member null", () => ({ ...botAdded(o), membersAdded: [null] }), "membersAdded[0]"],
    ["a member without id", () => ({ ...botAdded(o), membersAdded: [{ id: BOT.id }, { name: "x" }] }), "membersAdded[1].id"],
    ["membersRemoved an object", () => ({ ...botAdded(o), membersRemoved: { id: "x" } }), "membersRemoved"],
    ["reactionsAdded a string", () => ({ ...activityBase(o), type: "messageReaction", reactionsAdded: "like" }), "reactionsAdded"],
    ["installationUpdate action a number", () => ({ ...installationAdd(o), action: 1 }), "action"],
    ["an invoke without a name", () => ({ ...activityBase(o), type: "invoke", value: {} }), "name"],
    ["an invoke name a number", () => ({ ...activityBase(o), type: "invoke", name: 7, value: {} }), "name"],
    ["adaptiveCard/action without a value", () => ({ ...executeInvoke("feedback", {}, o), value: undefined }), "value"],
    ["adaptiveCard/action value a string", () => ({ ...executeInvoke("feedback", {}, o), value: "x" }), "value"],
    ["adaptiveCard/action value a number", () => ({ ...executeInvoke("feedback", {}, o), value: 5 }), "value"],
    ["adaptiveCard/action value null", () => ({ ...executeInvoke("feedback", {}, o), value: null }), "value"],
    ["adaptiveCard/action without an action", () => ({ ...executeInvoke("feedback", {}, o), value: { trigger: "manual" } }), "value.action"],
    ["adaptiveCard/action action a string", () => ({ ...executeInvoke("feedback", {}, o), value: { action: "x" } }), "value.action"],
    ["adaptiveCard/action without action.type", () => ({ ...executeInvoke("feedback", {}, o), value: { action: { verb: "feedback" } } }), "value.action.type"],
    ["adaptiveCard/action verb an object", () => ({ ...executeInvoke("feedback", {}, o), value: { action: { type: "Action.Execute", verb: {} } } }), "value.action.verb"],
    ["fetchTask value null", () => ({ ...fetchTaskInvoke({}, o), value: null }), "value"],
    ["fetchTask value a string", () => ({ ...fetchTaskInvoke({}, o), value: "x" }), "value"],
    ["fetchTask commandId a number", () => ({ ...fetchTaskInvoke({}, o), value: { commandId: 5 } }), "value.commandId"],
    ["fetchTask messagePayload a string", () => ({ ...fetchTaskInvoke({}, o), value: { commandId: "reviewMessage", messagePayload: "x" } }), "value.messagePayload"],
    ["submitAction value a number", () => ({ ...submitActionInvoke({}, o), value: 1 }), "value"],
    ["a Teams messageUpdate without channelData", () => ({ ...message("x", o), type: "messageUpdate", channelData: undefined }), "channelData"],
    ["a Teams messageDelete with channelData null", () => ({ ...activityBase(o), type: "messageDelete", channelData: null }), "channelData"],
  ];
  for (const [what, make, field] of malformedOther) {
    it(`refuses ${what}, naming ${field}`, () => {
      assert.deepEqual(checkActivityShape(JSON.parse(JSON.stringify(make()))), { ok: false, field });
    });
  }

  it("refuses a body that is not an object", () => {
    for (const body of [null, undefined, "x", 5, [message("hej", o)]]) assert.deepEqual(checkActivityShape(body), { ok: false, field: "activity" });
  });

  it("names the field with its array index, never a value or an unknown key", () => {
    const a: any = message("hej", o);
    a.entities = [{ type: "clientInfo" }, { "secret-key-19121212-1212": 1, type: 4 }];
    const r = checkActivityShape(a);
    assert.deepEqual(r, { ok: false, field: "entities[1].type" });
  });
});

describe("activity shape over HTTP (POST /api/messages)", () => {
  const connector = new ConnectorStub();
  let url: string;
  let bot: RunningBot;

  before(async () => {
    url = await connector.start();
    bot = await startBot();
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  it("a malformed activity: 400 naming the field, one warn line with the field only, no turn", async () => {
    const before = bot.logs.entries().length;
    const a: any = message("Mitt personnummer är 19121212-1212", { serviceUrl: url });
    a.from = "29:secret-user";
    const res = await post(bot.url, a);
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { error: "bad activity: from" });
    const lines = bot.logs.entries().slice(before);
    assert.equal(lines.length, 1, JSON.stringify(lines));
    const { level, event, field, msg } = lines[0] as Record<string, unknown>;
    assert.deepEqual({ level, event, field, msg }, { level: 40, event: "badActivity", field: "from", msg: "malformed activity refused" });
    assert.deepEqual(Object.keys(lines[0]).sort(), ["app", "correlationId", "event", "field", "level", "msg", "time"]);
    assert.doesNotMatch(bot.logs.text().slice(-2000), /19121212|secret-user/);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(connector.received.length, 0, "no reply");
  });

  it("a missing activity type is 400, not 500", async () => {
    const a: any = message("hej", { serviceUrl: url });
    delete a.type;
    const res = await post(bot.url, a);
    assert.deepEqual([res.status, res.body], [400, { error: "bad activity: type" }]);
  });

  for (const value of ["x", 5, null, [1]]) {
    it(`adaptiveCard/action with value ${JSON.stringify(value)}: 400, never 501`, async () => {
      const res = await post(bot.url, { ...executeInvoke("feedback", {}, { serviceUrl: url }), value });
      assert.deepEqual([res.status, res.body], [400, { error: "bad activity: value" }]);
    });
  }

  it("fetchTask, submitAction and the dialog's task/fetch and task/submit with a bad value: 400; with data that is not Policybot's: 400", async () => {
    for (const name of ["composeExtension/fetchTask", "composeExtension/submitAction", "task/fetch", "task/submit"]) {
      const res = await post(bot.url, { ...fetchTaskInvoke({}, { serviceUrl: url }), name, value: "x" });
      assert.deepEqual([res.status, res.body], [400, { error: "bad activity: value" }], name);
      const other = await post(bot.url, { ...fetchTaskInvoke(messagePayload("<p>hej</p>"), { serviceUrl: url }, "someOtherCommand"), name });
      assert.equal(other.status, 400, `${name}: ${JSON.stringify(other.body)}`);
    }
    assert.equal(bot.logs.entries().filter((e) => e.event === "turnError").length, 0);
  });

  it("an invoke the bot does not handle: 501 (Not Implemented), whatever its value, without a failed turn", async () => {
    for (const [name, value] of [["tab/fetch", null], ["fileConsent/invoke", null], ["composeExtension/query", "x"], ["application/search", 5], ["signin/verifyState", {}]] as const) {
      const res = await post(bot.url, { ...activityBase({ serviceUrl: url }), type: "invoke", name, value });
      assert.equal(res.status, 501, name);
    }
    assert.equal(bot.logs.entries().filter((e) => e.event === "turnError").length, 0);
  });

  it("an unknown activity type: 200 and ignored", async () => {
    const res = await post(bot.url, { ...activityBase({ serviceUrl: url }), type: "somethingNew" });
    assert.equal(res.status, 200);
    assert.equal(connector.received.length, 0);
  });

  it("what Teams sends still works: a message, a mention, a welcome", async () => {
    assert.equal((await post(bot.url, message("hjälp", { serviceUrl: url }))).status, 200);
    assert.equal((await post(bot.url, mentionMessage("hjälp", { serviceUrl: url }))).status, 200);
    assert.equal((await post(bot.url, botAdded({ serviceUrl: url }))).status, 200);
    await connector.waitFor(3);
  });
});

describe("activity shape with an app id (auth first for anything that does work)", () => {
  const connector = new ConnectorStub();
  let url: string;
  let bot: RunningBot;

  before(async () => {
    url = await connector.start();
    bot = await startBot({ MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555", MICROSOFT_APP_PASSWORD: "not-a-real-secret", MICROSOFT_APP_TYPE: "MultiTenant", HOST: "127.0.0.1" });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });

  it("a well-formed unsigned activity is 401; a malformed one is 400 before auth (it does no work); neither runs a turn", async () => {
    assert.equal((await post(bot.url, message("hjälp", { serviceUrl: url }))).status, 401);
    const a: any = message("hjälp", { serviceUrl: url });
    a.conversation = "x";
    const res = await post(bot.url, a);
    assert.deepEqual([res.status, res.body], [400, { error: "bad activity: conversation" }]);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(connector.received.length, 0);
  });
});
