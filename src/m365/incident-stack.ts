// Builds the incident service from config: the one place that picks the store.
// sqlite: the local file is the store (no outbox needed: the write is local).
// sharepoint: the list through Graph, with an outbox in front of it: the local SQLite file,
// or with STATE_STORE=blob the shared state store, so another instance files what one
// that died had saved. The form-token key is shared the same way.
// app.ts (the bot) and the CLI both call this.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Config } from "../config";
import { systemClock, type Clock } from "../incidents/clock";
import { IncidentService, type IncidentServiceOptions } from "../incidents/service";
import type { IncidentStore } from "../incidents/store";
import { SqliteIncidentStore } from "../storage/incident-store.sqlite";
import { SqliteOutbox } from "../storage/outbox.sqlite";
import type { Outbox } from "../incidents/outbox";
import { StateIncidentOutbox } from "../state/incident-outbox.state";
import { openStateStore } from "../state/open";
import { sharedSecret } from "../state/shared-secret";
import type { StateStore } from "../state/store";
import { loadOrCreateSecret } from "../storage/secret";
import { openDatabase, usable, type Db } from "../storage/sqlite";
import { createGraphClient } from "./graph-client";
import { SharePointIncidentStore } from "./incident-store.sharepoint";
import { loadListSchema } from "./list-schema";
import { SharePointList } from "./sharepoint-list";
import { createTokenProvider, type GraphCredentials } from "./token";

export interface IncidentStack {
  service: IncidentService;
  store: IncidentStore;
  /** the local database (the store, or the outbox in front of SharePoint) answers */
  usable(): boolean;
  /** stops the drainer and closes the database */
  close(): void;
}

export interface StackOptions {
  clock?: Clock;
  onEvent?: IncidentServiceOptions["onEvent"];
  /** start the outbox drainer (bot: yes; one-shot CLI commands: no) */
  drain?: boolean;
  /** the state store the app opened (shared by instances with STATE_STORE=blob); else opened here when blob is configured */
  state?: StateStore;
}

export function graphCredentials(config: Config): GraphCredentials {
  const g = config.graph;
  const missing = [!g.tenantId && "GRAPH_TENANT_ID", !g.clientId && "GRAPH_CLIENT_ID", !g.clientSecret && !g.certPath && "GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERT_PATH"].filter(Boolean);
  if (missing.length) throw new Error(`SharePoint needs ${missing.join(", ")} (see .env.example)`);
  return {
    tenantId: g.tenantId,
    clientId: g.clientId,
    authorityHost: g.authorityHost,
    // GRAPH_TIMEOUT_MS bounds a token request as it bounds a Graph request
    timeoutMs: g.timeoutMs,
    ...(g.certPath ? { certificatePem: fs.readFileSync(g.certPath, "utf8") } : { clientSecret: g.clientSecret }),
  };
}

export function openIncidentStack(config: Config, opts: StackOptions = {}): IncidentStack {
  const clock = opts.clock ?? systemClock;
  const db: Db = openDatabase(path.join(config.dataDir, "incidents.sqlite"));
  const ownState = !opts.state && config.state.kind === "blob" ? openStateStore(config) : undefined;
  const shared = config.state.kind === "blob" ? (opts.state ?? ownState) : undefined;
  const formSecret = shared ? () => sharedSecret(shared, "incident-form") : loadOrCreateSecret(config.dataDir, "incident-form");
  let store: IncidentStore;
  let outbox: Outbox | undefined;
  if (config.incidents.store === "sharepoint") {
    if (!config.sharepoint.site) throw new Error("INCIDENT_STORE=sharepoint needs SHAREPOINT_SITE (see .env.example)");
    const client = createGraphClient({
      baseUrl: config.graph.baseUrl,
      tokens: createTokenProvider(graphCredentials(config)),
      clock,
      retry: { timeoutMs: config.graph.timeoutMs, budgetMs: config.graph.retryBudgetMs },
    });
    store = new SharePointIncidentStore(new SharePointList(client, loadListSchema("incidents"), { site: config.sharepoint.site, listName: config.sharepoint.incidentsList }));
    outbox = shared ? new StateIncidentOutbox(shared) : new SqliteOutbox(db);
  } else {
    store = new SqliteIncidentStore(db);
  }
  const service = new IncidentService({ store, outbox, clock, formSecret, onEvent: opts.onEvent, drainer: { intervalMs: config.incidents.outboxIntervalMs, leaseMs: config.incidents.outboxLeaseMs } });
  if (opts.drain) service.drainer?.start();
  return {
    service,
    store,
    usable: () => usable(db) && (shared?.usable?.() ?? true),
    close() {
      service.drainer?.stop();
      db.close();
      void ownState?.close?.();
    },
  };
}
