// Replies the connector did not take. A turn whose reply failed still answers the channel
// 200 (a 5xx would make Teams post the activity again and the turn run twice), so the
// failure is made visible here instead: one error line with a stable code
// (event "replyUndelivered"), and counts an administrator can read (undeliveredReplies(),
// for /healthz). Proactive sends are counted apart: their callers keep them for a retry.
import { ActivityEventNames, type Middleware, type TurnContext } from "botbuilder";
import type { Logger } from "../../logging";
import { proactiveErrorCode } from "../proactive/errors";

export interface UndeliveredCounts {
  /** replies inside a turn (an answer to a user) the connector did not take */
  replies: number;
  /** proactive sends and updates (notices, approval cards) that failed; their callers retry */
  proactive: number;
  /** both, by stable code (connector_timeout, http_500, ConversationNotFound, token_request_timeout, ...) */
  byCode: Record<string, number>;
  /** when the last undelivered reply was seen (ISO), and why */
  lastReplyAt?: string;
  lastReplyCode?: string;
}

const counts: UndeliveredCounts = { replies: 0, proactive: 0, byCode: {} };
/** errors already counted (a failed send may surface again in onTurnError) */
const seen = new WeakMap<object, string>();

/** process-wide counts of undelivered replies and proactive sends since start */
export function undeliveredReplies(): UndeliveredCounts {
  return { ...counts, byCode: { ...counts.byCode } };
}

/** the stable code of a send that failed, when e is one (else undefined) */
export function undeliveredCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null ? seen.get(e) : undefined;
}

function isProactive(ctx: TurnContext): boolean {
  const a = ctx.activity;
  return a?.type === "event" && (a.name === ActivityEventNames.ContinueConversation || a.name === ActivityEventNames.CreateConversation);
}

/** adapter middleware: watches every send and update of every turn */
export function deliveryWatch(log: Logger): Middleware {
  return {
    async onTurn(ctx, next) {
      const record = (e: unknown, op: "send" | "update") => {
        if (typeof e !== "object" || e === null || seen.has(e)) return;
        const code = proactiveErrorCode(e);
        seen.set(e, code);
        counts.byCode[code] = (counts.byCode[code] ?? 0) + 1;
        if (isProactive(ctx)) {
          counts.proactive++;
          return; // the caller logs it with its own context and keeps it for later
        }
        counts.replies++;
        counts.lastReplyAt = new Date().toISOString();
        counts.lastReplyCode = code;
        log.error({ event: "replyUndelivered", code, op, activityType: ctx.activity?.type, channelId: ctx.activity?.channelId }, "reply not delivered");
      };
      ctx.onSendActivities(async (_c, _activities, send) => {
        try {
          return await send();
        } catch (e) {
          record(e, "send");
          throw e;
        }
      });
      ctx.onUpdateActivity(async (_c, _activity, update) => {
        try {
          return await update();
        } catch (e) {
          record(e, "update");
          throw e;
        }
      });
      await next();
    },
  };
}
