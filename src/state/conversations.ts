// Conversation references, the approval cards sent and each conversation's chosen pack, in
// the state store, so a restart or a second instance can still write to a user or a
// channel, update a card, and answer from the pack the conversation chose. References hold ids
// and the service URL only (botbuilder's ConversationReference as plain JSON), never text.
import { createHash } from "node:crypto";
import { updateState, type StateStore } from "./store";

/** conversation ids hold ':', '@' and ';': the state key is their SHA-256 (the id itself is in the reference) */
function conversationKey(conversationId: string): string {
  return createHash("sha256").update(conversationId).digest("hex");
}

/** the namespace of each conversation's settings: preferences, written without waiting for the disk locally (./open.ts) */
export const SETTINGS_NAMESPACE = "conversation-settings";

/** botbuilder's ConversationReference, kept as opaque JSON (no Bot Framework import here) */
export type ConversationRef = Record<string, unknown>;

/** a conversation's choices, one small document shared by instances; user keys are Teams user ids */
export interface ConversationSettings {
  pack?: string;
  langs?: Record<string, "sv" | "en">;
}

/** where a card was posted, to update it after the decision */
export interface CardRef {
  conversation: ConversationRef;
  activityId: string;
  /** the reader's time zone when the card was posted in their turn (Teams sends it), for its later updates */
  timeZone?: string;
}

export interface ApprovalCards {
  approver?: CardRef;
  requester?: CardRef;
  /** cards sent to an admin (escalation, noApprover) */
  admin?: CardRef;
}

export class ConversationStore {
  constructor(private readonly state: StateStore) {}

  /** the user's 1:1 chat with the bot (key: aadObjectId); last writer wins, every writer has the same truth */
  async savePersonal(userObjectId: string, ref: ConversationRef): Promise<void> {
    await this.state.put("conversations", userObjectId, ref);
  }

  async personal(userObjectId: string): Promise<ConversationRef | undefined> {
    return (await this.state.get<ConversationRef>("conversations", userObjectId))?.value;
  }

  /** any conversation the bot was written to in (group chat, channel, channel thread, 1:1), for proactive notices */
  async saveConversation(conversationId: string, ref: ConversationRef): Promise<void> {
    await this.state.put("conversation-refs", conversationKey(conversationId), ref);
  }

  async conversation(conversationId: string): Promise<ConversationRef | undefined> {
    return (await this.state.get<ConversationRef>("conversation-refs", conversationKey(conversationId)))?.value;
  }

  /** what a conversation chose: its pack (absent: the default) and each user's language */
  async settings(conversationId: string): Promise<ConversationSettings> {
    return (await this.state.get<ConversationSettings>(SETTINGS_NAMESPACE, conversationKey(conversationId)))?.value ?? {};
  }

  /** changes the settings with ETag retry (a pack switch and a language change never overwrite each other) */
  async updateSettings(conversationId: string, fn: (cur: ConversationSettings) => ConversationSettings | undefined): Promise<void> {
    await updateState<ConversationSettings>(this.state, SETTINGS_NAMESPACE, conversationKey(conversationId), (cur) => fn(cur ?? {}));
  }

  /** records one card of a request; merged with ETag retry, so approver and requester cards never overwrite each other */
  async saveCard(requestId: string, who: keyof ApprovalCards, ref: CardRef): Promise<void> {
    await updateState<ApprovalCards>(this.state, "approval-cards", requestId, (cur) => ({ ...cur, [who]: ref }));
  }

  async cards(requestId: string): Promise<ApprovalCards> {
    return (await this.state.get<ApprovalCards>("approval-cards", requestId))?.value ?? {};
  }
}
