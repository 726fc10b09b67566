// CloudAdapter with Bot Framework authentication. Without an app id the adapter
// skips token validation (local Playground only: the server then binds to 127.0.0.1);
// with one, every request must carry a valid Bot Framework JWT (else 401).
// Every outbound call has a time limit (BOT_CONNECTOR_*, BOT_AUTH_TIMEOUT_MS): connector
// calls through the pipeline policy of connector/pipeline.ts, the signing keys through
// connector/openid.ts, the bot's own Entra tokens through msal's network client (m365/token.ts).
import { ConfidentialClientApplication } from "@azure/msal-node";
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from "botbuilder";
// not in botbuilder's index: the timestamp fix-up CloudAdapter.process applies (mirrored below)
import { validateAndFixActivity } from "botbuilder/lib/activityValidator";
import type { Request, Response } from "restify";
import {
  AuthenticationConstants,
  AuthenticationError,
  MsalServiceClientCredentialsFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
  type ServiceClientCredentialsFactory,
  type UserTokenClient,
} from "botframework-connector";
import type { Config } from "../config";
import type { Logger } from "../logging";
import { t } from "../locales";
import { msalConfig } from "../m365/token";
import { deliveryWatch, undeliveredCode } from "./connector/delivery";
import { installOpenIdMetadata, SigningKeysUnavailable } from "./connector/openid";
import { ConnectorCallError, ConnectorClients, TimedConnectorFactory, type ConnectorCallSettings } from "./connector/pipeline";
import { loudConsole, quietConsole } from "./connector/quiet-console";
import { proactiveErrorCode } from "./proactive/errors";
import { turnLang } from "./language";
import { TenantGate } from "./tenant-gate";
import { BoundedMap } from "../util/bounded-map";

export { undeliveredReplies, type UndeliveredCounts } from "./connector/delivery";
export { withConnectorDeadline } from "./connector/pipeline";

type BotConfig = Config["bot"];

/** errors jsonwebtoken throws for a bad token (bad signature, malformed, expired, not yet valid) */
const TOKEN_ERRORS = new Set(["JsonWebTokenError", "TokenExpiredError", "NotBeforeError"]);

/**
 * Why a token was rejected, as a stable code: the log gets this, never the error's
 * message (botbuilder's carry the token's claims, e.g. its audience or key id).
 */
export function rejectionReason(err: Error): string {
  // anchored on botbuilder's and jsonwebtoken's fixed texts: the parts after them come from the token
  const m = err.message ?? "";
  if (err.name === "TokenExpiredError" || /^(The token has expired|jwt expired)/.test(m)) return "token_expired";
  if (err.name === "NotBeforeError" || /^jwt not active/.test(m)) return "token_not_yet_valid";
  if (/^invalid signature/.test(m)) return "bad_signature";
  if (/^jwt signature is required/.test(m)) return "unsigned";
  if (/^(invalid algorithm|"?Token signing algorithm|secretOrPublicKey must be)/.test(m)) return "bad_algorithm";
  if (/^Signing Key could not be retrieved/.test(m)) return "unknown_key";
  if (/^Could not validate (additional )?endorsement/.test(m)) return "endorsement";
  if (/^(Unauthorized\. Invalid AppId passed on token|jwt audience invalid)/.test(m)) return "wrong_audience";
  if (/^(Unauthorized\. Issuer Claim MUST be present|jwt issuer invalid)/.test(m)) return "wrong_issuer";
  if (/^Unauthorized\. ServiceUrl claim/.test(m)) return "service_url_mismatch";
  if (/^Unauthorized\. No valid identity/.test(m)) return "no_valid_identity";
  if (/^Unauthorized Access\. Request is not authorized\. Skill/.test(m)) return "skill_claims";
  if (/^Unauthorized Access\. Request is not authorized/.test(m)) return "no_token";
  if (/^(jwt malformed|invalid token|jwt must be provided)/.test(m)) return "malformed";
  if (/^Unauthorized\. Is not authenticated/.test(m)) return "not_authenticated";
  return "rejected";
}

// CloudAdapter answers 401 only for an AuthenticationError and 500 for anything else.
// botbuilder lets jsonwebtoken's errors through as they are (a token signed by an unknown
// key with a known kid gave 500), and reports keys it could not load as an
// AuthenticationError (401). Here a bad token is always 401, and a failure to load the
// signing keys stays a server error (500): the channel retries, nobody is told "unauthorized".
// Each gives one short log line with a reason code: no stack, message, key or token.
async function authResult<T>(run: () => Promise<T>, log: Logger): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AuthenticationError && err.statusCode >= 500) {
      const reason = err instanceof SigningKeysUnavailable ? err.reason : "keys_unavailable";
      log.error({ event: "authKeysUnavailable", reason }, "Bot Framework signing keys could not be loaded");
      throw new Error(`signing keys unavailable: ${reason}`);
    }
    if (err instanceof Error && TOKEN_ERRORS.has(err.name)) {
      const reason = rejectionReason(err);
      log.warn({ event: "authRejected", reason }, "bot token rejected");
      throw new AuthenticationError(`Unauthorized: ${reason}`, 401);
    }
    if (err instanceof AuthenticationError) {
      log.warn({ event: "authRejected", reason: rejectionReason(err) }, "bot token rejected");
      throw new AuthenticationError(`Unauthorized: ${rejectionReason(err)}`, 401);
    }
    if (err instanceof Error) {
      // e.g. no connection to the metadata server in botbuilder's own code: a server error, by name only
      log.error({ event: "authKeysUnavailable", reason: "auth_error", err: safeName(err) }, "Bot Framework token validation failed");
      throw new Error("token validation failed");
    }
    throw err;
  }
}

