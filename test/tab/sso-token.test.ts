// The SSO token validator against the tenant's published keys (the local Entra): keys are
// fetched once and cached, a rolled-over key is fetched when a token names it, and unknown
// key ids do not make it fetch more than once a minute.
import * as assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { SsoTokenValidator, SsoTokenError } from "../../src/tab/sso-token";
import { startFakeGraph, type FakeGraph } from "../support/graph-server";
import { makeKey } from "../support/openid-server";

describe("tab SSO token validator: keys", () => {
  let graph: FakeGraph;
  before(async () => {
    graph = await startFakeGraph();
  });
  after(() => graph?.stop());

  const validator = (keyRefreshMinMs?: number) => new SsoTokenValidator({ authorityHost: graph.url, tenantId: graph.tenantId, appId: graph.clientId, allowedTenants: [graph.tenantId], timeoutMs: 3000, keyRefreshMinMs });
  const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof SsoTokenError ? e.code : String(e)));

  it("reads the user's object id, tenant and roles, fetching the tenant's keys once", async () => {
    const v = validator();
    const before = graph.discoveryRequests;
    const oid = randomUUID();
    const u = await v.validate(graph.userToken({ oid, claims: { roles: ["Policybot.Admin", 7] } }));
    assert.deepEqual([u.oid, u.tid, u.roles], [oid, graph.tenantId, ["Policybot.Admin"]]);
    await v.validate(graph.userToken({ oid }));
    assert.equal(graph.discoveryRequests - before, 2, "metadata and keys, once");
  });

  it("after a key rollover, a token signed by the new key is accepted (the keys are fetched again); the old key's tokens are refused", async () => {
    // the minimum interval between fetches for unknown kids shortened, so the rollover shows now
    const v = validator(0);
    const old = graph.userToken({ oid: randomUUID() });
    assert.equal(await code(v.validate(old)), "ok");
    graph.rotateUserKey();
    const before = graph.discoveryRequests;
    assert.equal(await code(v.validate(graph.userToken({ oid: randomUUID() }))), "ok");
    assert.equal(graph.discoveryRequests - before, 2);
    // the old key is no longer published: a fresh validator refuses its tokens
    assert.equal(await code(validator().validate(old)), "signature");
  });

  it("tokens naming unknown keys make it fetch at most once a minute", async () => {
    const v = validator();
    assert.equal(await code(v.validate(graph.userToken({ oid: randomUUID() }))), "ok");
    const before = graph.discoveryRequests;
    for (let i = 0; i < 5; i++) assert.equal(await code(v.validate(graph.userToken({ oid: randomUUID(), key: makeKey() }))), "signature");
    assert.ok(graph.discoveryRequests - before <= 2, `${graph.discoveryRequests - before} fetches`);
  });

  it("keys that cannot be fetched: a code of its own (the API answers 503, not 401)", async () => {
    const v = new SsoTokenValidator({ authorityHost: graph.url, tenantId: randomUUID(), appId: graph.clientId, allowedTenants: [graph.tenantId], timeoutMs: 3000 });
    assert.equal(await code(v.validate(graph.userToken({ oid: randomUUID() }))), "keys");
  });
});
