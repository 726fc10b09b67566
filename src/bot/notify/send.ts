// One proactive card into a known conversation, through the Bot Framework adapter. The
// connector call has the adapter's time limits (src/bot/connector/pipeline.ts): a hung
// connector fails the send with connector_timeout, and a POST the connector answered is
// never sent twice; the caller's outbox retries what failed.
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
