// The incident service: what the bot's card handler and the CLI call. It validates,
// builds the record, writes it to the outbox (durable) and files it to the store,
// and answers with the truth: filed, or saved and filed later, or why not.
import type { Clock } from "./clock";
import { FormTokens } from "./form-token";
import { imyDeadline, isPersonalData, type Incident, type IncidentFields, type IncidentStatus, type Reporter, type StoredIncident } from "./model";
import { LEASE_MS, OutboxDrainer, type Outbox } from "./outbox";
import { referenceFor } from "./reference";
import { cleanLine } from "./sanitize";
import { IncidentStoreError, type IncidentQuery, type IncidentStore } from "./store";
import { parseIncidentForm, type FieldIssue } from "./validation";

export type SubmitOutcome =
  /** in the store now; `replay` when this card was submitted before */
  | { status: "filed"; incident: Incident; link?: string; replay: boolean }
  /**
   * saved locally (durable), filed later by the drainer. reason "unreachable": the store
   * is down or throttling, filing is automatic when it returns; "rejected": the store
   * refused the record (e.g. the list's columns changed), an admin must act (it is retried too).
   */
  | { status: "queued"; incident: Incident; replay: boolean; reason: "unreachable" | "rejected" }
  /** the form has errors: show them next to the fields, keep what was typed */
  | { status: "invalid"; issues: FieldIssue[] }
  /** a token that is not this user's, was altered, or is too old */
  | { status: "refused"; reason: "forged" | "not-yours" | "expired" }
  /** not even saved locally: the user must report another way (tell them so) */
  | { status: "failed"; code: string };

export interface SubmitRequest {
  /** the token from newForm(), carried in the card's data */
  token: unknown;
  /** the card's inputs, as submitted (untrusted) */
  fields: unknown;
}

export interface IncidentServiceOptions {
  store: IncidentStore;
  /** durable journal; omit when the store is itself local (SQLite) */
  outbox?: Outbox;
  clock: Clock;
  /** HMAC key for form tokens, at least 32 bytes, stable across restarts and shared by instances (or how to get it) */
  formSecret: Buffer | (() => Promise<Buffer>);
  drainer?: ConstructorParameters<typeof OutboxDrainer>[3];
  /** log hook: ids, codes and timings only */
  onEvent?: (e: { event: string; id?: string; reference?: string; code?: string }) => void;
}

export class IncidentService {
  readonly drainer: OutboxDrainer | undefined;
  private tokensReady: Promise<FormTokens> | undefined;

  constructor(private readonly o: IncidentServiceOptions) {
    this.drainer = o.outbox ? new OutboxDrainer(o.outbox, o.store, o.clock, { ...o.drainer, onFiled: (s) => this.event("filed-later", s.incident) }) : undefined;
  }

  /** a new report form for this user: put reportId and token in the card's data */
  async newForm(actor: Pick<Reporter, "objectId">): Promise<{ reportId: string; token: string }> {
    return (await this.tokens()).issue(actor.objectId, this.o.clock.now());
  }

  /** the form-token key, read once (from the shared state store when instances share it); retried after a failure */
  private tokens(): Promise<FormTokens> {
    const s = this.o.formSecret;
    this.tokensReady ??= (Buffer.isBuffer(s) ? Promise.resolve(s) : s()).then(
      (key) => new FormTokens(key),
      (e) => {
        this.tokensReady = undefined;
        throw e;
      },
    );
    return this.tokensReady;
  }

  /** the card's submit. `actor` comes from the authenticated activity, never from card data. */
  async submit(req: SubmitRequest, actor: Reporter, ctx: { policyPack: string }): Promise<SubmitOutcome> {
    const now = this.o.clock.now();
    const check = (await this.tokens()).verify(req.token, actor.objectId, now);
    if (!check.ok) {
      this.event("refused", undefined, check.reason);
      return { status: "refused", reason: check.reason };
    }
    const id = check.claims.reportId;

    const replay = await this.replayOf(id);
    if (replay) return replay;

    const parsed = parseIncidentForm(req.fields, now);
    if (!parsed.ok) return { status: "invalid", issues: parsed.issues };

    const incident = this.build(id, parsed.value, actor, ctx.policyPack, now);
    return this.fileNew(incident);
  }

