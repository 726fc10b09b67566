// CloudAdapter with Bot Framework authentication. Without an app id the adapter
// skips token validation (local Playground only: the server then binds to 127.0.0.1);
// with one, every request must carry a valid Bot Framework JWT (else 401).
import { ConfidentialClientApplication } from "@azure/msal-node";
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import { AuthenticationConstants, AuthenticationError, MsalServiceClientCredentialsFactory, type ServiceClientCredentialsFactory } from "botframework-connector";
import type { Config } from "../config";
import type { Logger } from "../logging";
import { t, langFromLocale } from "../locales";
import { msalConfig } from "../m365/token";

type BotConfig = Config["bot"];

/** errors jsonwebtoken throws for a bad token (bad signature, malformed, expired, not yet valid) */
const TOKEN_ERRORS = new Set(["JsonWebTokenError", "TokenExpiredError", "NotBeforeError"]);

// CloudAdapter answers 401 only for an AuthenticationError and 500 for anything else.
// botbuilder lets jsonwebtoken's errors through as they are (a token signed by an unknown
// key with a known kid gave 500), and reports keys it could not load as an
// AuthenticationError (401). Here a bad token is always 401, and a failure to load the
// signing keys stays a server error (500): the channel retries, nobody is told "unauthorized".
async function authResult<T>(run: () => Promise<T>, log: Logger): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AuthenticationError && err.statusCode >= 500) {
      log.error({ event: "authKeysUnavailable", message: err.message }, "Bot Framework signing keys could not be loaded");
      throw new Error(err.message);
    }
    if (err instanceof Error && TOKEN_ERRORS.has(err.name)) {
      log.warn({ event: "authRejected", reason: err.name, message: err.message }, "bot token rejected");
      throw new AuthenticationError(`Unauthorized. ${err.message}`, 401);
    }
    if (err instanceof AuthenticationError) log.warn({ event: "authRejected", reason: "AuthenticationError", message: err.message }, "bot token rejected");
    throw err;
  }
}

class PolicybotAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    credentials: ServiceClientCredentialsFactory | undefined,
    private readonly log: Logger,
  ) {
    super(options, credentials);
  }
  override authenticateRequest(...a: Parameters<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>) {
    return authResult(() => super.authenticateRequest(...a), this.log);
  }
  override authenticateStreamingRequest(...a: Parameters<ConfigurationBotFrameworkAuthentication["authenticateStreamingRequest"]>) {
    return authResult(() => super.authenticateStreamingRequest(...a), this.log);
  }
  override authenticateChannelRequest(...a: Parameters<ConfigurationBotFrameworkAuthentication["authenticateChannelRequest"]>) {
    return authResult(() => super.authenticateChannelRequest(...a), this.log);
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
 * The bot's own tokens for the Bot Connector. With a custom login URL, msal-node gets the
 * authority's metadata up front (as for Graph), so it makes no instance discovery call to
 * the public cloud; otherwise botbuilder's credentials for MICROSOFT_APP_TYPE.
 */
function connectorCredentials(b: BotConfig): ServiceClientCredentialsFactory | undefined {
  if (!b.cloud.loginUrl) return undefined;
  if (!b.appPassword) throw new Error("BOT_LOGIN_URL needs MICROSOFT_APP_PASSWORD (the client secret)");
  const url = new URL(b.cloud.loginUrl);
  const segments = url.pathname.split("/").filter(Boolean);
  const urlTenant = segments.pop();
  // like botbuilder: a SingleTenant bot asks its own tenant, others the one in the URL
  const tenantId = b.appType === "SingleTenant" && b.tenantId ? b.tenantId : urlTenant;
  if (!tenantId) throw new Error("BOT_LOGIN_URL must end with the tenant, e.g. https://login.microsoftonline.com/botframework.com");
  const app = new ConfidentialClientApplication(
    msalConfig({ tenantId, clientId: b.appId, clientSecret: b.appPassword, authorityHost: `${url.origin}/${segments.join("/")}` }),
  );
  // botbuilder is typed against its own msal-node 2; it calls only acquireTokenByClientCredential, unchanged in 7
  return new MsalServiceClientCredentialsFactory(b.appId, app as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1]);
}

export function createBotAdapter(config: Pick<Config, "authEnabled" | "bot">, log: Logger): CloudAdapter {
  const b = config.bot;
  const auth = config.authEnabled
    ? new PolicybotAuthentication(authOptions(b), connectorCredentials(b), log)
    : new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant" });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (ctx: TurnContext, err: Error) => {
    // the error's name and message only: never the activity, which holds user text
    log.error({ event: "turnError", err: err.name, message: err.message, activityType: ctx.activity.type }, "turn failed");
    if (ctx.activity.type === "message") {
      try {
        await ctx.sendActivity(t(langFromLocale(ctx.activity.locale), "bot", "error.generic"));
      } catch {
        /* the connector itself may be what failed */
      }
    }
  };
  return adapter;
}
