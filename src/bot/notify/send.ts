// One proactive card into a known conversation, through the Bot Framework adapter.
import type { CloudAdapter, ConversationReference } from "botbuilder";
import type { AdaptiveCard } from "../cards/adaptive-card";
import { cardActivity } from "../send-card";

export type ProactiveSend = (ref: Partial<ConversationReference>, card: AdaptiveCard) => Promise<void>;

/** continueConversationAsync with the bot's app id ("" when auth is off: local runs) */
export function proactiveSender(adapter: CloudAdapter, appId: string): ProactiveSend {
  return async (ref, card) => {
    // the adapter's onTurnError swallows errors thrown inside the callback, so a 403/404
    // from the connector would look like a delivered notice: carry it out ourselves
    let failure: unknown;
    await adapter.continueConversationAsync(appId, ref, async (ctx) => {
      try {
        await ctx.sendActivity(cardActivity(card));
      } catch (e) {
        failure = e;
      }
    });
    if (failure !== undefined) throw failure;
  };
}

/** a stable code for a failed send (connector errors carry statusCode / code), never text */
export function sendErrorCode(e: unknown): string {
  const x = e as { statusCode?: unknown; code?: unknown; name?: unknown };
  if (typeof x?.code === "string" && /^[A-Za-z]{2,40}$/.test(x.code)) return x.code;
  if (typeof x?.statusCode === "number") return `http_${x.statusCode}`;
  return typeof x?.name === "string" ? x.name.slice(0, 40) : "error";
}