class PolicybotAuthentication extends ConfigurationBotFrameworkAuthentication {
  /** connector clients shared by turns (./connector/pipeline.ts) */
  private readonly clients = new ConnectorClients();
  /** user-token clients by app id, shared by turns (createUserTokenClient) */
  private readonly userTokenClients = new BoundedMap<string, Promise<UserTokenClient>>({ max: 100, ttlMs: 3600_000 });
  constructor(
    options: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    credentials: ServiceClientCredentialsFactory | undefined,
    private readonly log: Logger,
    private readonly calls: ConnectorCallSettings,
  ) {
    super(options, credentials);
  }
  override async authenticateRequest(...a: Parameters<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>) {
    return this.timed(await authResult(() => super.authenticateRequest(...a), this.log));
  }
  override async authenticateStreamingRequest(...a: Parameters<ConfigurationBotFrameworkAuthentication["authenticateStreamingRequest"]>) {
    return this.timed(await authResult(() => super.authenticateStreamingRequest(...a), this.log));
  }
  override authenticateChannelRequest(...a: Parameters<ConfigurationBotFrameworkAuthentication["authenticateChannelRequest"]>) {
    return authResult(() => super.authenticateChannelRequest(...a), this.log);
  }
  /**
   * CloudAdapter builds a user-token client (an Azure SDK service client) for every turn; this
   * bot has no sign-in, and the client holds only the app id and its credentials, so one per
   * app id serves every turn (the same key botbuilder builds it from)
   */
  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? "";
    let c = this.userTokenClients.get(appId);
    if (!c) {
      c = super.createUserTokenClient(identity);
      this.userTokenClients.set(appId, c);
      c.catch(() => this.userTokenClients.get(appId) === c && this.userTokenClients.delete(appId));
    }
    return c;
  }
  /** proactive turns (continueConversation, createConversation) get their factory here */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new TimedConnectorFactory(super.createConnectorFactory(claimsIdentity), this.calls, this.clients);
  }
  private timed(r: AuthenticateRequestResult): AuthenticateRequestResult {
    if (r.connectorFactory && !(r.connectorFactory instanceof TimedConnectorFactory)) r.connectorFactory = new TimedConnectorFactory(r.connectorFactory, this.calls, this.clients);
    return r;
  }
}

/**
 * botbuilder's settings for an app id. Every endpoint is passed, the public cloud's where
 * config leaves it empty: once one is given, botbuilder takes all of them as given.
 */
