// Process entry: read config, build the app, listen, shut down cleanly.
import * as fs from "node:fs";
import * as path from "node:path";
import { loadConfig, ConfigError, refuseDemoInProduction } from "./config";
import { projectRoot } from "./project-root";
import { createLogger } from "./logging";
import { buildApp } from "./app";
import { gracefulShutdown } from "./lifecycle/shutdown";
import { setMetrics } from "./telemetry/metrics";

/** .env at the project root feeds the environment; variables already set win */
function loadDotEnv(): void {
  const file = path.join(projectRoot(), ".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

/** how often metrics go to Application Insights */
const METRICS_EXPORT_INTERVAL_MS = 60_000;

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  refuseDemoInProduction(config);
  const log = createLogger(config.log);
  const app = buildApp(config, log);
  // metrics only when Application Insights is configured: otherwise the exporter is not even loaded
  let flushMetrics: (() => Promise<void>) | undefined;
  if (config.telemetry.connectionString) {
    const { startAzureMonitorMetrics } = await import("./telemetry/azure-monitor");
    const exp = startAzureMonitorMetrics({ connectionString: config.telemetry.connectionString, exportIntervalMs: METRICS_EXPORT_INTERVAL_MS, outboxDepths: app.outboxDepths, log });
    setMetrics(exp.metrics);
    flushMetrics = () => exp.shutdown();
  }
  const addr = await app.listen();
  log.info(
    { event: "listening", url: addr.url, auth: config.authEnabled, defaultPack: config.policy.defaultPack, metrics: flushMetrics ? "applicationInsights" : "off" },
    `Policybot listening on ${addr.url}/api/messages`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: "shutdown", signal, inFlight: app.admission.active, deadlineMs: config.shutdownTimeoutMs }, "shutting down");
    // a step that hangs past every deadline still ends the process
    const force = setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 2000);
    force.unref();
    gracefulShutdown({ admission: app.admission, drainOutboxes: app.drainOutboxes, flushMetrics, close: app.close, log }, config.shutdownTimeoutMs).then(
      (r) => {
        log.info({ event: "shutdown", step: "done", ...r }, "stopped");
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err: unknown) => {
  // configuration and pack errors carry their own clear message; print it, not a stack
  const msg = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`policybot: ${msg}\n`);
  process.exit(1);
});
