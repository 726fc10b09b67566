// "Var detta till hjälp?" Ja/Nej. Logs only the answer id and the flag.
import type { AdaptiveCardInvokeResponse, TurnContext } from "botbuilder";
import { t } from "../../locales";
import type { BotDeps } from "../deps";
import type { FeedbackData } from "../submits";
import { answerCard } from "../cards/answer-card";
import { refusalCard } from "../cards/refusal-card";
import type { AdaptiveCard } from "../cards/adaptive-card";
import { cardActivity, sendText } from "../send-card";
import { turnLang } from "../language";

/** the sent card redrawn with a thank-you line in place of the buttons, if still remembered */
function thankedCard(deps: BotDeps, f: FeedbackData): AdaptiveCard | undefined {
  const sent = deps.recent.get(f.answerId);
  if (!sent) return undefined;
  return sent.kind === "answer" ? answerCard({ ...sent.data, feedback: f.helpful }) : refusalCard({ ...sent.data, feedback: f.helpful });
}

function record(deps: BotDeps, f: FeedbackData, via: "execute" | "submit"): void {
  deps.log.info({ event: "feedback", answerId: f.answerId, helpful: f.helpful, via }, "feedback");
}

/** Action.Execute: answer the invoke with the updated card (or a short message). */
export function feedbackInvokeResponse(ctx: TurnContext, deps: BotDeps, f: FeedbackData): AdaptiveCardInvokeResponse {
  record(deps, f, "execute");
  const card = thankedCard(deps, f);
  if (card) return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card as unknown as Record<string, unknown> };
  const lang = turnLang(ctx);
  return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: t(lang, "bot", "feedback.thanks") as unknown as Record<string, unknown> };
}

/** Action.Submit fallback: update the card in place when possible, else say thanks. */
export async function handleFeedbackSubmit(ctx: TurnContext, deps: BotDeps, f: FeedbackData): Promise<void> {
  record(deps, f, "submit");
  const card = thankedCard(deps, f);
  const replyToId = ctx.activity.replyToId;
  if (card && replyToId) {
    try {
      await ctx.updateActivity({ ...cardActivity(card), id: replyToId });
      return;
    } catch (err) {
      deps.log.warn({ event: "feedback", status: "updateFailed", err: (err as Error).name }, "card update failed");
    }
  }
  const lang = deps.recent.get(f.answerId)?.data.lang ?? turnLang(ctx);
  await sendText(ctx, t(lang, "bot", "feedback.thanks"));
}
