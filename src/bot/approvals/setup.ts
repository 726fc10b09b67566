// Wires AI tool requests into the bot: the flow (cards, decisions, card updates), the
// proactive delivery to approvers (known chats; Graph app installation when configured)
// and the reminder timer.
import type { CloudAdapter } from "botbuilder";
import type { ApprovalService } from "../../approvals/service";
import type { Config } from "../../config";
import type { Directory } from "../../directory/directory";
import type { Logger } from "../../logging";
import type { PolicyLibrary } from "../../policy/types";
import type { ConversationStore } from "../../state/conversations";
import type { ConversationPacks } from "../conversation-packs";
import type { ConversationRefs } from "../notify/conversation-refs";
import type { AppInstaller } from "../proactive/graph-install";
import { Reach } from "../proactive/reach";
import { ApprovalFlow } from "./flow";
import { ReminderTimer } from "./reminders";
import type { DeliveryRunner } from "../../notify/delivery-outbox";

export interface ApprovalWiring {
  service: ApprovalService;
  conversations: ConversationStore;
  directory: Directory;
  /** Graph app installation for approvers the bot cannot reach (APPROVAL_INSTALL_APP) */
  installer?: AppInstaller;
}

export interface ApprovalSetup {
  flow: ApprovalFlow;
  timer: ReminderTimer;
}

export function setupApprovals(
  adapter: CloudAdapter,
  config: Pick<Config, "authEnabled" | "bot"> & { approvals?: Pick<Config["approvals"], "reminderIntervalMs" | "proactive"> },
  w: ApprovalWiring,
  refs: ConversationRefs,
  library: PolicyLibrary,
  packs: ConversationPacks,
  log: Logger,
  deliveries?: DeliveryRunner,
): ApprovalSetup {
  const appId = config.authEnabled ? config.bot.appId : "";
  const reach = new Reach(adapter, refs, {
    appId,
    tenantId: config.bot.tenantId,
    serviceUrl: config.approvals?.proactive.serviceUrl ?? "https://smba.trafficmanager.net/teams/",
    installer: w.installer,
  });
  const flow = new ApprovalFlow({ service: w.service, conversations: w.conversations, directory: w.directory, reach, library, packs, log, deliveries });
  const timer = new ReminderTimer(w.service, flow, config.approvals?.reminderIntervalMs ?? 3_600_000, (e) =>
    log.warn({ event: "approval", step: "reminders", err: e instanceof Error ? e.name : "error" }, "reminder pass failed"),
  );
  log.info({ event: "approvalsReady", directory: w.directory.kind, install: Boolean(w.installer) }, "approvals ready");
  return { flow, timer };
}
