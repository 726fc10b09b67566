// With an app id configured, Bot Framework tokens are required: no token, no turn.
// The second suite runs botbuilder's real token validation offline, against a local
// OpenID metadata/JWKS server holding a test key (BOT_OPENID_METADATA_URL), and the
// bot's own connector token from a local token endpoint (BOT_LOGIN_URL).
import * as assert from "node:assert/strict";
import { createHmac, randomUUID } from "node:crypto";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";
import { message, post } from "../support/activities";
import { cardOf, visibleTexts } from "../support/cards";
import { CHANNEL_ISSUER, CONNECTOR_SCOPE, OpenIdServer, signedBotApp, makeKey } from "../support/openid-server";
import { ConfigError, loadConfig } from "../../src/config";
import { authOptions } from "../../src/bot/adapter";

describe("bot authentication (MICROSOFT_APP_ID set)", () => {
  let bot: RunningBot;
  const connector = new ConnectorStub();
  // the signing keys come from a local server: the public cloud's would be a call off the machine
  const openid = new OpenIdServer({ clientId: "11111111-2222-3333-4444-555555555555", clientSecret: "not-a-real-secret" });
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    await openid.start();
    bot = await startBot({
      MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
      MICROSOFT_APP_PASSWORD: "not-a-real-secret",
      MICROSOFT_APP_TYPE: "MultiTenant",
      HOST: "127.0.0.1",
      BOT_OPENID_METADATA_URL: openid.metadataUrl,
      BOT_LOGIN_URL: openid.loginUrl,
    });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
    await openid.stop();
  });

  it("rejects an unsigned activity with 401 and sends no reply", async () => {
    const res = await post(bot.url, message("Får jag använda ChatGPT?", { serviceUrl }));
    assert.equal(res.status, 401);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(connector.received.length, 0);
  });

  it("does not run a turn for a forged (unsigned, alg none) bearer token", async () => {
    const forged = [{ alg: "none", typ: "JWT" }, { aud: "11111111-2222-3333-4444-555555555555", iss: "https://api.botframework.com" }]
      .map((p) => Buffer.from(JSON.stringify(p)).toString("base64url"))
      .join(".");
    const res = await post(bot.url, message("Får jag använda ChatGPT?", { serviceUrl }), { authorization: `Bearer ${forged}.` });
    assert.equal(res.status, 401);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(connector.received.length, 0);
  });

  it("still answers GET /healthz with 200, without the app id or password", async () => {
    const res = await fetch(`${bot.url}/healthz`);
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.equal(JSON.parse(text).auth, true);
    assert.ok(!text.includes("11111111-2222") && !text.includes("not-a-real-secret"));
  });
});

