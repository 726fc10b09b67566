// Rate limits per user and per tenant (RATE_LIMIT_*), checked after the token and the tenant
// allow-list, before the turn: a user who floods the bot, or one tenant's users together,
// cannot take an instance's time from everyone else. Fixed windows in memory
// (rate-limiter-flexible), so per instance: n instances let n times as much through.
// Over a limit, a user is told once per window in a chat message; every further activity
// runs no turn and is answered 200 (messages) or with a valid invoke response (card actions),
// because the channel takes a non-2xx answer as a failed delivery (an invoke's shows as an
// error in Teams), not as "slow down".
import type * as Flexible from "rate-limiter-flexible";
import type { TurnContext } from "botbuilder";
import type { Config } from "../config";
import type { Logger } from "../logging";
import { langFromLocale, t } from "../locales";
import { tenantOf } from "./tenant-gate";

// the package's index loads the limiter of every store it supports (Redis, Mongo, Prisma …),
// 16 ms at start here against 4 ms for the memory limiter and its result class, all this uses
const RateLimiterMemory = require("rate-limiter-flexible/lib/RateLimiterMemory") as typeof Flexible.RateLimiterMemory;
const RateLimiterRes = require("rate-limiter-flexible/lib/RateLimiterRes") as typeof Flexible.RateLimiterRes;
type RateLimiterMemory = Flexible.RateLimiterMemory;

export type Admission = { ok: true } | { ok: false; scope: "user" | "tenant"; retryAfterS: number; notify: boolean };

export class RateLimits {
  private readonly users?: RateLimiterMemory;
  private readonly tenants?: RateLimiterMemory;
  /** one notice per user and window, whichever limit they met */
  private readonly notices: RateLimiterMemory;

  constructor(limits: Config["bot"]["rateLimits"]) {
    const duration = limits.windowS;
    if (limits.perUser > 0) this.users = new RateLimiterMemory({ points: limits.perUser, duration, keyPrefix: "user" });
    if (limits.perTenant > 0) this.tenants = new RateLimiterMemory({ points: limits.perTenant, duration, keyPrefix: "tenant" });
    this.notices = new RateLimiterMemory({ points: 1, duration, keyPrefix: "notice" });
  }

  get enabled(): boolean {
    return this.users !== undefined || this.tenants !== undefined;
  }

  /**
   * counts one activity. A user over their limit is not counted against the tenant, so one
   * user's flood cannot use up their colleagues' share. `wantsNotice`: the activity is one a
   * notice can answer (a chat message); the first such one over a limit in a window gets it.
   */
  async admit(tenant: string, user: string, wantsNotice: boolean): Promise<Admission> {
    const key = `${tenant}/${user}`;
    const over = (await take(this.users, key)) ?? (await take(this.tenants, tenant));
    if (!over) return { ok: true };
    const notify = wantsNotice && (await take(this.notices, key)) === undefined;
    return { ok: false, scope: over.scope, retryAfterS: Math.max(1, Math.ceil(over.msBeforeNext / 1000)), notify };
  }
}

/** undefined when a point was taken (or there is no limit); the rejection when over */
async function take(limiter: RateLimiterMemory | undefined, key: string): Promise<{ scope: "user" | "tenant"; msBeforeNext: number } | undefined> {
  if (!limiter) return undefined;
  try {
    await limiter.consume(key);
    return undefined;
  } catch (e) {
    if (e instanceof RateLimiterRes) return { scope: limiter.keyPrefix === "tenant" ? "tenant" : "user", msBeforeNext: e.msBeforeNext };
    throw e;
  }
}

/**
 * the turn's gate: true to run the turn. Over the limit the activity is answered here (the
 * one notice, or the invoke response Teams needs to show something) and runs no turn.
 */
export function rateLimitGate(limits: RateLimits, log: Logger): (ctx: TurnContext) => Promise<boolean> {
  return async (ctx) => {
    const a = ctx.activity;
    const user = a.from?.aadObjectId || a.from?.id || "";
    const verdict = await limits.admit(tenantOf(a), user, a.type === "message");
    if (verdict.ok) return true;
    const text = t(langFromLocale(a.locale), "limits", "rateLimited", { seconds: verdict.retryAfterS });
    if (verdict.notify) {
      log.warn({ event: "rateLimited", scope: verdict.scope, activityType: a.type, notice: true }, "over the rate limit: told once for this window");
      await ctx.sendActivity(text);
    } else {
      log.debug({ event: "rateLimited", scope: verdict.scope, activityType: a.type, notice: false }, "over the rate limit: dropped");
    }
    if (a.type === "invoke") await ctx.sendActivity({ type: "invokeResponse", value: invokeAnswer(a.name, text) });
    return false;
  };
}

/** a valid answer to an invoke the bot will not run: Teams shows the text where it can */
function invokeAnswer(name: string | undefined, text: string): { status: number; body?: unknown } {
  switch (name) {
    case "adaptiveCard/action":
      // Universal Actions: a message response shows the text to the user, the card stays as it is
      return { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text } };
    case "composeExtension/fetchTask":
    case "composeExtension/submitAction":
      return { status: 200, body: { task: { type: "message", value: text } } };
    default:
      // as for any invoke the bot does not handle (PolicyBot.onInvokeActivity)
      return { status: 501 };
  }
}
