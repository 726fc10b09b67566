// Welcome card when the app is installed or the bot joins a conversation, and when someone
// greets the bot. Teams sends both conversationUpdate and installationUpdate for one
// install, seconds apart, so each conversation is welcomed at most once per window; the
// window is short, so a later install (a new Playground session) is welcomed again. The conversations welcomed lately are
// a bounded map with that window as its time to live: O(1) per activity, however many
// conversations there are (past the bound, the one welcomed longest ago is forgotten and
// could be welcomed twice, which is harmless).
import type { TurnContext } from "botbuilder";
import type { BotDeps } from "../deps";
import { welcomeCard } from "../cards/welcome-card";
import { sendCard } from "../send-card";
import { BoundedMap } from "../../util/bounded-map";
import { turnLang } from "../language";

const WINDOW_MS = 60 * 1000;
/** conversations remembered as welcomed: far more than install in one window */
export const WELCOMED_MAX = 10_000;

export class Welcomer {
  private readonly welcomed: BoundedMap<string, true>;

  constructor(
    private readonly deps: BotDeps,
    o: { max?: number; now?: () => number } = {},
  ) {
    this.welcomed = new BoundedMap({ max: o.max ?? WELCOMED_MAX, ttlMs: WINDOW_MS, now: o.now });
  }

  /** conversations remembered as welcomed (never more than the bound) */
  get remembered(): number {
    return this.welcomed.size;
  }

  async welcome(ctx: TurnContext, trigger: "membersAdded" | "installationUpdate"): Promise<void> {
    const convId = ctx.activity.conversation.id;
    if (this.welcomed.has(convId)) return;
    this.welcomed.set(convId, true);
    await sendWelcome(ctx, this.deps, trigger);
  }
}

/** the welcome card in this turn's language ("hej" gets it too) */
export async function sendWelcome(ctx: TurnContext, deps: BotDeps, trigger: "membersAdded" | "installationUpdate" | "greeting"): Promise<void> {
  const packId = deps.packs.get(ctx.activity.conversation.id);
  const lang = turnLang(ctx);
  await sendCard(ctx, welcomeCard({ lang, organisation: deps.library.get(packId).facts.organisation.name }));
  deps.log.info({ event: "welcome", trigger, lang }, "welcome sent");
}
