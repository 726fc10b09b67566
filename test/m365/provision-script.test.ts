// `npm run provision:sharepoint` end to end: the script in its own process, configured
// from the environment, against the fake Graph; run twice, the second run writes nothing.
// --views creates the list views through the fake's SharePoint REST endpoints.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { promisify } from "node:util";
import { makeTestCertificate, startFakeGraph, type FakeGraph } from "../support/graph-server";

const run = promisify(execFile);

async function provision(g: FakeGraph, args: string[] = [], extraEnv: Record<string, string> = {}): Promise<string> {
  const ts = __filename.endsWith(".ts");
  const script = path.resolve(__dirname, "../../scripts", `provision-sharepoint.${ts ? "ts" : "js"}`);
  const env = {
    PATH: process.env.PATH,
    GRAPH_TENANT_ID: g.tenantId,
    GRAPH_CLIENT_ID: g.clientId,
    GRAPH_CLIENT_SECRET: g.clientSecret,
    GRAPH_BASE_URL: g.url,
    GRAPH_AUTHORITY_HOST: g.url,
    SHAREPOINT_SITE: g.site,
    SHAREPOINT_REST_URL: g.url,
    ...extraEnv,
  };
  const r = await run(process.execPath, [...(ts ? ["-r", "tsx/cjs"] : []), script, ...args], { env, cwd: path.resolve(__dirname, "../.."), timeout: 30_000 });
  return r.stdout;
}

describe("provision:sharepoint script", function () {
  this.timeout(60_000);
  let g: FakeGraph;
  afterEach(() => g.stop());

  it("creates both lists, then a second run changes nothing; --print-views prints the view commands", async () => {
    g = await startFakeGraph();
    const first = await provision(g);
    assert.match(first, /AI-incidenter: list created/);
    assert.match(first, /AI-godkännanden: list created/);
    const second = await provision(g, ["--print-views"]);
    assert.match(second, /AI-incidenter: list exists\n {2}columns created: none\n {2}columns updated: none\n {2}columns unchanged: \d+\n {2}Graph writes: 0/);
    assert.match(second, /AI-godkännanden: list exists[\s\S]*Graph writes: 0/);
    // one command per view the schemas in infra/ declare
    const views = ["incidents", "approvals"]
      .map((l) => JSON.parse(fs.readFileSync(path.join(projectRoot(), "infra", "sharepoint", `${l}.list.json`), "utf8")) as { views?: unknown[] })
      .reduce((n, s) => n + (s.views?.length ?? 0), 0);
    assert.equal((second.match(/^m365 spo list view add /gm) ?? []).length, views);
    assert.equal(g.lists.size, 2);
  });

  it("--views with a certificate creates every view through SharePoint REST; a second run writes nothing", async () => {
    const pem = makeTestCertificate();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-h21-"));
    const certPath = path.join(dir, "graph.pem");
    fs.writeFileSync(certPath, pem);
    try {
      g = await startFakeGraph({ clientCertificatePem: pem });
      const env = { GRAPH_CLIENT_CERT_PATH: certPath };
      const first = await provision(g, ["--views"], env);
      assert.match(first, /AI-incidenter: list created[\s\S]*views created: Öppna incidenter, Personuppgiftsincidenter efter IMY-frist, Per månad\n/);
      for (const key of ["incidents", "approvals"]) {
        const schema = JSON.parse(fs.readFileSync(path.join(projectRoot(), "infra", "sharepoint", `${key}.list.json`), "utf8")) as { displayName: string; views: { name: string; fields: string[] }[] };
        const list = g.list(schema.displayName)!;
        for (const v of schema.views) assert.deepEqual(list.views.find((x) => x.Title === v.name)?.fields, v.fields, `${schema.displayName}: ${v.name}`);
      }
      const posts = g.sharePointCalls("POST");
      const second = await provision(g, ["--views"], env);
      assert.equal((second.match(/views created: none\n {2}views updated: none\n {2}views unchanged: \d+\n {2}SharePoint REST writes: 0/g) ?? []).length, 2);
      assert.equal(g.sharePointCalls("POST"), posts);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--views with only a client secret refuses, clearly, before touching the site", async () => {
    g = await startFakeGraph();
    const err = await provision(g, ["--views"]).then(
      () => assert.fail("expected exit code 2"),
      (e: { code?: number; stderr?: string }) => e,
    );
    assert.equal(err.code, 2);
    assert.match(err.stderr ?? "", /--views needs a certificate: SharePoint's REST API .* refuses app-only tokens obtained with a client secret/);
    assert.match(err.stderr ?? "", /GRAPH_CLIENT_CERT_PATH.*--print-views/);
    assert.equal(g.requests.length, 0);
  });
});
