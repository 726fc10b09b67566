// Incident reporting in Teams: opens the form, takes its submit (Action.Execute invoke,
// or the Action.Submit fallback), hands it to the incident service and answers with the
// receipt, the form again with errors, or a clear refusal; then notifies. Logs carry the
// reference, the outcome and timings only: never what the reporter wrote.
import { TeamsInfo, type AdaptiveCardInvokeResponse, type TurnContext } from "botbuilder";
import type { IncidentService, Reporter, SubmitOutcome } from "../../incidents";
import type { Logger } from "../../logging";
import { langFromLocale, type LocaleLang } from "../../locales";
import type { IncidentNotice, Notifier, NoticeOrigin } from "../../notify/notifier";
import type { AdaptiveCard } from "../cards/adaptive-card";
import type { BotDeps } from "../deps";
import { cardActivity, sendCard } from "../send-card";
import { formCard } from "./form-card";
import { toServiceFields } from "./form-fields";
import { failedCard, offerCard, refusedCard } from "./message-cards";
import { receiptCard } from "./receipt-card";
import type { IncidentSubmit } from "./submits";
import { todayIn, userTimeZone } from "./time-zone";
import { knownTools } from "./tools";

type Via = "execute" | "submit";

/** what a queued report's notice needs once the outbox files it */
interface PendingNotice extends NoticeOrigin {
  lang: LocaleLang;
  timeZone: string;
  organisation: string;
}

export class IncidentReporting {
  /** reports saved in the outbox, by report id (in memory: after a restart the notice goes out without the origin) */
  private readonly pending = new Map<string, PendingNotice>();

  constructor(
    readonly service: IncidentService,
    readonly notifier: Notifier,
    private readonly log: Logger,
    /** a pack id -> its organisation's name (for notices sent outside a turn) */
    private readonly organisationOf: (packId: string) => string = (id) => id,
  ) {}

  private pack(ctx: TurnContext, deps: BotDeps) {
    const packId = deps.packs.get(ctx.activity.conversation.id);
    return { packId, pack: deps.library.get(packId) };
  }

  private actorId(ctx: TurnContext): string {
    // Teams always sends aadObjectId; the local Playground may not, and its user id stands in
    return ctx.activity.from.aadObjectId ?? ctx.activity.from.id;
  }

  /** a fresh form for the user who asked (the token binds it to them) */
  form(ctx: TurnContext, deps: BotDeps, lang: LocaleLang): AdaptiveCard {
    const { pack } = this.pack(ctx, deps);
    const tz = userTimeZone(ctx.activity);
    const { token } = this.service.newForm({ objectId: this.actorId(ctx) });
    return formCard({ lang, organisation: pack.facts.organisation.name, timeZone: tz, tools: knownTools(pack), token, today: todayIn(tz, Date.now()) });
  }

  /** "rapportera incident" / "report incident" */
  async openForm(ctx: TurnContext, deps: BotDeps, lang: LocaleLang, via: "command" | "button"): Promise<void> {
    await sendCard(ctx, this.form(ctx, deps, lang));
    this.log.info({ event: "incidentForm", via, lang }, "incident form sent");
  }

  /** the offer's (or a refusal's) button via Action.Execute: the form replaces that card */
  openInvoke(ctx: TurnContext, deps: BotDeps, lang: LocaleLang | undefined): AdaptiveCardInvokeResponse {
    const card = this.form(ctx, deps, lang ?? langFromLocale(ctx.activity.locale));
    this.log.info({ event: "incidentForm", via: "execute" }, "incident form sent");
    return cardResponse(card);
  }

  /** the same button via the Action.Submit fallback: the card is replaced in place when possible */
  async openSubmit(ctx: TurnContext, deps: BotDeps, lang: LocaleLang | undefined): Promise<void> {
    await this.replaceOrSend(ctx, this.form(ctx, deps, lang ?? langFromLocale(ctx.activity.locale)));
    this.log.info({ event: "incidentForm", via: "submit" }, "incident form sent");
  }

