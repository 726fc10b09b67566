// Incident reporting in Teams: opens the form, takes its submit (Action.Execute invoke,
// or the Action.Submit fallback), hands it to the incident service and answers with the
// receipt, the form again with errors, or a clear refusal; then notifies. Logs carry the
// reference, the outcome and timings only: never what the reporter wrote.
import { CardFactory, TeamsInfo, TurnContext, type AdaptiveCardInvokeResponse, type TaskModuleResponse } from "botbuilder";
import type { IncidentService, Reporter, StoredIncident, SubmitOutcome } from "../../incidents";
import type { Logger } from "../../logging";
import { t, type LocaleLang } from "../../locales";
import type { IncidentNotice, Notifier, NoticeOrigin, NoticeTarget } from "../../notify/notifier";
import type { DeliveryResult, DeliveryRunner } from "../../notify/delivery-outbox";
import type { AdaptiveCard } from "../cards/adaptive-card";
import type { BotDeps } from "../deps";
import { cardActivity, sendCard } from "../send-card";
import { withConnectorDeadline } from "../adapter";
import { formCard } from "./form-card";
import { toServiceFields } from "./form-fields";
import { failedCard, offerCard, refusedCard, startCard } from "./message-cards";
import { receiptCard } from "./receipt-card";
import type { IncidentSubmit } from "./submits";
import { todayIn, userTimeZone } from "./time-zone";
import { knownTools } from "./tools";
import { turnLang } from "../language";

/** the form's submit: Action.Execute or its Submit fallback in the chat, or the dialog's task/submit */
type Via = "execute" | "submit" | "dialog";

/** what a submit came to: the card to show, and the report's reference once it is saved */
interface Submitted {
  card: AdaptiveCard;
  saved?: { reference: string; queued: boolean };
  invalid?: boolean;
}

/** what a report's notice needs, kept in the delivery outbox until it is sent (no report text) */
interface PendingNotice extends NoticeOrigin {
  lang: LocaleLang;
  timeZone: string;
  organisation: string;
}

/** a queued report's notice waits for the filing; "filed-later" kicks it sooner */
const WAIT_FOR_FILING_MS = 5 * 60_000;

export class IncidentReporting {
  constructor(
    readonly service: IncidentService,
    readonly notifier: Notifier,
    private readonly log: Logger,
    /** a pack id -> its organisation's name (for notices sent outside a turn) */
    private readonly organisationOf: (packId: string) => string = (id) => id,
    /** notices go through the durable outbox: a crash delays them, never loses them */
    private readonly deliveries?: DeliveryRunner,
  ) {
    deliveries?.handle("incident-notice", (p, at) => this.deliverNotice(p, at.last));
  }

  private pack(ctx: TurnContext, deps: BotDeps) {
    const packId = deps.packs.get(ctx.activity.conversation.id);
    return { packId, pack: deps.library.get(packId) };
  }

  private actorId(ctx: TurnContext): string {
    // Teams always sends aadObjectId; the local Playground may not, and its user id stands in
    return ctx.activity.from.aadObjectId ?? ctx.activity.from.id;
  }

  /** a fresh form for the user who asked (the token binds it to them) */
  async form(ctx: TurnContext, deps: BotDeps, lang: LocaleLang, surface: "dialog" | "chat"): Promise<AdaptiveCard> {
    const { pack } = this.pack(ctx, deps);
    const tz = userTimeZone(ctx.activity);
    const { token } = await this.service.newForm({ objectId: this.actorId(ctx) });
    return formCard({ lang, organisation: pack.facts.organisation.name, timeZone: tz, tools: knownTools(pack), token, today: todayIn(tz, Date.now()), surface });
  }

  /** "rapportera incident" / "report incident": a short card whose button opens the form in a dialog */
  async openForm(ctx: TurnContext, deps: BotDeps, lang: LocaleLang, via: "command" | "button"): Promise<void> {
    await sendCard(ctx, startCard(lang, this.pack(ctx, deps).pack.facts.organisation.name));
    this.log.info({ event: "incidentForm", via, lang, surface: "start" }, "incident report started");
  }

