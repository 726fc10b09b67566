// The cards of a request decided outside Teams (`policybot approvals decide`): the CLI has
// no turn, so it continues each stored card's conversation through the Bot Connector as the
// bot (its app id and secret from the config; none locally, as for the Playground).
import type { Config } from "../../config";
import { createLogger, type Logger } from "../../logging";
import type { ConversationStore } from "../../state/conversations";
import { createBotAdapter } from "../adapter";
import { ConversationRefs } from "../notify/conversation-refs";
import { Reach } from "../proactive/reach";
import { ApprovalCardUpdates } from "./card-updates";

export function cliCardUpdates(config: Config, conversations: ConversationStore, organisation: (packId: string) => string, log?: Logger): ApprovalCardUpdates {
  // quiet: the command prints its own result, one line per card
  const logger = log ?? createLogger({ level: "silent", pretty: false });
  const adapter = createBotAdapter(config, logger);
  const reach = new Reach(adapter, new ConversationRefs(), {
    appId: config.authEnabled ? config.bot.appId : "",
    tenantId: config.bot.tenantId,
    serviceUrl: config.approvals.proactive.serviceUrl,
  });
  return new ApprovalCardUpdates({ conversations, reach, organisation, log: logger });
}
