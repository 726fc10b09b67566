// Process entry: read config, build the app, listen, shut down cleanly.
import * as fs from "node:fs";
import * as path from "node:path";
import { loadConfig, ConfigError, refuseDemoInProduction } from "./config";
import { projectRoot } from "./project-root";
import { createLogger } from "./logging";
import { buildApp } from "./app";

/** .env at the project root feeds the environment; variables already set win */
function loadDotEnv(): void {
  const file = path.join(projectRoot(), ".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  refuseDemoInProduction(config);
  const log = createLogger(config.log);
  const app = buildApp(config, log);
  const addr = await app.listen();
  log.info({ event: "listening", url: addr.url, auth: config.authEnabled, defaultPack: config.policy.defaultPack }, `Policybot listening on ${addr.url}/api/messages`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: "shutdown", signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    app.close().then(() => process.exit(0), () => process.exit(1));
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
