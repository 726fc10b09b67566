// What the bot's handlers need; built once by src/app.ts.
import type { Logger } from "../logging";
import type { PolicyLibrary } from "../policy/types";
import type { ConversationPacks } from "./conversation-packs";
import type { RecentAnswers } from "./recent-answers";
import type { ReviewSettings } from "./review/settings";
import type { IncidentReporting } from "./incidents/reporting";

export interface BotDeps {
  library: PolicyLibrary;
  packs: ConversationPacks;
  recent: RecentAnswers;
  log: Logger;
  /** limits for attached files under review (defaults when absent: https only, 10 MB, 15 s) */
  review?: ReviewSettings;
  /** incident reports (absent: the commands answer that reporting is not set up) */
  incidents?: IncidentReporting;
}
