// The approvals service: what the Teams card handlers, the scheduler and the CLI call.
//
//   requestForm(pack, user, lang)        -> RequestForm: requestId + token for the card's data,
//                                           the pack's tool options and information kinds
//   submitRequest({token, fields}, requester, pack) -> SubmitOutcome
//       created       {request, approver, recorded, replay}  send the approval card to `approver`
//                                                            with decisionToken(request)
//       noApprover    {request, code, admin?}  kept as pending; `admin` (if configured) is the
//                                              designated approver, `code` says why
//       notApprovable {code, citations}  never approvable: quote the pack's rules, nothing stored
//       notRequired   {reason, summary, citations}  no manager decides (none / another process)
//       invalid       {issues}   refused {reason}   failed {code}
//   decisionToken(request)                -> the token to put in the approval card's data
//   decide({requestId, decision, comment, token}, actor) -> DecideOutcome
//       decided {request, recorded}
//       refused {code: forged | not_approver | superseded | already_decided | expired |
//                unknown_request | unavailable, request?}   (request: to redraw the card)
//       invalid {issues}               (a rejection without a comment...)
//   assign(refOrId, approverObjectId, by) -> reroutes a request (an admin's fix for noApprover)
//   dueReminders(now?)                    -> ReminderAction[]: remind (to the approver),
//                                           escalate (to the admin), expired (to both parties);
//                                           each action is returned to exactly one process
//   get(refOrId), list(query)             -> the working copy / the record
//   recorder                              -> the outbox drainer (start() in the bot)
//
// `requester`/`actor` come from the authenticated activity (from.aadObjectId, name, upn),
// never from card data. Every outcome is plain data for a card; nothing here sends messages.
import { randomUUID } from "node:crypto";
import type { Clock } from "../incidents/clock";
import { referenceFor, normaliseReference } from "../incidents/reference";
import { cleanLine } from "../incidents/sanitize";
import type { LocaleLang } from "../locales";
import type { Citation, PolicyPack } from "../policy/types";
import type { Directory, DirectoryRole } from "../directory/directory";
import { DirectoryError } from "../directory/directory";
import { StateConflictError, StateStoreError, updateState, type StateStore } from "../state/store";
import { infoKindOptions, toolClassOf, toolOptions, type ToolOption } from "./catalog";
import { NS, newDoc, Recorder, type ApprovalDoc, type RecorderOptions } from "./journal";
import { DAY_MS, OPEN_STATUSES, type ApprovalInfoKind, type ApprovalRequest, type Person, type RoutableRole, type RoutingCode, type StoredApproval } from "./model";
import { evaluate, type NotApprovableCode } from "./rules";
import type { ApprovalQuery, ApprovalStore } from "./store";
import { CardTokens } from "./tokens";
import { parseDecision, parseRequestForm, type FieldIssue } from "./validation";

export interface RequestForm {
  /** put both in the card's data; the submit must carry them back */
  requestId: string;
  token: string;
  tools: ToolOption[];
  infoKinds: { id: ApprovalInfoKind; label: string }[];
  /** the pack has a purchase rule: ask whether the tool must be bought */
  askPurchase: boolean;
  /** suggested end of the period (YYYY-MM-DD) */
  defaultValidUntil: string;
}

export type SubmitOutcome =
  | { status: "created"; request: ApprovalRequest; approver: Person; recorded: boolean; replay: boolean }
  | { status: "noApprover"; request: ApprovalRequest; code: RoutingCode; admin?: Person; recorded: boolean; replay: boolean }
  | { status: "notApprovable"; code: NotApprovableCode; citations: Citation[] }
  | { status: "notRequired"; reason: "no-approval" | "other-process"; summary: { sv: string; en: string }; citations: Citation[] }
  | { status: "invalid"; issues: FieldIssue[] }
  | { status: "refused"; reason: "forged" | "not-yours" | "expired" }
  | { status: "failed"; code: string };

export type RefusalCode = "forged" | "not_approver" | "superseded" | "already_decided" | "expired" | "unknown_request" | "unavailable";