export function authOptions(b: BotConfig) {
  const c = b.cloud;
  return {
    MicrosoftAppId: b.appId,
    MicrosoftAppPassword: b.appPassword,
    MicrosoftAppType: b.appType,
    MicrosoftAppTenantId: b.tenantId,
    ToBotFromChannelOpenIdMetadataUrl: c.openIdMetadataUrl || AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: c.tokenIssuer || AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToChannelFromBotLoginUrl: c.loginUrl || AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: c.oauthScope || AuthenticationConstants.ToChannelFromBotOAuthScope,
    // user sign-in (OAuthCards) and Emulator/skill tokens are not used by this bot: public values
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    // the public cloud's caller id; another cloud's channel has its own, which botbuilder does not derive
    ...(c.tokenIssuer ? {} : { CallerId: CallerIdConstants.PublicAzureChannel }),
  };
}

/**
 * The bot's own tokens for the Bot Connector, from msal-node with the timed network client
 * (BOT_AUTH_TIMEOUT_MS). The authority's metadata is given up front (as for Graph), so msal
 * makes no instance discovery call. A managed identity (UserAssignedMSI) keeps botbuilder's
 * credentials.
 */
function connectorCredentials(b: BotConfig): ServiceClientCredentialsFactory | undefined {
  if (b.appType === "UserAssignedMSI") return undefined;
  if (!b.appPassword) {
    if (b.cloud.loginUrl) throw new Error("BOT_LOGIN_URL needs MICROSOFT_APP_PASSWORD (the client secret)");
    return undefined;
  }
  // botbuilder's own factory refuses a SingleTenant bot without its tenant, as before
  if (!b.cloud.loginUrl && b.appType === "SingleTenant" && !b.tenantId) return undefined;
  const url = new URL(b.cloud.loginUrl || AuthenticationConstants.ToChannelFromBotLoginUrl);
  const segments = url.pathname.split("/").filter(Boolean);
  const urlTenant = segments.pop();
  // like botbuilder: a SingleTenant bot asks its own tenant, others the one in the URL
  const tenantId = b.appType === "SingleTenant" && b.tenantId ? b.tenantId : urlTenant;
  if (!tenantId) throw new Error("BOT_LOGIN_URL must end with the tenant, e.g. https://login.microsoftonline.com/botframework.com");
  const app = new ConfidentialClientApplication(
    msalConfig({ tenantId, clientId: b.appId, clientSecret: b.appPassword, authorityHost: `${url.origin}/${segments.join("/")}`, timeoutMs: b.outbound.authTimeoutMs }),
  );
  // botbuilder is typed against its own msal-node 2; it calls only acquireTokenByClientCredential, unchanged in 7
  return new MsalServiceClientCredentialsFactory(b.appId, app as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1]);
}

function connectorCalls(b: BotConfig): ConnectorCallSettings {
  return { timeoutMs: b.outbound.connectorTimeoutMs, maxRetries: b.outbound.connectorMaxRetries, maxRetryWaitMs: b.outbound.connectorMaxRetryWaitMs };
}

/** an error's name for the log, if it looks like one (never its message) */
function safeName(err: unknown): string {
  const n = (err as { name?: unknown } | undefined)?.name;
  return typeof n === "string" && /^[A-Za-z][A-Za-z0-9_]{0,59}$/.test(n) ? n : "Error";
}

/** a turn's failure as a stable code: a failed send's, a connector status or code, else "unhandled" */
export function turnErrorCode(err: unknown): string {
  const sent = undeliveredCode(err);
  if (sent) return sent;
  const x = err as { code?: unknown; errorCode?: unknown; statusCode?: unknown } | undefined;
  if (err instanceof ConnectorCallError || typeof x?.statusCode === "number" || typeof x?.errorCode === "string") return proactiveErrorCode(err);
  return typeof x?.code === "string" && /^[A-Za-z_][A-Za-z0-9_]{1,59}$/.test(x.code) ? x.code : "unhandled";
}

type Logic = (ctx: TurnContext) => Promise<void>;

/**
 * CloudAdapter.process for a body already read and checked (src/http/json-body.ts,
 * ./activity-shape.ts), with one step more between the token and the turn: the tenant
 * allow-list, answered 403. botbuilder's own process has no such place (it answers an
 * error 401 or 500), so authentication runs here and its result goes to processActivity.
 */
