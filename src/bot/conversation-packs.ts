// Which policy pack each conversation answers from. The choice lives in the state store's
// conversation settings (shared by instances: a switch made through one instance holds on
// every other and after a restart); each turn reads them once at its start (src/bot/index.ts
// hands them to use()), so the handlers' get() stays synchronous. Memory is a bounded cache:
// past `max` conversations, the least recently used is read again on its next turn. Without
// a store (tests, the CLI) the choice is in memory only. The default pack holds no entry.
import type { ConversationSettings } from "../state/conversations";
import { BoundedMap } from "../util/bounded-map";

/** conversations whose chosen pack is cached (an entry is two ids: about a megabyte at the bound) */
export const CONVERSATION_PACKS_MAX = 10_000;

/** src/state/conversations.ts's ConversationStore */
export interface SettingsStore {
  settings(conversationId: string): Promise<ConversationSettings>;
  updateSettings(conversationId: string, fn: (cur: ConversationSettings) => ConversationSettings | undefined): Promise<void>;
}

export class ConversationPacks {
  private readonly chosen: BoundedMap<string, string>;

  constructor(
    private readonly defaultPack: string,
    max = CONVERSATION_PACKS_MAX,
    private readonly store?: SettingsStore,
  ) {
    this.chosen = new BoundedMap({ max });
  }

  /** the conversation's settings as read at the start of a turn */
  use(conversationId: string, settings: ConversationSettings): void {
    this.remember(conversationId, settings.pack ?? this.defaultPack);
  }

  get(conversationId: string): string {
    return this.chosen.get(conversationId) ?? this.defaultPack;
  }

  /** saves the choice for every instance; rejects (memory unchanged) when the store cannot be written */
  async set(conversationId: string, packId: string): Promise<void> {
    const pack = packId === this.defaultPack ? undefined : packId;
    await this.store?.updateSettings(conversationId, (cur) => (cur.pack === pack ? undefined : { ...cur, pack }));
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
