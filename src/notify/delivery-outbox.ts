// The delivery outbox: proactive messages (incident notices, approval cards) are written
// here before they are sent, so a crash between "decided to send" and "sent" delays them
// and never loses them. Like the incident outbox: a durable journal, claimed with a lease,
// retried with backoff, and given up (and counted, for the admin) after a ceiling.
// Entries carry ids and routing only (who, which conversation, which language), never text.

export type DeliveryKind = "incident-notice" | "approval-card";

export interface DeliveryEntry {
  /** one entry per thing to deliver: "<kind>:<id>"; a second put of the same id is a no-op */
  id: string;
  kind: DeliveryKind;
  /** routing data for the handler (JSON-safe, no user text) */
  payload: Record<string, unknown>;
  state: "pending" | "done" | "failed";
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  createdAt: number;
}

export interface DeliveryOutbox {
  /** adds a pending entry claimed by the caller until `leaseUntil`; "exists" when the id is there */
  put(e: { id: string; kind: DeliveryKind; payload: Record<string, unknown> }, now: number, leaseUntil: number): Promise<"added" | "exists">;
  get(id: string): Promise<DeliveryEntry | undefined>;
  /** pending entries due by `dueBy`, claimed until `leaseUntil` */
  claimDue(dueBy: number, limit: number, leaseUntil: number): Promise<DeliveryEntry[]>;
  /** claims one pending entry now, whatever its due time ("filed-later" kicks a waiting notice) */
  claim(id: string, leaseUntil: number): Promise<DeliveryEntry | undefined>;
  /** the payload may change between attempts (e.g. which targets were already reached) */
  markDone(id: string, now: number): Promise<void>;
  markRetry(id: string, code: string, nextAttemptAt: number, payload?: Record<string, unknown>, countAttempt?: boolean): Promise<void>;
  markFailed(id: string, code: string, now: number): Promise<void>;
  counts(): Promise<{ pending: number; failed: number }>;
  /** forgets done and failed entries older than `before` */
  prune(before: number): Promise<number>;
}

/** what a handler says of one attempt */
export type DeliveryResult =
  | { status: "done" }
  /** not deliverable yet or a passing failure: try again later (payload: progress so far) */
  | { status: "retry"; code: string; payload?: Record<string, unknown>; afterMs?: number; countAttempt?: boolean }
  /** will never work (the chat is gone, nobody to send to): stop, and count it */
  | { status: "failed"; code: string };

/** `last`: no retry follows this attempt, so a passing failure is final too */
export type DeliveryHandler = (payload: Record<string, unknown>, attempt: { last: boolean }) => Promise<DeliveryResult>;

export interface DeliveryRunnerOptions {
  now?: () => number;
  /** how often due entries are looked for; default 30 s */
  intervalMs?: number;
  /** how long an attempt owns an entry (a crashed attempt is taken over after it); default 120 s */
  leaseMs?: number;
  /** attempts before an entry is given up; default 12 (about a day with the backoff) */
  maxAttempts?: number;
  /** backoff cap; default 2 h */
  maxBackoffMs?: number;
  /** done and failed entries are forgotten after; default 30 days */
  keepMs?: number;
  onEvent?: (e: { event: "delivered" | "retry" | "failed"; id: string; kind: DeliveryKind; code?: string; attempts: number }) => void;
  onError?: (e: unknown) => void;
}

/**
 * Whether a send's failure may pass (retry later): throttling, server errors, timeouts and
 * network failures. Anything else (a chat that is gone, no known chat, a refused install)
 * will not get better by waiting: the caller tells an administrator at once.
 */
export function passingFailure(code: string): boolean {
  const http = /^http_(\d{3})$/.exec(code);
  if (http) {
    const status = Number(http[1]);
    return status === 408 || status === 429 || status >= 500;
  }
  // the bot's own outbound pipeline (src/bot/connector/) and its token: no answer, or none yet
  if (/^(connector_(timeout|deadline|unreachable|connection_lost)|token_(request_timeout|network_error))$/.test(code)) return true;
  return /^(E(CONNRESET|CONNREFUSED|CONNABORTED|PIPE|TIMEDOUT|AI_AGAIN|NOTFOUND|HOSTUNREACH|NETUNREACH)|UND_ERR_\w+|ServiceUnavailable|TooManyRequests|InternalServerError|BadGateway|GatewayTimeout|notifier_error)$/.test(code) || /timeout|timedout|abort/i.test(code);
}

/** exponential backoff from 15 s */
export function deliveryBackoff(attempts: number, maxMs: number): number {
  return Math.min(maxMs, 15_000 * 2 ** Math.max(0, attempts - 1));
}

