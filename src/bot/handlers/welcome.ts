// Welcome card when the app is installed or the bot joins a conversation. Teams
// sends both conversationUpdate and installationUpdate for one install, so each
// conversation is welcomed at most once per window.
import type { TurnContext } from "botbuilder";
import { langFromLocale } from "../../locales";
import type { BotDeps } from "../deps";
import { welcomeCard } from "../cards/welcome-card";
import { sendCard } from "../send-card";

const WINDOW_MS = 10 * 60 * 1000;

export class Welcomer {
  private readonly welcomed = new Map<string, number>();

  constructor(private readonly deps: BotDeps) {}

  async welcome(ctx: TurnContext, trigger: "membersAdded" | "installationUpdate"): Promise<void> {
    const convId = ctx.activity.conversation.id;
    const now = Date.now();
    for (const [id, at] of this.welcomed) if (now - at > WINDOW_MS) this.welcomed.delete(id);
    if (this.welcomed.has(convId)) return;
    this.welcomed.set(convId, now);
    const packId = this.deps.packs.get(convId);
    const lang = langFromLocale(ctx.activity.locale);
    await sendCard(ctx, welcomeCard({ lang, organisation: this.deps.library.get(packId).facts.organisation.name }));
    this.deps.log.info({ event: "welcome", trigger, lang }, "welcome sent");
  }
}