export class PolicybotAdapter extends CloudAdapter {
  constructor(
    private readonly auth: ConfigurationBotFrameworkAuthentication,
    private readonly gate: TenantGate | undefined,
    private readonly log: Logger,
  ) {
    super(auth);
  }

  async processGated(req: Request, res: Response, logic: Logic): Promise<void> {
    const end = (status: number, body?: unknown) => {
      res.status(status);
      if (body) res.send(body);
      res.end();
    };
    const activity = validateAndFixActivity(req.body as Activity);
    const header = req.headers.authorization;
    try {
      const identity = await this.auth.authenticateRequest(activity, typeof header === "string" ? header : "");
      const refused = this.gate?.refusal(activity);
      if (refused) {
        // the tenant id is an id, not content; it tells an admin whose users tried the bot
        this.log.warn({ event: "tenantRefused", reason: refused, tenant: tenantForLog(activity), activityType: activity.type }, "activity from a tenant not on the allow-list");
        return end(403, { error: "tenantNotAllowed" });
      }
      const invoke = await this.processActivity(identity, activity, logic);
      return end(invoke?.status ?? 200, invoke?.body);
    } catch (err) {
      // as CloudAdapter: a token error 401, anything else 500; the message is authResult's own short code
      return end(err instanceof AuthenticationError ? 401 : 500, err instanceof Error ? err.message : undefined);
    }
  }
}

/** a tenant id as logged: a GUID, or the code "other" (never a long or odd string from the body) */
function tenantForLog(a: Activity): string | undefined {
  const t = (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id ?? a.conversation?.tenantId;
  if (t === undefined || t === null || t === "") return undefined;
  return typeof t === "string" && /^[0-9a-f-]{36}$/i.test(t) ? t.toLowerCase() : "other";
}

export function createBotAdapter(config: Pick<Config, "authEnabled" | "bot">, log: Logger): CloudAdapter {
  const b = config.bot;
  const calls = connectorCalls(b);
  let auth: PolicybotAuthentication;
  if (config.authEnabled) {
    const options = authOptions(b);
    // the channel's and the Emulator's metadata: the two URLs botbuilder validates tokens against
    installOpenIdMetadata([options.ToBotFromChannelOpenIdMetadataUrl, options.ToBotFromEmulatorOpenIdMetadataUrl], b.outbound.authTimeoutMs);
    auth = new PolicybotAuthentication(options, connectorCredentials(b), log, calls);
  } else {
    auth = new PolicybotAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant" }, undefined, log, calls);
  }
  // the local demo (no app id) has no tokens, so no tenant it could trust
  const adapter = new PolicybotAdapter(auth, config.authEnabled ? new TenantGate(b.allowedTenants) : undefined, log);
  adapter.use(deliveryWatch(log));

  // botbuilder's console output while it handles a request (stacks, the trusted public key)
  // becomes a debug line without content; the bot's turn logic keeps the console
  const sink = (method: string, first: unknown) => log.debug({ event: "botbuilderConsole", method, err: first instanceof Error ? safeName(first) : undefined }, "botbuilder console output dropped");
  adapter.process = ((req: Request, res: Response, logic: Logic) =>
    quietConsole(sink, () => adapter.processGated(req, res, (ctx) => loudConsole(() => logic(ctx))))) as CloudAdapter["process"];

  adapter.onTurnError = async (ctx: TurnContext, err: Error) => {
    // the error's name and a stable code only: never its message (it can carry field
    // values or the connector's answer) nor the activity, which holds user text
    const undelivered = undeliveredCode(err) !== undefined;
    log.error({ event: "turnError", err: safeName(err), code: turnErrorCode(err), activityType: ctx.activity.type }, "turn failed");
    // an apology needs the connector: not when the connector is what failed
    if (ctx.activity.type === "message" && !undelivered && !(err instanceof ConnectorCallError)) {
      try {
        await ctx.sendActivity(t(turnLang(ctx), "bot", "error.generic"));
      } catch {
        /* counted and logged by the delivery watch */
      }
    }
  };
  return adapter;
}
