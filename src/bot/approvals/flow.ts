// The approval flow in Teams: the request form, the submit (answered with the pack's
// verdict), the approval card delivered proactively to the designated approver, the
// decision (only theirs counts: everything else is refused by the service with a code
// shown on a card), the refresh that gives the approver their own view, the outcome
// written into every stored card (updateActivity), and the reminder/escalation cards.
// Card references persist in the state store (ConversationStore.saveCard), so another
// instance, or this one after a restart, updates the same cards.
import { TurnContext, type AdaptiveCardInvokeResponse, type ConversationReference } from "botbuilder";
import type { ApprovalRequest, Person } from "../../approvals/model";
import { OPEN_STATUSES } from "../../approvals/model";
import type { ApprovalService, ReminderAction } from "../../approvals/service";
import type { Directory } from "../../directory/directory";
import type { Logger } from "../../logging";
import type { LocaleLang } from "../../locales";
import { userTimeZone } from "../incidents/time-zone";
import { anyRoutable, routingNote } from "./routing-note";
import type { PolicyLibrary, PolicyPack } from "../../policy/types";
import type { ApprovalCards, CardRef, ConversationStore } from "../../state/conversations";
import type { AdaptiveCard } from "../cards/adaptive-card";
import type { ConversationPacks } from "../conversation-packs";
import type { DeliveryResult, DeliveryRunner } from "../../notify/delivery-outbox";
import { cardActivity, sendCard } from "../send-card";
import { orgMri, type Reach } from "../proactive/reach";
import { approvalCard } from "./approval-card";
import { ApprovalCardUpdates } from "./card-updates";
import { formCard } from "./form-card";
import { noticeCard, notApprovableCard, notRequiredCard, requesterCard } from "./request-cards";
import type { DecideSubmit, FormSubmit, RefreshSubmit } from "./submits";
import { a, instant, k } from "./texts";
import { turnLang } from "../language";

export interface ApprovalFlowParts {
  service: ApprovalService;
  conversations: ConversationStore;
  directory: Directory;
  reach: Reach;
  library: PolicyLibrary;
  packs: ConversationPacks;
  log: Logger;
  /** approval cards go through the durable outbox: a crash mid-delivery delays the card, never loses it */
  deliveries?: DeliveryRunner;
}

type Via = "invoke" | "message";

export class ApprovalFlow {
  private readonly updates: ApprovalCardUpdates;

  constructor(private readonly p: ApprovalFlowParts) {
    this.updates = new ApprovalCardUpdates({ conversations: p.conversations, reach: p.reach, organisation: (id) => this.organisationOf(id), log: p.log });
    p.deliveries?.handle("approval-card", (x, at) => this.deliverQueued(String(x.requestId), undefined, at.last));
  }

  // ---- the request ----

  async openForm(ctx: TurnContext, lang: LocaleLang): Promise<void> {
    const who = identity(ctx);
    if (!who) return void (await sendCard(ctx, noticeCard(k(lang, "form.title"), k(lang, "noIdentity"))));
    const pack = this.pack(ctx);
    const organisation = pack.facts.organisation.name;
    // no one decides in the bot under this pack: said now, not after the whole form
    if (!anyRoutable(pack.facts)) {
      const ap = pack.facts.approvals;
      await sendCard(ctx, notRequiredCard({ lang, organisation, reason: "other-process", summary: ap.aiUse.summary, citations: ap.aiUse.citations }));
      return void this.p.log.info({ event: "approval", step: "form", status: "otherProcess" }, "approval form not offered");
    }
    const form = this.p.service.requestForm(pack, who, lang);
    await sendCard(ctx, formCard({ lang, organisation, form, routing: routingNote(pack.facts, lang) }));
    this.p.log.info({ event: "approval", step: "form" }, "approval form sent");
  }

  async submitInvoke(ctx: TurnContext, s: FormSubmit): Promise<AdaptiveCardInvokeResponse> {
    return cardResponse(await this.submit(ctx, s, "invoke"));
  }

  async submitMessage(ctx: TurnContext, s: FormSubmit): Promise<void> {
    await this.replace(ctx, await this.submit(ctx, s, "message"));
  }