  /** a message that sounds like an incident: after the answer, a short card with a button */
  async offer(ctx: TurnContext): Promise<void> {
    await sendCard(ctx, offerCard(langFromLocale(ctx.activity.locale)));
    this.log.info({ event: "incidentOffer" }, "incident report offered");
  }

  async submitInvoke(ctx: TurnContext, deps: BotDeps, s: IncidentSubmit): Promise<AdaptiveCardInvokeResponse> {
    return cardResponse(await this.submit(ctx, deps, s, "execute"));
  }

  async submitMessage(ctx: TurnContext, deps: BotDeps, s: IncidentSubmit): Promise<void> {
    await this.replaceOrSend(ctx, await this.submit(ctx, deps, s, "submit"));
  }

  /** the card to show for a submit: receipt, the form with errors, or why not */
  async submit(ctx: TurnContext, deps: BotDeps, s: IncidentSubmit, via: Via): Promise<AdaptiveCard> {
    const started = performance.now();
    const a = ctx.activity;
    const lang = s.lang ?? langFromLocale(a.locale);
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
      case "invalid":
        // an invoke's answer is shown to the reporter only; a Submit fallback updates the card for
        // everyone in the conversation, so outside a 1:1 chat what was typed is not echoed back
        return formCard({ lang, organisation, timeZone: tz, tools: knownTools(pack), token: String(s.token), values: via === "execute" || personal ? s.inputs : undefined, issues: o.issues, today: todayIn(tz, Date.now()) });
      case "refused":
        return refusedCard(lang, o.reason);
      case "failed":
        return failedCard(lang, facts.contact[lang], o.code);
      case "filed":
      case "queued": {
        const origin: PendingNotice = { reporterObjectId: actor.objectId, conversationId: a.conversation.id, lang, timeZone: tz, organisation };
        if (!o.replay && o.status === "filed") void this.notify(o.incident.reference, notice(o.incident, o.link, origin, false), origin);
        if (!o.replay && o.status === "queued") this.pending.set(o.incident.id, origin);
        return receiptCard({
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
      }
    }
  }

  /** the service's events: a report filed later from the outbox gets its notice now */
  onServiceEvent(e: { event: string; id?: string; reference?: string }): void {
    if (e.event !== "filed-later" || !e.id) return;
    const id = e.id;
    void (async () => {
      const stored = await this.service.get(id).catch(() => undefined);
      if (!stored) return;
      const i = stored.incident;
      const origin: PendingNotice = this.pending.get(id) ?? { reporterObjectId: i.reporter.objectId, lang: "sv", timeZone: "Europe/Stockholm", organisation: safe(() => this.organisationOf(i.policyPack), i.policyPack) };
      this.pending.delete(id);
      await this.notify(i.reference, notice(i, stored.link, origin, true), origin);
    })().catch((err) => this.log.warn({ event: "incidentNotice", status: "failed", err: (err as Error)?.name }, "notice failed"));
  }

  private async notify(reference: string, n: IncidentNotice, origin: NoticeOrigin): Promise<void> {
    const started = performance.now();
    try {
      const results = await this.notifier.notifyIncident(n, origin);
      this.log.info({ event: "incidentNotice", reference, notifier: this.notifier.kind, results, ms: Math.round(performance.now() - started) }, "incident notices");
    } catch (err) {
      this.log.warn({ event: "incidentNotice", reference, status: "failed", err: (err as Error)?.name }, "notice failed");
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
    const m = await withTimeout(TeamsInfo.getMember(ctx, ctx.activity.from.id), 2000);
    return typeof m?.userPrincipalName === "string" && m.userPrincipalName ? m.userPrincipalName : undefined;
  } catch {
    return undefined;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)))]).finally(() => clearTimeout(timer));
}