export type DecideOutcome =
  | { status: "decided"; request: ApprovalRequest; recorded: boolean }
  | { status: "refused"; code: RefusalCode; request?: ApprovalRequest }
  | { status: "invalid"; issues: FieldIssue[] };

export type ReminderAction =
  | { kind: "remind"; request: ApprovalRequest; to: Person }
  | { kind: "escalate"; request: ApprovalRequest; to: Person }
  | { kind: "expired"; request: ApprovalRequest };

export interface ApprovalTiming {
  /** first reminder after, then again every as many days */
  remindAfterDays: number;
  /** the admin is told after */
  escalateAfterDays: number;
  /** undecided requests expire after */
  expireAfterDays: number;
}

export const DEFAULT_TIMING: ApprovalTiming = { remindAfterDays: 3, escalateAfterDays: 7, expireAfterDays: 30 };

export interface ApprovalServiceOptions {
  state: StateStore;
  store: ApprovalStore;
  directory: Directory;
  clock: Clock;
  /** HMAC key for card tokens, at least 32 bytes, the same in every process */
  secret: Buffer;
  timing?: Partial<ApprovalTiming>;
  recorder?: RecorderOptions;
  /** log hook: ids and codes only */
  onEvent?: (e: { event: string; id?: string; reference?: string; code?: string }) => void;
}

/** a form token is good for as long as a form may sit in a chat */
const FORM_MAX_AGE_MS = 7 * DAY_MS;

export class ApprovalService {
  readonly recorder: Recorder;
  readonly timing: ApprovalTiming;
  private readonly tokens: CardTokens;

  constructor(private readonly o: ApprovalServiceOptions) {
    this.tokens = new CardTokens(o.secret);
    this.timing = { ...DEFAULT_TIMING, ...o.timing };
    if (!(this.timing.remindAfterDays < this.timing.escalateAfterDays && this.timing.escalateAfterDays < this.timing.expireAfterDays)) {
      throw new Error("approval timing: remind < escalate < expire (days)");
    }
    this.recorder = new Recorder(o.state, o.store, o.clock, { onEvent: (e) => this.event(e.event, { id: e.id }, e.code), ...o.recorder });
  }

  requestForm(pack: PolicyPack, user: Pick<Person, "objectId">, lang: LocaleLang = "sv"): RequestForm {
    const now = this.o.clock.now();
    const requestId = randomUUID();
    return {
      requestId,
      token: this.tokens.issue("approval-form", requestId, user.objectId, now),
      tools: toolOptions(pack.facts, lang),
      infoKinds: infoKindOptions(lang),
      askPurchase: pack.facts.approvals.purchase !== undefined,
      defaultValidUntil: new Date(now + 365 * DAY_MS).toISOString().slice(0, 10),
    };
  }

