// Conversation references of the conversations the bot has seen, so it can write into
// them later (proactive messages: a notice after a report filed from the outbox, the
// security channel, an approver's 1:1 chat). Kept in memory (bounded) for quick reads,
// and every conversation (1:1, group chat, channel) and each user's 1:1 chat also in the
// state store (SQLite locally, Azure Blob in production), so a restart or another instance
// can still write there. A reference is written when this process sees it new or changed.
// A reference holds ids and the service URL only, never message text.
import { TurnContext, type Activity, type ConversationReference } from "botbuilder";
import { BoundedMap } from "../../util/bounded-map";

/** where references persist: src/state/conversations.ts's ConversationStore */
export interface PersonalRefStore {
  savePersonal(userObjectId: string, ref: Record<string, unknown>): Promise<void>;
  personal(userObjectId: string): Promise<Record<string, unknown> | undefined>;
  saveConversation?(conversationId: string, ref: Record<string, unknown>): Promise<void>;
  conversation?(conversationId: string): Promise<Record<string, unknown> | undefined>;
}

type Ref = Partial<ConversationReference>;

/** references kept per map (a reference is a few hundred bytes: a few megabytes at the bound) */
export const CONVERSATION_REFS_MAX = 10_000;

export class ConversationRefs {
  // least recently used goes first: a conversation or user forgotten here is found again on
  // its next activity, a user's 1:1 chat also in the state store
  private readonly byConversation: BoundedMap<string, Ref>;
  private readonly byUser: BoundedMap<string, Ref>;

  constructor(
    private readonly store?: PersonalRefStore,
    max = CONVERSATION_REFS_MAX,
    private readonly onError?: (e: unknown) => void,
  ) {
    this.byConversation = new BoundedMap({ max });
    this.byUser = new BoundedMap({ max });
  }

  /** references held: conversations, users' 1:1 chats (each never more than the bound) */
  get sizes(): { conversations: number; users: number } {
    return { conversations: this.byConversation.size, users: this.byUser.size };
  }

  /**
   * records where this activity came from (called for every incoming activity); the
   * returned promise settles once a new or changed 1:1 reference is in the store (it never rejects)
   */
  remember(a: Partial<Activity>): Promise<void> {
    if (!a.conversation?.id || !a.serviceUrl) return Promise.resolve();
    const ref = TurnContext.getConversationReference(a);
    delete ref.activityId; // the reference names the conversation, not one message
    const writes: Promise<void>[] = [this.keepConversation(a.conversation.id, ref)];
    // a channel post's conversation id is "<channel>;messageid=<id>": the channel itself is a new thread's target
    const channelId = (a.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
    if (typeof channelId === "string" && channelId !== a.conversation.id) {
      writes.push(this.keepConversation(channelId, { ...ref, conversation: { ...ref.conversation!, id: channelId, isGroup: true, conversationType: "channel" } }));
    }
    const oid = a.from?.aadObjectId;
    if (oid && (a.conversation.conversationType ?? "personal") === "personal") {
      const before = this.byUser.get(oid);
      this.put(this.byUser, oid, ref);
      if (this.store && !(before && same(before, ref))) {
        writes.push(
          this.store.savePersonal(oid, plain(ref)).catch((e) => {
            // the next activity tries again
            this.byUser.delete(oid);
            this.onError?.(e);
          }),
        );
      }
    }
    return Promise.all(writes).then(() => undefined);
  }

  private keepConversation(id: string, ref: Ref): Promise<void> {
    const before = this.byConversation.get(id);
    this.put(this.byConversation, id, ref);
    if (!this.store?.saveConversation || (before && same(before, ref))) return Promise.resolve();
    return this.store.saveConversation(id, plain(ref)).catch((e) => {
      this.byConversation.delete(id);
      this.onError?.(e);
    });
  }

  /** a conversation this process has seen */
  conversation(id: string): Partial<ConversationReference> | undefined {
    return this.byConversation.get(id);
  }

  /** a conversation from memory or the state store (seen by any instance, before any restart) */
  async conversationRef(id: string): Promise<Partial<ConversationReference> | undefined> {
    const mem = this.byConversation.get(id);
    if (mem || !this.store?.conversation) return mem;
    const stored = (await this.store.conversation(id).catch((e: unknown) => (this.onError?.(e), undefined))) as Partial<ConversationReference> | undefined;
    if (stored) this.put(this.byConversation, id, stored);
    return stored;
  }

  /** the user's 1:1 chat with the bot, if this process has seen them write in it */
  personal(objectId: string): Partial<ConversationReference> | undefined {
    return this.byUser.get(objectId);
  }

  /** the user's 1:1 chat, from memory or the state store (seen by any instance, before any restart) */
  async personalRef(objectId: string): Promise<Partial<ConversationReference> | undefined> {
    const mem = this.byUser.get(objectId);
    if (mem || !this.store) return mem;
    const stored = (await this.store.personal(objectId)) as Partial<ConversationReference> | undefined;
    if (stored) this.put(this.byUser, objectId, stored);
    return stored;
  }

  /** records a 1:1 chat found another way (the app installed through Graph, a conversation created) */
  async savePersonal(objectId: string, ref: Partial<ConversationReference>): Promise<void> {
    this.put(this.byUser, objectId, ref);
    await this.store?.savePersonal(objectId, plain(ref)).catch((e) => this.onError?.(e));
  }

  /** forgets a 1:1 chat that no longer works (the connector said ConversationNotFound) */
  forgetPersonal(objectId: string): void {
    this.byUser.delete(objectId);
  }

  private put(map: BoundedMap<string, Ref>, key: string, ref: Ref): void {
    map.set(key, ref);
  }
}

function same(a: Ref, b: Ref): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function plain(ref: Ref): Record<string, unknown> {
  return JSON.parse(JSON.stringify(ref)) as Record<string, unknown>;
}
