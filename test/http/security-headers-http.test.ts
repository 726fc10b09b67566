// Security headers on every response of the real server, whatever answers it: the bot
// endpoint (200, 401, 403, refused bodies), health probes, 404 and 405. No banner names
// the server or its versions; HSTS only when the request came over TLS.
import * as assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { startBot, type RunningBot } from "../support/bot-server";
import { ConnectorStub } from "../support/connector-stub";
import { OpenIdServer } from "../support/openid-server";
import { message } from "../support/activities";

const OTHER_TENANT = "0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e";

function assertHardened(res: Response, what: string, tls = false) {
  const h = (n: string) => res.headers.get(n);
  assert.equal(h("x-content-type-options"), "nosniff", what);
  assert.equal(h("referrer-policy"), "no-referrer", what);
  assert.match(h("content-security-policy") ?? "", /default-src 'none'/, what);
  assert.match(h("content-security-policy") ?? "", /frame-ancestors 'none'/, what);
  assert.equal(h("x-frame-options"), "DENY", what);
  assert.equal(h("server"), null, `${what}: no Server banner`);
  assert.equal(h("x-powered-by"), null, what);
  if (tls) assert.match(h("strict-transport-security") ?? "", /^max-age=\d{7,}/, what);
  else assert.equal(h("strict-transport-security"), null, `${what}: no HSTS over plain http`);
}

describe("security headers on every response", () => {
  const appId = randomUUID();
  const secret = `secret-${randomUUID()}`;
  const connector = new ConnectorStub();
  const openid = new OpenIdServer({ clientId: appId, clientSecret: secret });
  let local: RunningBot;
  let authed: RunningBot;
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    await openid.start();
    local = await startBot();
    authed = await startBot({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: secret, MICROSOFT_APP_TYPE: "MultiTenant", HOST: "127.0.0.1", BOT_OPENID_METADATA_URL: openid.metadataUrl, BOT_LOGIN_URL: openid.loginUrl });
  });
  after(async () => {
    await local?.stop();
    await authed?.stop();
    await connector.stop();
    await openid.stop();
  });

  const post = (url: string, body: string, headers: Record<string, string> = {}) => fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("on the bot endpoint's answers: 200, 400 (a bad activity), 415, 413", async () => {
    const cases: Array<[string, Promise<Response>, number]> = [
      ["an answered message", post(local.url, JSON.stringify(message("hjälp", { serviceUrl }))), 200],
      ["a malformed activity", post(local.url, JSON.stringify({ type: "message" })), 400],
      ["a refused content type", post(local.url, "{}", { "content-type": "text/plain" }), 415],
      ["a body over the limit", post(local.url, JSON.stringify({ type: "message", text: "a".repeat(300 * 1024) })), 413],
    ];
    for (const [what, pending, status] of cases) {
      const res = await pending;
      assert.equal(res.status, status, what);
      await res.arrayBuffer();
      assertHardened(res, what);
    }
  });

  it("on 401 (no token) and 403 (a signed activity from a tenant not allowed)", async () => {
    const a = message("hej", { serviceUrl });
    const unsigned = await post(authed.url, JSON.stringify(a));
    assert.equal(unsigned.status, 401);
    assertHardened(unsigned, "401");
    const other = { ...a, conversation: { ...a.conversation, tenantId: OTHER_TENANT }, channelData: { tenant: { id: OTHER_TENANT } } };
    const refused = await post(authed.url, JSON.stringify(other), { authorization: `Bearer ${openid.channelToken({ appId, serviceUrl })}` });
    assert.equal(refused.status, 403);
    assertHardened(refused, "403");
  });

  it("on the probes, an unknown path (404) and a wrong method (405)", async () => {
    for (const [what, url, init, status] of [
      ["healthz", "/healthz", {}, 200],
      ["readyz", "/readyz", {}, 200],
      ["unknown path", "/.env", {}, 404],
      ["GET of the bot endpoint", "/api/messages", {}, 405],
      ["DELETE of a page", "/privacy", { method: "DELETE" }, 405],
    ] as const) {
      const res = await fetch(`${local.url}${url}`, init);
      assert.equal(res.status, status, what);
      await res.arrayBuffer();
      assertHardened(res, what);
    }
  });

  it("HSTS when the front end says the request came over TLS (App Service: X-Forwarded-Proto)", async () => {
    const res = await fetch(`${local.url}/healthz`, { headers: { "x-forwarded-proto": "https" } });
    assertHardened(res, "healthz over TLS", true);
    const page = await fetch(`${local.url}/privacy`, { headers: { "x-forwarded-proto": "https" } });
    assert.match(page.headers.get("strict-transport-security") ?? "", /^max-age=/);
  });
});
