// `npm run provision:sharepoint` end to end: the script in its own process, configured
// from the environment, against the fake Graph; run twice, the second run writes nothing.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";
import { promisify } from "node:util";
import { startFakeGraph, type FakeGraph } from "../support/graph-server";

const run = promisify(execFile);

async function provision(g: FakeGraph, args: string[] = []): Promise<string> {
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
  };
  const r = await run(process.execPath, [...(ts ? ["-r", "tsx/cjs"] : []), script, ...args], { env, cwd: path.resolve(__dirname, "../.."), timeout: 30_000 });
  return r.stdout;
}

describe("provision:sharepoint script", function () {
  this.timeout(60_000);
  let g: FakeGraph;
  afterEach(() => g.stop());

  it("creates both lists, then a second run changes nothing; --views prints the view commands", async () => {
    g = await startFakeGraph();
    const first = await provision(g);
    assert.match(first, /AI-incidenter: list created/);
    assert.match(first, /AI-godkännanden: list created/);
    const second = await provision(g, ["--views"]);
    assert.match(second, /AI-incidenter: list exists\n {2}columns created: none\n {2}columns updated: none\n {2}columns unchanged: \d+\n {2}Graph writes: 0/);
    assert.match(second, /AI-godkännanden: list exists[\s\S]*Graph writes: 0/);
    // one command per view the schemas in infra/ declare
    const views = ["incidents", "approvals"]
      .map((l) => JSON.parse(fs.readFileSync(path.join(projectRoot(), "infra", "sharepoint", `${l}.list.json`), "utf8")) as { views?: unknown[] })
      .reduce((n, s) => n + (s.views?.length ?? 0), 0);
    assert.equal((second.match(/^m365 spo list view add /gm) ?? []).length, views);
    assert.equal(g.lists.size, 2);
  });
});
