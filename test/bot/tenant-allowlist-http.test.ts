// The tenant allow-list over real HTTP with real token validation (a local OpenID server
// signs the channel's tokens): a validly signed activity from a tenant not on the list gets
// 403, runs no turn, sends nothing to the connector and writes nothing to the state store.
import * as assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";
import { TENANT_ID, USER, executeInvoke, message, post } from "../support/activities";
import { signedBotApp } from "../support/openid-server";
import { ConfigError, loadConfig } from "../../src/config";

const OTHER_TENANT = "0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e";

describe("tenant allow-list (ALLOWED_TENANT_IDS) over real HTTP", () => {
  const { appId, secret, openid, env: signedEnv } = signedBotApp();
  const connector = new ConnectorStub();
  let bot: RunningBot;
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    await openid.start();
    bot = await startBot({
      ...signedEnv(),
      // upper case: tenant ids compare without case
      ALLOWED_TENANT_IDS: ` ${TENANT_ID.toUpperCase()} , 11111111-1111-4111-8111-111111111111`,
    });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
    await openid.stop();
  });
  beforeEach(() => connector.clear());

  /** a 1:1 message from a user of its own (so the state store can be asked about them) */
  function from(tenant: { channelData?: string | null; conversation?: string | null }, activity: Record<string, any> = message("Får jag använda ChatGPT?", { serviceUrl })) {
    const user = { ...USER, aadObjectId: randomUUID() };
    const a = { ...activity, from: user, conversation: { ...activity.conversation }, channelData: { ...activity.channelData } };
    if (tenant.channelData === null) delete a.channelData.tenant;
    else if (tenant.channelData !== undefined) a.channelData.tenant = { id: tenant.channelData };
    if (tenant.conversation === null) delete a.conversation.tenantId;
    else if (tenant.conversation !== undefined) a.conversation.tenantId = tenant.conversation;
    return { activity: a, user };
  }
  const signed = () => ({ authorization: `Bearer ${openid.channelToken({ appId, serviceUrl })}` });
  const personalRef = async (oid: string) => (await bot.app.approvals).conversations.personal(oid);

  async function assertRefused(a: { activity: unknown; user: { aadObjectId: string } }, reason: string) {
    const before = bot.logs.entries().filter((e) => e.event === "tenantRefused").length;
    const res = await post(bot.url, a.activity, signed());
    assert.equal(res.status, 403);
    assert.deepEqual(res.body, { error: "tenantNotAllowed" });
    // the turn would have run before the answer: nothing can reach the connector later
    assert.equal(connector.received.length, 0, "no reply");
    assert.equal(await personalRef(a.user.aadObjectId), undefined, "no conversation reference stored");
    const refused = bot.logs.entries().filter((e) => e.event === "tenantRefused");
    assert.equal(refused.length, before + 1);
    assert.equal(refused.at(-1)?.reason, reason);
  }

  it("serves a signed activity from an allowed tenant (and stores its 1:1 reference): the control", async () => {
    const a = from({});
    const res = await post(bot.url, a.activity, signed());
    assert.equal(res.status, 200);
    await connector.waitFor(1);
    assert.ok(await personalRef(a.user.aadObjectId), "the reference was stored");
  });

  it("refuses a validly signed message from another tenant with 403: no turn, no reply, nothing stored", async () => {
    await assertRefused(from({ channelData: OTHER_TENANT, conversation: OTHER_TENANT }), "tenantNotAllowed");
    const line = bot.logs.entries().filter((e) => e.event === "tenantRefused").at(-1)!;
    assert.equal(line.tenant, OTHER_TENANT);
  });

  it("refuses a card action (invoke) from another tenant with 403", async () => {
    const inv = executeInvoke("feedback", { helpful: true }, { serviceUrl });
    await assertRefused(from({ channelData: OTHER_TENANT, conversation: OTHER_TENANT }, inv), "tenantNotAllowed");
  });

  it("refuses an activity that names no tenant, and one whose two tenant fields disagree", async () => {
    await assertRefused(from({ channelData: null, conversation: null }), "noTenant");
    await assertRefused(from({ channelData: TENANT_ID, conversation: OTHER_TENANT }), "tenantMismatch");
    await assertRefused(from({ channelData: OTHER_TENANT, conversation: TENANT_ID }), "tenantMismatch");
  });

  it("takes the tenant from either field when only one is there", async () => {
    for (const t of [{ channelData: null, conversation: TENANT_ID }, { channelData: TENANT_ID, conversation: null }]) {
      connector.clear();
      const res = await post(bot.url, from(t).activity, signed());
      assert.equal(res.status, 200);
      await connector.waitFor(1);
    }
  });

  it("checks the token first: another tenant without a valid token gets 401", async () => {
    const res = await post(bot.url, from({ channelData: OTHER_TENANT, conversation: OTHER_TENANT }).activity);
    assert.equal(res.status, 401);
    assert.equal(connector.received.length, 0);
  });

  it("an app id with no tenant to allow stops the start with a message naming ALLOWED_TENANT_IDS", async () => {
    await assert.rejects(startBot({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: secret, MICROSOFT_APP_TYPE: "MultiTenant", HOST: "127.0.0.1", ALLOWED_TENANT_IDS: "" }), (e: Error) => e instanceof ConfigError && /ALLOWED_TENANT_IDS/.test(e.message));
  });
});

describe("tenant allow-list: configuration", () => {
  const app = { MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555", MICROSOFT_APP_PASSWORD: "x" };
  it("defaults to the app's own tenant, lower-cased", () => {
    assert.deepEqual(loadConfig({ ...app, MICROSOFT_APP_TENANT_ID: TENANT_ID.toUpperCase() }).bot.allowedTenants, [TENANT_ID]);
    assert.deepEqual(loadConfig({ ...app, MICROSOFT_APP_TENANT_ID: TENANT_ID, ALLOWED_TENANT_IDS: OTHER_TENANT }).bot.allowedTenants, [OTHER_TENANT]);
    assert.deepEqual(loadConfig(app).bot.allowedTenants, []);
  });
  it("refuses anything but GUIDs (a domain name is not what activities carry)", () => {
    assert.throws(() => loadConfig({ ...app, ALLOWED_TENANT_IDS: "contoso.onmicrosoft.com" }), /ALLOWED_TENANT_IDS/);
    assert.throws(() => loadConfig({ ...app, ALLOWED_TENANT_IDS: `${TENANT_ID},*` }), /ALLOWED_TENANT_IDS/);
  });
});

describe("tenant allow-list: the local demo (no app id)", () => {
  const connector = new ConnectorStub();
  let bot: RunningBot;
  let serviceUrl: string;
  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot({ ALLOWED_TENANT_IDS: TENANT_ID });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });

  it("has no tokens to trust a tenant by, so it answers any tenant as before", async () => {
    const a = message("Får jag använda ChatGPT?", { serviceUrl });
    const res = await post(bot.url, { ...a, conversation: { ...a.conversation, tenantId: OTHER_TENANT }, channelData: { tenant: { id: OTHER_TENANT } } });
    assert.equal(res.status, 200);
    await connector.waitFor(1);
  });
});
