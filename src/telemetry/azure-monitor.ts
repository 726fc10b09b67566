// Metrics to Application Insights through OpenTelemetry (pure-JS exporter: no native code,
// nothing downloaded). Loaded by src/index.ts only when APPLICATIONINSIGHTS_CONNECTION_STRING
// is set. The connection string goes to the exporter and nowhere else (never into a log line).
import * as os from "node:os";
import type { Attributes } from "@opentelemetry/api";
import { MeterProvider, PeriodicExportingMetricReader, type AggregationTemporality, type InstrumentType, type PushMetricExporter, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { AzureMonitorMetricExporter } from "@azure/monitor-opentelemetry-exporter";
import type { Logger } from "../logging";
import { code, type Metrics } from "./metrics";

/** outbox depths, read when the metrics are collected (the stores may answer asynchronously) */
export type OutboxDepths = () => Promise<{ incidents: number; deliveries: { pending: number; failed: number } }>;

export interface AzureMonitorOptions {
  connectionString: string;
  exportIntervalMs: number;
  outboxDepths: OutboxDepths;
  log: Logger;
}

export interface MetricsExport {
  metrics: Metrics;
  /** exports what is recorded now (the shutdown's last export) */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export function startAzureMonitorMetrics(o: AzureMonitorOptions): MetricsExport {
  // the SDK's own usage reports ("statsbeat") go to a Microsoft-owned resource, not the
  // organisation's: off, so the bot's telemetry reaches only the configured resource
  process.env.APPLICATION_INSIGHTS_NO_STATSBEAT = "true";
  process.env.APPLICATIONINSIGHTS_SDKSTATS_DISABLED = "true";
  const exporter = new AzureMonitorMetricExporter({ connectionString: o.connectionString, disableOfflineStorage: true });
  const reader = new PeriodicExportingMetricReader({ exporter: new LoggedExport(exporter, o.log), exportIntervalMillis: o.exportIntervalMs, exportTimeoutMillis: Math.min(30_000, o.exportIntervalMs) });
  const provider = new MeterProvider({
    resource: resourceFromAttributes({ "service.name": "policybot", "service.instance.id": `${os.hostname()}:${process.pid}` }),
    readers: [reader],
  });
  const meter = provider.getMeter("policybot");
  const activities = meter.createCounter("policybot.activities", { description: "activities handled at /api/messages" });
  const turnMs = meter.createHistogram("policybot.turn.duration", { description: "time to answer an activity", unit: "ms" });
  const answers = meter.createCounter("policybot.answers", { description: "policy answers by verdict kind" });
  const reviews = meter.createCounter("policybot.reviews", { description: "draft reviews by verdict" });
  const graphRetries = meter.createCounter("policybot.graph.retries", { description: "Graph requests repeated" });
  const depth = meter.createObservableGauge("policybot.outbox.depth", { description: "entries waiting in an outbox" });
  depth.addCallback(async (r) => {
    try {
      const d = await o.outboxDepths();
      r.observe(d.incidents, { outbox: "incidents", state: "pending" });
      r.observe(d.deliveries.pending, { outbox: "deliveries", state: "pending" });
      r.observe(d.deliveries.failed, { outbox: "deliveries", state: "failed" });
    } catch (e) {
      o.log.warn({ event: "metrics", step: "outboxDepth", err: e instanceof Error ? e.name : "error" }, "outbox depth not read");
    }
  });
  const m: Metrics = {
    activity(type, status, ms) {
      const a: Attributes = { activity_type: code(type), status: Math.floor(status / 100) * 100 };
      activities.add(1, a);
      turnMs.record(ms, { activity_type: a.activity_type });
    },
    answer: (kind) => answers.add(1, { verdict_kind: code(kind) }),
    review: (verdict) => reviews.add(1, { verdict: code(verdict) }),
    graphRetry: (reason) => graphRetries.add(1, { reason: code(reason) }),
  };
  return { metrics: m, flush: () => provider.forceFlush(), shutdown: () => provider.shutdown() };
}

/** the exporter, with a failed export logged as one line (its error's name, never its message: that could carry the endpoint) */
class LoggedExport implements PushMetricExporter {
  constructor(
    private readonly inner: PushMetricExporter,
    private readonly log: Logger,
  ) {}
  export(metrics: ResourceMetrics, done: Parameters<PushMetricExporter["export"]>[1]): void {
    this.inner.export(metrics, (r) => {
      if (r.code !== 0) this.log.warn({ event: "metrics", step: "export", err: r.error?.name ?? "error" }, "metrics not exported");
      done(r);
    });
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
  selectAggregationTemporality(t: InstrumentType): AggregationTemporality {
    return this.inner.selectAggregationTemporality!(t);
  }
}