export class DeliveryRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly handlers = new Map<DeliveryKind, DeliveryHandler>();
  private seen = { pending: 0, failed: 0 };
  private readonly o: Required<Omit<DeliveryRunnerOptions, "onEvent" | "onError">> & Pick<DeliveryRunnerOptions, "onEvent" | "onError">;

  constructor(
    private readonly outbox: DeliveryOutbox,
    opts: DeliveryRunnerOptions = {},
  ) {
    this.o = { now: Date.now, intervalMs: 30_000, leaseMs: 120_000, maxAttempts: 12, maxBackoffMs: 2 * 3600_000, keepMs: 30 * 24 * 3600_000, ...opts };
  }

  handle(kind: DeliveryKind, h: DeliveryHandler): void {
    this.handlers.set(kind, h);
  }

  /** written and claimed; the caller runs the first attempt itself (send) */
  /** `leaseMs` 0: due at once, for the next pass (nobody is about to attempt it) */
  async enqueue(id: string, kind: DeliveryKind, payload: Record<string, unknown>, leaseMs = this.o.leaseMs): Promise<"added" | "exists"> {
    const now = this.o.now();
    return this.outbox.put({ id, kind, payload }, now, now + leaseMs);
  }

  /** the first attempt of an entry just enqueued (or one kicked): its result, after it is recorded */
  async attempt(id: string): Promise<DeliveryResult | undefined> {
    const e = await this.outbox.get(id);
    if (!e || e.state !== "pending") return undefined;
    return this.run(e);
  }

  /** makes a waiting entry due now and runs it (e.g. a queued report was just filed) */
  async kick(id: string): Promise<DeliveryResult | undefined> {
    const e = await this.outbox.claim(id, this.o.now() + this.o.leaseMs);
    return e ? this.run(e) : undefined;
  }

  entry(id: string): Promise<DeliveryEntry | undefined> {
    return this.outbox.get(id);
  }

  async counts(): Promise<{ pending: number; failed: number }> {
    this.seen = await this.outbox.counts();
    return this.seen;
  }

  /** the counts as of the last pass or counts() call (for /healthz, which must not wait on a store) */
  lastCounts(): { pending: number; failed: number } {
    return this.seen;
  }

  /** once now (start-up: what a crash left), then on the interval; the timer does not hold the process open */
  start(): void {
    if (this.timer) return;
    void this.drainOnce().catch((e) => this.o.onError?.(e));
    this.timer = setInterval(() => void this.drainOnce().catch((e) => this.o.onError?.(e)), this.o.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * one pass over the due entries; concurrent calls share the pass in flight.
   * `all`: every pending entry, due or not (an admin's "try now").
   */
  drainOnce(opts: { all?: boolean } = {}): Promise<number> {
    this.running ??= this.pass(opts.all === true).finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(all: boolean): Promise<number> {
    const now = this.o.now();
    await this.outbox.prune(now - this.o.keepMs);
    const due = await this.outbox.claimDue(all ? Number.MAX_SAFE_INTEGER : now, 20, now + this.o.leaseMs);
    for (const e of due) await this.run(e);
    await this.counts();
    return due.length;
  }

  private async run(e: DeliveryEntry): Promise<DeliveryResult> {
    const h = this.handlers.get(e.kind);
    let r: DeliveryResult;
    try {
      // no handler yet (approvals still opening): not an attempt
      r = h ? await h(e.payload, { last: e.attempts + 1 >= this.o.maxAttempts }) : { status: "retry", code: "no_handler", afterMs: 5000, countAttempt: false };
    } catch (err) {
      r = { status: "retry", code: err instanceof Error ? err.name.slice(0, 40) : "error" };
    }
    const now = this.o.now();
    const counted = r.status !== "retry" || r.countAttempt !== false;
    const attempts = e.attempts + (counted ? 1 : 0);
    if (r.status === "done") {
      await this.outbox.markDone(e.id, now);
      this.o.onEvent?.({ event: "delivered", id: e.id, kind: e.kind, attempts });
    } else if (r.status === "failed" || attempts >= this.o.maxAttempts) {
      const code = r.code;
      await this.outbox.markFailed(e.id, code, now);
      this.o.onEvent?.({ event: "failed", id: e.id, kind: e.kind, code, attempts });
      if (r.status === "retry") r = { status: "failed", code };
    } else {
      const wait = r.afterMs ?? deliveryBackoff(attempts, this.o.maxBackoffMs);
      await this.outbox.markRetry(e.id, r.code, now + wait, r.payload, counted);
      this.o.onEvent?.({ event: "retry", id: e.id, kind: e.kind, code: r.code, attempts });
    }
    return r;
  }
}
