// Conversation references and the approval cards sent, in the state store, so a restart
// or a second instance can still write to a user and update a card. References hold ids
// and the service URL only (botbuilder's ConversationReference as plain JSON), never text.
import { updateState, type StateStore } from "./store";

/** botbuilder's ConversationReference, kept as opaque JSON (no Bot Framework import here) */
export type ConversationRef = Record<string, unknown>;

/** where a card was posted, to update it after the decision */
export interface CardRef {
  conversation: ConversationRef;
  activityId: string;
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

  /** records one card of a request; merged with ETag retry, so approver and requester cards never overwrite each other */
  async saveCard(requestId: string, who: keyof ApprovalCards, ref: CardRef): Promise<void> {
    await updateState<ApprovalCards>(this.state, "approval-cards", requestId, (cur) => ({ ...cur, [who]: ref }));
  }

  async cards(requestId: string): Promise<ApprovalCards> {
    return (await this.state.get<ApprovalCards>("approval-cards", requestId))?.value ?? {};
  }
}
