// What the bot's handlers need; built once by src/app.ts.
import type { Logger } from "../logging";
import type { PolicyLibrary } from "../policy/types";
import type { ConversationPacks } from "./conversation-packs";
import type { RecentAnswers } from "./recent-answers";

export interface BotDeps {
  library: PolicyLibrary;
  packs: ConversationPacks;
  recent: RecentAnswers;
  log: Logger;
}
