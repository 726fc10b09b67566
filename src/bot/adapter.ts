// CloudAdapter with Bot Framework authentication. Without an app id the adapter
// skips token validation (local Playground only: the server then binds to 127.0.0.1);
// with one, every request must carry a valid Bot Framework JWT (else 401).
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import type { Config } from "../config";
import type { Logger } from "../logging";
import { t, langFromLocale } from "../locales";

export function createBotAdapter(config: Pick<Config, "authEnabled" | "bot">, log: Logger): CloudAdapter {
  const b = config.bot;
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.authEnabled
      ? { MicrosoftAppId: b.appId, MicrosoftAppPassword: b.appPassword, MicrosoftAppType: b.appType, MicrosoftAppTenantId: b.tenantId }
      : { MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant" },
  );
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