  /** the button in Teams (task/fetch): the form in a dialog */
  async dialogFetch(ctx: TurnContext, deps: BotDeps, lang: LocaleLang | undefined): Promise<TaskModuleResponse> {
    const l = lang ?? turnLang(ctx);
    const card = await this.form(ctx, deps, l, "dialog");
    this.log.info({ event: "incidentForm", via: "dialog" }, "incident form sent");
    return dialog(l, card);
  }

  /**
   * The dialog's submit (task/submit): errors keep the dialog open with the form again; a saved
   * report closes it with its reference, and the receipt goes to the chat, where it stays.
   */
  async dialogSubmit(ctx: TurnContext, deps: BotDeps, s: IncidentSubmit): Promise<TaskModuleResponse> {
    const lang = s.lang ?? turnLang(ctx);
    const out = await this.submit(ctx, deps, s, "dialog");
    if (out.invalid) return dialog(lang, out.card);
    await sendCard(ctx, out.card);
    const k = (key: string, vars?: Record<string, string>) => t(lang, "incidents", key, vars);
    // refused or failed: the card in the chat says why (and, refused, offers a new form)
    const value = out.saved ? k(out.saved.queued ? "dialog.queued" : "dialog.filed", { reference: out.saved.reference }) : (out.card.fallbackText ?? k("form.title"));
    return { task: { type: "message", value } };
  }

  /** an older card's button via Action.Execute: the form replaces that card, in the chat */
  async openInvoke(ctx: TurnContext, deps: BotDeps, lang: LocaleLang | undefined): Promise<AdaptiveCardInvokeResponse> {
    const card = await this.form(ctx, deps, lang ?? turnLang(ctx), "chat");
    this.log.info({ event: "incidentForm", via: "execute" }, "incident form sent");
    return cardResponse(card);
  }

  /** the button in a client without dialogs (it sends the Submit as a message): the form replaces the card in the chat */
  async openSubmit(ctx: TurnContext, deps: BotDeps, lang: LocaleLang | undefined): Promise<void> {
    await this.replaceOrSend(ctx, await this.form(ctx, deps, lang ?? turnLang(ctx), "chat"));
    this.log.info({ event: "incidentForm", via: "submit" }, "incident form sent");
  }

  /** a message that sounds like an incident: after the answer, a short card with a button */
  async offer(ctx: TurnContext): Promise<void> {
    await sendCard(ctx, offerCard(turnLang(ctx)));
    this.log.info({ event: "incidentOffer" }, "incident report offered");
  }

  async submitInvoke(ctx: TurnContext, deps: BotDeps, s: IncidentSubmit): Promise<AdaptiveCardInvokeResponse> {
    return cardResponse((await this.submit(ctx, deps, s, "execute")).card);
  }

  async submitMessage(ctx: TurnContext, deps: BotDeps, s: IncidentSubmit): Promise<void> {
    await this.replaceOrSend(ctx, (await this.submit(ctx, deps, s, "submit")).card);
  }

  /** the card to show for a submit: receipt, the form with errors, or why not */
  async submit(ctx: TurnContext, deps: BotDeps, s: IncidentSubmit, via: Via): Promise<Submitted> {
    const started = performance.now();
    const a = ctx.activity;
    const lang = s.lang ?? turnLang(ctx);
    const tz = userTimeZone(a);
    const { packId, pack } = this.pack(ctx, deps);
    const facts = pack.facts;
    const organisation = facts.organisation.name;
    const actor: Reporter = { objectId: this.actorId(ctx), name: a.from.name ?? "" };
    const upn = await userPrincipalName(ctx);
    if (upn) actor.upn = upn;

    const o = await this.service.submit({ token: s.token, fields: toServiceFields(s.inputs, tz) }, actor, { policyPack: packId });
    const ms = Math.round(performance.now() - started);
    this.record(o, via, ms);

    const personal = (a.conversation.conversationType ?? "personal") === "personal";
    switch (o.status) {
      case "invalid": {
        // an invoke's answer (and a dialog) is shown to the reporter only; a Submit fallback updates
        // the card for everyone in the conversation, so outside a 1:1 chat what was typed is not echoed back
        const surface = via === "dialog" ? "dialog" : "chat";
        return { invalid: true, card: formCard({ lang, organisation, timeZone: tz, tools: knownTools(pack), token: String(s.token), values: via !== "submit" || personal ? s.inputs : undefined, issues: o.issues, today: todayIn(tz, Date.now()), surface }) };
      }
      case "refused":
        return { card: refusedCard(lang, o.reason) };
      case "failed":
        return { card: failedCard(lang, facts.contact[lang]) };
      case "filed":
      case "queued": {
        if (!o.replay) {
          const origin: PendingNotice = { reporterObjectId: actor.objectId, conversationId: a.conversation.id, conversationRef: conversationRef(ctx), lang, timeZone: tz, organisation };
          await this.queueNotice(o.incident.id, o.incident.reference, origin, o.status === "filed");
        }
        const card = receiptCard({
          lang,
          organisation,
          timeZone: tz,
          state: o.status === "filed" ? { kind: "filed" } : { kind: "queued", reason: o.reason },
          replay: o.replay,
          incident: o.incident,
          steps: facts.incidents.steps,
          routine: facts.incidents.summary[lang],
          contact: facts.contact[lang],
          showDescription: personal,
        });
        return { card, saved: { reference: o.incident.reference, queued: o.status === "queued" } };
      }
    }
  }

