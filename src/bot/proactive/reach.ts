// Delivering a card to a person who may never have written to the bot, and updating a
// card posted earlier. In order:
//  1. the person's 1:1 chat as the bot last saw it (memory, else the state store);
//  2. when that chat is unknown or gone (404 ConversationNotFound, 403
//     BotNotInConversationRoster) and Graph is configured: install the app for the
//     person, get the chat of the installation and continue it; if the connector does
//     not know that chat, create the conversation with the person (Bot Framework
//     createConversation, by Entra object id: personal scope only).
// Every failure comes back as a stable code; the caller keeps the request pending for
// an administrator. No text of the card is logged.
import { TurnContext, type CloudAdapter, type ConversationReference } from "botbuilder";
import type { CardRef } from "../../state/conversations";
import type { AdaptiveCard } from "../cards/adaptive-card";
import type { ConversationRefs } from "../notify/conversation-refs";
import { cardActivity } from "../send-card";
import { chatIsGone, proactiveErrorCode, sendFailurePasses } from "./errors";
import type { AppInstaller } from "./graph-install";

export interface ReachOptions {
  /** the bot's app id ("" when auth is off: local runs) */
  appId: string;
  tenantId: string;
  /** connector URL for chats the bot has not seen (regional, e.g. https://smba.trafficmanager.net/emea/) */
  serviceUrl: string;
  /** Graph app installation; absent: only chats the bot has seen are reached */
  installer?: AppInstaller;
}

/** a failure says whether waiting may help (`passing`: throttled, server error, no answer) */
export type Delivery = { ok: true; card: CardRef; via: "known" | "installed" | "created" } | { ok: false; code: string; passing: boolean };

/** builds the card for the person, given their Teams user id (for refresh.userIds), their chat's locale and, when known, the chat's id */
export type CardFor = (userMri: string, locale?: string, conversationId?: string) => AdaptiveCard | Promise<AdaptiveCard>;

export class Reach {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly refs: ConversationRefs,
    private readonly o: ReachOptions,
  ) {}

  async sendToUser(objectId: string, build: CardFor): Promise<Delivery> {
    let last: Extract<Delivery, { ok: false }> = { ok: false, code: "no_conversation", passing: false };
    const failed = (e: unknown): Extract<Delivery, { ok: false }> => (last = { ok: false, code: proactiveErrorCode(e), passing: sendFailurePasses(e) });
    let known: Partial<ConversationReference> | undefined;
    try {
      known = await this.refs.personalRef(objectId);
    } catch (e) {
      failed(e);
    }
    if (known) {
      try {
        return { ok: true, card: await this.post(known, await build(known.user?.id ?? orgMri(objectId), known.locale, known.conversation?.id)), via: "known" };
      } catch (e) {
        if (!chatIsGone(failed(e).code)) return last;
        this.refs.forgetPersonal(objectId);
      }
    }
    if (!this.o.installer) return last;

    let chatId: string;
    try {
      chatId = await this.o.installer.chatFor(objectId);
    } catch (e) {
      return { ok: false, code: graphCode(e), passing: sendFailurePasses(e) };
    }
    const bot = { id: this.o.appId ? `28:${this.o.appId}` : "policybot", name: "Policybot" };
    const user = { id: orgMri(objectId), name: "", aadObjectId: objectId };
    const ref: Partial<ConversationReference> = {
      channelId: "msteams",
      serviceUrl: this.o.serviceUrl,
      bot,
      user,
      conversation: { id: chatId, conversationType: "personal", isGroup: false, tenantId: this.o.tenantId, name: "" },
    };
    try {
      const card = await this.post(ref, await build(user.id));
      await this.refs.savePersonal(objectId, ref);
      return { ok: true, card, via: "installed" };
    } catch (e) {
      if (!chatIsGone(failed(e).code)) return last;
    }
    try {
      return { ok: true, card: await this.create(objectId, bot, await build(user.id)), via: "created" };
    } catch (e) {
      return failed(e);
    }
  }

  /** posts into a known conversation; resolves with where the card is */
  async post(ref: Partial<ConversationReference>, card: AdaptiveCard): Promise<CardRef> {
    let id: string | undefined;
    await this.turn((logic) => this.adapter.continueConversationAsync(this.o.appId, ref, logic), async (ctx) => {
      id = (await ctx.sendActivity(cardActivity(card)))?.id;
    });
    if (!id) throw Object.assign(new Error("the connector returned no activity id"), { code: "no_activity_id" });
    return { conversation: JSON.parse(JSON.stringify(ref)) as Record<string, unknown>, activityId: id };
  }

  /** replaces a card posted earlier (updateActivity); false with a code when it failed */
  async update(at: CardRef, card: AdaptiveCard): Promise<{ ok: true } | { ok: false; code: string }> {
    try {
      await this.turn(
        (logic) => this.adapter.continueConversationAsync(this.o.appId, at.conversation as Partial<ConversationReference>, logic),
        async (ctx) => void (await ctx.updateActivity({ ...cardActivity(card), id: at.activityId })),
      );
      return { ok: true };
    } catch (e) {
      return { ok: false, code: proactiveErrorCode(e) };
    }
  }

  /**
   * runs a proactive turn and rethrows what failed inside it: the adapter's onTurnError
   * would otherwise swallow a connector error (403, 404) and the send would look done
   */
  private async turn(run: (logic: (ctx: TurnContext) => Promise<void>) => Promise<void>, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failed: { e: unknown } | undefined;
    await run(async (ctx) => {
      try {
        await logic(ctx);
      } catch (e) {
        failed = { e };
      }
    });
    if (failed) throw failed.e;
  }

  private async create(objectId: string, bot: { id: string; name: string }, card: AdaptiveCard): Promise<CardRef> {
    let out: CardRef | undefined;
    const params = { isGroup: false, bot, members: [{ id: objectId, name: "" }], tenantId: this.o.tenantId, channelData: { tenant: { id: this.o.tenantId } } } as never;
    const audience = this.o.appId ? "https://api.botframework.com" : "";
    await this.turn((logic) => this.adapter.createConversationAsync(this.o.appId, "msteams", this.o.serviceUrl, audience, params, logic), async (ctx) => {
      const ref = TurnContext.getConversationReference(ctx.activity);
      delete ref.activityId;
      ref.user = { id: orgMri(objectId), name: "", aadObjectId: objectId };
      const id = (await ctx.sendActivity(cardActivity(card)))?.id;
      if (id) out = { conversation: JSON.parse(JSON.stringify(ref)) as Record<string, unknown>, activityId: id };
      await this.refs.savePersonal(objectId, ref);
    });
    if (!out) throw Object.assign(new Error("the connector returned no activity id"), { code: "no_activity_id" });
    return out;
  }
}

/** the Teams user MRI of an Entra user, used where the bot has not seen their 29: id */
export function orgMri(objectId: string): string {
  return `8:orgid:${objectId}`;
}

function graphCode(e: unknown): string {
  const g = e as { code?: unknown; status?: unknown };
  if (typeof g?.code === "string" && /^[A-Za-z_]{2,60}$/.test(g.code)) return `graph_${g.code}`;
  return typeof g?.status === "number" ? `graph_http_${g.status}` : "graph_error";
}
