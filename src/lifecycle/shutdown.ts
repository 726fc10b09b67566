// Graceful shutdown (SIGTERM from App Service or Container Apps on a restart, scale-in or
// deploy; SIGINT from a terminal): stop taking activities, let those in flight finish, one
// pass of the outboxes over what is due, the last metrics export, close the stores. Each
// step has what is left of one deadline; what does not finish in time stays in the durable
// outboxes for the next start (or another instance).
import type { Logger } from "../logging";
import type { Admission } from "./admission";

export interface ShutdownParts {
  admission: Admission;
  /** one pass of the incident and delivery outboxes over the due entries */
  drainOutboxes(): Promise<void>;
  /** the last metrics export, when metrics are exported */
  flushMetrics?: () => Promise<void>;
  /** stops timers, the server and the stores */
  close(): Promise<void>;
  log: Logger;
}

export interface ShutdownResult {
  /** every turn in flight finished before its deadline */
  turnsFinished: boolean;
  /** the outbox pass finished before its deadline */
  outboxesDrained: boolean;
  ms: number;
}

/** time kept back for the metrics export and closing the stores */
const CLOSE_RESERVE_MS = 1000;

export async function gracefulShutdown(p: ShutdownParts, deadlineMs: number): Promise<ShutdownResult> {
  const started = Date.now();
  const left = () => Math.max(0, deadlineMs - (Date.now() - started) - CLOSE_RESERVE_MS);
  p.admission.close();
  const inFlight = p.admission.active;
  const turnsFinished = await p.admission.idle(left());
  p.log.info({ event: "shutdown", step: "turns", inFlight, finished: turnsFinished, ms: Date.now() - started }, "turns in flight handled");

  const outboxesDrained = await within(p.drainOutboxes().then(() => true, (e: unknown) => {
    p.log.warn({ event: "shutdown", step: "outboxes", err: e instanceof Error ? e.name : "error" }, "outbox pass failed");
    return false;
  }), left(), false);
  p.log.info({ event: "shutdown", step: "outboxes", finished: outboxesDrained, ms: Date.now() - started }, "outbox pass done");

  if (p.flushMetrics) await within(p.flushMetrics().then(() => true, () => false), Math.max(CLOSE_RESERVE_MS / 2, left()), false);
  await within(p.close().then(() => true), Math.max(CLOSE_RESERVE_MS / 2, deadlineMs - (Date.now() - started)), false);
  return { turnsFinished, outboxesDrained, ms: Date.now() - started };
}

/** p, or `fallback` after ms */
function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]).finally(() => clearTimeout(timer));
}