  /**
   * The notice is written to the outbox first; a filed report's is sent right away (not
   * awaited: the receipt does not wait for the channel), a queued one's once it is filed.
   */
  private async queueNotice(incidentId: string, reference: string, origin: PendingNotice, filed: boolean): Promise<void> {
    if (!this.deliveries) {
      if (filed) void this.service.get(incidentId).then((stored) => stored && this.sendNotice(stored, origin, []), () => undefined);
      return;
    }
    const id = noticeId(incidentId);
    try {
      await this.deliveries.enqueue(id, "incident-notice", { incidentId, reference, origin, filedLater: !filed, done: [] });
    } catch (err) {
      // the outbox is unreachable: the report itself is safe; send the notice once, unjournalled
      this.log.warn({ event: "incidentNotice", reference, status: "notJournalled", err: (err as Error)?.name }, "notice not journalled");
      if (filed) void this.service.get(incidentId).then((stored) => stored && this.sendNotice(stored, origin, []), () => undefined);
      return;
    }
    if (filed) void this.deliveries.attempt(id).catch((err) => this.log.warn({ event: "incidentNotice", reference, status: "failed", err: (err as Error)?.name }, "notice failed"));
  }

  /** the service's events: a report filed later from the outbox gets its notice now */
  onServiceEvent(e: { event: string; id?: string; reference?: string }): void {
    if (e.event !== "filed-later" || !e.id) return;
    const id = e.id;
    void (async () => {
      const kicked = await this.deliveries?.kick(noticeId(id));
      // without an outbox entry (a report queued before this version, or no outbox): the origin is unknown
      if (kicked === undefined && (await this.deliveries?.entry(noticeId(id))) === undefined) {
        const stored = await this.service.get(id).catch(() => undefined);
        if (!stored) return;
        const i = stored.incident;
        await this.sendNotice(stored, { reporterObjectId: i.reporter.objectId, lang: "sv", timeZone: "Europe/Stockholm", organisation: safe(() => this.organisationOf(i.policyPack), i.policyPack) }, [], true);
      }
    })().catch((err) => this.log.warn({ event: "incidentNotice", status: "failed", err: (err as Error)?.name }, "notice failed"));
  }

  /** one attempt of an outbox entry: the report must be filed; targets reached before are skipped */
  private async deliverNotice(p: Record<string, unknown>, last: boolean): Promise<DeliveryResult> {
    const incidentId = String(p.incidentId);
    const origin = p.origin as PendingNotice;
    const done = (Array.isArray(p.done) ? p.done : []) as NoticeTarget[];
    const stored = await this.service.get(incidentId).catch(() => undefined);
    if (!stored) return { status: "retry", code: "not_filed", afterMs: WAIT_FOR_FILING_MS, countAttempt: false };
    const results = await this.sendNotice(stored, origin, done, p.filedLater === true);
    if (!results) return { status: "retry", code: "notifier_error" };
    const reached = [...done, ...results.filter((r) => r.status === "sent").map((r) => r.target)];
    const failed = results.filter((r) => r.status === "failed");
    const passing = failed.filter((r) => r.passing === true);
    if (passing.length > 0 && !last) return { status: "retry", code: passing[0].reason ?? "error", payload: { ...p, done: reached } };
    if (failed.length > 0) return { status: "failed", code: failed[0].reason ?? "error" };
    return { status: "done" };
  }

