// Local Notifier (nothing configured): the notice goes to the conversation the report
// was made in, so a laptop run shows what the security channel would get. No manager
// lookup exists locally yet (issue 5): the manager notice is skipped and says so.
import type { ConversationReference } from "botbuilder";
import type { IncidentNotice, Notifier, NoticeOrigin, NoticeResult, NoticeTarget } from "../../notify/notifier";
import { noticeCard } from "../incidents/notice-card";
import type { ConversationRefs } from "./conversation-refs";
import { proactiveErrorCode, sendFailurePasses } from "../proactive/errors";
import type { ProactiveSend } from "./send";

export class LocalNotifier implements Notifier {
  readonly kind = "local" as const;

  constructor(
    private readonly refs: ConversationRefs,
    private readonly send: ProactiveSend,
  ) {}

  async notifyIncident(notice: IncidentNotice, origin: NoticeOrigin, skip: NoticeTarget[] = []): Promise<NoticeResult[]> {
    const manager: NoticeResult = { target: "manager", status: "skipped", reason: "no-directory" };
    if (skip.includes("security")) return [manager];
    const ref = (origin.conversationId ? await this.refs.conversationRef(origin.conversationId) : undefined) ?? (origin.conversationRef as Partial<ConversationReference> | undefined);
    if (!ref) return [{ target: "security", status: "skipped", reason: "no-conversation" }, manager];
    try {
      await this.send(ref, noticeCard(notice, { local: true }));
      return [{ target: "security", status: "sent" }, manager];
    } catch (e) {
      return [{ target: "security", status: "failed", reason: proactiveErrorCode(e), passing: sendFailurePasses(e) }, manager];
    }
  }
}
