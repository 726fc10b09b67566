// Card submits and Universal Action invokes, validated once at the edge (zod).
// Handlers only ever see these parsed shapes.
import { z } from "zod";

export const FEEDBACK_VERB = "feedback";

const answerId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** data of the Ja/Nej buttons (the Action.Submit fallback also carries the verb). */
export const feedbackData = z.object({ answerId, helpful: z.boolean() });
export type FeedbackData = z.infer<typeof feedbackData>;

/** Action.Submit fallback: a message activity whose value is the button's data. */
export const feedbackSubmit = feedbackData.extend({ verb: z.literal(FEEDBACK_VERB) });

/** invoke `adaptiveCard/action` value (Action.Execute). */
export const feedbackInvoke = z.object({
  action: z.object({ type: z.literal("Action.Execute"), verb: z.literal(FEEDBACK_VERB), data: feedbackData }),
});

export function parseFeedbackSubmit(value: unknown): FeedbackData | undefined {
  const r = feedbackSubmit.safeParse(value);
  return r.success ? { answerId: r.data.answerId, helpful: r.data.helpful } : undefined;
}

export function parseFeedbackInvoke(value: unknown): FeedbackData | undefined {
  const r = feedbackInvoke.safeParse(value);
  return r.success ? r.data.action.data : undefined;
}

export const ASK_VERB = "ask";
/** the longest text a card button sends (a question or a command) */
const ASK_MAX = 600;

/** data of a button that sends a question or command on the user's behalf (cards/adaptive-card.ts askButton) */
export const askSubmit = z.object({ verb: z.literal(ASK_VERB), text: z.string().min(1).max(ASK_MAX) });

/** the text a card button sent, or undefined */
export function parseAskSubmit(value: unknown): string | undefined {
  const r = askSubmit.safeParse(value);
  return r.success ? r.data.text : undefined;
}
