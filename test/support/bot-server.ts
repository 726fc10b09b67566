// Starts the real app (src/app.ts) on an ephemeral port, with its log captured.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadConfig } from "../../src/config";
import { buildApp, type App } from "../../src/app";
import type { PolicyLibrary } from "../../src/policy/types";
import { captureLog, type CapturedLog } from "./log-capture";
import { testLibrary } from "./library";
import { TENANT_ID } from "./activities";

export interface RunningBot {
  url: string;
  app: App;
  logs: CapturedLog;
  library: PolicyLibrary;
  stop(): Promise<void>;
}

export async function startBot(env: Record<string, string> = {}): Promise<RunningBot> {
  // a fresh data folder per bot unless the test names one: tests never write into the checkout
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "policybot-test-"));
  // port 0: an ephemeral port (the config itself only accepts real ports)
  // with an app id the tenant allow-list applies: the test activities' tenant, unless the test names one
  const tenants = env.MICROSOFT_APP_ID && env.ALLOWED_TENANT_IDS === undefined && !env.MICROSOFT_APP_TENANT_ID ? { ALLOWED_TENANT_IDS: TENANT_ID } : {};
  const config = { ...loadConfig({ LOG_LEVEL: "trace", ...tenants, ...env, DATA_DIR: dataDir }), port: 0 };
  const logs = captureLog();
  const library = testLibrary();
  const app = buildApp(config, logs.log, { library });
  const addr = await app.listen();
  const stop = async () => {
    await app.close();
    if (env.DATA_DIR === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url: addr.url, app, logs, library, stop };
}
