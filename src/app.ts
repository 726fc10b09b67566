// Composition root: the one place that picks adapters from config and wires the
// capabilities into the bot and the HTTP server.
import type { AddressInfo } from "node:net";
import type * as restify from "restify";
import type { Config } from "./config";
import type { Logger } from "./logging";
import type { PolicyLibrary } from "./policy/types";
import { loadPolicyLibrary } from "./policy/library";
import { createBotEndpoint, undeliveredReplies } from "./bot";
import { createServer, type Readiness } from "./server";
import { missingTables } from "./locales";
import { graphCredentials, openIncidentStack, type IncidentStack } from "./m365/incident-stack";
import { openApprovalStack, type ApprovalStack } from "./m365/approval-stack";
import { createGraphClient } from "./m365/graph-client";
import { createTokenProvider } from "./m365/token";
import { GraphAppInstaller } from "./bot/proactive/graph-install";
import { managerLookup } from "./notify/notifier";
import { systemClock, type Clock } from "./incidents/clock";
import * as path from "node:path";
import { DeliveryRunner } from "./notify/delivery-outbox";
import { SqliteDeliveryOutbox } from "./storage/delivery-outbox.sqlite";
import { openDatabase, usable } from "./storage/sqlite";
import { openStateStore } from "./state/open";
import { ConversationStore } from "./state/conversations";
import { StateDeliveryOutbox } from "./state/delivery-outbox.state";
import type { DeliveryOutbox } from "./notify/delivery-outbox";
import { Admission } from "./lifecycle/admission";
import { registerTabRoutes } from "./tab/routes";
import { SsoTokenValidator } from "./tab/sso-token";
import { createAdminCheck } from "./tab/admin-check";
import { policySectionDeepLink } from "./tab/deep-link";

export interface App {
  server: restify.Server;
  library: PolicyLibrary;
  /** incident service and store (SQLite or SharePoint, from config) */
  incidents: IncidentStack;
  /** approvals: service, directory, state store (opened asynchronously; listen() waits for it) */
  approvals: Promise<ApprovalStack>;
  /** the durable outbox of incident notices and approval cards (counts; an admin's "try now") */
  deliveries: DeliveryRunner;
  /** whether /api/messages takes activities and how many are in flight (closed on shutdown) */
  admission: Admission;
  /** entries waiting in the incident outbox (reports SharePoint has not taken) and the delivery outbox */
  outboxDepths(): Promise<{ incidents: number; deliveries: { pending: number; failed: number } }>;
  /** one outbox pass each (incidents, deliveries) over the entries that are due: the shutdown's last pass */
  drainOutboxes(): Promise<void>;
  /** one pass of the approval reminder timer; the number of reminders, escalations and expiries handled */
  runApprovalReminders(): Promise<number>;
  /** starts listening on config.host:config.port (port 0 = ephemeral); resolves with the bound address */
  listen(): Promise<{ host: string; port: number; url: string }>;
  close(): Promise<void>;
}

export interface AppOverrides {
  /** a ready library (tests); otherwise the packs are loaded from policies/ and config.policy.extraDir */
  library?: PolicyLibrary;
  /** the approvals' clock (tests move it to make reminders due) */
  clock?: Clock;
}

