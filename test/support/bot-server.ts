// Starts the real app (src/app.ts) on an ephemeral port, with its log captured.
import { loadConfig } from "../../src/config";
import { buildApp, type App } from "../../src/app";
import type { PolicyLibrary } from "../../src/policy/types";
import { captureLog, type CapturedLog } from "./log-capture";
import { testLibrary } from "./library";

export interface RunningBot {
  url: string;
  app: App;
  logs: CapturedLog;
  library: PolicyLibrary;
  stop(): Promise<void>;
}

export async function startBot(env: Record<string, string> = {}): Promise<RunningBot> {
  // port 0: an ephemeral port (the config itself only accepts real ports)
  const config = { ...loadConfig({ LOG_LEVEL: "trace", ...env }), port: 0 };
  const logs = captureLog();
  const library = testLibrary();
  const app = buildApp(config, logs.log, { library });
  const addr = await app.listen();
  return { url: addr.url, app, logs, library, stop: () => app.close() };
}