  /** notices to the targets not yet reached; undefined when the notifier itself failed */
  private async sendNotice(stored: StoredIncident, origin: PendingNotice, skip: NoticeTarget[], filedLater = false) {
    const i = stored.incident;
    const started = performance.now();
    try {
      const results = await this.notifier.notifyIncident(notice(i, stored.link, origin, filedLater), origin, skip);
      this.log.info({ event: "incidentNotice", reference: i.reference, notifier: this.notifier.kind, results, ms: Math.round(performance.now() - started) }, "incident notices");
      return results;
    } catch (err) {
      this.log.warn({ event: "incidentNotice", reference: i.reference, status: "failed", err: (err as Error)?.name }, "notice failed");
      return undefined;
    }
  }

  private record(o: SubmitOutcome, via: Via, ms: number): void {
    const base = { event: "incidentSubmit", via, outcome: o.status, ms };
    switch (o.status) {
      case "filed":
        return void this.log.info({ ...base, reference: o.incident.reference, replay: o.replay, personalData: o.incident.personalData }, "incident filed");
      case "queued":
        return void this.log.info({ ...base, reference: o.incident.reference, replay: o.replay, reason: o.reason }, "incident queued");
      case "invalid":
        return void this.log.info({ ...base, issues: o.issues.map((i) => `${i.field}:${i.code}`) }, "incident form has errors");
      case "refused":
        return void this.log.warn({ ...base, reason: o.reason }, "incident submit refused");
      case "failed":
        return void this.log.error({ ...base, code: o.code }, "incident not saved");
    }
  }

  private async replaceOrSend(ctx: TurnContext, card: AdaptiveCard): Promise<void> {
    const replyToId = ctx.activity.replyToId;
    if (replyToId) {
      try {
        await ctx.updateActivity({ ...cardActivity(card), id: replyToId });
        return;
      } catch (err) {
        this.log.warn({ event: "incidentCard", status: "updateFailed", err: (err as Error)?.name }, "card update failed");
      }
    }
    await sendCard(ctx, card);
  }
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

const noticeId = (incidentId: string) => `incident-notice:${incidentId}`;

/** where a report was made, so the local notifier can answer there after a restart (ids only) */
function conversationRef(ctx: TurnContext): Record<string, unknown> {
  const ref = TurnContext.getConversationReference(ctx.activity) as Record<string, unknown>;
  delete ref.activityId;
  const user = ref.user as { id?: string; aadObjectId?: string } | undefined;
  if (user) ref.user = { id: user.id, aadObjectId: user.aadObjectId };
  return JSON.parse(JSON.stringify(ref)) as Record<string, unknown>;
}

/** the form in a Teams dialog: tall enough for its fields, as wide as a phone or a narrow pane */
function dialog(lang: LocaleLang, card: AdaptiveCard): TaskModuleResponse {
  return { task: { type: "continue", value: { title: t(lang, "incidents", "dialog.title"), width: "medium", height: "large", card: CardFactory.adaptiveCard(card) } } };
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card as unknown as Record<string, unknown> };
}

function notice(i: SubmitOutcomeIncident, link: string | undefined, o: PendingNotice, filedLater: boolean): IncidentNotice {
  return {
    reference: i.reference,
    link,
    reportedAt: i.reportedAt ?? new Date().toISOString(),
    personalData: i.personalData ?? false,
    imyDeadline: i.imyDeadline,
    organisation: o.organisation,
    filedLater,
    lang: o.lang,
    timeZone: o.timeZone,
  };
}

type SubmitOutcomeIncident = Extract<SubmitOutcome, { status: "filed" }>["incident"];

/** the reporter's UPN from Teams (a column of the list); none when the connector cannot say */
async function userPrincipalName(ctx: TurnContext): Promise<string | undefined> {
  if (ctx.activity.channelId !== "msteams") return undefined;
  try {
    const m = await withConnectorDeadline(2000, () => TeamsInfo.getMember(ctx, ctx.activity.from.id));
    return typeof m?.userPrincipalName === "string" && m.userPrincipalName ? m.userPrincipalName : undefined;
  } catch {
    return undefined;
  }
}