  private async submit(ctx: TurnContext, s: FormSubmit, via: Via): Promise<AdaptiveCard> {
    const lang = s.lang ?? turnLang(ctx);
    const who = identity(ctx);
    if (!who) return noticeCard(k(lang, "form.title"), k(lang, "noIdentity"));
    const pack = this.pack(ctx);
    const organisation = pack.facts.organisation.name;
    const out = await this.p.service.submitRequest({ token: s.token, fields: s.fields }, who, pack);
    this.p.log.info({ event: "approval", step: "submit", status: out.status, code: "code" in out ? out.code : "reason" in out ? out.reason : undefined }, "approval request submitted");
    switch (out.status) {
      case "invalid": {
        const form = { ...this.p.service.requestForm(pack, who, lang), token: s.token };
        // what was typed is shown again only in a 1:1 chat
        return formCard({ lang, organisation, form, issues: out.issues, values: personal(ctx) ? s.fields : undefined, routing: routingNote(pack.facts, lang) });
      }
      case "refused":
        return noticeCard(k(lang, "form.title"), out.reason === "not-yours" ? a(lang, "refused.not-yours") : k(lang, `refused.form_${out.reason}`));
      case "failed":
        return noticeCard(k(lang, "form.title"), k(lang, "failed", { code: out.code }));
      case "notApprovable":
        return notApprovableCard({ lang, organisation, code: out.code, citations: out.citations });
      case "notRequired":
        return notRequiredCard({ lang, organisation, reason: out.reason, summary: out.summary, citations: out.citations });
      case "created":
      case "noApprover": {
        const r = out.request;
        const notes: string[] = [];
        let undelivered = false;
        if (out.status === "noApprover") {
          notes.push(a(lang, `routing.${out.code}`));
          notes.push(out.admin ? k(lang, "requester.adminNamed", { admin: out.admin.name }) : k(lang, "requester.noAdmin", { contact: pack.facts.contact[lang] }));
        }
        const to = out.status === "created" ? out.approver : out.admin;
        if (to) {
          // a re-submit is told where the first delivery stands, not that it was sent
          const d = out.replay ? await this.deliveryState(r) : await this.deliverNow(r);
          const vars = { approver: to.name, role: a(lang, `role.${r.approver!.slot}`).toLowerCase() };
          if (d.status === "done" && out.status === "created") notes.push(k(lang, "requester.sent", vars));
          if (d.status === "retry") notes.push(k(lang, "requester.retrying", vars));
          if (d.status === "failed") {
            undelivered = true;
            notes.push(k(lang, "requester.unreachable", { approver: to.name, code: d.code }));
          }
        }
        const card = requesterCard({ lang, organisation, request: r, notes, replay: out.replay, showPurpose: personal(ctx), undelivered , timeZone: userTimeZone(ctx.activity) });
        // the form is replaced in place by this card: that message is the requester's card from now on
        const at = ctx.activity.replyToId;
        if (at) await this.saveCard(r.id, "requester", { conversation: reference(ctx), activityId: at, timeZone: userTimeZone(ctx.activity) });
        else if (via === "message") {
          const id = await sendCard(ctx, card);
          if (id) await this.saveCard(r.id, "requester", { conversation: reference(ctx), activityId: id, timeZone: userTimeZone(ctx.activity) });
          return NO_REPLACE;
        }
        return card;
      }
    }
  }

  // ---- the decision ----

  async decideInvoke(ctx: TurnContext, s: DecideSubmit): Promise<AdaptiveCardInvokeResponse> {
    return cardResponse(await this.decide(ctx, s, "invoke"));
  }

  async decideMessage(ctx: TurnContext, s: DecideSubmit): Promise<void> {
    await this.replace(ctx, await this.decide(ctx, s, "message"));
  }

