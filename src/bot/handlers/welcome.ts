// Welcome card when the app is installed or the bot joins a conversation. Teams
// sends both conversationUpdate and installationUpdate for one install, so each
// conversation is welcomed at most once per window. The conversations welcomed lately are
// a bounded map with that window as its time to live: O(1) per activity, however many
// conversations there are (past the bound, the one welcomed longest ago is forgotten and
// could be welcomed twice, which is harmless).
import type { TurnContext } from "botbuilder";
import { langFromLocale } from "../../locales";
import type { BotDeps } from "../deps";
import { welcomeCard } from "../cards/welcome-card";
import { sendCard } from "../send-card";
import { BoundedMap } from "../../util/bounded-map";

const WINDOW_MS = 10 * 60 * 1000;
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
    const packId = this.deps.packs.get(convId);
    const lang = langFromLocale(ctx.activity.locale);
    await sendCard(ctx, welcomeCard({ lang, organisation: this.deps.library.get(packId).facts.organisation.name }));
    this.deps.log.info({ event: "welcome", trigger, lang }, "welcome sent");
  }
}
