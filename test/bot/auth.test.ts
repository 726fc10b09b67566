// With an app id configured, Bot Framework tokens are required: no token, no turn.
import * as assert from "node:assert/strict";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";
import { message, post } from "../support/activities";

describe("bot authentication (MICROSOFT_APP_ID set)", () => {
  let bot: RunningBot;
  const connector = new ConnectorStub();
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot({
      MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
      MICROSOFT_APP_PASSWORD: "not-a-real-secret",
      MICROSOFT_APP_TYPE: "MultiTenant",
      HOST: "127.0.0.1",
    });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
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
    // offline the key lookup itself fails (500); online the signature check fails (401): never 2xx
    assert.ok(res.status === 401 || res.status === 500, `status ${res.status}`);
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
