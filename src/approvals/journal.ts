// The working copy of every request lives in the state store (namespace "approvals"),
// one document per request with an ETag: decisions, reminders and escalations are
// compare-and-swap writes on it, so two bot processes never both decide, remind or
// escalate. The document is also the outbox: `sync` says which revision the
// ApprovalStore (SQLite / SharePoint) has; the Recorder brings the store up to date,
// one process at a time per request (a lease in the same document).
import { randomUUID } from "node:crypto";
import type { Clock } from "../incidents/clock";
import { nextDelay } from "../incidents/outbox";
import { StateStoreError, updateState, type StateStore } from "../state/store";
import type { ApprovalRequest, StoredApproval } from "./model";
import { ApprovalStoreError, type ApprovalStore } from "./store";

export const NS = "approvals";
/** how long one process owns the recording of a request */
export const LEASE_MS = 2 * 60_000;

export interface SyncState {
  /** the highest revision the ApprovalStore has */
  recorded: number;
  attempts: number;
  /** epoch ms of the next attempt by the drainer */
  nextAttemptAt: number;
  /** an attempt failed in a way that may have written: look up before creating */
  mayExist: boolean;
  leaseId?: string;
  leaseUntil?: number;
  lastError?: string;
  link?: string;
  itemId?: string;
}

export interface ApprovalDoc {
  request: ApprovalRequest;
  sync: SyncState;
}

export function newDoc(request: ApprovalRequest, now: number): ApprovalDoc {
  return { request, sync: { recorded: 0, attempts: 0, nextAttemptAt: now, mayExist: false } };
}

export type RecordResult = { recorded: true; stored: StoredApproval } | { recorded: false; reason: "busy" | "unreachable" | "rejected" | "gone"; code?: string };

export interface RecorderOptions {
  intervalMs?: number;
  maxBackoffMs?: number;
  /** decided, recorded documents are removed from the state store after this; default 30 days */
  keepDecidedMs?: number;
  onError?: (e: unknown) => void;
  onEvent?: (e: { event: string; id: string; code?: string }) => void;
}

export class Recorder {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<{ recorded: number; failed: number; remaining: number }> | undefined;

  constructor(
    private readonly state: StateStore,
    private readonly store: ApprovalStore,
    private readonly clock: Clock,
    private readonly o: RecorderOptions = {},
  ) {}

