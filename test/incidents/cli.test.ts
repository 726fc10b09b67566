// `policybot incidents ...` on the local SQLite store (the SharePoint case runs in a
// child process in test/m365/restart.test.ts).
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Command } from "commander";
import { registerIncidentsCommand } from "../../src/cli/incidents-command";
import { loadConfig } from "../../src/config";
import { openIncidentStack } from "../../src/m365/incident-stack";

describe("policybot incidents (local store)", () => {
  let dir: string;
  let out: string[];
  let err: string[];
  let code: number;
  const config = () => loadConfig({ DATA_DIR: dir, INCIDENT_STORE: "sqlite" });

  async function cli(...args: string[]): Promise<void> {
    out = [];
    err = [];
    code = 0;
    const program = new Command("policybot").exitOverride();
    registerIncidentsCommand(program, { config, out: (l) => out.push(l), err: (l) => err.push(l), exit: (c) => (code = c) });
    await program.parseAsync(["node", "policybot", ...args]);
  }

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-cli-"));
    const stack = openIncidentStack(config());
    const anna = { objectId: "5b1f0a4e-1111-4aaa-8bbb-123456789abc", name: "Anna Andersson" };
    for (const [kinds, desc] of [["personal", "Kundlista\ni ChatGPT"], ["secret", "\u001b[2JSekretess"]]) {
      const o = await stack.service.submit({ token: (await stack.service.newForm(anna)).token, fields: { occurredAt: new Date(Date.now() - 3600_000).toISOString(), tool: "ChatGPT", infoKinds: kinds, description: desc } }, anna, { policyPack: "wenell" });
      assert.equal(o.status, "filed");
    }
    stack.close();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("list, filter, show, set-status; unknown references and statuses are clear errors", async () => {
    await cli("incidents", "list");
    assert.equal(out.length, 2);
    await cli("incidents", "list", "--personal", "--json");
    assert.equal(out.length, 1);
    const ref = JSON.parse(out[0]).incident.reference as string;
    assert.match(out[0], /"imyDeadline"/);

    await cli("incidents", "show", ref);
    assert.ok(out.includes("what happened:") && out.includes("  Kundlista") && out.includes("  i ChatGPT"), out.join("\n"));

    await cli("incidents", "set-status", ref, "avslutad", "--by", "IT");
    assert.deepEqual(out, [`${ref}: closed`]);
    await cli("incidents", "list", "--status", "closed");
    assert.equal(out.length, 1);

    await cli("incidents", "show", "INC-2026-0000-0000");
    assert.equal(code, 1);
    assert.match(err[0], /no incident INC-2026-0000-0000/);
    await assert.rejects(cli("incidents", "set-status", ref, "weird"), /unknown status "weird"/);
    await cli("incidents", "drain");
    assert.deepEqual(out, ["the local store has no outbox"]);
  });

  it("never prints terminal control sequences from stored text", async () => {
    await cli("incidents", "list", "--json");
    for (const l of out) {
      const r = JSON.parse(l);
      await cli("incidents", "show", r.incident.reference);
      assert.ok(out.every((x) => !/\u001b/.test(x)));
    }
  });
});