  private async decide(ctx: TurnContext, s: DecideSubmit, via: Via): Promise<AdaptiveCard> {
    const lang = s.lang ?? turnLang(ctx);
    const actor = identity(ctx);
    const refusedTitle = k(lang, "approver.refusedTitle");
    if (!actor) return noticeCard(refusedTitle, a(lang, "refused.not_approver"));
    const out = await this.p.service.decide(s.data, actor);
    this.p.log.info({ event: "approval", step: "decide", status: out.status, code: out.status === "refused" ? out.code : undefined }, "approval decision");
    if (out.status === "decided") {
      const r = out.request;
      // the card the approver pressed is replaced by this answer; every stored card gets the outcome
      await this.updateCards(r, via === "message" ? ctx.activity.replyToId : undefined);
      return approvalCard({ lang, organisation: this.organisation(r), request: r, view: { kind: "readOnly" } , timeZone: userTimeZone(ctx.activity) });
    }
    if (out.status === "invalid") {
      const id = typeof s.data.requestId === "string" ? s.data.requestId : "";
      const stored = id ? await this.p.service.get(id).catch(() => undefined) : undefined;
      const r = stored?.request;
      // only the approver gets their form back; anyone else is told it is not theirs
      if (!r || r.approver?.objectId !== actor.objectId || !OPEN_STATUSES.includes(r.status)) return noticeCard(refusedTitle, a(lang, "refused.not_approver"));
      const comment = typeof s.data.comment === "string" ? s.data.comment : undefined;
      return approvalCard({ lang, organisation: this.organisation(r), request: r, view: { kind: "decide", token: String(s.data.token), issues: out.issues, comment }, refreshUserIds: [ctx.activity.from.id] , timeZone: userTimeZone(ctx.activity) });
    }
    const why = a(lang, `refused.${out.code}`);
    if (out.request) {
      // an expiry the refusal just wrote: every card says so
      if (out.code === "expired") await this.updateCards(out.request);
      return approvalCard({ lang, organisation: this.organisation(out.request), request: out.request, view: { kind: "readOnly" }, banner: { text: why, color: "attention" } , timeZone: userTimeZone(ctx.activity) });
    }
    return noticeCard(refusedTitle, why);
  }

  /** Universal Actions refresh: the approver gets Approve / Reject, anyone else the read-only view */
  async refresh(ctx: TurnContext, s: RefreshSubmit): Promise<AdaptiveCardInvokeResponse> {
    const lang = s.lang ?? turnLang(ctx);
    const stored = await this.p.service.get(s.requestId).catch(() => undefined);
    if (!stored) return cardResponse(noticeCard(k(lang, "approver.refusedTitle"), a(lang, "refused.unknown_request")));
    const r = stored.request;
    const actor = identity(ctx);
    const org = this.organisation(r);
    if (actor && r.approver?.objectId === actor.objectId && OPEN_STATUSES.includes(r.status)) {
      return cardResponse(approvalCard({ lang, organisation: org, request: r, view: { kind: "decide", token: this.p.service.decisionToken(r) }, refreshUserIds: [ctx.activity.from.id] , timeZone: userTimeZone(ctx.activity) }));
    }
    const mri = await this.approverMri(r);
    return cardResponse(approvalCard({ lang, organisation: org, request: r, view: { kind: "readOnly" }, refreshUserIds: mri ? [mri] : [] , timeZone: userTimeZone(ctx.activity) }));
  }

  // ---- reminders, escalations, expiry (from the timer) ----

  async onReminders(actions: ReminderAction[]): Promise<void> {
    for (const x of actions) {
      try {
        if (x.kind === "remind") {
          const d = await this.deliver(x.request, { text: k("sv", "approver.reminder", { since: instant(x.request.requestedAt, "sv") }), color: "warning" });
          if (!d.ok) await this.tellAdmin(x.request, "unreachable", d.code);
        } else if (x.kind === "escalate") {
          await this.tellAdmin(x.request, "escalated");
          await this.updateCards(x.request);
        } else {
          await this.updateCards(x.request);
        }
        this.p.log.info({ event: "approval", step: x.kind, reference: x.request.reference }, "approval reminder sent");
      } catch (e) {
        this.p.log.warn({ event: "approval", step: x.kind, reference: x.request.reference, err: e instanceof Error ? e.name : "error" }, "approval reminder failed");
      }
    }
  }