export function buildApp(config: Config, log: Logger, overrides: AppOverrides = {}): App {
  // every pack is loaded and checked now; only the default pack's search engine is built before
  // the server is ready, the others on their first question (a conversation that switched pack)
  const library = overrides.library ?? loadPolicyLibrary({ extraDir: config.policy.extraDir || undefined, lazy: true });
  if (!library.ids().includes(config.policy.defaultPack)) {
    throw new Error(`POLICY_PACK "${config.policy.defaultPack}" is not a loaded policy pack (loaded: ${library.ids().join(", ")})`);
  }
  library.index?.(config.policy.defaultPack);
  // the state every instance shares (STATE_STORE=blob) or this machine's SQLite file: conversation
  // references, pack choices, pending approvals, secrets and, with blob, the outboxes
  const state = openStateStore(config);
  // incident events carry ids, references and codes only (never report text)
  let onIncidentEvent: (e: { event: string; id?: string; reference?: string; code?: string }) => void = () => {};
  const incidents = openIncidentStack(config, {
    drain: true,
    state,
    onEvent: (e) => {
      log.info({ event: "incident", step: e.event, reference: e.reference, code: e.code }, "incident event");
      onIncidentEvent(e);
    },
  });
  // approvals (issue 5): ids, references and codes only in the log
  const approvals = openApprovalStack(config, {
    drain: true,
    state,
    clock: overrides.clock,
    onEvent: (e) => log.info({ event: "approval", step: e.event, reference: e.reference, code: e.code }, "approval event"),
  });
  // the approvals stack opens asynchronously: its state for /readyz
  let approvalsState: "opening" | "failed" | ApprovalStack = "opening";
  approvals.then(
    (s) => (approvalsState = s),
    () => (approvalsState = "failed"),
  );
  const installer = config.approvals.proactive.installApp
    ? new GraphAppInstaller(
        createGraphClient({ baseUrl: config.graph.baseUrl, tokens: createTokenProvider(graphCredentials(config)), clock: overrides.clock ?? systemClock, retry: { timeoutMs: config.graph.timeoutMs, budgetMs: config.graph.retryBudgetMs } }),
        { manifestAppId: config.teamsApp.appId, catalogAppId: config.approvals.proactive.catalogAppId, graphHost: config.graph.baseUrl },
      )
    : undefined;
  // incident notices and approval cards: written before they are sent (ids and routing only)
  const deliveryDb = config.state.kind === "sqlite" ? openDatabase(path.join(config.dataDir, "deliveries.sqlite")) : undefined;
  const deliveryOutbox: DeliveryOutbox = deliveryDb ? new SqliteDeliveryOutbox(deliveryDb) : new StateDeliveryOutbox(state);
  const deliveries = new DeliveryRunner(deliveryOutbox, {
    intervalMs: config.deliveries.retryIntervalMs,
    leaseMs: config.deliveries.leaseMs,
    onEvent: (e) => {
      const fields = { event: "delivery", step: e.event, kind: e.kind, code: e.code, attempts: e.attempts };
      if (e.event === "failed") log.error(fields, "proactive message not delivered");
      else log.info(fields, "delivery");
    },
    onError: (e) => log.warn({ event: "delivery", step: "pass", err: e instanceof Error ? e.name : "error" }, "delivery pass failed"),
  });
  const bot = createBotEndpoint(config, library, log, {
    deliveries,
    conversations: new ConversationStore(state),
    incidents: {
      service: incidents.service,
      managers: managerLookup({ manager: async (oid) => (await approvals).directory.manager(oid) }),
      personalConversation: async (oid) => (await approvals).conversations.personal(oid),
    },
    approvals: approvals.then((s) => ({ service: s.service, conversations: s.conversations, directory: s.directory, installer })),
    // answer cards link to the quoted section in the tab, which only an installed Teams app has
    sectionLink: config.teamsApp.appId ? (packId, section) => policySectionDeepLink(config.teamsApp.appId, packId, section) : undefined,
  });
  onIncidentEvent = (e) => bot.onIncidentEvent(e);
  const admission = new Admission();
  const readiness = (): Readiness => {
    const ids = library.ids();
    const a = approvalsState;
    return {
      accepting: admission.open ? "ok" : "stopping",
      packs: ids.length > 0 && ids.includes(config.policy.defaultPack) ? "ok" : "missing",
      locales: missingTables().length === 0 ? "ok" : "missing",
      incidents: incidents.usable() ? "ok" : "unusable",
      approvals: typeof a === "string" ? a : a.usable() ? "ok" : "unusable",
      deliveries: (deliveryDb ? usable(deliveryDb) : true) ? "ok" : "unusable",
      state: (state.usable?.() ?? true) ? "ok" : "unusable",
    };
  };
  // the tab: with an app id, Teams SSO tokens of the app's tenant; without, local development
  const ssoTenant = config.bot.tenantId.trim() || config.graph.tenantId;
  const tabSso = config.authEnabled
    ? {
        validator: new SsoTokenValidator({ authorityHost: config.graph.authorityHost, tenantId: ssoTenant, appId: config.bot.appId, allowedTenants: config.bot.allowedTenants, timeoutMs: config.graph.timeoutMs }),
        admin: createAdminCheck(
          { appRole: config.tab.adminAppRole, groupId: config.tab.adminGroupId },
          { credentials: () => graphCredentials(config), baseUrl: config.graph.baseUrl, timeoutMs: config.graph.timeoutMs },
        ),
      }
    : undefined;
  const server = createServer({
    bot,
    log,
    maxInFlight: config.maxRequestsInFlight,
    admission,
    bodyTimeoutMs: config.bodyTimeoutMs,
    organisation: library.get(config.policy.defaultPack).facts.organisation.name,
    health: () => ({ packs: library.ids(), defaultPack: config.policy.defaultPack, auth: config.authEnabled, deliveries: deliveries.lastCounts(), undeliveredReplies: undeliveredReplies().replies }),
    readiness,
    routes: (s) =>
      registerTabRoutes(s, { log, library, defaultPack: config.policy.defaultPack, sso: tabSso, hostOrigins: config.tab.hostOrigins, incidents: incidents.service, approvals, now: overrides.clock ? () => overrides.clock!.now() : undefined }),
  });

  return {
    server,
    library,
    incidents,
    approvals,
    deliveries,
    admission,
    // awaited whether the outboxes answer now or asynchronously (a Blob-backed outbox)
    outboxDepths: async () => ({ incidents: (await incidents.service.pending()).length, deliveries: await deliveries.counts() }),
    drainOutboxes: async () => {
      await Promise.all([incidents.service.drainer?.drainOnce(), deliveries.drainOnce()]);
    },
    runApprovalReminders: () => bot.runApprovalReminders(),
    listen: async () => {
      // a state store or directory that cannot be opened stops the start, with its error
      await bot.ready();
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          const addr = server.address() as AddressInfo;
          const host = addr.address;
          resolve({ host, port: addr.port, url: `http://${host.includes(":") ? `[${host}]` : host}:${addr.port}` });
        });
      });
    },
    close: () =>
      new Promise((resolve) => {
        bot.close();
        server.close(() => {
          incidents.close();
          deliveryDb?.close();
          approvals
            .then((s) => s.close())
            .catch(() => undefined)
            .then(() => state.close?.())
            .catch(() => undefined)
            .finally(() => resolve());
        });
        // keep-alive sockets would hold close() open until they time out
        server.server.closeAllConnections?.();
      }),
  };
}