  async submitRequest(input: { token: unknown; fields: unknown }, requester: Person, pack: PolicyPack): Promise<SubmitOutcome> {
    const now = this.o.clock.now();
    const check = this.tokens.verify("approval-form", input.token, now, FORM_MAX_AGE_MS);
    if (!check.ok) return { status: "refused", reason: check.reason };
    if (check.claims.oid !== requester.objectId) return { status: "refused", reason: "not-yours" };
    const id = check.claims.rid;

    let existing;
    try {
      existing = await this.o.state.get<ApprovalDoc>(NS, id);
    } catch (e) {
      return { status: "failed", code: codeOf(e) };
    }
    if (existing) return this.submitted(existing.value, true);

    const parsed = parseRequestForm(input.fields, now);
    if (!parsed.ok) return { status: "invalid", issues: parsed.issues };
    const f = parsed.value;
    const toolClass = toolClassOf(pack.facts, f.toolChoice);
    const toolOpt = toolOptions(pack.facts, "sv").find((t) => t.choice === f.toolChoice)!;
    const verdict = evaluate(pack.facts, { toolClass, toolCitations: toolOpt.citations, infoKinds: f.infoKinds, purchase: f.purchase });
    if (verdict.kind === "notApprovable") {
      this.event("not-approvable", { id }, verdict.code);
      return { status: "notApprovable", code: verdict.code, citations: verdict.citations };
    }
    if (verdict.kind === "notRequired") return { status: "notRequired", reason: verdict.reason, summary: verdict.summary, citations: verdict.citations };

    const who = clean(requester);
    const routed = await this.route(verdict.rule.role, who);
    const request: ApprovalRequest = {
      id,
      reference: referenceFor("APR", id, new Date(now)),
      policyPack: pack.id,
      requester: who,
      tool: { choice: f.toolChoice, name: f.toolName ?? toolOpt.label, class: toolClass },
      purpose: f.purpose,
      infoKinds: f.infoKinds,
      purchase: f.purchase,
      validFrom: f.validFrom ?? new Date(now).toISOString(),
      validUntil: f.validUntil,
      requestedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.timing.expireAfterDays * DAY_MS).toISOString(),
      rule: verdict.rule,
      alsoRequired: verdict.alsoRequired,
      status: "pending",
      revision: 1,
    };
    if ("approver" in routed) request.approver = { ...routed.approver, slot: verdict.rule.role };
    else {
      request.routingCode = routed.code;
      if (routed.admin) request.approver = { ...routed.admin, slot: "admin" };
    }
    try {
      await this.o.state.create(NS, id, newDoc(request, now));
    } catch (e) {
      // a second submit of the same card got there first: answer as it did
      if (e instanceof StateConflictError) {
        const again = await this.o.state.get<ApprovalDoc>(NS, id).catch(() => undefined);
        if (again) return this.submitted(again.value, true);
      }
      return { status: "failed", code: codeOf(e) };
    }
    this.event(request.routingCode ? "no-approver" : "requested", request, request.routingCode);
    const rec = await this.recorder.recordNow(id).catch(() => ({ recorded: false as const }));
    return this.submitted({ request, sync: newDoc(request, now).sync }, false, rec.recorded);
  }

  /** the token for the approval card sent to request.approver */
  decisionToken(request: ApprovalRequest): string {
    if (!request.approver) throw new Error(`${request.reference} has no approver`);
    return this.tokens.issue("approval-decision", request.id, request.approver.objectId, this.o.clock.now());
  }

  async decide(input: unknown, actor: Person): Promise<DecideOutcome> {
    const parsed = parseDecision(input);
    if (!parsed.ok) {
      // a card without a well-formed id or token is not ours to explain field by field
      if (parsed.issues.some((i) => i.field === "requestId" || i.field === "token")) return this.refuse("forged");
      return { status: "invalid", issues: parsed.issues };
    }
    const { requestId, decision, comment, token } = parsed.value;
    const now = this.o.clock.now();
    const check = this.tokens.verify("approval-decision", token, now, (this.timing.expireAfterDays + 1) * DAY_MS);
    if (!check.ok) return this.refuse(check.reason === "expired" ? "expired" : "forged");
    // the card's id was changed: the token names another request
    if (check.claims.rid !== requestId) return this.refuse("forged");
    if (check.claims.oid !== actor.objectId) return this.refuse("not_approver", undefined, requestId);

    let refusal: { code: RefusalCode; request: ApprovalRequest } | undefined;
    let result;
    try {
      result = await updateState<ApprovalDoc>(this.o.state, NS, requestId, (doc) => {
        refusal = undefined;
        if (!doc) return undefined;
        const r = doc.request;
        if (r.status === "expired") return void (refusal = { code: "expired", request: r });
        if (!OPEN_STATUSES.includes(r.status)) return void (refusal = { code: "already_decided", request: r });
        if (!r.approver || r.approver.objectId !== check.claims.oid) return void (refusal = { code: "superseded", request: r });
        if (now >= Date.parse(r.expiresAt)) {
          const expired: ApprovalRequest = { ...r, status: "expired", revision: r.revision + 1 };
          refusal = { code: "expired", request: expired };
          return { ...doc, request: expired };
        }
        const next: ApprovalRequest = {
          ...r,
          status: decision === "approve" ? "approved" : "rejected",
          decision: { outcome: decision === "approve" ? "approved" : "rejected", by: clean(actor), as: r.approver.slot, at: new Date(now).toISOString(), ...(comment ? { comment } : {}) },
          revision: r.revision + 1,
        };
        return { ...doc, request: next };
      });
    } catch (e) {
      this.event("decide-failed", { id: requestId }, codeOf(e));
      return this.refuse("unavailable");
    }
    if (!result.value) {
      // not in the working set (pruned long after its decision, or never made): the record knows
      const stored = await this.o.store.get(requestId).catch(() => undefined);
      if (stored && !OPEN_STATUSES.includes(stored.request.status)) return this.refuse("already_decided", stored.request, requestId);
      return this.refuse("unknown_request", undefined, requestId);
    }
    if (refusal) {
      if (result.written) await this.recorder.recordNow(requestId).catch(() => undefined);
      return this.refuse(refusal.code, refusal.request, requestId);
    }
    const request = result.value.request;
    this.event(request.status, request);
    const rec = await this.recorder.recordNow(requestId).catch(() => ({ recorded: false as const }));
    return { status: "decided", request, recorded: rec.recorded };
  }

  /** reroutes an open request to another approver (an admin fixing a noApprover request) */
  async assign(refOrId: string, approverObjectId: string, slot: RoutableRole | "admin"): Promise<{ ok: true; request: ApprovalRequest } | { ok: false; code: "unknown_request" | "unknown_user" | "already_decided" | "self_approval" }> {
    const id = await this.resolveId(refOrId);
    if (!id) return { ok: false, code: "unknown_request" };
    const person = await this.o.directory.user(approverObjectId);
    if (!person) return { ok: false, code: "unknown_user" };
    let code: "already_decided" | "self_approval" | undefined;
    const r = await updateState<ApprovalDoc>(this.o.state, NS, id, (doc) => {
      code = undefined;
      if (!doc) return undefined;
      if (!OPEN_STATUSES.includes(doc.request.status)) return void (code = "already_decided");
      if (doc.request.requester.objectId === person.objectId) return void (code = "self_approval");
      const { routingCode: _drop, ...rest } = doc.request;
      void _drop;
      return { ...doc, request: { ...rest, approver: { ...person, slot }, revision: doc.request.revision + 1 } };
    });
    if (!r.value) return { ok: false, code: "unknown_request" };
    if (code) return { ok: false, code };
    await this.recorder.recordNow(id).catch(() => undefined);
    this.event("assigned", r.value.request);
    return { ok: true, request: r.value.request };
  }

  /**
   * what is due at `now`: expiry first, then escalation to the admin, then a reminder to
   * the approver (every remindAfterDays). Each change is a compare-and-swap on the
   * request's document, so with several processes each action comes out of exactly one.
   */
  async dueReminders(now = this.o.clock.now()): Promise<ReminderAction[]> {
    const actions: ReminderAction[] = [];
    const admin = await this.o.directory.roleHolder("admin").catch(() => undefined);
    for (const key of await this.o.state.keys(NS)) {
      let action: ReminderAction | undefined;
      const r = await updateState<ApprovalDoc>(this.o.state, NS, key, (doc) => {
        action = undefined;
        if (!doc || !OPEN_STATUSES.includes(doc.request.status)) return undefined;
        const req = doc.request;
        const since = now - Date.parse(req.requestedAt);
        let next: ApprovalRequest | undefined;
        if (now >= Date.parse(req.expiresAt)) {
          next = { ...req, status: "expired", revision: req.revision + 1 };
          action = { kind: "expired", request: next };
        } else if (req.status === "pending" && !req.escalatedAt && admin && req.approver?.slot !== "admin" && since >= this.timing.escalateAfterDays * DAY_MS) {
          next = { ...req, status: "escalated", escalatedAt: new Date(now).toISOString(), escalatedTo: admin, revision: req.revision + 1 };
          action = { kind: "escalate", request: next, to: admin };
        } else if (req.approver && now - Date.parse(req.remindedAt ?? req.requestedAt) >= this.timing.remindAfterDays * DAY_MS) {
          next = { ...req, remindedAt: new Date(now).toISOString(), revision: req.revision + 1 };
          action = { kind: "remind", request: next, to: req.approver };
        }
        return next ? { ...doc, request: next } : undefined;
      });
      if (r.written && action) {
        actions.push(action);
        this.event(action.kind, action.request);
        await this.recorder.recordNow(key).catch(() => undefined);
      }
    }
    return actions;
  }

  /** the working copy when the request is still in the state store, else the record */
  async get(refOrId: string): Promise<StoredApproval | undefined> {
    const id = await this.resolveId(refOrId);
    if (id) {
      const d = await this.o.state.get<ApprovalDoc>(NS, id);
      if (d) return { request: d.value.request, link: d.value.sync.link, itemId: d.value.sync.itemId };
    }
    return this.o.store.get(refOrId);
  }

  list(q?: ApprovalQuery): Promise<StoredApproval[]> {
    return this.o.store.list(q);
  }

  private async resolveId(refOrId: string): Promise<string | undefined> {
    const s = refOrId.trim();
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) return s.toLowerCase();
    if (!normaliseReference(s)) return undefined;
    return (await this.o.store.get(s).catch(() => undefined))?.request.id ?? (await this.findInState(s));
  }

  /** a reference not yet in the record (it is being recorded): look through the working set */
  private async findInState(ref: string): Promise<string | undefined> {
    const want = normaliseReference(ref);
    for (const key of await this.o.state.keys(NS)) {
      const d = await this.o.state.get<ApprovalDoc>(NS, key);
      if (d?.value.request.reference === want) return key;
    }
    return undefined;
  }

  private async route(role: RoutableRole, requester: Person): Promise<{ approver: Person } | { code: RoutingCode; admin?: Person }> {
    const d = this.o.directory;
    const admin = () => d.roleHolder("admin").catch(() => undefined);
    let found: Person | undefined;
    try {
      found = role === "nearest-manager" || role === "responsible-manager" ? await d.manager(requester.objectId) : await d.roleHolder(role as DirectoryRole);
    } catch (e) {
      this.event("directory-failed", undefined, e instanceof DirectoryError ? e.code : codeOf(e));
      return { code: "directory_unavailable", admin: await admin() };
    }
    if (!found) return { code: role === "head-of-operations" || role === "ceo" ? "no_role_holder" : "no_manager", admin: await admin() };
    if (found.objectId === requester.objectId) return { code: "self_approval", admin: await admin() };
    return { approver: found };
  }

  private submitted(doc: ApprovalDoc, replay: boolean, recorded = doc.sync.recorded >= doc.request.revision): SubmitOutcome {
    const r = doc.request;
    if (r.routingCode || !r.approver) {
      const admin = r.approver?.slot === "admin" ? strip(r.approver) : undefined;
      return { status: "noApprover", request: r, code: r.routingCode ?? "no_manager", ...(admin ? { admin } : {}), recorded, replay };
    }
    return { status: "created", request: r, approver: strip(r.approver), recorded, replay };
  }

  private refuse(code: RefusalCode, request?: ApprovalRequest, id?: string): DecideOutcome {
    this.event("refused", { id: id ?? request?.id }, code);
    return request ? { status: "refused", code, request } : { status: "refused", code };
  }

  private event(event: string, r?: { id?: string; reference?: string }, code?: string): void {
    this.o.onEvent?.({ event, id: r?.id, reference: r?.reference, code });
  }
}

function strip(p: Person & { slot?: unknown }): Person {
  const out: Person = { objectId: p.objectId, name: p.name };
  if (p.upn) out.upn = p.upn;
  return out;
}

function clean(p: Person): Person {
  const out: Person = { objectId: cleanLine(p.objectId).slice(0, 64), name: cleanLine(p.name).slice(0, 255) || "(unknown)" };
  if (p.upn) out.upn = cleanLine(p.upn).slice(0, 255);
  return out;
}

function codeOf(e: unknown): string {
  if (e instanceof StateStoreError) return e.code;
  return e instanceof Error ? e.name : "error";
}