  // ---- delivery and card updates ----

  /**
   * The first delivery of a new request's card, in the turn: written to the outbox first, so
   * a crash before it is sent leaves it to the outbox after the restart.
   */
  private async deliverNow(r: ApprovalRequest): Promise<DeliveryResult> {
    const runner = this.p.deliveries;
    if (!runner) return this.deliverQueued(r.id, r);
    const id = approvalDeliveryId(r.id);
    await runner.enqueue(id, "approval-card", { requestId: r.id });
    return (await runner.attempt(id)) ?? (await this.deliveryState(r));
  }

  /**
   * At start-up: an open request whose card was never delivered and has no outbox entry
   * (the process died between storing the request and writing the entry) gets one.
   */
  async recoverUndelivered(limit = 200): Promise<number> {
    const runner = this.p.deliveries;
    if (!runner) return 0;
    let n = 0;
    for (const { request: r } of await this.p.service.list({ status: "pending", limit })) {
      if (!r.approver || (await runner.entry(approvalDeliveryId(r.id)))) continue;
      const cards = await this.p.conversations.cards(r.id).catch(() => undefined);
      if (!cards || cards.approver) continue;
      await runner.enqueue(approvalDeliveryId(r.id), "approval-card", { requestId: r.id }, 0);
      n++;
    }
    return n;
  }

  /** where the delivery of a request's card stands: its stored card, else the outbox entry */
  private async deliveryState(r: ApprovalRequest): Promise<DeliveryResult> {
    const cards = await this.p.conversations.cards(r.id).catch(() => ({}) as ApprovalCards);
    if (cards.approver) return { status: "done" };
    const e = await this.p.deliveries?.entry(approvalDeliveryId(r.id));
    if (e?.state === "failed") return { status: "failed", code: e.lastError ?? "error" };
    if (e?.state === "pending") return { status: "retry", code: e.lastError ?? "pending" };
    // an open request with neither a card nor an entry was never sent: send it now
    if (!e && OPEN_STATUSES.includes(r.status)) return this.deliverNow(r);
    return { status: "done" };
  }

  /** one attempt (the outbox's handler): an open request without a delivered card gets it */
  private async deliverQueued(requestId: string, known?: ApprovalRequest, last = false): Promise<DeliveryResult> {
    const r = known ?? (await this.p.service.get(requestId))?.request;
    if (!r || !r.approver || !OPEN_STATUSES.includes(r.status)) return { status: "done" };
    const cards = await this.p.conversations.cards(r.id).catch(() => ({}) as ApprovalCards);
    if (cards.approver) return { status: "done" };
    const d = await this.deliver(r);
    if (d.ok) return { status: "done" };
    if (d.passing && !last) return { status: "retry", code: d.code };
    await this.tellAdmin(r, "unreachable", d.code);
    return { status: "failed", code: d.code };
  }

  /** the approval card to request.approver (manager, role holder or admin); its place is stored */
  private async deliver(r: ApprovalRequest, banner?: { text: string; color?: "warning" | "attention" }) {
    const approver = r.approver!;
    const token = this.p.service.decisionToken(r);
    const org = this.organisation(r);
    const adminBanner = approver.slot === "admin" && r.routingCode ? { text: k("sv", "approver.adminAssigned", { reason: a("sv", `routing.${r.routingCode}`) }), color: "warning" as const } : undefined;
    const d = await this.p.reach.sendToUser(approver.objectId, async (mri, locale, conversationId) => {
      const lang = await this.updates.langIn(conversationId, mri, locale);
      const b = banner ?? (adminBanner && { ...adminBanner, text: k(lang, "approver.adminAssigned", { reason: a(lang, `routing.${r.routingCode}`) }) });
      return approvalCard({ lang, organisation: org, request: r, view: { kind: "decide", token }, refreshUserIds: [mri], banner: b });
    });
    if (d.ok) await this.saveCard(r.id, "approver", d.card);
    this.p.log.info({ event: "approval", step: "deliver", reference: r.reference, status: d.ok ? "sent" : "failed", via: d.ok ? d.via : undefined, code: d.ok ? undefined : d.code }, "approval card delivery");
    return d;
  }

