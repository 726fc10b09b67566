// The outbox survives a restart: a report saved while Graph was down is filed by a new
// service instance over the same database file, and by a new process (the admin CLI).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as path from "node:path";
import { promisify } from "node:util";
import { IncidentService } from "../../src/incidents/service";
import { SqliteOutbox } from "../../src/storage/outbox.sqlite";
import { openDatabase } from "../../src/storage/sqlite";
import { report, serviceRig, type ServiceRig } from "./helpers";

const run = promisify(execFile);

/** runs the incidents CLI in a child process against the fake Graph and a data dir */
export async function incidentsCli(rig: ServiceRig, dataDir: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const ts = __filename.endsWith(".ts");
  const script = path.join(__dirname, "fixtures", `incidents-cli.${ts ? "ts" : "js"}`);
  const env = {
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    INCIDENT_STORE: "sharepoint",
    GRAPH_TENANT_ID: rig.graph.tenantId,
    GRAPH_CLIENT_ID: rig.graph.clientId,
    GRAPH_CLIENT_SECRET: rig.graph.clientSecret,
    GRAPH_BASE_URL: rig.graph.url,
    GRAPH_AUTHORITY_HOST: rig.graph.url,
    SHAREPOINT_SITE: rig.graph.site,
    LOG_LEVEL: "silent",
  };
  try {
    const r = await run(process.execPath, [...(ts ? ["-r", "tsx/cjs"] : []), script, ...args], { env, cwd: path.resolve(__dirname, "../.."), timeout: 30_000 });
    return { ...r, code: 0 };
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; code?: number };
    return { stdout: x.stdout ?? "", stderr: x.stderr ?? "", code: typeof x.code === "number" ? x.code : 1 };
  }
}

describe("incident outbox across restarts", function () {
  this.timeout(60_000);
  let rig: ServiceRig;
  afterEach(async () => rig && (await rig.close()));

  it("a new service instance over the same file files the saved report at start-up", async () => {
    rig = await serviceRig();
    rig.graph.faults.outage(120_000);
    const { outcome } = await report(rig.service);
    assert.equal(outcome.status, "queued");
    rig.db.close(); // the first instance goes away

    rig.clock.advance(130_000);
    const db2 = openDatabase(rig.dbFile);
    rig.db = db2;
    const outbox2 = new SqliteOutbox(db2);
    assert.equal(await outbox2.pendingCount(), 1, "the report is still there after the restart");
    const service2 = new IncidentService({ store: rig.store, outbox: outbox2, clock: rig.clock, formSecret: randomBytes(32) });
    service2.drainer!.start(); // drains once at start-up
    const r = await service2.drainer!.drainOnce(); // joins the start-up pass
    service2.drainer!.stop();
    assert.equal(r.remaining, 0);
    if (outcome.status === "queued") assert.equal(rig.graph.itemsWhere("AI-incidenter", "ReportId", outcome.incident.id).length, 1);
  });

  it("a new process (policybot incidents pending / drain) files what the first one saved", async () => {
    rig = await serviceRig();
    rig.graph.faults.outage(120_000);
    const a = await report(rig.service, { description: "först" });
    const b = await report(rig.service, { description: "sedan" });
    assert.equal(a.outcome.status, "queued");
    assert.equal(b.outcome.status, "queued");
    rig.db.close();
    rig.graph.faults.clear();
    const dataDir = path.dirname(rig.dbFile);

    const pending = await incidentsCli(rig, dataDir, ["incidents", "pending"]);
    assert.equal(pending.code, 0, pending.stderr);
    assert.equal(pending.stdout.trim().split("\n").length, 2);

    const drain = await incidentsCli(rig, dataDir, ["incidents", "drain"]);
    assert.equal(drain.code, 0, drain.stderr);
    assert.match(drain.stdout, /filed 2, failed 0, still pending 0/);
    assert.equal(rig.graph.list("AI-incidenter")!.items.size, 2);
    for (const x of [a, b]) if (x.outcome.status === "queued") assert.equal(rig.graph.itemsWhere("AI-incidenter", "ReportId", x.outcome.incident.id).length, 1);

    // and the same CLI reads SharePoint for admins
    const list = await incidentsCli(rig, dataDir, ["incidents", "list", "--json"]);
    assert.equal(list.code, 0, list.stderr);
    assert.equal(list.stdout.trim().split("\n").length, 2);
    const ref = JSON.parse(list.stdout.trim().split("\n")[0]).incident.reference as string;
    const set = await incidentsCli(rig, dataDir, ["incidents", "set-status", ref, "utreds", "--by", "Säkerhetsansvarig"]);
    assert.equal(set.code, 0, set.stderr);
    assert.equal(set.stdout.trim(), `${ref}: investigating`);
    assert.equal(rig.graph.itemsWhere("AI-incidenter", "Title", ref)[0].fields.Status, "Utreds");
    const show = await incidentsCli(rig, dataDir, ["incidents", "show", ref.toLowerCase()]);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /status\s+investigating/);
    const missing = await incidentsCli(rig, dataDir, ["incidents", "show", "INC-2026-0000-0000"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no incident/);
  });
});
