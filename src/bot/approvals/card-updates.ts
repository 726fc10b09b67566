// Writing a request's current state into every card stored for it (the requester's, the
// approver's, an administrator's), each in the language its reader chose in that chat and,
// where the card was posted in the reader's own turn, in their time zone.
// The bot calls this after a decision in Teams, a reminder or an expiry; the CLI after
// `policybot approvals decide`, so the cards in Teams say the same either way.
import type { ApprovalRequest } from "../../approvals/model";
import { OPEN_STATUSES } from "../../approvals/model";
import type { Logger } from "../../logging";
import { langFromLocale, type LocaleLang } from "../../locales";
import type { ApprovalCards, CardRef, ConversationStore } from "../../state/conversations";
import type { AdaptiveCard } from "../cards/adaptive-card";
import type { Reach } from "../proactive/reach";
import { approvalCard } from "./approval-card";
import { requesterCard } from "./request-cards";

export interface CardUpdateParts {
  conversations: ConversationStore;
  reach: Pick<Reach, "update">;
  /** the organisation's name for a pack id */
  organisation(packId: string): string;
  log: Logger;
}

export type CardUpdateResult = { card: keyof ApprovalCards; ok: boolean; code?: string };

type Ref = { locale?: string; user?: { id?: string }; conversation?: { id?: string; conversationType?: string } };

export class ApprovalCardUpdates {
  constructor(private readonly p: CardUpdateParts) {}

  /** the reader's language in a chat: their choice there (the conversation's settings), else the chat's locale */
  async langOf(conversation: Record<string, unknown>): Promise<LocaleLang> {
    const ref = conversation as Ref;
    return this.langIn(ref.conversation?.id, ref.user?.id, ref.locale);
  }

  /** the same, by the chat's id, the reader's Teams id and the chat's locale */
  async langIn(conversationId: string | undefined, userId: string | undefined, locale: string | undefined): Promise<LocaleLang> {
    if (conversationId && userId) {
      const chosen = await this.p.conversations
        .settings(conversationId)
        .then((s) => s.langs?.[userId])
        .catch(() => undefined);
      if (chosen === "sv" || chosen === "en") return chosen;
    }
    return langFromLocale(locale);
  }

  /** every stored card of the request but `skip` (the card the caller replaces itself) */
  async update(r: ApprovalRequest, skip?: string): Promise<CardUpdateResult[]> {
    let cards: ApprovalCards;
    try {
      cards = await this.p.conversations.cards(r.id);
    } catch {
      return [];
    }
    const org = this.p.organisation(r.policyPack);
    const open = OPEN_STATUSES.includes(r.status);
    const jobs: Array<[keyof ApprovalCards, CardRef, (lang: LocaleLang) => AdaptiveCard]> = [];
    const personalChat = (c: CardRef) => ((c.conversation as Ref).conversation?.conversationType ?? "personal") === "personal";
    if (cards.approver) {
      const mri = (cards.approver.conversation as Ref).user?.id;
      const timeZone = cards.approver.timeZone;
      jobs.push(["approver", cards.approver, (lang) => approvalCard({ lang, organisation: org, request: r, view: { kind: "readOnly" }, refreshUserIds: open && mri ? [mri] : [], timeZone })]);
    }
    if (cards.requester) {
      const showPurpose = personalChat(cards.requester);
      const timeZone = cards.requester.timeZone;
      jobs.push(["requester", cards.requester, (lang) => requesterCard({ lang, organisation: org, request: r, showPurpose, timeZone })]);
    }
    if (cards.admin) {
      const timeZone = cards.admin.timeZone;
      jobs.push(["admin", cards.admin, (lang) => approvalCard({ lang, organisation: org, request: r, view: { kind: "readOnly" }, timeZone })]);
    }
    const out: CardUpdateResult[] = [];
    for (const [who, at, build] of jobs) {
      if (skip && at.activityId === skip) continue;
      const res = await this.p.reach.update(at, build(await this.langOf(at.conversation)));
      this.p.log.info({ event: "approval", step: "update-card", card: who, reference: r.reference, status: res.ok ? "updated" : "failed", code: res.ok ? undefined : res.code }, "approval card updated");
      out.push({ card: who, ok: res.ok, code: res.ok ? undefined : res.code });
    }
    return out;
  }
}
