// The outbox: every report is written here first (a local, durable journal), then
// filed to the store. What could not be filed stays, and the drainer files it later:
// on a timer and at start-up. Filed entries keep only id, reference and link, so a
// re-submitted card is answered without a second write, and the text is not kept twice.
import type { Clock } from "./clock";
import type { Incident, StoredIncident } from "./model";
import { IncidentStoreError, type IncidentStore } from "./store";

export type OutboxState = "pending" | "filed";

export interface OutboxEntry {
  id: string;
  reference: string;
  state: OutboxState;
  /** the report; undefined once filed (the store has it) */
  incident?: Incident;
  attempts: number;
  /** epoch ms of the next attempt */
  nextAttemptAt: number;
  /** an attempt failed in a way that may have filed it: look up before creating */
  mayExist: boolean;
  lastError?: string;
  link?: string;
  createdAt: number;
}

export interface Outbox {
  /**
   * stores a pending entry, claimed until `leaseUntil` by the caller's own first attempt;
   * "exists" (and nothing written) when the id is already there
   */
  put(incident: Incident, now: number, leaseUntil: number): Promise<"added" | "exists">;
  get(id: string): Promise<OutboxEntry | undefined>;
  /**
   * pending entries due by `dueBy`, claimed until `leaseUntil` so a second process
   * over the same file does not file them at the same time. Claiming (like put) records
   * that an attempt is in flight: if it never reports back (a crash), the next attempt
   * treats the record as possibly created. The entries returned carry the state from
   * before the claim.
   */
  claimDue(dueBy: number, limit: number, leaseUntil: number): Promise<OutboxEntry[]>;
  markFiled(id: string, link: string | undefined, now: number): Promise<void>;
  /** counts an attempt; the entry is due again at nextAttemptAt */
  markFailed(id: string, error: string, mayExist: boolean, nextAttemptAt: number): Promise<void>;
  /** gives a claimed entry back without counting an attempt (mayExist as it was before the claim) */
  release(id: string, nextAttemptAt: number, mayExist: boolean): Promise<void>;
  pendingCount(): Promise<number>;
  pending(limit?: number): Promise<OutboxEntry[]>;
  /** forgets filed entries older than `before` */
  prune(before: number): Promise<number>;
}

export interface DrainResult {
  filed: number;
  failed: number;
  remaining: number;
}

/** how long an attempt owns an entry before another may take it over */
export const LEASE_MS = 5 * 60_000;

export interface DrainerOptions {
  /** how often to look for due entries; default 60 s */
  intervalMs?: number;
  /** per drain run */
  batch?: number;
  /** backoff cap between attempts of one entry; default 15 min */
  maxBackoffMs?: number;
  /** filed entries are forgotten after; default 30 days */
  keepFiledMs?: number;
  /** how long a pass owns the entries it claimed; default LEASE_MS */
  leaseMs?: number;
  onFiled?: (s: StoredIncident) => void;
  onError?: (e: unknown) => void;
}

/** exponential backoff from 30 s, honouring a server's Retry-After when longer */
export function nextDelay(attempts: number, maxMs: number, retryAfterMs?: number): number {
  const exp = Math.min(maxMs, 30_000 * 2 ** Math.max(0, attempts - 1));
  return Math.max(exp, retryAfterMs ?? 0);
}

export class OutboxDrainer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DrainResult> | undefined;
  private readonly opts: Required<Omit<DrainerOptions, "onFiled" | "onError">> & Pick<DrainerOptions, "onFiled" | "onError">;

  constructor(
    private readonly outbox: Outbox,
    private readonly store: IncidentStore,
    private readonly clock: Clock,
    opts: DrainerOptions = {},
  ) {
    this.opts = { intervalMs: 60_000, batch: 20, maxBackoffMs: 15 * 60_000, keepFiledMs: 30 * 24 * 3600_000, leaseMs: LEASE_MS, ...opts };
  }

  /** drains once now (start-up), then on the interval; the timer does not hold the process open */
  start(): void {
    if (this.timer) return;
    void this.drainOnce().catch((e) => this.opts.onError?.(e));
    this.timer = setInterval(() => void this.drainOnce().catch((e) => this.opts.onError?.(e)), this.opts.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * one pass over the due entries; concurrent calls share the pass in flight.
   * `all`: every pending entry, due or not (an admin's explicit `incidents drain`).
   */
  drainOnce(opts: { all?: boolean } = {}): Promise<DrainResult> {
    this.running ??= this.pass(opts.all === true).finally(() => (this.running = undefined));
    return this.running;
  }

  /** files one entry now (the service's first attempt uses the same path) */
  async fileEntry(entry: OutboxEntry): Promise<StoredIncident> {
    if (!entry.incident) throw new Error(`outbox entry ${entry.id} has no report`);
    try {
      const stored = await this.store.file(entry.incident, { mayExist: entry.mayExist });
      await this.outbox.markFiled(entry.id, stored.link, this.clock.now());
      return stored;
    } catch (e) {
      const se = e instanceof IncidentStoreError ? e : undefined;
      const attempts = entry.attempts + 1;
      const mayExist = entry.mayExist || (se?.ambiguous ?? true);
      const delay = nextDelay(attempts, this.opts.maxBackoffMs, se?.retryAfterMs);
      await this.outbox.markFailed(entry.id, describe(e), mayExist, this.clock.now() + delay);
      throw e;
    }
  }

  private async pass(all: boolean): Promise<DrainResult> {
    const now = this.clock.now();
    await this.outbox.prune(now - this.opts.keepFiledMs);
    const due = await this.outbox.claimDue(all ? Number.MAX_SAFE_INTEGER : now, this.opts.batch, now + this.opts.leaseMs);
    let filed = 0;
    let failed = 0;
    for (const entry of due) {
      try {
        // onFiled: filed by a pass, later than the reporter's own attempt (which reports its outcome itself)
        this.opts.onFiled?.(await this.fileEntry(entry));
        filed++;
      } catch (e) {
        failed++;
        // the store is down: the rest will fail the same way; try them next time
        if (e instanceof IncidentStoreError && e.retryable) {
          for (const rest of due.slice(due.indexOf(entry) + 1)) await this.outbox.release(rest.id, this.clock.now(), rest.mayExist);
          break;
        }
      }
    }
    return { filed, failed, remaining: await this.outbox.pendingCount() };
  }
}

function describe(e: unknown): string {
  if (e instanceof IncidentStoreError) return `${e.code}: ${e.message}`.slice(0, 500);
  return (e instanceof Error ? e.message : String(e)).slice(0, 500);
}
