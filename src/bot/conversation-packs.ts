// Which policy pack each conversation answers from. In memory: a restart falls back
// to the default pack, which is harmless (the switch command is a local-setup aid).
// Bounded: past `max` conversations with a chosen pack, the one that used it least
// recently falls back to the default pack too. A conversation on the default pack holds
// no entry at all.
import { BoundedMap } from "../util/bounded-map";

/** conversations whose chosen pack is remembered (an entry is two ids: about a megabyte at the bound) */
export const CONVERSATION_PACKS_MAX = 10_000;

export class ConversationPacks {
  private readonly chosen: BoundedMap<string, string>;

  constructor(
    private readonly defaultPack: string,
    max = CONVERSATION_PACKS_MAX,
  ) {
    this.chosen = new BoundedMap({ max });
  }

  get(conversationId: string): string {
    return this.chosen.get(conversationId) ?? this.defaultPack;
  }

  set(conversationId: string, packId: string): void {
    if (packId === this.defaultPack) this.chosen.delete(conversationId);
    else this.chosen.set(conversationId, packId);
  }

  /** conversations with a pack other than the default remembered (never more than the bound) */
  get size(): number {
    return this.chosen.size;
  }
}
