// Which policy pack each conversation answers from. The choice lives in the state store
// (shared by instances: a switch made through one instance holds on every other and
// after a restart); each turn reads it once at its start (load), so the handlers' get()
// stays synchronous. Memory is a bounded cache: past `max` conversations, the least
// recently used is read from the store again on its next turn. Without a store (tests,
// the CLI) the choice is in memory only. A conversation on the default pack holds no entry.
import { BoundedMap } from "../util/bounded-map";

/** conversations whose chosen pack is cached (an entry is two ids: about a megabyte at the bound) */
export const CONVERSATION_PACKS_MAX = 10_000;

/** src/state/conversations.ts's ConversationStore */
export interface PackChoiceStore {
  pack(conversationId: string): Promise<string | undefined>;
  savePack(conversationId: string, pack: string | undefined): Promise<void>;
}

export class ConversationPacks {
  private readonly chosen: BoundedMap<string, string>;

  constructor(
    private readonly defaultPack: string,
    max = CONVERSATION_PACKS_MAX,
    private readonly store?: PackChoiceStore,
    private readonly onError?: (e: unknown) => void,
  ) {
    this.chosen = new BoundedMap({ max });
  }

  /**
   * reads the conversation's choice from the store into memory (the start of a turn). A
   * store that cannot be read leaves the last choice this instance saw: the turn still gets an answer.
   */
  async load(conversationId: string): Promise<void> {
    if (!this.store) return;
    try {
      this.remember(conversationId, (await this.store.pack(conversationId)) ?? this.defaultPack);
    } catch (e) {
      this.onError?.(e);
    }
  }

  get(conversationId: string): string {
    return this.chosen.get(conversationId) ?? this.defaultPack;
  }

  /** saves the choice for every instance; rejects (memory unchanged) when the store cannot be written */
  async set(conversationId: string, packId: string): Promise<void> {
    await this.store?.savePack(conversationId, packId === this.defaultPack ? undefined : packId);
    this.remember(conversationId, packId);
  }

  /** conversations with a pack other than the default cached (never more than the bound) */
  get size(): number {
    return this.chosen.size;
  }

  private remember(conversationId: string, packId: string): void {
    if (packId === this.defaultPack) this.chosen.delete(conversationId);
    else this.chosen.set(conversationId, packId);
  }
}
