// Wires incident reporting into the bot: picks the notifier from config (a configured
// security conversation: Teams; none: local, the reporter's own conversation).
import type { CloudAdapter } from "botbuilder";
import type { Config } from "../../config";
import type { IncidentService } from "../../incidents";
import type { Logger } from "../../logging";
import type { ManagerLookup, Notifier } from "../../notify/notifier";
import { ConversationRefs } from "../notify/conversation-refs";
import { LocalNotifier } from "../notify/local-notifier";
import { proactiveSender } from "../notify/send";
import { TeamsNotifier } from "../notify/teams-notifier";
import { IncidentReporting } from "./reporting";
import type { DeliveryRunner } from "../../notify/delivery-outbox";

export interface IncidentWiring {
  service: IncidentService;
  /** issue 5's Directory (see managerLookup in src/notify/notifier.ts): the reporter's manager gets the notice too */
  managers?: ManagerLookup;
  /** issue 5's ConversationStore.personal: the manager's 1:1 chat, kept across restarts */
  personalConversation?: (objectId: string) => Promise<Record<string, unknown> | undefined>;
}

export function setupIncidentReporting(
  adapter: CloudAdapter,
  config: Pick<Config, "authEnabled" | "bot"> & { incidents?: Pick<Config["incidents"], "notify"> },
  w: IncidentWiring,
  refs: ConversationRefs,
  organisationOf: (packId: string) => string,
  log: Logger,
  deliveries?: DeliveryRunner,
): IncidentReporting {
  const appId = config.authEnabled ? config.bot.appId : "";
  const send = proactiveSender(adapter, appId);
  const notify = config.incidents?.notify;
  const notifier: Notifier = notify?.conversationId
    ? new TeamsNotifier(refs, send, { conversationId: notify.conversationId, serviceUrl: notify.serviceUrl, tenantId: config.bot.tenantId, botAppId: appId, managers: w.managers, personalConversation: w.personalConversation })
    : new LocalNotifier(refs, send);
  log.info({ event: "incidentsReady", notifier: notifier.kind, managers: Boolean(w.managers) }, "incident reporting ready");
  return new IncidentReporting(w.service, notifier, log, organisationOf, deliveries);
}
