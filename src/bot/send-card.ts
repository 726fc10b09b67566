// The one place a card becomes an activity.
import { CardFactory, MessageFactory, type TurnContext } from "botbuilder";
import type { AdaptiveCard } from "./cards/adaptive-card";

export function cardActivity(card: AdaptiveCard) {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  // notifications and screen readers show the summary, not "sent a card"
  if (card.fallbackText) activity.summary = card.fallbackText;
  return activity;
}

export async function sendCard(ctx: TurnContext, card: AdaptiveCard): Promise<string | undefined> {
  const res = await ctx.sendActivity(cardActivity(card));
  return res?.id;
}

/** plain markdown text reply */
export async function sendText(ctx: TurnContext, text: string): Promise<void> {
  await ctx.sendActivity({ type: "message", text, textFormat: "markdown" });
}
