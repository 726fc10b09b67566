// Conversation references of the conversations the bot has seen, so it can write into
// them later (proactive messages: a notice after a report filed from the outbox, the
// security channel, a manager's 1:1 chat). In memory, bounded: issue 5 brings the
// state store (SQLite locally, Azure Blob in production) that keeps them across restarts.
// A reference holds ids and the service URL only, never message text.
import { TurnContext, type Activity, type ConversationReference } from "botbuilder";

export class ConversationRefs {
  private readonly byConversation = new Map<string, Partial<ConversationReference>>();
  private readonly byUser = new Map<string, Partial<ConversationReference>>();

  constructor(private readonly max = 10_000) {}

  /** records where this activity came from (called for every incoming activity) */
  remember(a: Partial<Activity>): void {
    if (!a.conversation?.id || !a.serviceUrl) return;
    const ref = TurnContext.getConversationReference(a);
    delete ref.activityId; // the reference names the conversation, not one message
    this.put(this.byConversation, a.conversation.id, ref);
    // a channel post's conversation id is "<channel>;messageid=<id>": the channel itself is a new thread's target
    const channelId = (a.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
    if (typeof channelId === "string" && channelId !== a.conversation.id) {
      this.put(this.byConversation, channelId, { ...ref, conversation: { ...ref.conversation!, id: channelId, isGroup: true, conversationType: "channel" } });
    }
    const oid = a.from?.aadObjectId;
    if (oid && (a.conversation.conversationType ?? "personal") === "personal") this.put(this.byUser, oid, ref);
  }

  conversation(id: string): Partial<ConversationReference> | undefined {
    return this.byConversation.get(id);
  }

  /** the user's 1:1 chat with the bot, if they have ever written in it */
  personal(objectId: string): Partial<ConversationReference> | undefined {
    return this.byUser.get(objectId);
  }

  private put(map: Map<string, Partial<ConversationReference>>, key: string, ref: Partial<ConversationReference>): void {
    map.delete(key);
    map.set(key, ref);
    while (map.size > this.max) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  }
}
