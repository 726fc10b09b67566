// Starts the Microsoft 365 Agents Playground (offline, telemetry off, no browser
// launch) as a child process pointed at a bot endpoint.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { freePort } from "./ports";

export interface Playground {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** the Playground's mock-user file in which the user is Megan Bowen, Alex Wilber's manager */
export const MEGAN_BOWEN = path.resolve(__dirname, "../../../infra/playground/megan-bowen.yml");

/**
 * `env` is added to the Playground's environment (TZ: the zone its user's activities carry);
 * `config` is a mock-user file (.m365agentsplayground.yml): another current user than Alex Wilber
 */
export async function startPlayground(botEndpoint: string, timeoutMs = 30000, env: Record<string, string> = {}, config?: string): Promise<Playground> {
  const port = await freePort();
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-playground-"));
  const cli = require.resolve("@microsoft/m365agentsplayground/cli.js");
  const child: ChildProcess = spawn(process.execPath, [cli, "start", "-e", botEndpoint, "-c", "msteams", "-p", String(port), "--disable-telemetry"], {
    cwd,
    // statsbeat: the Application Insights SDK's own telemetry, which --disable-telemetry leaves on (off the machine)
    env: { ...process.env, ...env, TEAMSAPPTESTER_BROWSER: "none", APPLICATION_INSIGHTS_NO_STATSBEAT: "true", M365_AGENTS_PLAYGROUND_LOGFILE: path.join(cwd, "playground.log"), ...(config ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: config } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(cwd, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Agents Playground exited early:\n${out}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the Agents Playground did not answer on ${url} within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, output: () => out, stop };
}