describe("bot authentication against a local OpenID server (real token validation)", () => {
  // a fresh app id per run: botbuilder caches connector tokens per app id for the whole process
  const { appId, secret, openid, env: signedEnv } = signedBotApp();
  const connector = new ConnectorStub();
  let bot: RunningBot;
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    await openid.start();
    bot = await startBot({
      ...signedEnv(),
    });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
    await openid.stop();
  });
  beforeEach(() => connector.clear());

  const ask = (token: string | undefined, activity = message("Får jag använda ChatGPT?", { serviceUrl })) =>
    post(bot.url, activity, token === undefined ? {} : { authorization: `Bearer ${token}` });

  /**
   * 401, no turn (the turn runs before the response, so nothing can reach the connector later),
   * and rejected by the check the case is about: `reason` is the code logged (never botbuilder's message)
   */
  function assertRejected(res: { status: number }, what: string, reason: string) {
    assert.equal(res.status, 401, `${what}: status ${res.status}`);
    assert.equal(connector.received.length, 0, `${what}: no reply`);
    const logged = bot.logs.entries().filter((e) => e.event === "authRejected");
    assert.equal(logged.length, rejections + 1, `${what}: one rejection logged`);
    rejections = logged.length;
    assert.equal(logged.at(-1)?.reason, reason, `${what}: rejected for the expected reason`);
    assert.equal(logged.at(-1)?.message, undefined, `${what}: no message logged`);
  }
  let rejections = 0;

  it("accepts a token signed by the published key and replies through the connector with its own token", async () => {
    const res = await ask(openid.channelToken({ appId, serviceUrl }));
    assert.equal(res.status, 200);
    const [reply] = await connector.waitFor(1);
    // the real answer (not the turn-error apology): the card quotes the pack's policy
    const expected = bot.library.ask("soderkoping", "Får jag använda ChatGPT?");
    assert.ok(expected.citations.length > 0);
    assert.ok(visibleTexts(cardOf(reply.activity)).some((t) => t.includes(expected.citations[0].quote)), "the answer card quotes the policy");
    assert.ok(!bot.logs.entries().some((e) => e.event === "turnError"), "no turn error");
    // the reply carries the token the local Entra endpoint issued for the Bot Connector scope
    assert.ok(openid.issuedTokens.length >= 1, "the bot fetched a connector token");
    assert.equal(reply.authorization, `Bearer ${openid.issuedTokens.at(-1)}`);
    const tr = openid.tokenRequests.at(-1)!;
    assert.deepEqual(
      { path: tr.path, clientId: tr.clientId, scope: tr.scope, grantType: tr.grantType },
      { path: "/botframework.com/oauth2/v2.0/token", clientId: appId, scope: CONNECTOR_SCOPE, grantType: "client_credentials" },
    );
    assert.ok(openid.metadataRequests >= 1 && openid.keyRequests >= 1, "the keys came from BOT_OPENID_METADATA_URL");
  });

  it("answers a second activity with the cached keys and token", async () => {
    const before = { metadata: openid.metadataRequests, tokens: openid.tokenRequests.length };
    await ask(openid.channelToken({ appId, serviceUrl }));
    const res = await ask(openid.channelToken({ appId, serviceUrl }));
    assert.equal(res.status, 200);
    await connector.waitFor(2);
    assert.equal(openid.metadataRequests, before.metadata);
    assert.equal(openid.tokenRequests.length, before.tokens, "no new token request");
  });

  it("rejects a token signed by another key under the published kid (401, not 500)", async () => {
    const res = await ask(openid.channelToken({ appId, serviceUrl, key: makeKey(openid.key.kid) }));
    assertRejected(res, "forged signature", "bad_signature");
  });

  it("rejects a token signed by another key under an unknown kid", async () => {
    assertRejected(await ask(openid.channelToken({ appId, serviceUrl, key: makeKey() })), "unknown key", "unknown_key");
  });

  it("rejects an expired token (beyond botbuilder's 5-minute clock tolerance)", async () => {
    const now = Math.floor(Date.now() / 1000);
    assertRejected(await ask(openid.channelToken({ appId, serviceUrl, claims: { nbf: now - 7200, exp: now - 600 } })), "expired", "token_expired");
  });

  it("rejects a token not valid yet", async () => {
    const now = Math.floor(Date.now() / 1000);
    assertRejected(await ask(openid.channelToken({ appId, serviceUrl, claims: { nbf: now + 3600, exp: now + 7200 } })), "not before", "token_not_yet_valid");
  });

  it("rejects a token for another bot (wrong audience)", async () => {
    assertRejected(await ask(openid.channelToken({ appId, serviceUrl, claims: { aud: randomUUID() } })), "audience", "wrong_audience");
  });

  it("rejects a token from another issuer, even signed by the published key", async () => {
    assertRejected(await ask(openid.channelToken({ appId, serviceUrl, claims: { iss: "https://sts.windows.net/evil/" } })), "issuer", "no_valid_identity");
  });

  it("rejects a valid token replayed with another serviceUrl (replies would go elsewhere)", async () => {
    const other = await ask(openid.channelToken({ appId, serviceUrl: "https://smba.trafficmanager.net/emea/" }));
    assertRejected(other, "serviceUrl", "service_url_mismatch");
  });

  it("rejects a Teams-endorsed key's token on an activity claiming another channel", async () => {
    const activity = { ...message("hej", { serviceUrl }), channelId: "webchat" };
    assertRejected(await ask(openid.channelToken({ appId, serviceUrl }), activity), "endorsement", "endorsement");
  });

  it("rejects unsigned tokens: no header, alg none, and HS256 keyed with the public key", async () => {
    assertRejected(await ask(undefined), "no header", "no_token");
    const claims = { aud: appId, iss: CHANNEL_ISSUER, serviceurl: serviceUrl, exp: Math.floor(Date.now() / 1000) + 3600 };
    const enc = (p: unknown) => Buffer.from(JSON.stringify(p)).toString("base64url");
    const none = `${enc({ alg: "none", typ: "JWT", kid: openid.key.kid })}.${enc(claims)}.`;
    assertRejected(await ask(none), "alg none", "unsigned");
    const hsData = `${enc({ alg: "HS256", typ: "JWT", kid: openid.key.kid })}.${enc(claims)}`;
    const pem = openid.key.publicKey.export({ type: "spki", format: "pem" }).toString();
    const hs = `${hsData}.${createHmac("sha256", pem).update(hsData).digest("base64url")}`;
    assertRejected(await ask(hs), "HS256", "bad_algorithm");
    assertRejected(await ask("not-a-jwt"), "garbage", "no_valid_identity");
  });

  it("answers 500 (not 401) when the signing keys cannot be loaded, and runs no turn", async () => {
    const broken = await startBot({
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: secret,
      MICROSOFT_APP_TYPE: "MultiTenant",
      HOST: "127.0.0.1",
      BOT_OPENID_METADATA_URL: openid.brokenMetadataUrl,
      BOT_LOGIN_URL: openid.loginUrl,
    });
    try {
      const res = await post(broken.url, message("hej", { serviceUrl }), { authorization: `Bearer ${openid.channelToken({ appId, serviceUrl })}` });
      assert.equal(res.status, 500);
      assert.equal(connector.received.length, 0);
      assert.ok(broken.logs.entries().some((e) => e.event === "authKeysUnavailable"));
    } finally {
      await broken.stop();
    }
  });
});

