// No secret reaches the log: the real server process runs with a client secret, a Graph
// client secret and a storage connection string (Azurite), takes signed and forged
// requests, files an incident through Graph (once through a Graph failure), fails to reach
// the connector, and is started once with a storage account it cannot reach. Everything it
// prints (stdout and stderr, from the first line to the last) is searched for those values
// and for every Authorization header value that went in or out.
import * as assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { freePort } from "../support/ports";
import { ConnectorStub } from "../support/connector-stub";
import { OpenIdServer } from "../support/openid-server";
import { graphEnv, startFakeGraph, type FakeGraph } from "../support/graph-server";
import { startAzurite, type Azurite } from "../state/azurite";
import { TENANT_ID, message, post } from "../support/activities";
import { actionsOf, cardOf } from "../support/cards";
import { chatForm, submitInvoke, validInputs } from "./incident-support";

interface Server {
  child: ChildProcess;
  url: string;
  out: () => string;
  exited: Promise<number | null>;
}

async function spawnServer(env: Record<string, string>, waitReady = true): Promise<Server> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-secrets-"));
  const child = spawn(process.execPath, [path.join(projectRoot(), "dist", "src", "index.js")], {
    cwd: projectRoot(),
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "trace", NODE_ENV: "", WEBSITE_SITE_NAME: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  void exited.then(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  if (waitReady) {
    const deadline = Date.now() + 20000;
    while (!(await fetch(`${url}/healthz`).then((r) => r.ok, () => false))) {
      assert.equal(child.exitCode, null, `exited early:\n${out}`);
      assert.ok(Date.now() < deadline, `no /healthz within 20 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { child, url, out: () => out, exited };
}

async function stop(s: Server | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null) return;
  s.child.kill("SIGTERM");
  await Promise.race([s.exited, new Promise((r) => setTimeout(r, 5000))]);
  if (s.child.exitCode === null) s.child.kill("SIGKILL");
  await s.exited;
}

/** the secret itself and the parts of a connection string that are secrets */
function needles(secrets: Record<string, string>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(secrets)) {
    out.push([name, value]);
    const key = /AccountKey=([^;]+)/.exec(value)?.[1];
    if (key) out.push([`${name} AccountKey`, key], [`${name} AccountKey (first 16)`, key.slice(0, 16)]);
  }
  return out;
}

describe("secrets never reach the log (real process)", function () {
  this.timeout(90000);
  const appId = randomUUID();
  const appSecret = `app-secret-${randomUUID()}`;
  const graphSecret = `graph-secret-${randomUUID()}`;
  const connector = new ConnectorStub();
  const openid = new OpenIdServer({ clientId: appId, clientSecret: appSecret });
  let graph: FakeGraph;
  let azurite: Azurite;
  let serviceUrl: string;
  let server: Server | undefined;
  const sentAuthorizations: string[] = [];

  before(async () => {
    serviceUrl = await connector.start();
    await openid.start();
    graph = await startFakeGraph({ seed: ["incidents"], clientSecret: graphSecret });
    azurite = await startAzurite();
  });
  after(async () => {
    await stop(server);
    await connector.stop();
    await openid.stop();
    await graph?.stop();
    await azurite?.stop();
  });

  const env = () => ({
    MICROSOFT_APP_ID: appId,
    MICROSOFT_APP_PASSWORD: appSecret,
    MICROSOFT_APP_TYPE: "MultiTenant",
    ALLOWED_TENANT_IDS: TENANT_ID,
    BOT_OPENID_METADATA_URL: openid.metadataUrl,
    BOT_LOGIN_URL: openid.loginUrl,
    INCIDENT_STORE: "sharepoint",
    ...graphEnv(graph, graphSecret),
    STATE_STORE: "blob",
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
  });

  const signed = () => {
    const authorization = `Bearer ${openid.channelToken({ appId, serviceUrl })}`;
    sentAuthorizations.push(authorization);
    return { authorization };
  };

  it("a run with messages, forged tokens, a Graph failure and a failing connector logs none of the secrets nor any Authorization value", async () => {
    server = await spawnServer(env());
    // answered messages: the bot gets its connector token with the client secret
    const ask = await post(server.url, message("Får jag använda ChatGPT?", { serviceUrl }), signed());
    assert.equal(ask.status, 200);
    await connector.waitFor(1);
    // forged and foreign: 401s and a 403, each with an Authorization header
    const forged = `Bearer ${openid.channelToken({ appId, serviceUrl }).slice(0, -4)}AAAA`;
    sentAuthorizations.push(forged);
    assert.equal((await post(server.url, message("hej", { serviceUrl }), { authorization: forged })).status, 401);
    assert.equal((await post(server.url, message("hej", { serviceUrl }), { authorization: `Basic ${Buffer.from(`${appId}:${appSecret}`).toString("base64")}` })).status, 401);
    const foreign = message("hej", { serviceUrl });
    const other = { ...foreign, conversation: { ...foreign.conversation, tenantId: "0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e" }, channelData: { tenant: { id: "0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e" } } };
    assert.equal((await post(server.url, other, signed())).status, 403);
    // an incident filed through Graph (the token comes with the Graph secret), then one through a Graph failure
    for (const fail of [false, true]) {
      const conversationId = `a:conv-${randomUUID()}`;
      const form = await post(server.url, message("rapportera incident", { serviceUrl, conversationId }), signed());
      assert.equal(form.status, 200);
      // the turn ran before the answer: the form is at the connector (a notice may be too)
      const reply = connector.received.find((r) => r.conversationId === conversationId)!;
      const submit = await chatForm(server.url, cardOf(reply.activity), { serviceUrl, conversationId: reply.conversationId }, signed());
      if (fail) graph.faults.inject({ kind: "status", status: 500, code: "generalException" }, { method: "POST" }, 5);
      const res = await post(server.url, submitInvoke(submit, validInputs(), { serviceUrl, conversationId: reply.conversationId }), signed());
      assert.equal(res.status, 200, `${JSON.stringify(res.body)}\n${server.out().slice(-3000)}`);
    }
    assert.ok(graph.faults.fired.length > 0, "the Graph failure happened");
    assert.ok(graph.tokenRequests > 0 && graph.issuedTokens().length > 0, "Graph tokens were fetched with the secret");
    // the connector fails: the turn's reply is undelivered (a logged error)
    connector.behave = () => ({ status: 500, body: { error: { code: "ServiceError", message: "boom" } } });
    await post(server.url, message("Får jag använda ChatGPT?", { serviceUrl }), signed());
    connector.behave = undefined;
    await stop(server);

    const log = server.out();
    assert.ok(log.split("\n").length > 10, "the server logged (at trace)");
    assert.match(log, /"event":"turnError"|"event":"undelivered|"event":"delivery/, "the connector failure was logged");
    const secrets = needles({ MICROSOFT_APP_PASSWORD: appSecret, GRAPH_CLIENT_SECRET: graphSecret, AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString });
    for (const [name, value] of secrets) assert.ok(!log.includes(value), `the log holds ${name}`);
    const tokens = [...sentAuthorizations.map((a) => a.replace(/^Bearer /, "")), ...openid.issuedTokens, ...graph.issuedTokens()];
    assert.ok(tokens.length >= 8, `tokens collected (${tokens.length})`);
    for (const tok of tokens) assert.ok(!log.includes(tok.slice(-24)), "the log holds a token");
    assert.doesNotMatch(log, /Bearer\s+[A-Za-z0-9._~+/-]{8}/, "no Bearer value");
    assert.doesNotMatch(log, /Basic\s+[A-Za-z0-9+/=]{8}/, "no Basic value");
    assert.doesNotMatch(log, /authorization"\s*:\s*"(?!\[redacted\])/i, "no Authorization header logged");
  });

  it("a start that fails on the storage account prints its error without the connection string", async () => {
    const unreachable = azurite.connectionString.replace(/BlobEndpoint=http:\/\/127\.0\.0\.1:\d+/, "BlobEndpoint=http://127.0.0.1:9");
    const failed = await spawnServer({ ...env(), AZURE_STORAGE_CONNECTION_STRING: unreachable }, false);
    const code = await Promise.race([failed.exited, new Promise<"running">((r) => setTimeout(() => r("running"), 60000))]);
    if (code === "running") await stop(failed);
    const log = failed.out();
    assert.notEqual(code, "running", `the start did not fail:\n${log}`);
    assert.notEqual(code, 0);
    assert.match(log, /^policybot: /m, `it said why:\n${log}`);
    for (const [name, value] of needles({ MICROSOFT_APP_PASSWORD: appSecret, GRAPH_CLIENT_SECRET: graphSecret, AZURE_STORAGE_CONNECTION_STRING: unreachable })) {
      assert.ok(!log.includes(value), `the failed start printed ${name}`);
    }
  });
});
