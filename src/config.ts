// Environment -> typed, validated config. The only file that reads process.env.
import { z } from "zod";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const bool = z.enum(["true", "false", "1", "0", ""]).transform((v) => v === "true" || v === "1");

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  /** bind address; forced to 127.0.0.1 when no app id is configured */
  HOST: z.string().default("0.0.0.0"),
  MICROSOFT_APP_ID: z.string().default(""),
  MICROSOFT_APP_PASSWORD: z.string().default(""),
  MICROSOFT_APP_TENANT_ID: z.string().default(""),
  MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("SingleTenant"),
  /** Entra tenants whose activities the bot serves, comma-separated GUIDs; empty: MICROSOFT_APP_TENANT_ID */
  ALLOWED_TENANT_IDS: z.string().default("").transform((v) => v.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean)).refine((ids) => ids.every((id) => GUID.test(id)), "comma-separated tenant GUIDs"),
  // --- rate limits (per instance), checked once a token is validated ---
  /** activities one user may send per window; beyond, one notice and then nothing until the window ends (0: off) */
  RATE_LIMIT_PER_USER: z.coerce.number().int().min(0).max(100000).default(30),
  /** activities one tenant's users may send together per window (0: off) */
  RATE_LIMIT_PER_TENANT: z.coerce.number().int().min(0).max(10000000).default(6000),
  /** the window of both limits, in seconds */
  RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).max(3600).default(60),
  // --- Bot Framework cloud endpoints (sovereign clouds; tests point them at a local server); empty: public cloud ---
  /** OpenID metadata of the keys that sign the channel's tokens to the bot */
  BOT_OPENID_METADATA_URL: z.union([z.literal(""), z.string().url()]).default(""),
  /** the issuer (iss) those tokens must carry */
  BOT_TOKEN_ISSUER: z.union([z.literal(""), z.string().url()]).default(""),
  /** Entra authority (host and tenant) the bot gets its own Bot Connector tokens from */
  BOT_LOGIN_URL: z.union([z.literal(""), z.string().url()]).default(""),
  /** the scope (resource) of those tokens */
  BOT_OAUTH_SCOPE: z.union([z.literal(""), z.string().url()]).default(""),
  // --- the bot's outbound calls (issue 10) ---
  /** one request to the Bot Connector (reply, card update, getMember, createConversation), in milliseconds */
  BOT_CONNECTOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  /** repeats of a connector request the connector cannot have acted on (429/503, no connection; 5xx only for GET/PUT/DELETE) */
  BOT_CONNECTOR_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  /** the longest total wait between attempts of one connector request, Retry-After included (a longer one fails the call at once) */
  BOT_CONNECTOR_MAX_RETRY_WAIT_MS: z.coerce.number().int().min(0).max(60000).default(3000),
  /** one fetch of the OpenID metadata or signing keys, and one request for the bot's own Entra token */
  BOT_AUTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  POLICY_PACK: z.string().regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes").default("soderkoping"),
  /** extra directory holding an organisation's own packs (each a subfolder) */
  POLICY_DIR: z.string().default(""),
  DATA_DIR: z.string().default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_PRETTY: bool.default(false),
  /** Teams app id (a GUID) written into the app package; defaults to MICROSOFT_APP_ID */
  TEAMS_APP_ID: z.string().default(""),
  /** public host name of the bot (e.g. policybot.example.se), listed in the manifest's validDomains */
  BOT_DOMAIN: z.string().regex(/^[a-z0-9.-]*$/i, "a host name without scheme or path").default(""),
  /** "production" marks a production host: the server then refuses to run without an app id */
  NODE_ENV: z.string().default(""),
  /** set by Azure App Service (the app's name): a production host too */
  WEBSITE_SITE_NAME: z.string().default(""),
  /** activities handled at once; beyond this /api/messages answers 503 with Retry-After (the channel retries) */
  MAX_REQUESTS_IN_FLIGHT: z.coerce.number().int().min(1).max(10000).default(200),
  /** a request body to /api/messages not complete within this is refused (408): a slow client would hold a slot of the above */
  REQUEST_BODY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  /** on SIGTERM/SIGINT: the longest wait for turns in flight and one outbox pass before the process exits */
  SHUTDOWN_TIMEOUT_S: z.coerce.number().int().min(1).max(300).default(20),
  /** Application Insights (set by infra/azure.bicep): metrics are exported there; empty: none are recorded */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().trim().default(""),
  // --- draft review of attached files (issue 3) ---
  /** largest .txt/.docx/.pdf attachment the bot downloads for review, in MB */
  REVIEW_FILE_MAX_MB: z.coerce.number().min(0.1).max(100).default(10),
  /** time allowed to download and read one attachment, in milliseconds */
  REVIEW_DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120000).default(15000),
  // --- AI images in chats and channels (issue 6) ---
  /** largest image the bot downloads to check for AI provenance, in MB (bigger ones are not fetched) */
  IMAGE_MAX_MB: z.coerce.number().min(0.1).max(100).default(25),
  /** largest labelled copy sent back in the chat (inside a card, as a data URI), in KB: Teams takes about 28 KB a message */
  IMAGE_COPY_MAX_KB: z.coerce.number().int().min(4).max(18).default(18),
  // --- incidents and Microsoft Graph (issue 4) ---
  /** where incident reports go: a local SQLite file, or the SharePoint list through Graph */
  INCIDENT_STORE: z.enum(["sqlite", "sharepoint"]).default("sqlite"),
  /** how often saved-but-unfiled reports are retried (seconds) */
  INCIDENT_OUTBOX_INTERVAL_S: z.coerce.number().int().min(5).max(3600).default(60),
  /** how long one filing attempt owns a report; after a crash, another instance takes it over after this (seconds) */
  INCIDENT_OUTBOX_LEASE_S: z.coerce.number().int().min(1).max(3600).default(300),
  /** how often undelivered notices and approval cards are retried (seconds) */
  DELIVERY_RETRY_INTERVAL_S: z.coerce.number().int().min(1).max(3600).default(30),
  /** how long one delivery attempt owns its entry; after a crash, the next process takes it over after this (seconds) */
  DELIVERY_LEASE_S: z.coerce.number().int().min(1).max(3600).default(120),
  /** where incident notices go: a Teams channel or conversation id (19:…@thread.tacv2); empty: the reporter's own conversation */
  INCIDENT_NOTIFY_CONVERSATION: z.string().trim().max(512).regex(/^[^\s]*$/, "a conversation id, no spaces").default(""),
  /** Bot Connector URL for that conversation until the bot has seen it (regional, e.g. https://smba.trafficmanager.net/emea/) */
  INCIDENT_NOTIFY_SERVICE_URL: z.string().url().default("https://smba.trafficmanager.net/teams/"),
  /** app registration used for Graph (app-only); defaults to the bot's app id and tenant */
  GRAPH_TENANT_ID: z.string().default(""),
  GRAPH_CLIENT_ID: z.string().default(""),
  GRAPH_CLIENT_SECRET: z.string().default(""),
  /** PEM file with the certificate and its private key (preferred over a secret) */
  GRAPH_CLIENT_CERT_PATH: z.string().default(""),
  /** Graph and Entra hosts (sovereign clouds; tests point these at a local server) */
  GRAPH_BASE_URL: z.string().url().default("https://graph.microsoft.com"),
  GRAPH_AUTHORITY_HOST: z.string().url().default("https://login.microsoftonline.com"),
  /** one Graph request, and the time a person waits for retries before the outbox takes over */
  GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  GRAPH_RETRY_BUDGET_MS: z.coerce.number().int().min(0).max(120000).default(8000),
  /** the SharePoint site: host and path (contoso.sharepoint.com:/sites/ai) or a Graph site id */
  SHAREPOINT_SITE: z.string().default(""),
  SHAREPOINT_INCIDENTS_LIST: z.string().min(1).default("AI-incidenter"),
  SHAREPOINT_APPROVALS_LIST: z.string().min(1).default("AI-godkännanden"),
  /** SharePoint REST host (scheme and host) for creating list views; empty: the site's own host from Graph. Tests point it at a local server */
  SHAREPOINT_REST_URL: z.union([z.literal(""), z.string().url()]).default(""),
  // --- approvals, directory and bot state (issue 5) ---
  /** where approval records go: a local SQLite file, or the SharePoint list "AI-godkännanden" through Graph */
  APPROVAL_STORE: z.enum(["sqlite", "sharepoint"]).default("sqlite"),
  /** who someone's manager is: the sample directory file, or Graph /users/{id}/manager */
  DIRECTORY: z.enum(["file", "graph"]).default("file"),
  /** the directory file for DIRECTORY=file; empty: infra/directory/sample-directory.json */
  DIRECTORY_FILE: z.string().default(""),
  /** Entra object ids of the head of operations (verksamhetschef), the CEO (VD) and the approvals admin */
  APPROVAL_HEAD_OF_OPERATIONS_ID: z.string().trim().default(""),
  APPROVAL_CEO_ID: z.string().trim().default(""),
  APPROVAL_ADMIN_ID: z.string().trim().default(""),
  /** days before the approver is reminded (and again every as many days), escalated to the admin, and the request expires */
  APPROVAL_REMIND_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  APPROVAL_ESCALATE_DAYS: z.coerce.number().int().min(2).max(90).default(7),
  APPROVAL_EXPIRE_DAYS: z.coerce.number().int().min(3).max(365).default(30),
  /** how often the bot looks for due reminders, escalations and expiries (seconds) */
  APPROVAL_REMINDER_INTERVAL_S: z.coerce.number().int().min(5).max(86400).default(3600),
  /** install the bot for an approver through Graph (TeamsAppInstallation.ReadWriteSelfForUser.All) when it cannot reach them */
  APPROVAL_INSTALL_APP: bool.default(false),
  /** the app's id in the organisation's Teams app catalog; empty: looked up by TEAMS_APP_ID (AppCatalog.Read.All) */
  TEAMS_CATALOG_APP_ID: z.string().trim().default(""),
  /** Bot Connector URL for approvers' chats the bot has not seen yet (regional, e.g. https://smba.trafficmanager.net/emea/) */
  APPROVAL_SERVICE_URL: z.string().url().default("https://smba.trafficmanager.net/teams/"),
  /** conversation references and pending requests: a local SQLite file, or Azure Blob Storage (several instances) */
  STATE_STORE: z.enum(["sqlite", "blob"]).default("sqlite"),
  /** connection string of the storage account for STATE_STORE=blob */
  AZURE_STORAGE_CONNECTION_STRING: z.string().default(""),
  /** one request to the state store (Blob): its time limit; a turn that needs the store waits at most about three of these */
  STATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  /** the blob container holding the state */
  STATE_BLOB_CONTAINER: z.string().regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, "a blob container name").default("policybot-state"),
  // --- the tab (issue 15) ---
  /** Entra group (object id) whose members see the tab's admin dashboard; checked as the user through Graph (on-behalf-of) */
  TAB_ADMIN_GROUP_ID: z.string().trim().default("").refine((v) => v === "" || GUID.test(v), "a group object id (GUID)"),
  /** the app role (value) whose holders see the admin dashboard, read from the SSO token's roles claim */
  TAB_ADMIN_APP_ROLE: z.string().trim().regex(/^[A-Za-z0-9._-]*$/, "an app role value").default("Policybot.Admin"),
  /** other hosts (origins, comma-separated) that may frame the tab and talk to it through teams-js, besides Teams and Microsoft 365 */
  TAB_HOST_ORIGINS: z.string().default("").transform((v) => v.split(",").map((o) => o.trim()).filter(Boolean)).refine((os) => os.every((o) => /^https?:\/\/[a-z0-9.-]+(?::\d+)?$/i.test(o)), "comma-separated origins (scheme://host[:port])"),
});