describe("Bot Framework endpoints (BOT_* settings)", () => {
  const appEnv = { MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555", MICROSOFT_APP_PASSWORD: "x", MICROSOFT_APP_TYPE: "MultiTenant" } as const;

  it("left empty, gives botbuilder exactly its public-cloud values", () => {
    const o = authOptions(loadConfig(appEnv).bot);
    assert.deepEqual(
      {
        metadata: o.ToBotFromChannelOpenIdMetadataUrl,
        issuer: o.ToBotFromChannelTokenIssuer,
        login: o.ToChannelFromBotLoginUrl,
        scope: o.ToChannelFromBotOAuthScope,
        callerId: o.CallerId,
      },
      {
        metadata: "https://login.botframework.com/v1/.well-known/openidconfiguration",
        issuer: "https://api.botframework.com",
        login: "https://login.microsoftonline.com/botframework.com",
        scope: "https://api.botframework.com",
        callerId: "urn:botframework:azure",
      },
    );
  });

  it("passes a sovereign cloud's values through (no public caller id then)", () => {
    const o = authOptions(
      loadConfig({
        ...appEnv,
        BOT_OPENID_METADATA_URL: "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
        BOT_TOKEN_ISSUER: "https://api.botframework.us",
        BOT_LOGIN_URL: "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.com/",
        BOT_OAUTH_SCOPE: "https://api.botframework.us",
      }).bot,
    );
    assert.equal(o.ToBotFromChannelOpenIdMetadataUrl, "https://login.botframework.azure.us/v1/.well-known/openidconfiguration");
    assert.equal(o.ToBotFromChannelTokenIssuer, "https://api.botframework.us");
    assert.equal(o.ToChannelFromBotLoginUrl, "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.com");
    assert.equal(o.ToChannelFromBotOAuthScope, "https://api.botframework.us");
    assert.equal(o.CallerId, undefined);
  });

  it("rejects a value that is not a URL, and BOT_LOGIN_URL with a managed identity", () => {
    assert.throws(() => loadConfig({ ...appEnv, BOT_OPENID_METADATA_URL: "login.botframework.com" }), ConfigError);
    assert.throws(() => loadConfig({ ...appEnv, MICROSOFT_APP_PASSWORD: "", MICROSOFT_APP_TYPE: "UserAssignedMSI", MICROSOFT_APP_TENANT_ID: "t", BOT_LOGIN_URL: "https://login.example/t" }), /UserAssignedMSI/);
  });
});