  /** files an already-built incident (imports, tests); idempotent on incident.id */
  async fileNew(incident: Incident): Promise<SubmitOutcome> {
    const { outbox, store } = this.o;
    if (!outbox || !this.drainer) {
      try {
        const s = await store.file(incident);
        this.event("filed", incident);
        return { status: "filed", incident: s.incident, link: s.link, replay: false };
      } catch (e) {
        this.event("failed", incident, codeOf(e));
        return { status: "failed", code: codeOf(e) };
      }
    }
    let fresh: boolean;
    try {
      const now = this.o.clock.now();
      fresh = (await outbox.put(incident, now, now + (this.o.drainer?.leaseMs ?? LEASE_MS))) === "added";
      if (!fresh) {
        const r = await this.replayOf(incident.id);
        if (r) return r;
      }
    } catch (e) {
      // the journal is the safety net; without it, try the store directly once (it may have an earlier submit's item)
      this.event("outbox-failed", incident, codeOf(e));
      try {
        const s = await store.file(incident, { mayExist: true });
        return { status: "filed", incident: s.incident, link: s.link, replay: false };
      } catch (e2) {
        return { status: "failed", code: codeOf(e2) };
      }
    }
    const entry = await outbox.get(incident.id).catch(() => undefined);
    if (!entry) return { status: "failed", code: "outbox_lost" };
    try {
      // the first attempt on an entry just written: nothing can have filed it yet
      const s = await this.drainer.fileEntry(fresh ? { ...entry, mayExist: false } : entry);
      this.event("filed", incident);
      return { status: "filed", incident: s.incident, link: s.link, replay: false };
    } catch (e) {
      const rejected = e instanceof IncidentStoreError && !e.retryable;
      this.event(rejected ? "rejected" : "queued", incident, codeOf(e));
      return { status: "queued", incident, replay: false, reason: rejected ? "rejected" : "unreachable" };
    }
  }

  get(refOrId: string): Promise<StoredIncident | undefined> {
    return this.o.store.get(refOrId);
  }

  list(q?: IncidentQuery): Promise<StoredIncident[]> {
    return this.o.store.list(q);
  }

  setStatus(refOrId: string, status: IncidentStatus, by: string): Promise<StoredIncident | undefined> {
    return this.o.store.setStatus(refOrId, status, cleanLine(by).slice(0, 255), new Date(this.o.clock.now()).toISOString());
  }

  /** reports saved but not yet filed (shown by the CLI) */
  async pending(): Promise<{ id: string; reference: string; attempts: number; lastError?: string; nextAttemptAt: number }[]> {
    return ((await this.o.outbox?.pending()) ?? []).map(({ id, reference, attempts, lastError, nextAttemptAt }) => ({ id, reference, attempts, lastError, nextAttemptAt }));
  }

  private async replayOf(id: string): Promise<SubmitOutcome | undefined> {
    const { outbox, store } = this.o;
    // the journal cannot be read (the shared store is down): the store says whether it was filed
    const e = outbox ? await outbox.get(id).catch(() => null) : null;
    if (outbox && e !== null) {
      if (!e) return undefined;
      if (e.state === "pending" && e.incident) return { status: "queued", incident: e.incident, replay: true, reason: "unreachable" };
      const s = await store.get(id).catch(() => undefined);
      if (s) return { status: "filed", incident: s.incident, link: s.link ?? e.link, replay: true };
      // filed, but the store cannot be read right now: the journal has no text any more
      return { status: "filed", incident: { id, reference: e.reference } as Incident, link: e.link, replay: true };
    }
    const s = await store.get(id).catch(() => undefined);
    return s ? { status: "filed", incident: s.incident, link: s.link, replay: true } : undefined;
  }

  private build(id: string, f: IncidentFields, actor: Reporter, policyPack: string, now: number): Incident {
    const personalData = isPersonalData(f.infoKinds);
    const reporter: Reporter = { objectId: cleanLine(actor.objectId).slice(0, 64), name: cleanLine(actor.name).slice(0, 255) || "(unknown)" };
    if (actor.upn) reporter.upn = cleanLine(actor.upn).slice(0, 255);
    const incident: Incident = {
      ...f,
      id,
      reference: referenceFor("INC", id, new Date(now)),
      reporter,
      reportedAt: new Date(now).toISOString(),
      personalData,
      status: "new",
      policyPack,
    };
    if (personalData) incident.imyDeadline = imyDeadline(f.discoveredAt);
    return incident;
  }

  private event(event: string, i?: Pick<Incident, "id" | "reference">, code?: string): void {
    this.o.onEvent?.({ event, id: i?.id, reference: i?.reference, code });
  }
}

function codeOf(e: unknown): string {
  if (e instanceof IncidentStoreError) return e.code;
  return e instanceof Error ? e.name : "error";
}
