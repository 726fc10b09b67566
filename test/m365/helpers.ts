// Shared set-up for the Graph tests: a FakeGraph, the real client and msal-node over HTTP.
import { randomUUID } from "node:crypto";
import type { Client } from "@microsoft/microsoft-graph-client";
import { ManualClock, type Clock } from "../../src/incidents/clock";
import type { Incident } from "../../src/incidents/model";
import { imyDeadline } from "../../src/incidents/model";
import { referenceFor } from "../../src/incidents/reference";
import { createGraphClient } from "../../src/m365/graph-client";
import { SharePointIncidentStore } from "../../src/m365/incident-store.sharepoint";
import { loadListSchema } from "../../src/m365/list-schema";
import type { RetryOptions } from "../../src/m365/middleware/retry";
import { SharePointList } from "../../src/m365/sharepoint-list";
import { createTokenProvider } from "../../src/m365/token";
import { graphTestConfig, startFakeGraph, type FakeGraph, type FakeGraphOptions } from "../support/graph-server";

export interface GraphRig {
  graph: FakeGraph;
  clock: ManualClock;
  client: Client;
  store: SharePointIncidentStore;
}

export async function graphRig(opts: FakeGraphOptions & { retry?: RetryOptions; certificatePem?: string; clock?: Clock } = {}): Promise<GraphRig> {
  const clock = (opts.clock as ManualClock) ?? new ManualClock();
  const graph = await startFakeGraph({ seed: ["incidents"], clock, ...opts });
  const cfg = graphTestConfig(graph, opts.certificatePem);
  const client = createGraphClient({ baseUrl: cfg.baseUrl, tokens: createTokenProvider(cfg.credentials), clock, retry: { timeoutMs: 2000, ...opts.retry } });
  const store = new SharePointIncidentStore(new SharePointList(client, loadListSchema("incidents"), { site: cfg.site }));
  return { graph, clock, client, store };
}

let n = 0;
/** a complete, valid incident */
export function sampleIncident(over: Partial<Incident> = {}, at = Date.parse("2026-03-02T09:00:00Z")): Incident {
  const id = over.id ?? randomUUID();
  const discoveredAt = new Date(at - 3600_000).toISOString();
  return {
    id,
    reference: referenceFor("INC", id, new Date(at)),
    reporter: { objectId: `0000000${n++ % 10}-aaaa-4bbb-8ccc-000000000001`, upn: "anna@contoso.se", name: "Anna Andersson" },
    occurredAt: new Date(at - 7200_000).toISOString(),
    discoveredAt,
    reportedAt: new Date(at).toISOString(),
    tool: "ChatGPT",
    infoKinds: ["personal", "customer"],
    peopleAffected: 40,
    dataSubjects: "kunder",
    description: "Klistrade in en kundlista i ChatGPT.",
    actionsTaken: "Raderade konversationen.",
    personalData: true,
    imyDeadline: imyDeadline(discoveredAt),
    status: "new",
    policyPack: "wenell",
    ...over,
  };
}

import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { IncidentService } from "../../src/incidents/service";
import type { Reporter } from "../../src/incidents/model";
import { SqliteOutbox } from "../../src/storage/outbox.sqlite";
import { openDatabase, type Db } from "../../src/storage/sqlite";

export interface ServiceRig extends GraphRig {
  service: IncidentService;
  outbox: SqliteOutbox;
  db: Db;
  dbFile: string;
  close(): Promise<void>;
}

export const anna: Reporter = { objectId: "5b1f0a4e-1111-4aaa-8bbb-123456789abc", upn: "anna@contoso.se", name: "Anna Andersson" };

/** a valid card submit (the fields a form sends) */
export function formFields(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    occurredAt: "2026-03-02T07:30:00+01:00",
    discoveredAt: "2026-03-02T08:15:00+01:00",
    tool: "ChatGPT",
    infoKinds: "personal,customer",
    peopleAffected: "40",
    description: "Jag klistrade in en kundlista med namn och telefonnummer i ChatGPT.",
    actionsTaken: "Raderade chatten och meddelade min chef.",
    ...over,
  };
}

export async function serviceRig(opts: Parameters<typeof graphRig>[0] = {}): Promise<ServiceRig> {
  const rig = await graphRig(opts);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-h6-"));
  const dbFile = path.join(dir, "incidents.sqlite");
  const db = openDatabase(dbFile);
  const outbox = new SqliteOutbox(db);
  const service = new IncidentService({ store: rig.store, outbox, clock: rig.clock, formSecret: randomBytes(32) });
  return {
    ...rig,
    service,
    outbox,
    db,
    dbFile,
    async close() {
      service.drainer?.stop();
      db.close();
      await rig.graph.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** submits one fresh form for anna */
export async function report(service: IncidentService, over: Record<string, unknown> = {}) {
  const form = (await service.newForm(anna));
  const outcome = await service.submit({ token: form.token, fields: formFields(over) }, anna, { policyPack: "wenell" });
  return { form, outcome };
}