  start(): void {
    if (this.timer) return;
    const run = () => void this.drainOnce().catch((e) => this.o.onError?.(e));
    run();
    this.timer = setInterval(run, this.o.intervalMs ?? 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** records the request's latest revision now (a person is waiting); "busy" when another process is at it */
  async recordNow(id: string): Promise<RecordResult> {
    const leaseId = await this.claim(id, true);
    if (!leaseId) {
      const doc = await this.state.get<ApprovalDoc>(NS, id);
      if (!doc) return { recorded: false, reason: "gone" };
      if (doc.value.sync.recorded >= doc.value.request.revision) return { recorded: true, stored: { request: doc.value.request, link: doc.value.sync.link, itemId: doc.value.sync.itemId } };
      return { recorded: false, reason: "busy" };
    }
    return this.run(id, leaseId);
  }

  /** one pass over requests whose record is behind and due; concurrent calls share the pass */
  drainOnce(opts: { all?: boolean } = {}): Promise<{ recorded: number; failed: number; remaining: number }> {
    this.running ??= this.pass(opts.all === true).finally(() => (this.running = undefined));
    return this.running;
  }

  /** documents whose record is behind (for the CLI and tests) */
  async behind(): Promise<ApprovalDoc[]> {
    const out: ApprovalDoc[] = [];
    for (const key of await this.state.keys(NS)) {
      const d = await this.state.get<ApprovalDoc>(NS, key);
      if (d && d.value.sync.recorded < d.value.request.revision) out.push(d.value);
    }
    return out;
  }

  private async pass(all: boolean): Promise<{ recorded: number; failed: number; remaining: number }> {
    let recorded = 0;
    let failed = 0;
    let remaining = 0;
    let storeDown = false;
    for (const key of await this.state.keys(NS)) {
      const d = await this.state.get<ApprovalDoc>(NS, key);
      if (!d) continue;
      const { request, sync } = d.value;
      if (sync.recorded >= request.revision) {
        await this.prune(key, d.value, d.etag);
        continue;
      }
      if (storeDown) {
        remaining++;
        continue;
      }
      const leaseId = await this.claim(key, all);
      if (!leaseId) {
        remaining++;
        continue;
      }
      const r = await this.run(key, leaseId);
      if (r.recorded) recorded++;
      else {
        failed++;
        remaining++;
        // the store is down: the rest would fail the same way; next pass
        if (r.reason === "unreachable") storeDown = true;
      }
    }
    return { recorded, failed, remaining };
  }

  private async prune(key: string, doc: ApprovalDoc, etag: string): Promise<void> {
    const keep = this.o.keepDecidedMs ?? 30 * 24 * 3600_000;
    const at = doc.request.decision?.at ?? (doc.request.status === "expired" ? doc.request.expiresAt : undefined);
    if (at && this.clock.now() - Date.parse(at) > keep) await this.state.delete(NS, key, etag);
  }

  /** takes the lease when the record is behind, nobody else holds it, and (unless forced) it is due */
  private async claim(id: string, force: boolean): Promise<string | undefined> {
    const leaseId = randomUUID();
    const now = this.clock.now();
    const r = await updateState<ApprovalDoc>(this.state, NS, id, (doc) => {
      if (!doc || doc.sync.recorded >= doc.request.revision) return undefined;
      if (doc.sync.leaseId && (doc.sync.leaseUntil ?? 0) > now) return undefined;
      if (!force && doc.sync.nextAttemptAt > now) return undefined;
      // a lease never released is an attempt that never reported back (a crash): it may have written
      const mayExist = doc.sync.mayExist || doc.sync.leaseId !== undefined;
      return { ...doc, sync: { ...doc.sync, mayExist, leaseId, leaseUntil: now + LEASE_MS } };
    });
    return r.written ? leaseId : undefined;
  }

  private async run(id: string, leaseId: string): Promise<RecordResult> {
    for (;;) {
      const cur = await this.state.get<ApprovalDoc>(NS, id);
      if (!cur || cur.value.sync.leaseId !== leaseId) return { recorded: false, reason: cur ? "busy" : "gone" };
      const { request, sync } = cur.value;
      if (sync.recorded >= request.revision) {
        await this.mine(id, leaseId, (d) => ({ ...d, sync: { ...d.sync, leaseId: undefined, leaseUntil: undefined } }));
        return { recorded: true, stored: { request, link: sync.link, itemId: sync.itemId } };
      }
      let stored: StoredApproval;
      try {
        stored = await this.store.record(request, { mayExist: sync.mayExist, itemId: sync.itemId });
      } catch (e) {
        const se = e instanceof ApprovalStoreError ? e : undefined;
        const attempts = sync.attempts + 1;
        const delay = nextDelay(attempts, this.o.maxBackoffMs ?? 15 * 60_000, se?.retryAfterMs);
        const code = se?.code ?? (e instanceof Error ? e.name : "error");
        await this.mine(id, leaseId, (d) => ({
          ...d,
          sync: { ...d.sync, attempts, mayExist: d.sync.mayExist || (se?.ambiguous ?? true), nextAttemptAt: this.clock.now() + delay, lastError: `${code}: ${(e as Error).message ?? ""}`.slice(0, 300), leaseId: undefined, leaseUntil: undefined },
        }));
        this.o.onEvent?.({ event: "record-failed", id, code });
        return { recorded: false, reason: se && !se.retryable ? "rejected" : "unreachable", code };
      }
      const ok = await this.mine(id, leaseId, (d) => ({
        ...d,
        sync: { ...d.sync, recorded: Math.max(d.sync.recorded, request.revision), attempts: 0, mayExist: false, lastError: undefined, itemId: stored.itemId ?? d.sync.itemId, link: stored.link ?? d.sync.link },
      }));
      if (!ok) return { recorded: false, reason: "busy" };
      this.o.onEvent?.({ event: "recorded", id });
      // loop: a newer revision may have been written while we were recording
    }
  }

  /** changes the document only while this lease is still ours */
  private async mine(id: string, leaseId: string, fn: (d: ApprovalDoc) => ApprovalDoc): Promise<boolean> {
    try {
      const r = await updateState<ApprovalDoc>(this.state, NS, id, (d) => (d && d.sync.leaseId === leaseId ? strip(fn(d)) : undefined));
      return r.written;
    } catch (e) {
      if (e instanceof StateStoreError) this.o.onError?.(e);
      return false;
    }
  }
}

/** JSON has no undefined: drop the keys so documents compare and print cleanly */
function strip(d: ApprovalDoc): ApprovalDoc {
  const sync = Object.fromEntries(Object.entries(d.sync).filter(([, v]) => v !== undefined)) as unknown as SyncState;
  return { ...d, sync };
}
