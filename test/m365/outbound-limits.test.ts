// Time limits of the Graph side's outbound calls (issue 10): a hung Graph read is not
// tried four times over the budget, a caller's abort still aborts, and msal-node's
// token requests (Graph and the bot's connector tokens) end at their timeout.
import * as assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { createGraphClient } from "../../src/m365/graph-client";
import { systemClock } from "../../src/incidents/clock";
import { createTokenProvider } from "../../src/m365/token";

class HungServer {
  requests = 0;
  closed = 0;
  private server = http.createServer((req, res) => {
    this.requests++;
    res.on("close", () => void (res.writableFinished || this.closed++));
    req.resume();
  });
  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

describe("Graph and Entra calls have time limits (real HTTP, a server that never answers)", () => {
  const hung = new HungServer();
  let url: string;
  before(async () => {
    url = await hung.start();
  });
  after(() => hung.stop());
  beforeEach(() => {
    hung.requests = 0;
    hung.closed = 0;
  });

  it("a hung Graph read uses up its timeout of the retry budget: one attempt, not four", async () => {
    const client = createGraphClient({ baseUrl: url, tokens: { getToken: async () => "t" }, clock: systemClock, retry: { timeoutMs: 200, budgetMs: 200, baseDelayMs: 50 } });
    const t0 = performance.now();
    await assert.rejects(client.api("/sites/x").get(), (e: unknown) => (e as { name?: string }).name === "TimeoutError" || /timeout/i.test(String((e as { code?: string }).code)));
    const ms = performance.now() - t0;
    assert.ok(ms < 1000, `took ${Math.round(ms)} ms`);
    assert.equal(hung.requests, 1);
    await settle();
    assert.equal(hung.closed, 1, "the request was aborted");
  });

  it("a caller's abort signal still aborts the request", async () => {
    const client = createGraphClient({ baseUrl: url, tokens: { getToken: async () => "t" }, clock: systemClock, retry: { timeoutMs: 10_000, budgetMs: 8_000 } });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 150);
    const t0 = performance.now();
    await assert.rejects(client.api("/sites/x").option("signal", ac.signal).get());
    assert.ok(performance.now() - t0 < 2000);
    await settle();
    assert.equal(hung.requests, 1, "no retry after the caller gave up");
    assert.equal(hung.closed, 1);
  });

  it("a token endpoint that never answers: the token request fails at its timeout", async () => {
    const tokens = createTokenProvider({ tenantId: "t1", clientId: "c1", clientSecret: "s", authorityHost: url, timeoutMs: 200 });
    const t0 = performance.now();
    await assert.rejects(tokens.getToken(), (e: unknown) => (e as { errorCode?: string }).errorCode === "request_timeout");
    assert.ok(performance.now() - t0 < 2000);
    await settle();
    assert.equal(hung.closed, hung.requests, "every token request was aborted");
  });
});
