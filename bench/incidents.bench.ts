// Incident reports filed per second: into the local SQLite store, and into SharePoint
// through the real Graph client and msal-node over HTTP to the local fake Graph with a
// realistic 50 ms latency (the production path: SQLite outbox first, then one POST).
// Also: Graph calls per report once the token and the site/list ids are cached (target 1).
// Run: npm run bench (all benches) or `npx tsx bench/incidents.bench.ts`.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { systemClock } from "../src/incidents/clock";
import type { Reporter } from "../src/incidents/model";
import { IncidentService } from "../src/incidents/service";
import { createGraphClient } from "../src/m365/graph-client";
import { SharePointIncidentStore } from "../src/m365/incident-store.sharepoint";
import { loadListSchema } from "../src/m365/list-schema";
import { SharePointList } from "../src/m365/sharepoint-list";
import { createTokenProvider } from "../src/m365/token";
import { SqliteIncidentStore } from "../src/storage/incident-store.sqlite";
import { SqliteOutbox } from "../src/storage/outbox.sqlite";
import { openDatabase } from "../src/storage/sqlite";
import { graphTestConfig, startFakeGraph } from "../test/support/graph-server";

const reporter: Reporter = { objectId: "5b1f0a4e-1111-4aaa-8bbb-123456789abc", upn: "anna@contoso.se", name: "Anna Andersson" };
const fields = {
  occurredAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
  discoveredAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
  tool: "ChatGPT",
  infoKinds: "personal,customer",
  peopleAffected: 40,
  description: "Klistrade in en kundlista med namn och telefonnummer i ChatGPT. ".repeat(8),
  actionsTaken: "Raderade chatten och meddelade min chef.",
};

async function fileMany(service: IncidentService, n: number, concurrency: number): Promise<{ perSecond: number; filed: number; ms: number }> {
  let next = 0;
  let filed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next++;
        const o = await service.submit({ token: (await service.newForm(reporter)).token, fields }, reporter, { policyPack: "wenell" });
        if (o.status === "filed") filed++;
      }
    }),
  );
  const ms = performance.now() - t0;
  return { perSecond: Math.round((n / ms) * 1000 * 10) / 10, filed, ms: Math.round(ms) };
}

export async function run(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-bench-incidents-"));
  try {
    // local store: SQLite with WAL and synchronous=FULL (every report durable on return)
    const ldb = openDatabase(path.join(dir, "local.sqlite"));
    const local = new IncidentService({ store: new SqliteIncidentStore(ldb), clock: systemClock, formSecret: randomBytes(32) });
    const sqlite = await fileMany(local, 2000, 1);
    ldb.close();

    // SharePoint through Graph, 50 ms per round trip
    const graph = await startFakeGraph({ seed: ["incidents"], latencyMs: 50 });
    try {
      const cfg = graphTestConfig(graph);
      const client = createGraphClient({ baseUrl: cfg.baseUrl, tokens: createTokenProvider(cfg.credentials), clock: systemClock });
      const store = new SharePointIncidentStore(new SharePointList(client, loadListSchema("incidents"), { site: cfg.site }));
      const gdb = openDatabase(path.join(dir, "outbox.sqlite"));
      const service = new IncidentService({ store, outbox: new SqliteOutbox(gdb), clock: systemClock, formSecret: randomBytes(32) });
      await fileMany(service, 1, 1); // warm-up: token, site and list ids
      const callsBefore = graph.graphCalls();
      const sequential = await fileMany(service, 40, 1);
      const callsPerReport = (graph.graphCalls() - callsBefore) / 40;
      const concurrent = await fileMany(service, 200, 10);
      const items = graph.list("AI-incidenter")!.items.size;
      gdb.close();
      return {
        sqlite: { reports: 2000, ...sqlite },
        sharepoint50ms: {
          sequential: { reports: 40, ...sequential },
          concurrent10: { reports: 200, ...concurrent },
          graphCallsPerReport: callsPerReport,
          tokenRequests: graph.tokenRequests,
          listItems: items,
        },
      };
    } finally {
      await graph.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default run;

if (require.main === module) run().then((r) => console.log(JSON.stringify(r, null, 2)));
