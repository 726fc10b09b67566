// Environment -> typed, validated config. The only file that reads process.env.
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", ""]).transform((v) => v === "true" || v === "1");

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  /** bind address; forced to 127.0.0.1 when no app id is configured */
  HOST: z.string().default("0.0.0.0"),
  MICROSOFT_APP_ID: z.string().default(""),
  MICROSOFT_APP_PASSWORD: z.string().default(""),
  MICROSOFT_APP_TENANT_ID: z.string().default(""),
  MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("SingleTenant"),
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
  // --- incidents and Microsoft Graph (issue 4) ---
  /** where incident reports go: a local SQLite file, or the SharePoint list through Graph */
  INCIDENT_STORE: z.enum(["sqlite", "sharepoint"]).default("sqlite"),
  /** how often saved-but-unfiled reports are retried (seconds) */
  INCIDENT_OUTBOX_INTERVAL_S: z.coerce.number().int().min(5).max(3600).default(60),
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
});

export type RawEnv = z.input<typeof schema>;

export interface Config {
  port: number;
  host: string;
  /** true when Bot Framework tokens are validated (an app id is set) */
  authEnabled: boolean;
  bot: { appId: string; appPassword: string; tenantId: string; appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI" };
  policy: { defaultPack: string; extraDir: string };
  dataDir: string;
  log: { level: string; pretty: boolean };
  /** values written into appPackage/manifest.json at package time */
  teamsApp: { appId: string; botDomain: string };
  incidents: { store: "sqlite" | "sharepoint"; outboxIntervalMs: number };
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
  sharepoint: { site: string; incidentsList: string; approvalsList: string };
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
  return {
    port: e.PORT,
    host: authEnabled ? e.HOST : "127.0.0.1",
    authEnabled,
    bot: { appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD, tenantId: e.MICROSOFT_APP_TENANT_ID, appType: e.MICROSOFT_APP_TYPE },
    policy: { defaultPack: e.POLICY_PACK, extraDir: e.POLICY_DIR },
    dataDir: e.DATA_DIR,
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY },
    teamsApp: { appId: e.TEAMS_APP_ID.trim() || e.MICROSOFT_APP_ID.trim(), botDomain: e.BOT_DOMAIN.trim() },
    incidents: { store: e.INCIDENT_STORE, outboxIntervalMs: e.INCIDENT_OUTBOX_INTERVAL_S * 1000 },
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
    sharepoint: { site: e.SHAREPOINT_SITE.trim(), incidentsList: e.SHAREPOINT_INCIDENTS_LIST, approvalsList: e.SHAREPOINT_APPROVALS_LIST },
  };
}