  /** the administrator hears of a request they must see to: the approver was unreachable, or it was escalated */
  private async tellAdmin(r: ApprovalRequest, why: "unreachable" | "escalated", code?: string): Promise<void> {
    const admin = r.escalatedTo ?? (await this.p.directory.roleHolder("admin").catch(() => undefined));
    if (!admin || admin.objectId === r.approver?.objectId) return;
    const d = await this.p.reach.sendToUser(admin.objectId, async (mri, locale, conversationId) => {
      const lang = await this.updates.langIn(conversationId, mri, locale);
      const banner =
        why === "escalated"
          ? { text: k(lang, "approver.escalated", { approver: r.approver?.name ?? "?", since: instant(r.requestedAt, lang), reference: r.reference }), color: "attention" as const }
          : { text: k(lang, "approver.unreachableAdmin", { approver: r.approver?.name ?? "?", code: code ?? "?", reference: r.reference }), color: "attention" as const };
      return approvalCard({ lang, organisation: this.organisation(r), request: r, view: { kind: "readOnly" }, banner });
    });
    if (d.ok) await this.saveCard(r.id, "admin", d.card);
    this.p.log.info({ event: "approval", step: `admin-${why}`, reference: r.reference, status: d.ok ? "sent" : "failed", code: d.ok ? undefined : d.code }, "approval admin notice");
  }

  /** writes the request's current state into every card stored for it (but `skip`, replaced by the caller) */
  private async updateCards(r: ApprovalRequest, skip?: string): Promise<void> {
    await this.updates.update(r, skip);
  }

  private async saveCard(id: string, who: keyof ApprovalCards, at: CardRef): Promise<void> {
    try {
      await this.p.conversations.saveCard(id, who, at);
    } catch (e) {
      this.p.log.warn({ event: "approval", step: "save-card", card: who, err: e instanceof Error ? e.name : "error" }, "card reference not saved");
    }
  }

  private async approverMri(r: ApprovalRequest): Promise<string | undefined> {
    if (!r.approver || !OPEN_STATUSES.includes(r.status)) return undefined;
    const cards = await this.p.conversations.cards(r.id).catch(() => ({}) as ApprovalCards);
    return (cards.approver?.conversation as { user?: { id?: string } } | undefined)?.user?.id ?? orgMri(r.approver.objectId);
  }

  /** a card from a Submit fallback replaces the card pressed (updateActivity), else comes as a new message */
  private async replace(ctx: TurnContext, card: AdaptiveCard): Promise<void> {
    if (card === NO_REPLACE) return;
    const at = ctx.activity.replyToId;
    if (at) await ctx.updateActivity({ ...cardActivity(card), id: at });
    else await sendCard(ctx, card);
  }

  private pack(ctx: TurnContext): PolicyPack {
    return this.p.library.get(this.p.packs.get(ctx.activity.conversation.id));
  }

  private organisation(r: ApprovalRequest): string {
    return this.organisationOf(r.policyPack);
  }

  private organisationOf(packId: string): string {
    try {
      return this.p.library.get(packId).facts.organisation.name;
    } catch {
      return packId;
    }
  }
}

const approvalDeliveryId = (requestId: string) => `approval-card:${requestId}`;

/** the card the message path already sent itself */
const NO_REPLACE = Object.freeze({}) as AdaptiveCard;

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card as unknown as Record<string, unknown> };
}

/** who is acting: from the authenticated activity, never from card data */
export function identity(ctx: TurnContext): Person | undefined {
  const f = ctx.activity.from;
  if (!f?.aadObjectId) return undefined;
  return { objectId: f.aadObjectId, name: f.name || f.aadObjectId };
}

function personal(ctx: TurnContext): boolean {
  return (ctx.activity.conversation.conversationType ?? "personal") === "personal";
}

function reference(ctx: TurnContext): Record<string, unknown> {
  const ref = TurnContext.getConversationReference(ctx.activity) as Partial<ConversationReference>;
  delete ref.activityId;
  return JSON.parse(JSON.stringify(ref)) as Record<string, unknown>;
}