export type RawEnv = z.input<typeof schema>;

export interface Config {
  port: number;
  host: string;
  /** requests to /api/messages handled at once */
  maxRequestsInFlight: number;
  /** graceful shutdown's deadline (src/lifecycle/shutdown.ts) */
  shutdownTimeoutMs: number;
  /** metrics export; connectionString "" = off (never logged: it names the resource and its key) */
  telemetry: { connectionString: string };
  /** time for a request body to arrive */
  bodyTimeoutMs: number;
  /** true when Bot Framework tokens are validated (an app id is set) */
  authEnabled: boolean;
  /** why this is a production host ("NODE_ENV=production", "App Service"), or "" on a developer's machine */
  productionHost: string;
  bot: {
    appId: string;
    appPassword: string;
    tenantId: string;
    appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
    /** Bot Framework endpoints; each empty string means botbuilder's public-cloud value */
    cloud: { openIdMetadataUrl: string; tokenIssuer: string; loginUrl: string; oauthScope: string };
    /**
     * tenants (lowercase GUIDs) whose activities are served once the token is valid: ALLOWED_TENANT_IDS,
     * else the app's own tenant; empty (with an app id) stops the server at start (src/bot/tenant-gate.ts)
     */
    allowedTenants: string[];
    /** activities per user and per tenant in one window (0: no limit); per instance, in memory */
    rateLimits: { perUser: number; perTenant: number; windowS: number };
    /** time limits of the bot's own outbound calls (src/bot/connector/) */
    outbound: { connectorTimeoutMs: number; connectorMaxRetries: number; connectorMaxRetryWaitMs: number; authTimeoutMs: number };
  };
  policy: { defaultPack: string; extraDir: string };
  dataDir: string;
  log: { level: string; pretty: boolean };
  /** values written into appPackage/manifest.json at package time */
  teamsApp: { appId: string; botDomain: string };
  /** attached files under review: size and time limits; http downloads only without auth (local runs) */
  review: { maxFileBytes: number; downloadTimeoutMs: number; allowHttpDownloads: boolean };
  /** images checked for AI provenance: download cap, inline copy cap; same time limit and http rule as review */
  images: { maxFileBytes: number; copyMaxBytes: number; downloadTimeoutMs: number; allowHttpDownloads: boolean };
  incidents: {
    store: "sqlite" | "sharepoint";
    outboxIntervalMs: number;
    outboxLeaseMs: number;
    /** notices of filed reports: the security conversation (empty: local, the reporter's conversation) */
    notify: { conversationId: string; serviceUrl: string };
  };
  /** app-only Microsoft Graph access (SharePoint lists) */
  graph: {
    tenantId: string;
    clientId: string;
    clientSecret: string;
    certPath: string;
    baseUrl: string;
    authorityHost: string;
    timeoutMs: number;
    retryBudgetMs: number;
  };
  sharepoint: {
    site: string;
    incidentsList: string;
    approvalsList: string;
    /** SharePoint REST scheme and host for list views ("" = derived from the site's webUrl) */
    restUrl: string;
  };
  /** manager approvals (issue 5): store, role holders, reminder timing */
  approvals: {
    store: "sqlite" | "sharepoint";
    roles: { headOfOperations: string; ceo: string; admin: string };
    timing: { remindAfterDays: number; escalateAfterDays: number; expireAfterDays: number };
    /** the bot's reminder timer */
    reminderIntervalMs: number;
    /** reaching approvers who never wrote to the bot */
    proactive: { installApp: boolean; catalogAppId: string; serviceUrl: string };
  };
  directory: { kind: "file" | "graph"; file: string };
  /** the durable outbox of proactive messages (incident notices, approval cards) */
  deliveries: { retryIntervalMs: number; leaseMs: number };
  /** bot state shared by instances: conversation references, pending requests */
  state: { kind: "sqlite" | "blob"; connectionString: string; container: string; timeoutMs: number };
  /** the tab: who is an admin, and which hosts besides Microsoft 365 may frame it */
  tab: { adminGroupId: string; adminAppRole: string; hostOrigins: string[] };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const authEnabled = e.MICROSOFT_APP_ID.trim() !== "";
  // a custom login URL gets the bot's tokens with its client secret (src/bot/adapter.ts): no managed identity there
  if (e.BOT_LOGIN_URL && e.MICROSOFT_APP_TYPE === "UserAssignedMSI") {
    throw new ConfigError("invalid configuration (see .env.example):\n  BOT_LOGIN_URL: not supported with MICROSOFT_APP_TYPE=UserAssignedMSI");
  }
  return {
    port: e.PORT,
    host: authEnabled ? e.HOST : "127.0.0.1",
    maxRequestsInFlight: e.MAX_REQUESTS_IN_FLIGHT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_S * 1000,
    telemetry: { connectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING },
    bodyTimeoutMs: e.REQUEST_BODY_TIMEOUT_MS,
    authEnabled,
    productionHost: e.NODE_ENV.trim() === "production" ? "NODE_ENV=production" : e.WEBSITE_SITE_NAME.trim() ? "Azure App Service (WEBSITE_SITE_NAME is set)" : "",
    bot: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
      allowedTenants: e.ALLOWED_TENANT_IDS.length > 0 ? e.ALLOWED_TENANT_IDS : e.MICROSOFT_APP_TENANT_ID.trim() ? [e.MICROSOFT_APP_TENANT_ID.trim().toLowerCase()] : [],
      rateLimits: { perUser: e.RATE_LIMIT_PER_USER, perTenant: e.RATE_LIMIT_PER_TENANT, windowS: e.RATE_LIMIT_WINDOW_S },
      cloud: { openIdMetadataUrl: e.BOT_OPENID_METADATA_URL, tokenIssuer: e.BOT_TOKEN_ISSUER, loginUrl: e.BOT_LOGIN_URL.replace(/\/+$/, ""), oauthScope: e.BOT_OAUTH_SCOPE },
      outbound: {
        connectorTimeoutMs: e.BOT_CONNECTOR_TIMEOUT_MS,
        connectorMaxRetries: e.BOT_CONNECTOR_MAX_RETRIES,
        connectorMaxRetryWaitMs: e.BOT_CONNECTOR_MAX_RETRY_WAIT_MS,
        authTimeoutMs: e.BOT_AUTH_TIMEOUT_MS,
      },
    },
    policy: { defaultPack: e.POLICY_PACK, extraDir: e.POLICY_DIR },
    dataDir: e.DATA_DIR,
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY },
    teamsApp: { appId: e.TEAMS_APP_ID.trim() || e.MICROSOFT_APP_ID.trim(), botDomain: e.BOT_DOMAIN.trim() },
    review: { maxFileBytes: Math.round(e.REVIEW_FILE_MAX_MB * 1024 * 1024), downloadTimeoutMs: e.REVIEW_DOWNLOAD_TIMEOUT_MS, allowHttpDownloads: !authEnabled },
    images: { maxFileBytes: Math.round(e.IMAGE_MAX_MB * 1024 * 1024), copyMaxBytes: e.IMAGE_COPY_MAX_KB * 1024, downloadTimeoutMs: e.REVIEW_DOWNLOAD_TIMEOUT_MS, allowHttpDownloads: !authEnabled },
    incidents: {
      store: e.INCIDENT_STORE,
      outboxIntervalMs: e.INCIDENT_OUTBOX_INTERVAL_S * 1000,
      outboxLeaseMs: e.INCIDENT_OUTBOX_LEASE_S * 1000,
      notify: { conversationId: e.INCIDENT_NOTIFY_CONVERSATION, serviceUrl: e.INCIDENT_NOTIFY_SERVICE_URL },
    },
    graph: {
      tenantId: e.GRAPH_TENANT_ID.trim() || e.MICROSOFT_APP_TENANT_ID.trim(),
      clientId: e.GRAPH_CLIENT_ID.trim() || e.MICROSOFT_APP_ID.trim(),
      clientSecret: e.GRAPH_CLIENT_SECRET,
      certPath: e.GRAPH_CLIENT_CERT_PATH.trim(),
      baseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ""),
      authorityHost: e.GRAPH_AUTHORITY_HOST.replace(/\/+$/, ""),
      timeoutMs: e.GRAPH_TIMEOUT_MS,
      retryBudgetMs: e.GRAPH_RETRY_BUDGET_MS,
    },
    sharepoint: { site: e.SHAREPOINT_SITE.trim(), incidentsList: e.SHAREPOINT_INCIDENTS_LIST, approvalsList: e.SHAREPOINT_APPROVALS_LIST, restUrl: e.SHAREPOINT_REST_URL.replace(/\/+$/, "") },
    approvals: {
      store: e.APPROVAL_STORE,
      roles: { headOfOperations: e.APPROVAL_HEAD_OF_OPERATIONS_ID, ceo: e.APPROVAL_CEO_ID, admin: e.APPROVAL_ADMIN_ID },
      timing: { remindAfterDays: e.APPROVAL_REMIND_DAYS, escalateAfterDays: e.APPROVAL_ESCALATE_DAYS, expireAfterDays: e.APPROVAL_EXPIRE_DAYS },
      reminderIntervalMs: e.APPROVAL_REMINDER_INTERVAL_S * 1000,
      proactive: { installApp: e.APPROVAL_INSTALL_APP, catalogAppId: e.TEAMS_CATALOG_APP_ID, serviceUrl: e.APPROVAL_SERVICE_URL },
    },
    directory: { kind: e.DIRECTORY, file: e.DIRECTORY_FILE.trim() },
    deliveries: { retryIntervalMs: e.DELIVERY_RETRY_INTERVAL_S * 1000, leaseMs: e.DELIVERY_LEASE_S * 1000 },
    state: { kind: e.STATE_STORE, connectionString: e.AZURE_STORAGE_CONNECTION_STRING, container: e.STATE_BLOB_CONTAINER, timeoutMs: e.STATE_TIMEOUT_MS },
    tab: { adminGroupId: e.TAB_ADMIN_GROUP_ID.toLowerCase(), adminAppRole: e.TAB_ADMIN_APP_ROLE, hostOrigins: e.TAB_HOST_ORIGINS },
  };
}

/**
 * the server's own check before it listens: on a production host an empty app id would
 * serve the local demo (no token validation) to the internet. The CLI does not call this.
 */
export function refuseDemoInProduction(config: Config): void {
  if (!config.productionHost || config.authEnabled) return;
  throw new ConfigError(
    `refusing to start: this is a production host (${config.productionHost}) and MICROSOFT_APP_ID is empty, ` +
      "so the bot would take messages from anyone without checking their Bot Framework tokens.\n" +
      "  Set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (see .env.example and the README, \"Deploy to your tenant\");\n" +
      "  for the local demo, use `npm start` on a machine without NODE_ENV=production.",
  );
}
