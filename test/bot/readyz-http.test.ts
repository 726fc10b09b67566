// GET /healthz says the process is alive; GET /readyz says whether a message can be
// answered: packs, locales and stores loaded and usable, else 503 naming the part.
import * as assert from "node:assert/strict";
import { startBot, type RunningBot } from "../support/bot-server";

async function get(url: string): Promise<{ status: number; body: any; cache: string | null }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json(), cache: res.headers.get("cache-control") };
}

describe("GET /readyz", () => {
  let bot: RunningBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it("is 200 with every part ok once the bot has started", async () => {
    bot = await startBot();
    const r = await get(`${bot.url}/readyz`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { status: "ready", checks: { accepting: "ok", packs: "ok", locales: "ok", incidents: "ok", approvals: "ok", deliveries: "ok", state: "ok" } });
    assert.equal(r.cache, "no-store");
  });

  it("is 503 naming the store that stopped working, while /healthz still says the process is alive", async () => {
    bot = await startBot();
    bot.app.incidents.close();
    const r = await get(`${bot.url}/readyz`);
    assert.equal(r.status, 503);
    assert.deepEqual(r.body.notReady, ["incidents"]);
    assert.equal(r.body.checks.incidents, "unusable");
    assert.equal(r.body.checks.packs, "ok");
    // codes only: no message, path or setting travels in the answer
    assert.deepEqual(Object.keys(r.body).sort(), ["checks", "notReady", "status"]);
    for (const v of Object.values(r.body.checks)) assert.match(String(v), /^[a-z]+$/);
    assert.equal((await get(`${bot.url}/healthz`)).status, 200);
  });
});
