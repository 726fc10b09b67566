// Retries throttling and unavailability, honouring Retry-After, within a time budget:
// a person is waiting for the card. Longer waits are left to the outbox (a Retry-After
// beyond the budget is not waited for). Each attempt has a timeout, and an attempt that
// timed out uses up its timeout of the budget too, so a hung read is not tried four
// times over. A write that timed out or lost its connection is never retried here (it
// may have happened); the caller looks before writing again. A signal the caller gave
// still aborts the request.
import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import type { Clock } from "../../incidents/clock";
import { parseRetryAfter, TRANSPORT } from "../graph-error";
import { methodOf } from "./headers";
import { metrics } from "../../telemetry/metrics";

export interface RetryOptions {
  /** retries after the first attempt; default 3 */
  maxRetries?: number;
  /** total time spent waiting between attempts, and on attempts that timed out; default 8 s */
  budgetMs?: number;
  /** one attempt; default 10 s */
  timeoutMs?: number;
  /** first backoff when the server gives no Retry-After; default 500 ms, doubling */
  baseDelayMs?: number;
}

export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly o: Required<RetryOptions>;

  constructor(
    private readonly clock: Clock,
    opts: RetryOptions = {},
  ) {
    this.o = { maxRetries: 3, budgetMs: 8_000, timeoutMs: 10_000, baseDelayMs: 500, ...opts };
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(ctx: Context): Promise<void> {
    const method = methodOf(ctx);
    const idempotent = method === "GET" || method === "PUT" || method === "DELETE";
    let waited = 0;
    const callerSignal = ctx.options?.signal ?? undefined;
    for (let attempt = 0; ; attempt++) {
      ctx.options ??= {};
      const timeout = AbortSignal.timeout(this.o.timeoutMs);
      ctx.options.signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
      try {
        await this.next!.execute(ctx);
      } catch (e) {
        const err = transportError(e);
        if (callerSignal?.aborted) throw err;
        const delay = this.o.baseDelayMs * 2 ** attempt;
        const cost = delay + (timeout.aborted ? this.o.timeoutMs : 0);
        if (!idempotent || attempt >= this.o.maxRetries || waited + cost > this.o.budgetMs) throw err;
        waited += cost;
        metrics().graphRetry(err.name);
        await this.clock.sleep(delay);
        continue;
      }
      const status = ctx.response?.status ?? 0;
      // 429 and 503 are refused before any work is done: safe to repeat even a POST
      const retryable = status === 429 || status === 503 || (idempotent && (status === 502 || status === 504));
      if (!retryable || attempt >= this.o.maxRetries) return;
      const delay = parseRetryAfter(ctx.response?.headers.get("retry-after"), this.clock.now()) ?? this.o.baseDelayMs * 2 ** attempt;
      if (waited + delay > this.o.budgetMs) return; // the caller gets the 429/503 and its Retry-After
      waited += delay;
      metrics().graphRetry(String(status));
      // drain the body so the connection can be reused
      await ctx.response?.arrayBuffer().catch(() => undefined);
      await this.clock.sleep(delay);
    }
  }
}

function transportError(e: unknown): Error {
  const name = (e as { name?: string }).name;
  const err = new Error(e instanceof Error ? `${e.message}${causeText(e)}` : String(e));
  err.name = name === "TimeoutError" || name === "AbortError" ? TRANSPORT.timeout : name === TRANSPORT.token ? TRANSPORT.token : TRANSPORT.network;
  return err;
}

function causeText(e: Error): string {
  const c = (e as { cause?: { code?: string; message?: string } }).cause;
  return c ? ` (${c.code ?? c.message ?? ""})` : "";
}
