// Which policy pack each conversation answers from. In memory: a restart falls back
// to the default pack, which is harmless (the switch command is a local-setup aid).
export class ConversationPacks {
  private readonly chosen = new Map<string, string>();

  constructor(private readonly defaultPack: string) {}

  get(conversationId: string): string {
    return this.chosen.get(conversationId) ?? this.defaultPack;
  }

  set(conversationId: string, packId: string): void {
    this.chosen.set(conversationId, packId);
  }
}
