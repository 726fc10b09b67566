// Teams Notifier: a proactive card to the configured security conversation (a channel
// or chat id, e.g. 19:…@thread.tacv2), and to the reporter's manager when a manager
// lookup exists and the bot knows the manager's 1:1 chat. The security conversation's
// reference is the one the bot has seen (any activity there), else one built from the
// configured id and service URL (Teams accepts a new thread in a channel the app is
// installed in). Reaching a manager who never chatted with the bot needs the app
// installed for them through Graph: issue 5.
import type { ConversationReference } from "botbuilder";
import type { IncidentNotice, ManagerLookup, Notifier, NoticeOrigin, NoticeResult, NoticeTarget } from "../../notify/notifier";
import { noticeCard } from "../incidents/notice-card";
import { DEFAULT_TIME_ZONE } from "../incidents/time-zone";
import type { ConversationRefs } from "./conversation-refs";
import { proactiveErrorCode, sendFailurePasses } from "../proactive/errors";
import type { ProactiveSend } from "./send";

export interface TeamsNotifierOptions {
  /** the security channel's (or chat's) conversation id */
  conversationId: string;
  /** connector URL used while the bot has not seen that conversation */
  serviceUrl: string;
  tenantId: string;
  botAppId: string;
  /** issue 5's Directory; absent: the manager notice is skipped */
  managers?: ManagerLookup;
  /** durable 1:1 references (issue 5's ConversationStore), asked when the in-memory ones lack the manager */
  personalConversation?: (objectId: string) => Promise<Partial<ConversationReference> | undefined>;
}

export class TeamsNotifier implements Notifier {
  readonly kind = "teams" as const;

  constructor(
    private readonly refs: ConversationRefs,
    private readonly send: ProactiveSend,
    private readonly o: TeamsNotifierOptions,
  ) {}

  /** the organisation's channel reads the organisation's language and time */
  private orgNotice(n: IncidentNotice): IncidentNotice {
    return { ...n, lang: "sv", timeZone: DEFAULT_TIME_ZONE };
  }

  async securityRef(): Promise<Partial<ConversationReference>> {
    const seen = await this.refs.conversationRef(this.o.conversationId);
    if (seen) return seen;
    const channel = this.o.conversationId.startsWith("19:");
    return {
      channelId: "msteams",
      serviceUrl: this.o.serviceUrl,
      bot: { id: this.o.botAppId ? `28:${this.o.botAppId}` : "policybot", name: "Policybot" },
      conversation: { id: this.o.conversationId, isGroup: channel, conversationType: channel ? "channel" : "personal", tenantId: this.o.tenantId, name: "" },
    };
  }

  async notifyIncident(notice: IncidentNotice, origin: NoticeOrigin, skip: NoticeTarget[] = []): Promise<NoticeResult[]> {
    const card = noticeCard(this.orgNotice(notice), { local: false });
    const out: NoticeResult[] = [];
    if (!skip.includes("security")) {
      try {
        await this.send(await this.securityRef(), card);
        out.push({ target: "security", status: "sent" });
      } catch (e) {
        out.push({ target: "security", status: "failed", reason: proactiveErrorCode(e), passing: sendFailurePasses(e) });
      }
    }
    if (!skip.includes("manager")) out.push(await this.toManager(origin, card));
    return out;
  }

  private async toManager(origin: NoticeOrigin, card: ReturnType<typeof noticeCard>): Promise<NoticeResult> {
    if (!this.o.managers) return { target: "manager", status: "skipped", reason: "no-directory" };
    try {
      const m = await this.o.managers.managerOf(origin.reporterObjectId);
      if (!m) return { target: "manager", status: "skipped", reason: "no-manager" };
      const ref = this.refs.personal(m.objectId) ?? (await this.o.personalConversation?.(m.objectId));
      if (!ref) return { target: "manager", status: "skipped", reason: "manager-not-reachable" };
      await this.send(ref, card);
      return { target: "manager", status: "sent" };
    } catch (e) {
      return { target: "manager", status: "failed", reason: proactiveErrorCode(e), passing: sendFailurePasses(e) };
    }
  }
}
