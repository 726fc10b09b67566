// The tab's API over real HTTP with an app id: Teams SSO tokens signed by the tenant's keys
// (the local Graph/Entra server publishes them), forged ones refused, the admin API only for
// the app role or the admin group (asked of Graph on behalf of the user).
import * as assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { startBot, type RunningBot } from "../support/bot-server";
import { appIdentityEnv, startFakeGraph, type FakeGraph } from "../support/graph-server";
import { makeKey } from "../support/openid-server";
import { testIncident } from "../support/tab-fixtures";

const ADMIN_GROUP = "6c0d2a8e-0b0f-4c47-9e7e-3f1f0e6b9a01";

describe("tab API: SSO tokens and admin rights (real HTTP, local Entra and Graph)", function () {
  this.timeout(30_000);
  let graph: FakeGraph;
  let bot: RunningBot;
  const member = randomUUID();
  const other = randomUUID();

  before(async () => {
    graph = await startFakeGraph();
    graph.groupMembers.set(ADMIN_GROUP, new Set([member]));
    bot = await startBot({
      LOG_LEVEL: "warn",
      ...appIdentityEnv(graph),
      HOST: "127.0.0.1",
      TAB_ADMIN_GROUP_ID: ADMIN_GROUP,
    });
  });
  after(async () => {
    await bot?.stop();
    await graph?.stop();
  });

  const call = (p: string, token?: string, init: RequestInit = {}) =>
    fetch(`${bot.url}${p}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });

  it("a valid token of the tenant reads the policy API", async () => {
    const res = await call("/tab/api/policy", graph.userToken({ oid: other }));
    assert.equal(res.status, 200);
    const body = (await res.json()) as { sections: unknown[] };
    assert.ok(body.sections.length > 3);
  });

  it("no token, or not a bearer token: 401 on every API route, admin or not", async () => {
    for (const p of ["/tab/api/me", "/tab/api/policy", "/tab/api/policy/search?q=ChatGPT", "/tab/api/admin/incidents", "/tab/api/admin/approvals", "/tab/api/admin/stats"]) {
      assert.equal((await call(p)).status, 401, p);
      assert.equal((await call(p, undefined, { headers: { authorization: "Basic dXNlcjpwYXNz" } })).status, 401, p);
    }
    const post = await call("/tab/api/admin/incidents/INC-1/status", undefined, { method: "POST", body: JSON.stringify({ status: "closed" }), headers: { "content-type": "application/json" } });
    assert.equal(post.status, 401);
  });

  const forged: Array<[string, string, () => string]> = [
    ["signed by another key (wrong signature)", "signature", () => graph.userToken({ oid: member, key: makeKey(graph.userKey.kid) })],
    ["signed by an unknown key", "signature", () => graph.userToken({ oid: member, key: makeKey() })],
    ["of another tenant", "tenant", () => graph.userToken({ oid: member, claims: { tid: randomUUID() } })],
    ["for another audience", "audience", () => graph.userToken({ oid: member, claims: { aud: randomUUID() } })],
    ["from another issuer", "issuer", () => graph.userToken({ oid: member, claims: { iss: "https://login.microsoftonline.com/common/v2.0" } })],
    ["expired", "expired", () => graph.userToken({ oid: member, claims: { exp: Math.floor(Date.now() / 1000) - 3600, nbf: Math.floor(Date.now() / 1000) - 7200 } })],
    ["not yet valid", "expired", () => graph.userToken({ oid: member, claims: { nbf: Math.floor(Date.now() / 1000) + 3600 } })],
    ["with alg none", "malformed", () => graph.userToken({ oid: member }).split(".").slice(0, 2).join(".").replace(/^[^.]+/, Buffer.from(JSON.stringify({ alg: "none", kid: graph.userKey.kid })).toString("base64url")) + "."],
    ["an app-only token (no user scope)", "claims", () => graph.userToken({ oid: member, claims: { scp: undefined, roles: ["Policybot.Admin"] } })],
    ["with its payload changed after signing", "signature", () => {
      const [h, , s] = graph.userToken({ oid: other }).split(".");
      const now = Math.floor(Date.now() / 1000);
      const p = Buffer.from(JSON.stringify({ aud: graph.clientId, iss: graph.issuer, tid: graph.tenantId, oid: member, scp: "access_as_user", roles: ["Policybot.Admin"], nbf: now, exp: now + 3600 })).toString("base64url");
      return `${h}.${p}.${s}`;
    }],
  ];
  for (const [what, code, token] of forged) {
    it(`a token ${what} is refused with 401, logged with the code ${code}`, async () => {
      const before = bot.logs.entries().length;
      const res = await call("/tab/api/admin/stats", token());
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { error: "unauthorized" });
      const logged = bot.logs.entries().slice(before).filter((l) => l.event === "tabAuth");
      assert.equal(logged.length, 1);
      assert.equal(logged[0].reason, code);
    });
  }

  it("the admin API: 403 for a user who is neither in the group nor holds the role", async () => {
    const token = graph.userToken({ oid: other });
    for (const p of ["/tab/api/admin/incidents", "/tab/api/admin/approvals", "/tab/api/admin/stats"]) {
      const res = await call(p, token);
      assert.equal(res.status, 403, p);
      assert.deepEqual(await res.json(), { error: "forbidden" });
    }
    const post = await call("/tab/api/admin/incidents/INC-1/status", token, { method: "POST", body: JSON.stringify({ status: "closed" }), headers: { "content-type": "application/json" } });
    assert.equal(post.status, 403);
    assert.deepEqual(await (await call("/tab/api/me", token)).json(), { admin: false });
  });

  it("a member of the admin group gets in: Graph is asked as the user (on-behalf-of, then /me/checkMemberGroups), once per user", async () => {
    const obo = graph.oboRequests;
    const checks = () => graph.requests.filter((r) => r.path.endsWith("/me/checkMemberGroups")).length;
    const before = checks();
    const token = graph.userToken({ oid: member });
    assert.equal((await call("/tab/api/admin/stats", token)).status, 200);
    assert.equal((await call("/tab/api/admin/incidents", token)).status, 200);
    assert.equal(graph.oboRequests, obo + 1, "one on-behalf-of exchange");
    assert.equal(checks(), before + 1, "the answer is cached for the user");
  });

  it("the app role in the token makes an admin without asking Graph", async () => {
    const obo = graph.oboRequests;
    const res = await call("/tab/api/admin/approvals", graph.userToken({ oid: randomUUID(), claims: { roles: ["Policybot.Admin"] } }));
    assert.equal(res.status, 200);
    assert.equal(graph.oboRequests, obo);
  });

  it("an admin sets an incident's status; an unknown reference is 404, a bad status 400", async () => {
    const token = graph.userToken({ oid: member });
    const filed = await bot.app.incidents.service.fileNew(testIncident());
    assert.equal(filed.status, "filed");
    const ref = filed.incident.reference;
    const post = (r: string, status: string) => call(`/tab/api/admin/incidents/${r}/status`, token, { method: "POST", body: JSON.stringify({ status }), headers: { "content-type": "application/json" } });
    const res = await post(ref, "investigating");
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { reference: ref, status: "investigating" });
    assert.equal((await bot.app.incidents.service.get(ref))?.incident.status, "investigating");
    assert.equal((await bot.app.incidents.service.get(ref))?.incident.statusChangedBy, member);
    assert.equal((await post("INC-2026-NONE-NONE", "closed")).status, 404);
    assert.equal((await post(ref, "deleted")).status, 400);
  });

  it("the pages themselves load without a token (they hold no data) and tell the script SSO is on", async () => {
    const res = await call("/tab/checker");
    assert.equal(res.status, 200);
    assert.match(await res.text(), /"sso":true/);
  });
});
