// What the bot's handlers need; built once by src/app.ts.
import type { Logger } from "../logging";
import type { PolicyLibrary } from "../policy/types";
import type { ConversationPacks } from "./conversation-packs";
import type { RecentAnswers } from "./recent-answers";
import type { UserLanguages } from "./language";
import type { ReviewSettings } from "./review/settings";
import type { IncidentReporting } from "./incidents/reporting";
import type { ApprovalFlow } from "./approvals/flow";
import type { ImageSettings } from "./images/settings";

export interface BotDeps {
  library: PolicyLibrary;
  packs: ConversationPacks;
  recent: RecentAnswers;
  /** each user's language in each conversation (./language.ts) */
  languages: UserLanguages;
  log: Logger;
  /** limits for attached files under review (defaults when absent: https only, 10 MB, 15 s) */
  review?: ReviewSettings;
  /** incident reports (absent: the commands answer that reporting is not set up) */
  incidents?: IncidentReporting;
  /** AI tool requests and manager approvals (absent: the command answers that they are not set up) */
  approvals?: ApprovalFlow;
  /** limits for images checked for AI provenance (defaults when absent: https only, 25 MB, 1 MB copies, 15 s) */
  images?: ImageSettings;
  /** a deep link to a section of the tab's policy browser (absent without a Teams app id) */
  sectionLink?: (packId: string, section: string) => string;
}
