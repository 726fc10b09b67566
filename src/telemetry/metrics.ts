// The bot's operational metrics, as one small interface the code records into. Nothing is
// recorded unless an exporter is configured (src/telemetry/azure-monitor.ts, installed by
// src/index.ts): the default sink does nothing, so an unconfigured bot pays one call.
// Attributes are codes from fixed sets (activity types, verdicts, reasons), never content.

export interface Metrics {
  /** one activity handled at /api/messages: its type, HTTP status and time to answer */
  activity(type: string, status: number, ms: number): void;
  /** a policy answer: the verdict kind ("yes", "no", "conditional", "none") or "refused" */
  answer(kind: string): void;
  /** a draft review's verdict ("ok", "warn", "block") */
  review(verdict: string): void;
  /** a Graph request repeated (reason: a status code or "network"/"timeout") */
  graphRetry(reason: string): void;
}

const NOOP: Metrics = { activity() {}, answer() {}, review() {}, graphRetry() {} };
let sink: Metrics = NOOP;

export function metrics(): Metrics {
  return sink;
}

/** installs a sink (the exporter, or a test's); returns the function that restores the previous one */
export function setMetrics(m: Metrics): () => void {
  const before = sink;
  sink = m;
  return () => {
    sink = before;
  };
}

const CODE = /^[A-Za-z0-9/._-]{1,40}$/;

/** an attribute value from a fixed vocabulary: anything else (never expected) becomes "other" */
export function code(v: unknown): string {
  return typeof v === "string" && CODE.test(v) ? v : "other";
}
